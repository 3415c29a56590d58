"""The SARIF renderer, validated against the official SARIF 2.1.0 schema."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hostile import HOSTILE, hostile_report
from sample_report import sample_report

from oncocheck.render import render
from oncocheck.render.sarif import artifact_uri
from sarif_schema import SHARED, official_schema, sarif_validator

def test_the_packaged_schema_is_the_shared_one() -> None:
    if SHARED.exists():  # beside a checkout in this workplace; a plain clone has only the package
        assert official_schema() == json.loads(SHARED.read_text(encoding="utf-8"))


def _sarif(report, lang: str = "en") -> dict:  # noqa: ANN001
    data = json.loads(render(report, "sarif", lang))
    errors = sorted(sarif_validator().iter_errors(data), key=str)
    assert not errors, errors[0]
    return data


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_valid_sarif_with_one_rule_per_criterion(lang: str) -> None:
    run = _sarif(sample_report(), lang)["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "oncocheck" and driver["version"] == "0.1.0"
    ids = [rule["id"] for rule in driver["rules"]]
    assert ids == ["1a", "1b", "2a", "2b", "3", "4", "5", "6", "7", "8", "9", "10",
                   "duplicate-member", "load-error"]
    rule = driver["rules"][0]
    assert rule["helpUri"].startswith("https://") and rule["help"]["text"]
    assert rule["fullDescription"]["text"] and rule["shortDescription"]["text"]


def test_one_result_per_problem_and_load_error() -> None:
    run = _sarif(sample_report())["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    got = [(r["ruleId"], r["level"], r["properties"].get("status")) for r in run["results"]]
    assert got == [("1b", "error", "not_met"), ("7", "error", "missing"),
                   ("duplicate-member", "warning", "not_met"), ("load-error", "error", None)]
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
    load = run["results"][-1]["locations"][0]["physicalLocation"]
    assert load == {"artifactLocation": {"uri": "examples/invalid/typo.yaml"},
                    "region": {"startLine": 40, "startColumn": 17}}
    assert run["results"][0]["message"]["text"] == (
        "missing: dietitian → Fix 1b. · note: Diëtist volgt · "
        "planned: Een diëtist werven, J. Bakker, before 2027-03-01")


def test_missing_position_falls_back_to_line_one() -> None:
    from dataclasses import replace

    report = sample_report()
    invalid = report.results[2]
    error = replace(invalid.errors[0], line=None, column=None, source="leden.csv")
    report = replace(report, results=(replace(invalid, errors=(error,)),))
    location = _sarif(report)["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert location == {"artifactLocation": {"uri": "leden.csv"},
                        "region": {"startLine": 1, "startColumn": 1}}


def test_artifact_uris_are_relative_posix_and_encoded() -> None:
    assert artifact_uri("./netwerken/zuid.yaml") == "netwerken/zuid.yaml"
    assert artifact_uri("netwerk zuid/ë.yaml") == "netwerk%20zuid/%C3%AB.yaml"
    assert artifact_uri(str(Path.cwd() / "a" / "b.yaml")) == "a/b.yaml"
    assert artifact_uri("c:d.yaml") == "c%3Ad.yaml"  # never mistaken for a URI scheme


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_stays_valid(text: str) -> None:
    results = _sarif(hostile_report(text))["runs"][0]["results"]
    assert results[0]["message"]["text"].startswith(f"{text} (en)")
