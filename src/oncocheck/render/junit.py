"""JUnit XML: one `<testsuite>` per network file, one `<testcase>` per criterion.

CI systems (GitLab, Jenkins, the GitHub test-report actions) read this format. A `not_met` or
`missing` criterion is a `<failure>`; an invalid file is one `<error>` test case carrying its
load errors. A warning that is not met is `<skipped>`: warnings do not change the verdict, so
they must not turn a CI test report red, yet every JUnit consumer lists skipped tests with their
message, so they stay visible. No timestamps or durations: the output is deterministic.

A test case names the `file` and `line` it points at (from the repository root when the report
knows it, as GitLab reads them); the document is valid against Jenkins' JUnit schema (xunit
plugin `junit-10.xsd`, vendored in tests/schemas/), which allows `skipped` on a `<testsuite>`
but not on `<testsuites>`. Each `<testsuite>` carries the run's facts as `<properties>`: the
verdict, criteria version, as-of date, network, and (only when there are any) the settings file
that applied and the file's warnings left out by `--ignore`.
"""

from __future__ import annotations

import re
from collections import Counter
import xml.etree.ElementTree as ET

from oncocheck.render.words import file_as_of, own_words, words, working
from oncocheck.render.places import Place, ci_path, criteria_label, place_of
from oncocheck.report import FileResult, Finding, Report, Severity

# Characters XML 1.0 cannot carry at all (control characters, lone surrogates, U+FFFE/F).
_ILLEGAL = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_BREAKS = re.compile(r"\s*\n\s*")


def clean(text: str) -> str:
    """`text` without characters XML 1.0 forbids (ElementTree escapes the rest)."""
    return _ILLEGAL.sub("", text)


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, tag, {k: clean(v) for k, v in attrs.items()})
    if text is not None:
        element.text = clean(text)
    return element


def _details(result: FileResult, finding: Finding, lang: str) -> str:
    w = words(lang)
    lines = [finding.message.get(lang)]
    if finding.observed:  # in words, as the HTML page's working shows it
        observed = "; ".join(f"{label}: {value}" for label, value in working(finding, lang))
        lines.append(f"{w['observed']}: {observed}")
    place = place_of(result, finding)
    lines.append(f"{w.lower('where')}: {place.text()}" + (f" ({place.path})" if place.path else ""))
    if finding.remediation is not None:
        lines.append(f"{w['to_do']}: {finding.remediation.get(lang)}")
    lines += own_words(finding, lang, "junit")
    return "\n".join(_one_line(line) for line in lines)


def _one_line(text: str) -> str:
    """A line of a failure's text with the line breaks of a multi-line input (a note, a plan
    action, a rule file's remediation) made spaces, as Markdown does: a JUnit file shown in a
    CI log must not let input start a line there (`::error::` is a command to GitHub)."""
    return _BREAKS.sub(" ", text)


def _where(report: Report, place: Place) -> dict[str, str]:
    """A test case's `file` and `line` attributes (the line only when it is known)."""
    attrs = {"file": ci_path(report, place.file)}
    if place.line is not None:
        attrs["line"] = str(place.line)
    return attrs


def _case(suite: ET.Element, report: Report, result: FileResult, finding: Finding,
          lang: str) -> None:
    name = f"{criteria_label(report, result)} {finding.criterion}: {finding.title.get(lang)}"
    case = _sub(suite, "testcase", name=name, classname=result.file,
                **_where(report, place_of(result, finding)))
    details = _details(result, finding, lang)
    if not finding.is_problem:
        _sub(case, "system-out", details)
    elif finding.severity is Severity.WARNING:
        _sub(case, "skipped", message=f"{words(lang)['warning']}: {finding.message.get(lang)}")
        _sub(case, "system-out", details)
    else:
        _sub(case, "failure", details, message=finding.message.get(lang),
             type=finding.status.value)


def _load_case(suite: ET.Element, report: Report, result: FileResult, lang: str) -> None:
    w = words(lang)
    name = f"{criteria_label(report, result)} load: {w['file_readable']}"
    first = place_of(result, result.errors[0]) if result.errors else Place(result.file, None,
                                                                            None, "")
    case = _sub(suite, "testcase", name=name, classname=result.file, **_where(report, first))
    lines = []
    for error in result.errors:
        place = place_of(result, error)
        path = f" {place.path}:" if place.path else ""
        lines.append(_one_line(f"{place.text()}:{path} {error.message.get(lang)}"))
    message = (f"{w['load_errors_count'].format(n=len(result.errors))}: "
               f"{result.errors[0].message.get(lang)}" if result.errors else result.verdict.value)
    _sub(case, "error", "\n".join(lines), message=message, type="invalid")


def _suite(parent: ET.Element, report: Report, result: FileResult, lang: str) -> None:
    suite = _sub(parent, "testsuite", name=result.file)
    properties = _sub(suite, "properties")
    _sub(properties, "property", name="verdict", value=result.verdict.value)
    _sub(properties, "property", name="criteria", value=criteria_label(report, result))
    _sub(properties, "property", name="as_of", value=file_as_of(report, result))
    if result.network:
        _sub(properties, "property", name="network", value=result.network)
    # only when there is one, so a run without settings or `--ignore` gives what it gave
    if report.settings is not None:
        _sub(properties, "property", name="settings", value=report.settings)
    if result.ignored:  # this file's warnings left out by `--ignore`: `id (count), ...`
        counts = Counter(result.ignored)
        _sub(properties, "property", name="ignored",
             value=", ".join(f"{i} ({counts[i]})" for i in sorted(counts)))
    if result.errors or not result.findings:
        _load_case(suite, report, result, lang)
    for finding in result.findings:
        _case(suite, report, result, finding, lang)
    _count(suite, suite.findall("testcase"))


def _count(element: ET.Element, cases: list[ET.Element], skipped: bool = True) -> None:
    """Set tests/failures/errors (and skipped) from the test cases themselves, so they always
    add up. `<testsuites>` has no `skipped`: Jenkins' schema does not allow it there."""
    counted = [("failure", "failures"), ("error", "errors")] + [("skipped", "skipped")] * skipped
    element.set("tests", str(len(cases)))
    for tag, attr in counted:
        element.set(attr, str(sum(1 for c in cases if c.find(tag) is not None)))


def render(report: Report, lang: str) -> str:
    """The report as JUnit XML (UTF-8, with an XML declaration)."""
    root = ET.Element("testsuites", name="oncocheck")
    for result in report.results:
        _suite(root, report, result, lang)
    _count(root, root.findall("testsuite/testcase"), skipped=False)
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{body}\n'
