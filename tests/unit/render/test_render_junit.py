"""The JUnit renderer, read back by a real JUnit consumer (junitparser)."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from hostile import HOSTILE, hostile_report
from junitparser import JUnitXml
from sample_report import sample_report

from oncocheck.render import render
from oncocheck.render.junit import clean
from oncocheck.report import Report, Severity


def _expected(report: Report) -> list[dict[str, int]]:
    """Per file: tests/failures/errors/skipped as the JUnit mapping says they must be."""
    out = []
    for result in report.results:
        findings = result.findings
        load = 1 if result.errors or not findings else 0
        out.append({
            "tests": len(findings) + load,
            "failures": sum(f.is_problem and f.severity is Severity.ERROR for f in findings),
            "errors": load,
            "skipped": sum(f.is_problem and f.severity is Severity.WARNING for f in findings),
        })
    return out


def _check_counts(report: Report, text: str) -> JUnitXml:
    xml = JUnitXml.fromstring(text.encode("utf-8"))
    suites = list(xml)
    expected = _expected(report)
    assert [s.name for s in suites] == [clean(r.file) for r in report.results]
    for suite, want in zip(suites, expected, strict=True):
        cases = list(suite)
        counted = {"tests": len(cases), "failures": sum(c.is_failure for c in cases),
                   "errors": sum(c.is_error for c in cases),
                   "skipped": sum(c.is_skipped for c in cases)}
        attributes = {key: int(suite._elem.get(key)) for key in counted}
        assert counted == want == attributes
    root = ET.fromstring(text.encode("utf-8"))
    for key in ("tests", "failures", "errors", "skipped"):
        assert int(root.get(key)) == sum(w[key] for w in expected)
    return xml


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_counts_add_up_per_suite_and_in_total(lang: str) -> None:
    report = sample_report()
    xml = _check_counts(report, render(report, "junit", lang))
    assert [(s.tests, s.failures, s.errors, s.skipped) for s in xml] == [
        (12, 0, 0, 0), (13, 2, 0, 1), (1, 0, 1, 0)]


def test_case_names_are_stable_and_failures_carry_the_working() -> None:
    xml = JUnitXml.fromstring(render(sample_report(), "junit", "en").encode())
    cases = {c.name: c for suite in xml for c in suite}
    case = cases["loppsoz@2024 1b: Physio, dietitian, psychosocial"]
    assert case.classname == "examples/not-compliant/zuid.yaml"
    failure = case.result[0]
    assert failure.message == "missing: dietitian" and failure.type == "not_met"
    assert 'observed: {"missing": ["dietist"]}' in failure.text
    assert "to do: Fix 1b." in failure.text
    assert cases["loppsoz@2024 7: Up-to-date website"].result[0].type == "missing"
    error = cases["loppsoz@2024 load: the file can be read"].result[0]
    assert "examples/invalid/typo.yaml:40:17: members[2].discipline: unknown discipline" \
        in error.text
    assert cases["loppsoz@2024 duplicate-member: Duplicate member"].is_skipped


def test_output_is_deterministic() -> None:
    assert render(sample_report(), "junit", "nl") == render(sample_report(), "junit", "nl")


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_stays_well_formed(text: str) -> None:
    report = hostile_report(text)
    output = render(report, "junit", "en")
    _check_counts(report, output)
    root = ET.fromstring(output.encode("utf-8"))
    names = [case.get("name") for case in root.iter("testcase")]
    legal = "".join(c for c in text if c not in "\x00\x07\x1b\ufffe")
    assert clean(text) == legal
    assert f"loppsoz@2024 1b: {legal} en" in names
