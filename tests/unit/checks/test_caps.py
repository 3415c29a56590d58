"""The caps: at most 100 load errors per file whatever their source, at most 100 warnings of one
kind per file, each time with one line saying how many more (the hostile corpus has the large
cases; these pin the arithmetic and the JSON shape)."""

from __future__ import annotations

import copy
import json
from datetime import date
from pathlib import Path

import yaml
from one_command import CliRunner

from oncocheck.cli.app import app
from oncocheck.run.decide import choose
from oncocheck.run.file import check_file
from oncocheck.checks.notices import MAX_WARNINGS, capped_warnings
from oncocheck.report import Finding, LoadError, Severity, Status, Text
from oncocheck.load.validate import MAX_ERRORS, capped
from paths import CASES

BASE = yaml.safe_load((CASES / "base.yaml").read_text("utf-8"))
OPTIONS = choose("loppsoz@2024", date(2026, 11, 23), date(2026, 11, 23))


def _error(number: int) -> LoadError:
    return LoadError(Text(f"fout {number}", f"error {number}"), f"x{number}", number, 1)


def test_capped_lists_100_and_counts_the_rest_with_what_was_never_made() -> None:
    assert capped([_error(i) for i in range(5)]).errors == [_error(i) for i in range(5)]
    failed = capped([_error(i) for i in range(150)], omitted=1000)
    assert failed.listed == [_error(i) for i in range(MAX_ERRORS)]
    assert failed.omitted == 1050
    *shown, more = failed.errors
    assert len(shown) == MAX_ERRORS and more.line is None
    assert more.message == Text("en nog 1050 fouten; herstel eerst de fouten hierboven",
                                "and 1050 more errors; fix the ones above first")


def _warning(kind: str, number: int) -> Finding:
    return Finding(kind, Severity.WARNING, Status.NOT_MET, Text(kind, kind),
                   Text(f"{kind} {number}", f"{kind} {number}"), {"n": number},
                   None, Text("doe iets", "do something"))


def test_capped_warnings_keeps_100_of_each_kind_and_stands_one_for_the_rest() -> None:
    criterion = Finding("1a", Severity.ERROR, Status.MET, Text("t", "t"), Text("m", "m"))
    findings = [criterion, *(_warning("a", i) for i in range(130)), _warning("b", 0),
                *(_warning("c", i) for i in range(101))]
    kept = capped_warnings(findings)
    ids = [f.criterion for f in kept]
    assert ids == ["1a", *["a"] * (MAX_WARNINGS + 1), "b", *["c"] * (MAX_WARNINGS + 1)]
    more_a, more_c = kept[MAX_WARNINGS + 1], kept[-1]
    assert more_a.message == Text("… en nog 30", "… and 30 more")
    assert more_a.observed == {"more": 30} and more_a.remediation is None
    assert more_a.title == Text("a", "a") and more_a.severity is Severity.WARNING
    assert more_c.observed == {"more": 1}
    assert capped_warnings(findings[:50]) == findings[:50]


def test_duplicate_member_warnings_in_the_json_report(tmp_path: Path) -> None:
    data = copy.deepcopy(BASE)
    data["members"] = [{"name": "Jan Jansen", "discipline": "dietist"}] * 150
    path = tmp_path / "netwerk.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    result = check_file(path, "netwerk.yaml", [OPTIONS])[0]
    assert sum(f.criterion == "duplicate-member" for f in result.findings) == MAX_WARNINGS + 1
    out = CliRunner().invoke(app, ["check", "--as-of", "2026-11-23", "--criteria",
                                   "loppsoz@2024", "-f", "json", str(path)]).output
    duplicates = [f for f in json.loads(out)["results"][0]["findings"]
                  if f["criterion"] == "duplicate-member"]
    assert len(duplicates) == MAX_WARNINGS + 1
    last = duplicates[-1]
    assert last["message"] == "… and 49 more" and last["observed"] == {"more": 49}
    assert last["severity"] == "warning" and last["status"] == "not_met"
    assert "remediation" not in last and last["location"]["path"] == "members[101]"
