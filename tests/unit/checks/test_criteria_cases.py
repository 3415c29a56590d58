"""Every criterion, under both versions, made met, not_met and missing
(tests/cases/criteria.yaml)."""

from __future__ import annotations

import copy
import re
from datetime import date
from pathlib import Path

import pytest
import yaml

from oncocheck.run.decide import choose
from oncocheck.run.file import check_file
from oncocheck.report import Verdict
from languages import dutch_in, english_in
from paths import CASES

CASES_DIR = CASES
BASE = yaml.safe_load((CASES_DIR / "base.yaml").read_text(encoding="utf-8"))
CASES = yaml.safe_load((CASES_DIR / "criteria.yaml").read_text(encoding="utf-8"))
AS_OF = date(2026, 11, 23)
VERSIONS = ("loppsoz@2021", "loppsoz@2024")


def _network_file(case: dict) -> dict:
    data = copy.deepcopy(BASE)
    for key, value in (case.get("network") or {}).items():
        if value is None:
            data["network"].pop(key, None)
        else:
            data["network"][key] = value
    if "members" in case:
        data["members"] = case["members"]
    return data


def _params():
    for case in CASES:
        for version in case.get("versions", VERSIONS):
            yield pytest.param(case, version, id=f"{case['id']}@{version.split('@')[1]}")


def _subset(expected, actual) -> bool:
    if isinstance(expected, dict):
        return isinstance(actual, dict) and all(
            k in actual and _subset(v, actual[k]) for k, v in expected.items())
    return expected == actual


@pytest.mark.parametrize(("case", "version"), list(_params()))
def test_criterion_case(case: dict, version: str, tmp_path: Path) -> None:
    for name, content in (case.get("files") or {}).items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(content, encoding="utf-8")
    path = tmp_path / "netwerk.yaml"
    path.write_text(yaml.safe_dump(_network_file(case), allow_unicode=True), encoding="utf-8")

    result = check_file(path, "netwerk.yaml", [choose(version, AS_OF, AS_OF)])[0]

    assert result.verdict is not Verdict.INVALID, result.errors
    expect = case["expect"]
    finding = next(f for f in result.findings if f.criterion == str(expect["criterion"]))
    assert finding.status.value == expect["status"], finding.message.en
    if "message" in expect:
        assert expect["message"] in finding.message.en
    if "observed" in expect:
        assert _subset(expect["observed"], finding.observed), finding.observed
    if finding.status.value != "met":
        assert finding.remediation is not None
    file_text = path.read_text(encoding="utf-8")
    written = {w.lower() for w in re.findall(r"[A-Za-zëéïö]+", file_text)}  # the input's words
    for text in (t for f in result.findings for t in (f.title, f.message, f.remediation)):
        assert text is None or not english_in(text.nl), f"English in Dutch: {text.nl}"
        assert text is None or not dutch_in(text.en, written), f"Dutch in English: {text.en}"


def test_base_network_is_compliant_under_both_versions(tmp_path: Path) -> None:
    path = tmp_path / "base.yaml"
    path.write_text(yaml.safe_dump(BASE), encoding="utf-8")
    for version in VERSIONS:
        result = check_file(path, "base.yaml", [choose(version, AS_OF, AS_OF)])[0]
        assert result.verdict is Verdict.COMPLIANT, [f for f in result.findings if f.is_problem]
        assert [f.criterion for f in result.findings] == [
            "1a", "1b", "2a", "2b", "3", "4", "5", "6", "7", "8", "9", "10"]


def test_every_criterion_has_each_status_its_table_allows() -> None:
    seen: dict[str, set[str]] = {}
    for case in CASES:
        seen.setdefault(str(case["expect"]["criterion"]), set()).add(case["expect"]["status"])
    never_missing = {"1a", "1b"}
    never_not_met = {"3", "4", "10"}
    for criterion in ["1a", "1b", "2a", "2b", "3", "4", "5", "6", "7", "8", "9", "10"]:
        wanted = {"met", "not_met", "missing"} - (
            {"missing"} if criterion in never_missing else set()) - (
            {"not_met"} if criterion in never_not_met else set())
        assert seen.get(criterion) == wanted, criterion
