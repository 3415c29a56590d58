"""SARIF 2.1.0 (one run) for code scanning: a rule per criterion, a result per problem.

Rule ids are the stable criterion ids (`1a`, `2a`), warning ids (`duplicate-member`) and
`load-error`. When a batch applies several criteria versions that share an id, the rule text is
taken from the first set in the report (the run's default first) so that an id keeps one rule and
code-scanning alerts keep their identity across versions; each result names its own set in
`properties.criteria` and its message carries the version's own threshold. Texts for people follow
`--lang`; ids and property names are English. The rules are in `sarif_rules`.

GitHub code scanning accepts the log as it is: artifact URIs are relative to the repository
root (`uriBaseId` `%SRCROOT%`, given in `originalUriBaseIds`) when the report knows it
(`Report.root`), else relative to the working directory; every result carries
`partialFingerprints` that do not change when lines move (`places.ci_problems`).
"""

from __future__ import annotations

import posixpath
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import quote

from oncocheck.render.json import dumps
from oncocheck.render.phrases import criteria_text, dates_text, file_as_of, own_words
from oncocheck.render.places import Place, Problem, ci_problems, criteria_label, repository_path
from oncocheck.render.sarif_rules import level, rules
from oncocheck.render.words import words
from oncocheck.report import FileResult, Finding, Report

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
INFORMATION_URI = "https://github.com/oncocheck/oncocheck"
SRCROOT = "%SRCROOT%"
#: The key of oncocheck's own fingerprint in `partialFingerprints` (see `places.ci_problems`).
FINGERPRINT = "oncocheck/v1"


def artifact_uri(file: str) -> str:
    """`file` as a URI reference relative to the working directory, with POSIX slashes and
    percent-encoding (a path outside the working directory becomes a `file://` URI)."""
    path = Path(file)
    if path.is_absolute():
        try:
            path = path.relative_to(Path.cwd())
        except (ValueError, OSError):  # outside it, or the working folder is gone
            return path.as_uri()
    return quote(PurePosixPath(path.as_posix()).as_posix().removeprefix("./"), safe="/")


def _artifact(report: Report, file: str) -> dict[str, Any]:
    """Where `file` is: from the repository root (`%SRCROOT%`) when the report knows it,
    else relative to the working directory as `artifact_uri` says."""
    if report.root is None:
        return {"uri": artifact_uri(file)}
    path = repository_path(report, file)
    if path is None:  # outside the repository: an absolute file URI
        full = posixpath.normpath(posixpath.join(report.root.cwd, PurePosixPath(file).as_posix()))
        return {"uri": PurePosixPath(full).as_uri()}
    return {"uri": quote(path, safe="/"), "uriBaseId": SRCROOT}


def _location(report: Report, place: Place) -> dict[str, Any]:
    location: dict[str, Any] = {"physicalLocation": {
        "artifactLocation": _artifact(report, place.file),
        "region": {"startLine": max(place.line or 1, 1), "startColumn": max(place.column or 1, 1)},
    }}
    if place.path:
        location["logicalLocations"] = [{"fullyQualifiedName": place.path}]
    return location


def _finding_text(finding: Finding, lang: str) -> str:
    parts = [finding.message.get(lang)]
    if finding.remediation is not None:
        parts.append(finding.remediation.get(lang))
    return " → ".join(parts) + "".join(f" · {line}" for line in own_words(finding, lang))


def _result(report: Report, result: FileResult, problem: Problem, index: dict[str, int],
            lang: str) -> dict[str, Any]:
    finding, error = problem.finding, problem.error
    if finding is None:
        assert error is not None
        grade, text = "error", error.message.get(lang)
        properties: dict[str, Any] = {"verdict": result.verdict.value}
    else:
        grade, text = level(finding.severity), _finding_text(finding, lang)
        properties = {"criteria": criteria_label(report, result),
                      "asOf": file_as_of(report, result), "status": finding.status.value,
                      "observed": finding.observed}
    return {"ruleId": problem.rule, "ruleIndex": index[problem.rule], "level": grade,
            "message": {"text": text}, "locations": [_location(report, problem.place)],
            "partialFingerprints": {FINGERPRINT: problem.fingerprint},
            "properties": properties}


def _base_ids(report: Report, lang: str) -> dict[str, Any]:
    """`%SRCROOT%`: the repository root the artifact URIs are relative to."""
    if report.root is None:
        return {}
    uri = PurePosixPath(report.root.path).as_uri()
    return {"originalUriBaseIds": {SRCROOT: {
        "uri": uri if uri.endswith("/") else uri + "/",
        "description": {"text": words(lang)["repository_root"]}}}}


def as_dict(report: Report, lang: str) -> dict[str, Any]:
    """The SARIF log as JSON-ready data."""
    rule_list = rules(report, lang)
    index = {rule["id"]: i for i, rule in enumerate(rule_list)}
    results = [_result(report, result, problem, index, lang) for result in report.results
               for problem in ci_problems(report, result)]
    driver = {"name": "oncocheck", "version": report.tool_version,
              "semanticVersion": report.tool_version, "informationUri": INFORMATION_URI,
              "rules": rule_list}
    # as the JSON report: only the date and version that judged every file judged
    dates, applied = report.dates, report.applied
    run = {"tool": {"driver": driver}, **_base_ids(report, lang), "results": results,
           "columnKind": "unicodeCodePoints",
           "properties": {"asOf": dates[0].isoformat() if len(dates) == 1 else None,
                          "criteria": applied[0][0].label if len(applied) == 1 else None,
                          "criteriaApplied": criteria_text(report),
                          "asOfApplied": dates_text(report, lang), "summary": report.summary,
                          # as the JSON report's; `summary.ignored` counts the ignored warnings
                          **({"settingsFile": report.settings} if report.settings else {})}}
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}


def render(report: Report, lang: str) -> str:
    """The SARIF log as JSON text."""
    return dumps(as_dict(report, lang)) + "\n"
