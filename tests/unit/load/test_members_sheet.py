"""The members spreadsheet inside a network file: merged after `members`, errors and findings
naming the spreadsheet's row and column."""

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
from oncocheck.report import Location, Verdict
from sheets import write_xlsx
from paths import CASES

BASE = yaml.safe_load((CASES / "base.yaml").read_text("utf-8"))
OPTIONS = choose("loppsoz@2024", date(2026, 11, 23), date(2026, 11, 23))
HEADER = ["Naam", "Organisatie", "Discipline", "Verwijsgids"]


def network(tmp_path: Path, members_file: str | None, members: list | None = None) -> Path:
    data = copy.deepcopy(BASE)
    data["members"] = members if members is not None else data["members"][:1]
    if members_file is not None:
        data["members_file"] = members_file
    path = tmp_path / "netwerk.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def good_rows() -> list[list[object]]:
    return [HEADER, ["B", "Praktijk Zuid", "Diëtist", "ja"], [None] * 4,
            ["C", None, "GZ-psycholoog", True], ["D", None, "ergotherapeut", False],
            ["E", None, "huisarts", None]]


def test_sheet_members_follow_inline_members_with_their_rows(tmp_path: Path) -> None:
    write_xlsx(tmp_path / "leden.xlsx", good_rows())
    result = check_file(network(tmp_path, "leden.xlsx"), "netwerk.yaml", [OPTIONS])[0]
    assert result.verdict is Verdict.COMPLIANT, result.errors or result.findings
    assert [m.name for m in result.members] == ["A", "B", "C", "D", "E"]
    assert result.members[0].location.source is None
    assert result.members[1].location == Location("members[1]", 2, 1, "leden.xlsx")
    assert result.members[2].location == Location("members[2]", 4, 1, "leden.xlsx")


def test_unknown_discipline_names_row_and_column(tmp_path: Path) -> None:
    rows = good_rows()
    rows[3:3] = [["X", None, "dietist", "ja"], ["F", None, "fysio therapeut", "ja"]]
    write_xlsx(tmp_path / "leden.xlsx", rows)
    path = network(tmp_path, "leden.xlsx")
    result = check_file(path, "netwerk.yaml", [OPTIONS])[0]
    [error] = result.errors
    assert (error.source, error.line, error.column, error.path) == (
        "leden.xlsx", 5, 3, "members[3].discipline")
    out = CliRunner().invoke(app, ["check", str(path)]).output
    assert ("leden.xlsx: rij 5, kolom C (discipline): lid 'F': onbekende discipline "
            "'fysio therapeut'; bedoelt u 'fysiotherapeut'?") in out
    out = CliRunner().invoke(app, ["check", str(path), "--lang", "en"]).output
    assert ("leden.xlsx: row 5, column C (discipline): member 'F': unknown discipline "
            "'fysio therapeut'; did you mean 'fysiotherapeut'?") in out


def test_errors_of_both_files_are_listed_together(tmp_path: Path) -> None:
    (tmp_path / "leden.csv").write_text("naam;discipline;verwijsgids\nB;dietist;misschien\n"
                                        ";psycholoog;ja\n", encoding="utf-8")
    path = network(tmp_path, "leden.csv", [{"name": "A", "discipline": "dietis"}])
    errors = check_file(path, "netwerk.yaml", [OPTIONS])[0].errors
    assert [(e.source, e.path) for e in errors] == [
        (None, "members[0].discipline"), ("leden.csv", "members[1].verwijsgids"),
        ("leden.csv", "members_file")]
    assert [(e.line, e.column) for e in errors[1:]] == [(2, 3), (3, 1)]
    assert errors[0].line is not None and "dietis" in errors[0].message.en
    assert "vul de naam in" in errors[2].message.nl


def test_missing_sheet_is_a_load_error_at_members_file(tmp_path: Path) -> None:
    path = network(tmp_path, "docs/leden.xlsx")
    [error] = check_file(path, "data/netwerk.yaml", [OPTIONS])[0].errors
    assert error.path == "members_file" and error.source is None
    line = path.read_text("utf-8").splitlines()[error.line - 1]
    assert line.startswith("members_file:")
    assert "ledenlijst niet gevonden: data/docs/leden.xlsx" in error.message.nl


def test_duplicate_across_file_and_sheet_points_at_the_row(tmp_path: Path) -> None:
    (tmp_path / "leden.csv").write_text("name,discipline\nB,dietist\nA,fysio\n", encoding="utf-8")
    result = check_file(network(tmp_path, "leden.csv"), "netwerk.yaml", [OPTIONS])[0]
    [warning] = [f for f in result.findings if f.criterion == "duplicate-member"]
    assert warning.location == Location("members[2]", 3, 1, "leden.csv")
    assert warning.message.nl == ("leden.csv: rij 3, 'A' heeft dezelfde naam en discipline als "
                                  "lid 1, 'A'; telt één keer")


def test_a_member_in_both_the_file_and_the_sheet_counts_once(tmp_path: Path) -> None:
    """Issue 24.8: warned as a duplicate, and counted once in 2a (not 1/3 but 1/2), the
    repeat left out of the denominator with its reason; spelled differently it is the same
    member (normalised name and discipline)."""
    (tmp_path / "leden.csv").write_text("name,discipline,verwijsgids\nB,dietist,nee\n"
                                        " a ,Fysio,ja\n", encoding="utf-8")
    result = check_file(network(tmp_path, "leden.csv"), "netwerk.yaml", [OPTIONS])[0]
    two_a = next(f for f in result.findings if f.criterion == "2a")
    assert (two_a.observed["listed"], two_a.observed["eligible"]) == (1, 2)
    assert two_a.observed["excluded"] == [{"member": "a", "path": "members[2]",
                                           "reason": "duplicate"}]
    assert "1/2 = 50%" in two_a.message.en and "listed twice (counted once)" in two_a.message.en
    assert result.members[2].excluded_from_2a is not None and \
        "telt één keer" in result.members[2].excluded_from_2a.nl
    one_a = next(f for f in result.findings if f.criterion == "1a")
    assert one_a.observed["count"] == 2, one_a.observed


def test_json_errors_carry_the_sheet_as_source(tmp_path: Path) -> None:
    (tmp_path / "leden.csv").write_text("name,discipline,postcode\nB,dietist,13\n", "utf-8")
    path = network(tmp_path, "leden.csv")
    out = CliRunner().invoke(app, ["check", str(path), "--format", "json"]).output
    [error] = json.loads(out)["results"][0]["errors"]
    assert error["source"].endswith("leden.csv") and (error["line"], error["column"]) == (2, 3)
    assert error["message"] == "member 'B': expected a postcode like 1311 or 1311 AB, not '13'"
