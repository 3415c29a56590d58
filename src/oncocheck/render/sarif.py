"""SARIF 2.1.0 (one run) for code scanning: a rule per criterion, a result per problem.

Rule ids are the stable criterion ids (`1a`, `2a`), warning ids (`duplicate-member`) and
`load-error`. When a batch applies several criteria versions that share an id, the rule text is
taken from the first set in the report (the run's default first) so that an id keeps one rule and
code-scanning alerts keep their identity across versions; each result names its own set in
`properties.criteria` and its message carries the version's own threshold. Texts for people follow
`--lang`; ids and property names are English.
"""

from __future__ import annotations

import json
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import quote

from oncocheck.render.notes import own_words
from oncocheck.render.places import Place, criteria_label, of_error, of_finding, problems
from oncocheck.render.versions import criteria_text, dates_text, file_as_of
from oncocheck.render.words import words
from oncocheck.report import CriterionInfo, FileResult, Finding, Report, Severity

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
INFORMATION_URI = "https://github.com/oncocheck/oncocheck"
LOAD_ERROR = "load-error"


def artifact_uri(file: str) -> str:
    """`file` as a URI reference relative to the working directory, with POSIX slashes and
    percent-encoding (a path outside the working directory becomes a `file://` URI)."""
    path = Path(file)
    if path.is_absolute():
        try:
            path = path.relative_to(Path.cwd())
        except ValueError:
            return path.as_uri()
    return quote(PurePosixPath(path.as_posix()).as_posix().removeprefix("./"), safe="/")


def _criterion_rule(info: CriterionInfo, lang: str) -> dict[str, Any]:
    return {
        "id": info.id, "name": f"criterion-{info.id}",
        "shortDescription": {"text": info.title.get(lang)},
        "fullDescription": {"text": info.text.get(lang)},
        "help": {"text": info.remediation.get(lang)},
        "helpUri": info.source,
        "defaultConfiguration": {"level": _level(info.severity)},
    }


def _warning_rule(finding: Finding, lang: str) -> dict[str, Any]:
    return {"id": finding.criterion, "name": finding.criterion,
            "shortDescription": {"text": finding.title.get(lang)},
            "defaultConfiguration": {"level": _level(finding.severity)}}


def _rules(report: Report, lang: str) -> list[dict[str, Any]]:
    """Criteria of every applied set (default set first), then warning ids, then load-error."""
    sets = sorted(report.criteria_sets, key=lambda s: s.ref != report.criteria)
    rules: dict[str, dict[str, Any]] = {}
    for info in (c for s in sets for c in s.criteria):
        rules.setdefault(info.id, _criterion_rule(info, lang))
    for finding in (f for r in report.results for f in r.findings):
        if finding.criterion not in rules:
            rules[finding.criterion] = _warning_rule(finding, lang)
    rules[LOAD_ERROR] = {"id": LOAD_ERROR, "name": LOAD_ERROR,
                         "shortDescription": {"text": words(lang)["load_error_rule"]},
                         "defaultConfiguration": {"level": "error"}}
    return list(rules.values())


def _level(severity: Severity) -> str:
    return "error" if severity is Severity.ERROR else "warning"


def _location(place: Place) -> dict[str, Any]:
    location: dict[str, Any] = {"physicalLocation": {
        "artifactLocation": {"uri": artifact_uri(place.file)},
        "region": {"startLine": max(place.line or 1, 1), "startColumn": max(place.column or 1, 1)},
    }}
    if place.path:
        location["logicalLocations"] = [{"fullyQualifiedName": place.path}]
    return location


def _result(rule_id: str, index: dict[str, int], level: str, text: str, place: Place,
            properties: dict[str, Any]) -> dict[str, Any]:
    return {"ruleId": rule_id, "ruleIndex": index[rule_id], "level": level,
            "message": {"text": text}, "locations": [_location(place)],
            "properties": properties}


def _finding_text(finding: Finding, lang: str) -> str:
    parts = [finding.message.get(lang)]
    if finding.remediation is not None:
        parts.append(finding.remediation.get(lang))
    return " → ".join(parts) + "".join(f" · {line}" for line in own_words(finding, lang))


def _results(report: Report, result: FileResult, index: dict[str, int],
             lang: str) -> list[dict[str, Any]]:
    label = criteria_label(report, result)
    out = [_result(LOAD_ERROR, index, "error", error.message.get(lang), of_error(result, error),
                   {"verdict": result.verdict.value})
           for error in result.errors]
    for finding in problems(result):
        out.append(_result(finding.criterion, index, _level(finding.severity),
                           _finding_text(finding, lang), of_finding(result, finding),
                           {"criteria": label, "asOf": file_as_of(report, result),
                            "status": finding.status.value, "observed": finding.observed}))
    return out


def as_dict(report: Report, lang: str) -> dict[str, Any]:
    """The SARIF log as JSON-ready data."""
    rules = _rules(report, lang)
    index = {rule["id"]: i for i, rule in enumerate(rules)}
    results = [r for result in report.results for r in _results(report, result, index, lang)]
    driver = {"name": "oncocheck", "version": report.tool_version,
              "semanticVersion": report.tool_version, "informationUri": INFORMATION_URI,
              "rules": rules}
    run = {"tool": {"driver": driver}, "results": results, "columnKind": "unicodeCodePoints",
           "properties": {"asOf": report.as_of.isoformat(), "criteria": report.criteria.label,
                          "criteriaApplied": criteria_text(report),
                          "asOfApplied": dates_text(report, lang), "summary": report.summary}}
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}


def render(report: Report, lang: str) -> str:
    """The SARIF log as JSON text."""
    return json.dumps(as_dict(report, lang), ensure_ascii=False, indent=2) + "\n"
