"""The JUnit renderer, read back by a real JUnit consumer (junitparser) and validated against
Jenkins' JUnit schema (tests/schemas/jenkins-junit-10.xsd)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import replace
from functools import cache

import pytest
import xmlschema
from hostile import HOSTILE, hostile_report
from junitparser import JUnitXml
from sample_report import sample_report

from oncocheck.render import render
from oncocheck.render.junit import clean
from oncocheck.report import Report, Root, Severity
from paths import GOLDEN, TESTS

XSD = TESTS / "schemas" / "jenkins-junit-10.xsd"


@cache
def jenkins_schema() -> xmlschema.XMLSchema:
    return xmlschema.XMLSchema(str(XSD))


def valid(text: str) -> str:
    """`text`, after asserting that Jenkins' schema accepts it."""
    errors = list(jenkins_schema().iter_errors(text))
    assert not errors, errors[0]
    return text


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
    valid(text)
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
    for key in ("tests", "failures", "errors"):
        assert int(root.get(key)) == sum(w[key] for w in expected)
    assert root.get("skipped") is None  # Jenkins' schema has no `skipped` on <testsuites>
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
    assert 'observed: missing: dietist' in failure.text  # in words, as the HTML working
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


def test_the_schema_is_the_one_that_rejects_skipped_on_testsuites() -> None:
    """The vendored XSD can fail: the old output (`<testsuites skipped=…>`) is refused, and a
    test case attribute it does not know too."""
    good = valid(render(sample_report(), "junit", "en"))
    assert not jenkins_schema().is_valid(good.replace('errors="1">', 'errors="1" skipped="1">', 1))
    assert not jenkins_schema().is_valid(good.replace(' line="10"', ' row="10"', 1))


@pytest.mark.parametrize("name", sorted(p.relative_to(GOLDEN).as_posix()
                                        for p in GOLDEN.glob("*/junit-*.xml")))
def test_every_golden_junit_file_is_valid(name: str) -> None:
    valid((GOLDEN / name).read_text(encoding="utf-8"))


def test_test_cases_name_their_file_and_line() -> None:
    root = ET.fromstring(render(sample_report(), "junit", "en").encode("utf-8"))
    cases = {c.get("name"): c for c in root.iter("testcase")}
    failed = cases["loppsoz@2024 1b: Physio, dietitian, psychosocial"]
    assert (failed.get("file"), failed.get("line")) == ("examples/not-compliant/zuid.yaml", "21")
    load = cases["loppsoz@2024 load: the file can be read"]
    assert (load.get("file"), load.get("line")) == ("examples/invalid/typo.yaml", "40")


def test_a_place_without_a_line_names_the_file_only() -> None:
    report = sample_report()
    invalid = report.results[2]
    error = replace(invalid.errors[0], line=None, column=None, source="leden.csv")
    report = replace(report, results=(replace(invalid, errors=(error,)),))
    case = ET.fromstring(valid(render(report, "junit", "en"))).find("testsuite/testcase")
    assert case.get("file") == "leden.csv" and case.get("line") is None


def test_files_are_named_from_the_repository_root() -> None:
    report = replace(sample_report(), root=Root("/srv/repo", "/srv/repo/sub"))
    root = ET.fromstring(valid(render(report, "junit", "en")).encode("utf-8"))
    case = root.find("testsuite/testcase")
    assert case.get("file") == "sub/examples/compliant/voorbeeldstad.yaml"
    assert case.get("classname") == "examples/compliant/voorbeeldstad.yaml"  # as before
