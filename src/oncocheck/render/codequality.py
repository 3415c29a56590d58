"""GitLab Code Quality: the subset of Code Climate JSON that GitLab reads, for merge requests.

GitLab documents the report (docs.gitlab.com, "Code Quality", "Code Quality report format") as
a JSON array of objects with `description`, `check_name`, `fingerprint`, `severity` (`info`,
`minor`, `major`, `critical` or `blocker`), `location.path` (relative to the repository, no
leading `./`) and `location.lines.begin`; it ignores other properties. One object per problem:
a load error is a `blocker` (the file is not judged at all), a criterion not met `critical`, a
criterion missing `major`, a warning `minor`. `check_name` is the rule id that SARIF uses too
(`1b`, `duplicate-member`, `load-error`) and `fingerprint` the same hash (`places.ci_problems`),
so an issue keeps its identity across pipelines while lines move. A compliant batch is `[]`.
"""

from __future__ import annotations

from typing import Any

from oncocheck.render.json import dumps
from oncocheck.render.phrases import own_words
from oncocheck.render.places import Problem, ci_path, ci_problems, criteria_label
from oncocheck.report import FileResult, Report, Severity, Status


def _severity(problem: Problem) -> str:
    finding = problem.finding
    if finding is None:
        return "blocker"
    if finding.severity is Severity.WARNING:
        return "minor"
    return "critical" if finding.status is Status.NOT_MET else "major"


def _description(report: Report, result: FileResult, problem: Problem, lang: str) -> str:
    """`loppsoz@2024 1b: <message> → <what to do>`; a load error as `<path>: <message>`."""
    finding, error = problem.finding, problem.error
    if finding is None:
        assert error is not None
        return (f"{error.path}: " if error.path else "") + error.message.get(lang)
    parts = [finding.message.get(lang)]
    if finding.remediation is not None:
        parts.append(finding.remediation.get(lang))
    text = " → ".join(parts) + "".join(f" · {line}" for line in own_words(finding, lang))
    return f"{criteria_label(report, result)} {finding.criterion}: {text}"


def _issue(report: Report, result: FileResult, problem: Problem, lang: str) -> dict[str, Any]:
    return {"description": _description(report, result, problem, lang),
            "check_name": problem.rule, "fingerprint": problem.fingerprint,
            "severity": _severity(problem),
            "location": {"path": ci_path(report, problem.place.file),
                         "lines": {"begin": max(problem.place.line or 1, 1)}}}


def as_list(report: Report, lang: str) -> list[dict[str, Any]]:
    """Every problem of the report as a Code Quality issue, in report order."""
    return [_issue(report, result, problem, lang) for result in report.results
            for problem in ci_problems(report, result)]


def render(report: Report, lang: str) -> str:
    """The Code Quality report as JSON text."""
    return dumps(as_list(report, lang)) + "\n"
