"""GitLab Code Quality: every report validates against the fields GitLab documents
(tests/schemas/gitlab-codequality.schema.json), one issue per problem, stable fingerprints."""

from __future__ import annotations

import json
from dataclasses import replace

import jsonschema
import pytest
from hostile import HOSTILE, hostile_report
from sample_report import sample_report

from oncocheck.render import render
from oncocheck.render.sarif import FINGERPRINT
from oncocheck.report import Root
from paths import GOLDEN, SCHEMAS

SCHEMA = json.loads((SCHEMAS / "gitlab-codequality.schema.json").read_text(encoding="utf-8"))


def issues(text: str) -> list[dict]:
    """The report's issues, after asserting GitLab's documented fields and that no two
    issues share a fingerprint (GitLab tells issues apart by it)."""
    data = json.loads(text)
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    jsonschema.validate(data, SCHEMA, cls=jsonschema.Draft202012Validator)
    prints = [issue["fingerprint"] for issue in data]
    assert len(set(prints)) == len(prints)
    return data


def test_the_schema_can_fail() -> None:
    good = issues(render(sample_report(), "codequality", "en"))
    for broken in ({**good[0], "severity": "error"},
                   {**good[0], "location": {"path": "./x.yaml", "lines": {"begin": 1}}},
                   {k: v for k, v in good[0].items() if k != "check_name"},
                   {**good[0], "location": {"path": "x.yaml"}}):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate([broken], SCHEMA, cls=jsonschema.Draft202012Validator)


def test_one_issue_per_problem_with_severity_and_place() -> None:
    got = [(i["check_name"], i["severity"], i["location"]["path"], i["location"]["lines"]["begin"])
           for i in issues(render(sample_report(), "codequality", "en"))]
    assert got == [("1b", "critical", "examples/not-compliant/zuid.yaml", 21),
                   ("7", "major", "examples/not-compliant/zuid.yaml", 28),
                   ("duplicate-member", "minor", "examples/not-compliant/zuid.yaml", 60),
                   ("load-error", "blocker", "examples/invalid/typo.yaml", 40)]


def test_descriptions_follow_the_language() -> None:
    en = issues(render(sample_report(), "codequality", "en"))
    nl = issues(render(sample_report(), "codequality", "nl"))
    assert en[0]["description"] == ("loppsoz@2024 1b: missing: dietitian → Fix 1b. · note: "
                                    "Diëtist volgt · planned: Een diëtist werven, J. Bakker, "
                                    "before 2027-03-01")
    assert nl[0]["description"].startswith("loppsoz@2024 1b: ontbreekt: diëtist → Herstel 1b.")
    assert en[3]["description"] == ("members[2].discipline: unknown discipline 'dietis'; did "
                                    "you mean 'diëtist'?")
    assert [i["fingerprint"] for i in en] == [i["fingerprint"] for i in nl]


def test_paths_and_fingerprints_are_those_of_sarif() -> None:
    report = replace(sample_report(), root=Root("/srv/repo", "/srv/repo/sub"))
    found = issues(render(report, "codequality", "en"))
    assert found[0]["location"]["path"] == "sub/examples/not-compliant/zuid.yaml"
    sarif = json.loads(render(report, "sarif", "en"))["runs"][0]["results"]
    assert [i["fingerprint"] for i in found] == [r["partialFingerprints"][FINGERPRINT]
                                                 for r in sarif]


def test_a_compliant_batch_is_an_empty_list() -> None:
    report = sample_report()
    assert render(replace(report, results=report.results[:1]), "codequality", "nl") == "[]\n"


def test_paths_have_no_leading_dot_slash() -> None:
    report = sample_report()
    bad = replace(report.results[1], file="./examples/./zuid.yaml")
    found = issues(render(replace(report, results=(bad,)), "codequality", "en"))
    assert {i["location"]["path"] for i in found} == {"examples/zuid.yaml"}


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_stays_valid(text: str) -> None:
    found = issues(render(hostile_report(text), "codequality", "en"))
    assert found[0]["description"].startswith(f"loppsoz@2024 1b: {text} (en)")


@pytest.mark.parametrize("name", sorted(p.relative_to(GOLDEN).as_posix()
                                        for p in GOLDEN.glob("*/codequality-*.json")))
def test_every_golden_report_is_valid(name: str) -> None:
    assert issues((GOLDEN / name).read_text(encoding="utf-8"))
