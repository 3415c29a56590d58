"""Notes and the improvement plan (verbeterplan)."""

from __future__ import annotations

import copy
import json
from datetime import date
from pathlib import Path

import pytest
import yaml

from oncocheck.run.decide import choose
from oncocheck.run.file import check_file
from oncocheck.render import formats_of, render
from oncocheck.run.batch import check as run
from oncocheck.report import Severity, Status
from json_reports import validate_report
from paths import CASES

BASE = yaml.safe_load((CASES / "base.yaml").read_text("utf-8"))
AS_OF = date(2026, 11, 23)


def write(tmp_path: Path, **top: object) -> Path:
    data = copy.deepcopy(BASE)
    network = top.pop("network", {})
    data["network"].update(network)
    data["network"] = {k: v for k, v in data["network"].items() if v is not None}
    data.update(top)
    path = tmp_path / "netwerk.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def findings(path: Path, as_of: date = AS_OF) -> dict[str, object]:
    result = check_file(path, "netwerk.yaml", [choose("loppsoz@2024", as_of, as_of)])[0]
    assert not result.errors, result.errors
    by_id: dict[str, object] = {}
    for finding in result.findings:
        by_id.setdefault(finding.criterion, finding)
    return by_id


PLAN_7 = {"criterion": "7", "action": "Website bijwerken", "owner": "J. Bakker",
          "due": "2027-03-01"}


def test_plan_and_note_are_attached_to_their_criterion(tmp_path: Path) -> None:
    path = write(tmp_path, network={"website_updated": None},
                 notes={"7": "De website wordt vernieuwd.", "1A": "Vijf disciplines."},
                 plan=[PLAN_7])
    found = findings(path)
    assert found["7"].status is Status.MISSING and found["7"].note == "De website wordt vernieuwd."
    assert found["1a"].note == "Vijf disciplines."  # ids match whatever their case
    [item] = found["7"].plan
    assert (item.criterion, item.action, item.owner, item.due) == (
        "7", "Website bijwerken", "J. Bakker", date(2027, 3, 1))
    assert item.location.path == "plan[0]" and item.location.line > 1
    assert found["6"].note is None and found["6"].plan == ()
    assert "plan-overdue" not in found and "plan-closable" not in found


@pytest.mark.parametrize("lang, line", [
    ("nl", "gepland: Bijwerken, JB, vóór 2027-03-01"),
    ("en", "planned: Bijwerken, JB, before 2027-03-01"),
])
def test_console_shows_plan_and_note(tmp_path: Path, lang: str, line: str) -> None:
    write(tmp_path, network={"website_updated": None}, notes={"7": "Vernieuwing loopt."},
          plan=[{**PLAN_7, "action": "Bijwerken", "owner": "JB"}])
    report = run([str(tmp_path / "netwerk.yaml")], choose(None, AS_OF, AS_OF))
    text = render(report, "console", lang)
    assert line in text and "Vernieuwing loopt." in text


def test_json_has_note_and_plan_only_when_present(tmp_path: Path) -> None:
    write(tmp_path, network={"website_updated": None}, notes={"7": "Loopt."}, plan=[PLAN_7])
    data = json.loads(render(run([str(tmp_path / "netwerk.yaml")], choose(None, AS_OF, AS_OF)),
                             "json", "en"))
    by_id = {f["criterion"]: f for f in data["results"][0]["findings"]}
    assert by_id["7"]["note"] == "Loopt."
    assert by_id["7"]["plan"] == [{"action": "Website bijwerken", "owner": "J. Bakker",
                                   "due": "2027-03-01", "location": by_id["7"]["plan"][0][
                                       "location"]}]
    assert by_id["7"]["plan"][0]["location"]["path"] == "plan[0]"
    assert "note" not in by_id["6"] and "plan" not in by_id["6"]


