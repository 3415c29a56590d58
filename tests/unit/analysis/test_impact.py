"""`oncocheck impact` on fixtures with known answers (tests/impact/).

The fixture networks are identical but for their members; their 2a shares are 45% (9/20),
exactly 50% (5/10), 55% (11/20), exactly 60% (6/10), 62.5% (5/8) and 70% (7/10); one network
has nobody of a Verwijsgids profession (share undefined; 1a and 1b not met either) and one file
is invalid. loppsoz@2021 asks 50% for 2a and loppsoz@2024 60%; nothing else differs.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import html5lib
import pytest
from htmlcheck import external_references, strict_parse
from one_command import CliRunner

from oncocheck.cli.app import app
from oncocheck.run.decide import choose
from oncocheck.analysis.impact import compare, criterion_order
from oncocheck.render import render
from oncocheck.run.batch import run as run_batch
from oncocheck.run.walk import network_files
from paths import ROOT

FIXTURES = "tests/impact"
VERSIONS = ["--from", "loppsoz@2021", "--to", "loppsoz@2024", "--as-of", "2026-11-23"]
HOSTILE = "<script>alert(1)</script>"


@pytest.fixture(autouse=True)
def in_root() -> Iterator[None]:
    """Run from the project root, so display paths read `tests/impact/...`."""
    cwd = Path.cwd()
    os.chdir(ROOT)
    yield
    os.chdir(cwd)


@pytest.fixture(scope="module")
def impact():
    """The Impact of 2021 -> 2024 on the fixtures, with the 2a sweep."""
    cwd = Path.cwd()
    os.chdir(ROOT)
    try:
        day = date(2026, 11, 23)
        reports = run_batch(list(network_files([FIXTURES])),
                      (choose("loppsoz@2021", day, day), choose("loppsoz@2024", day, day)))
    finally:
        os.chdir(cwd)
    return compare(*reports, sweep=True)


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["impact", *args])
    assert "Traceback" not in result.output and not isinstance(result.exception, Exception) \
        or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, result.output


def test_networks_at_50_and_55_percent_flip_to_not_compliant(impact) -> None:
    flipped = [(c.file, c.network, c.before.value, c.after.value) for c in impact.changes]
    assert flipped == [
        ("tests/impact/b-50.yaml", "Netwerk Vijftig", "compliant", "not_compliant"),
        ("tests/impact/c-55.yaml", "Netwerk Vijfenvijftig", "compliant", "not_compliant")]
    assert impact.summary_before == {"files": 8, "compliant": 5, "not_compliant": 2,
                                     "invalid": 1, "criteria": {"loppsoz@2021": 7}}
    assert impact.summary_after == {"files": 8, "compliant": 3, "not_compliant": 4,
                                    "invalid": 1, "criteria": {"loppsoz@2024": 7}}


def test_only_2a_changes_and_its_transitions_are_counted(impact) -> None:
    by_id = {c.id: c for c in impact.criteria}
    assert list(by_id) == ["1a", "1b", "2a", "2b", "3", "4", "5", "6", "7", "8", "9", "10"]
    moves = {(a, b): n for a, b, n in by_id["2a"].transitions}
    assert moves == {("met", "not_met"): 2, ("met", "missing"): 0, ("not_met", "met"): 0,
                     ("not_met", "missing"): 0, ("missing", "met"): 0,
                     ("missing", "not_met"): 0}
    assert (by_id["2a"].changed, by_id["2a"].failing_before, by_id["2a"].failing_after) == \
        (2, 2, 4)  # 45% and the empty denominator; then 50% and 55% as well
    for cid in ("1a", "1b"):  # the network without Verwijsgids professions, in both versions
        assert (by_id[cid].changed, by_id[cid].failing_before, by_id[cid].failing_after) == \
            (0, 1, 1)
    for cid in ("2b", "3", "4", "5", "6", "7", "8", "9", "10"):
        assert (by_id[cid].changed, by_id[cid].failing_before) == (0, 0)


def test_share_histogram_and_summary(impact) -> None:
    shares = impact.shares
    expected = [0] * 20
    expected[9] = expected[10] = expected[11] = expected[14] = 1  # 45, 50, 55, 70
    expected[12] = 2  # exactly 60% and 62.5% both fall in 60-65%
    assert list(shares.counts) == expected
    assert (shares.networks, shares.undefined, shares.invalid) == (6, 1, 1)
    assert (float(shares.minimum), float(shares.median), float(shares.maximum)) == \
        (0.45, 0.575, 0.7)
    assert impact.thresholds == (0.5, 0.6)


def test_sweep_counts_and_agreement_with_the_check(impact) -> None:
    assert [(p.threshold, p.meeting) for p in impact.sweep] == [
        (40, 6), (45, 6), (50, 5), (55, 4), (60, 3), (65, 1), (70, 1), (75, 0), (80, 0)]
    sweep = dict((p.threshold, p.meeting) for p in impact.sweep)
    two_a = next(c for c in impact.criteria if c.id == "2a")
    valid = impact.summary_after["files"] - impact.summary_after["invalid"]
    assert sweep[50] == valid - two_a.failing_before  # the 2021 check's 2a
    assert sweep[60] == valid - two_a.failing_after  # the 2024 check's 2a


def test_criterion_order_is_official() -> None:
    assert criterion_order({"10", "2b", "1a", "3", "2a", "1b", "9"}) == \
        ["1a", "1b", "2a", "2b", "3", "9", "10"]


def test_json_shape_and_order() -> None:
    code, out = run(FIXTURES, *VERSIONS, "--sweep", "2a", "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert list(data) == ["schema_version", "tool", "as_of", "as_of_dates", "from", "to",
                          "summary", "verdict_changes", "criteria", "share_2a", "sweep"]
    assert data["from"] == {"set": "loppsoz", "version": "2021", "valid_from": "2021-01-01"}
    assert data["verdict_changes"][0] == {"file": "tests/impact/b-50.yaml",
                                          "network": "Netwerk Vijftig", "from": "compliant",
                                          "to": "not_compliant", "criteria": [
                                              {"criterion": "2a", "from": "met",
                                               "to": "not_met"}]}
    two_a = data["criteria"][2]
    assert two_a["criterion"] == "2a" and two_a["transitions"]["met->not_met"] == 2
    assert two_a["failing"] == {"from": 2, "to": 4}
    share = data["share_2a"]
    assert (share["min"], share["median"], share["max"]) == (45.0, 57.5, 70.0)
    assert share["thresholds"] == {"from": 50.0, "to": 60.0}
    assert share["bins"][12] == {"from": 60, "to": 65, "networks": 2}
    assert data["sweep"]["points"][4] == {"threshold": 60, "networks": 3, "networks_from": 3}
    assert data["sweep"]["at_thresholds"] == {"from": {"threshold": 50.0, "networks": 5},
                                              "to": {"threshold": 60.0, "networks": 3}}
    assert run(FIXTURES, *VERSIONS, "--sweep", "2a", "--format", "json")[1] == out
    assert json.loads(run(FIXTURES, *VERSIONS, "--format", "json")[1])["sweep"] is None


def test_console_in_dutch_and_english() -> None:
    code, out = run(FIXTURES, *VERSIONS, "--sweep", "2a")
    assert code == 0
    for text in ("Impact van een criteriaversie: loppsoz@2021 → loppsoz@2024",
                 "Netwerken met een ander oordeel", "Netwerk Vijfenvijftig",
                 "voldaan → niet voldaan: 2", "drempel loppsoz@2024 60%",
                 "laagste 45%, mediaan 57,5%, hoogste 70%",
                 "zonder aandeel (niemand telt mee voor 2a): 1",
                 "1 ongeldig bestand is niet meegeteld.", "Drempelverkenning 2a"):
        assert text in out, text
    code, out = run(FIXTURES, *VERSIONS, "--lang", "en")
    assert code == 0
    for text in ("Networks that change verdict", "met → not met: 2", "Not compliant",
                 "lowest 45%, median 57.5%, highest 70%", "threshold loppsoz@2021 50%"):
        assert text in out, text
    assert "sweep" not in out.lower()


def test_console_shows_a_network_name_as_written(impact) -> None:
    from dataclasses import replace

    from oncocheck.analysis.impact import VerdictChange
    from oncocheck.report import Verdict

    change = VerdictChange("x.yaml", "[bold]Net[/bold] ::error::", Verdict.COMPLIANT,
                           Verdict.NOT_COMPLIANT)
    out = render(replace(impact, changes=(change,)), "console", "en")
    assert "[bold]Net[/bold] ::error::" in out


def test_html_is_self_contained_escaped_and_has_charts(impact) -> None:
    page = render(impact, "html", "en")
    strict_parse(page)
    assert external_references(page) == []
    assert "<script" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" not in page
    tree = html5lib.parse(page, namespaceHTMLElements=False)
    assert tree.get("lang") == "en"
    svgs = [e for e in tree.iter() if e.tag.endswith("svg")]
    assert len(svgs) == 2 and all(s.get("role") == "img" and s.get("aria-label") for s in svgs)
    assert all(any(c.tag.endswith("title") for c in s) for s in svgs)
    text = " ".join(" ".join(tree.find(".//body").itertext()).split())
    for expected in ("Networks that change verdict", "Netwerk Vijftig", "60–65% 2",
                     "lowest: 45%", "60% 3", "65% 1"):  # the charts' numbers in tables too
        assert expected in text, expected
    assert "loppsoz@2021 50%" in page and "loppsoz@2024 60%" in page  # threshold lines


def test_hostile_network_name_is_text_in_every_format(impact, tmp_path: Path) -> None:
    from dataclasses import replace

    from oncocheck.analysis.impact import VerdictChange
    from oncocheck.report import Verdict

    change = VerdictChange("tests/impact/f-70.yaml", HOSTILE, Verdict.COMPLIANT,
                           Verdict.NOT_COMPLIANT)
    hostile = replace(impact, changes=(change,))
    page = render(hostile, "html", "nl")
    assert HOSTILE not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    tree = html5lib.parse(page, namespaceHTMLElements=False)
    assert tree.find(".//script") is None
    assert HOSTILE in " ".join(tree.find(".//body").itertext())
    assert json.loads(render(hostile, "json", "nl"))["verdict_changes"][0]["network"] == \
        HOSTILE



def test_output_file_and_refusal_of_an_input(tmp_path: Path) -> None:
    target = tmp_path / "impact.html"
    code, _ = run(FIXTURES, *VERSIONS, "--sweep", "2a", "-f", "html", "-o", str(target))
    assert code == 0 and target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    victim = Path(FIXTURES) / "a-45.yaml"
    before = victim.read_text(encoding="utf-8")
    code, out = run(FIXTURES, *VERSIONS, "-f", "json", "-o", str(victim))
    assert code == 2 and "invoerbestand" in out
    assert victim.read_text(encoding="utf-8") == before


@pytest.mark.parametrize("args, message", [
    (["--from", "loppsoz@2020", "--to", "loppsoz@2024"], "onbekende criteriaversie"),
    (["--from", "loppsoz@2021", "--to", "nope@1"], "onbekende criteriaset"),
    (["--from", "loppsoz@2021", "--to", "loppsoz@2024", "--sweep", "1a"],
     "--sweep kan alleen 2a"),
    (["--from", "loppsoz@2021", "--to", "loppsoz@2024", "--as-of", "morgen"], "--as-of"),
    (["--to", "loppsoz@2024"], "--from"),
])
def test_usage_errors_exit_2_without_traceback(args: list[str], message: str) -> None:
    code, out = run(FIXTURES, *args)
    assert code == 2 and message in out and "Traceback" not in out


def test_no_network_files_is_a_usage_error(tmp_path: Path) -> None:
    code, out = run(str(tmp_path), *VERSIONS, "--lang", "en")
    assert code == 2 and "no network files" in out


def test_invalid_files_only_still_make_a_report(tmp_path: Path) -> None:
    code, out = run(str(Path(FIXTURES) / "h-invalid.yaml"), str(tmp_path / "gone.yaml"),
                    *VERSIONS, "-f", "json")
    assert code == 0
    data = json.loads(out)
    assert data["summary"]["to"]["invalid"] == 2 and data["share_2a"]["invalid"] == 2
    assert data["share_2a"]["median"] is None


def test_a_criterion_only_one_version_has_moves_to_or_from_absent(tmp_path: Path) -> None:
    """A version that drops a criterion: its statuses move to `absent`, which the published
    schema allows (the guard in tests/conftest.py validates the report)."""
    draft = tmp_path / "concept.yaml"
    draft.write_text('extends: loppsoz@2024\nversion: concept\nremove: ["8"]\n', "utf-8")
    result = CliRunner().invoke(app, ["impact", FIXTURES, "--from", "loppsoz@2024", "--to",
                                      str(draft), "-f", "json", "-j", "1"])
    assert result.exit_code == 0, result.output
    [moves] = [c for c in json.loads(result.output)["criteria"] if c["criterion"] == "8"]
    assert {key.split("->")[1] for key in moves["transitions"]} >= {"absent"}