@pytest.mark.parametrize("as_of, overdue", [(date(2027, 3, 1), False), (date(2027, 3, 2), True)])
def test_plan_overdue_relative_to_as_of(tmp_path: Path, as_of: date, overdue: bool) -> None:
    path = write(tmp_path, network={"website": None}, plan=[PLAN_7])
    found = findings(path, as_of)
    assert ("plan-overdue" in found) is overdue
    if overdue:
        warning = found["plan-overdue"]
        assert warning.severity is Severity.WARNING and warning.observed["days_overdue"] == 1
        assert "was due before 2027-03-01 (as of 2027-03-02)" in warning.message.en
        assert "plan[0].due" in warning.remediation.nl


def test_plan_for_a_met_criterion_can_be_closed(tmp_path: Path) -> None:
    path = write(tmp_path, plan=[{**PLAN_7, "due": "2020-01-01"}])
    found = findings(path)
    warning = found["plan-closable"]
    assert warning.severity is Severity.WARNING
    assert "criterion 7 is met; plan item 'Website bijwerken' (J. Bakker) can be closed" \
        == warning.message.en
    assert "plan-overdue" not in found  # closing it is what matters, not its date


@pytest.mark.parametrize("top, path, hint", [
    ({"notes": {"11": "x"}}, "notes.11", "has no criterion '11'"),
    ({"plan": [{"criterion": "1c", "action": "x"}]}, "plan[0].criterion",
     "did you mean '1a' or '1b'?"),
    ({"plan": [{"criterion": "2 a", "action": "x"}]}, "plan[0].criterion", "did you mean '2a'?"),
])
def test_unknown_criterion_is_a_load_error_with_a_suggestion(
        tmp_path: Path, top: dict, path: str, hint: str) -> None:
    file = write(tmp_path, **top)
    [error] = check_file(file, "netwerk.yaml", [choose(None, AS_OF, AS_OF)])[0].errors
    assert error.path == path and hint in error.message.en and error.line > 1
    assert "loppsoz@2024" in error.message.nl


def test_json_with_plan_note_sheet_and_compare_fits_the_schema(tmp_path: Path) -> None:
    (tmp_path / "leden.csv").write_text("naam,discipline\nZ,logopedist\nZ,logopedist\n", "utf-8")
    write(tmp_path, network={"website_updated": None}, notes={"7": "Loopt."},
          plan=[PLAN_7, {"criterion": "1a", "action": "Niets"}], members_file="leden.csv")
    report = run([str(tmp_path / "netwerk.yaml")], choose(None, AS_OF, AS_OF))
    compared = run([str(tmp_path / "netwerk.yaml")], choose("loppsoz@2021", AS_OF, AS_OF))
    from dataclasses import replace

    data = json.loads(render(replace(report, compare=compared), "json", "en"))
    validate_report(data)
    warnings = [f for f in data["results"][0]["findings"] if f["severity"] == "warning"]
    assert {w["criterion"] for w in warnings} == {"plan-closable", "duplicate-member"}
    duplicate = next(w for w in warnings if w["criterion"] == "duplicate-member")
    assert duplicate["location"]["source"].endswith("leden.csv")
    assert data["compare"]["results"][0]["changed"] == []


# the register (csv, xlsx) is one row per file, without the coordinator's notes and plans
@pytest.mark.parametrize("fmt", sorted(set(formats_of("check")) - {"csv", "xlsx"}))
@pytest.mark.parametrize("lang, word", [("nl", "gepland"), ("en", "planned")])
def test_every_renderer_shows_note_and_plan(report, fmt: str, lang: str, word: str) -> None:
    from dataclasses import replace

    # One network (the not compliant one): HTML then renders that network's own page.
    text = render(replace(report, results=report.results[1:2]), fmt, lang)
    assert "Diëtist volgt" in text and "Een diëtist werven" in text and "2027-03-01" in text
    if fmt not in ("json", "html"):  # JSON keeps the parts apart; HTML labels them its own way
        assert word in text
