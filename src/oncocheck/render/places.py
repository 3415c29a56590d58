"""Where a finding or a load error points, in the shape CI formats want (file, line, column),
and GitLab's Code Quality report, which is little more than that.

JUnit, SARIF, GitHub annotations and GitLab all name a file and a 1-based line and column; a
finding in the members spreadsheet names that spreadsheet instead of the network file.

GitLab Code Quality is the subset of Code Climate JSON that GitLab reads for merge requests
(docs.gitlab.com, "Code Quality report format"): a JSON array of objects with `description`,
`check_name`, `fingerprint`, `severity` (`info`, `minor`, `major`, `critical` or `blocker`),
`location.path` (relative to the repository, no leading `./`) and `location.lines.begin`; it
ignores other properties. One object per problem: a load error is a `blocker` (the file is not
judged at all), a criterion not met `critical`, a criterion missing `major`, a warning `minor`.
`check_name` is the rule id that SARIF uses too and `fingerprint` the same hash
(`ci_problems`), so an issue keeps its identity across pipelines while lines move. A
compliant batch is `[]`.
"""

from __future__ import annotations

import hashlib
import json
import posixpath
from dataclasses import dataclass
from pathlib import PurePath

from oncocheck.render.json import dumps
from oncocheck.render.words import own_words
from oncocheck.report import FileResult, Finding, LoadError, Report, Severity, Status
from oncocheck.wording import where


@dataclass(frozen=True, slots=True)
class Place:
    """A file with an optional 1-based line and column, and the data path (`members[2]`)."""

    file: str
    line: int | None
    column: int | None
    path: str

    def text(self) -> str:
        """`file:line:column` (only the parts that are known)."""
        return where(self.file, self.line, self.column)


def place_of(result: FileResult, item: Finding | LoadError) -> Place:
    """Where a finding or a load error points; the file itself (no line) for a finding
    without a location."""
    location = item.location if isinstance(item, Finding) else item
    if location is None:
        return Place(result.file, None, None, "")
    return Place(location.source or result.file, location.line, location.column, location.path)


def criteria_label(report: Report, result: FileResult) -> str:
    """`loppsoz@2024`: the set applied to this file, or the run's default for an invalid one."""
    return (result.criteria or report.criteria).label


def problems(result: FileResult) -> tuple[Finding, ...]:
    """The findings that are not met (`not_met` or `missing`), errors and warnings alike."""
    return tuple(f for f in result.findings if f.is_problem)


def repository_path(report: Report, file: str) -> str | None:
    """`file` (as the report names it) relative to the report's root, with POSIX slashes;
    None when the report has no root or the file lies outside it."""
    root = report.root
    if root is None:
        return None
    full = posixpath.normpath(posixpath.join(root.cwd, PurePath(file).as_posix()))
    relative = posixpath.relpath(full, root.path)
    return None if relative == ".." or relative.startswith("../") else relative


def ci_path(report: Report, file: str) -> str:
    """The path a CI service is given for `file`: from the repository's top level when the
    report knows it, else as the report names it; POSIX slashes, no leading `./`."""
    path = repository_path(report, file)
    if path is not None:
        return path
    posix = PurePath(file).as_posix()
    while posix.startswith("./"):
        posix = posix[2:]
    return posix


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing a CI service shows: a load error, or a finding that is not met, with the id
    of its rule (`load-error`, `1b`, `duplicate-member`) and a fingerprint."""

    rule: str
    place: Place
    fingerprint: str
    finding: Finding | None = None
    error: LoadError | None = None


LOAD_ERROR = "load-error"
# `observed` values that change while the problem stays the same one (a count of days, the
# index of a plan item or of the first duplicate): left out of a warning's fingerprint.
_VOLATILE = frozenset({"days_overdue", "plan", "first", "more"})


def ci_problems(report: Report, result: FileResult) -> list[Problem]:
    """The file's load errors, then its findings that are not met, in report order.

    A fingerprint is a hash of the file's path from the repository root, the rule id and what
    the problem is about, never its line: a criterion (one per file), a warning's own
    `observed` values (the member, the plan item, the document), a load error's data path (its
    message may name a line: "first on line 9"). Equal keys within a file are told apart by
    their order. So code scanning and GitLab keep an alert's identity while lines move, across
    runs and machines.
    """
    seen: dict[tuple[str, ...], int] = {}
    out = []
    for error in result.errors:
        place = place_of(result, error)
        key = (ci_path(report, place.file), LOAD_ERROR, error.path)
        out.append(Problem(LOAD_ERROR, place, _hash(key, seen), error=error))
    for finding in problems(result):
        place = place_of(result, finding)
        about = "" if finding.check is not None else json.dumps(
            {k: v for k, v in finding.observed.items() if k not in _VOLATILE},
            sort_keys=True, ensure_ascii=False, default=str)
        key = (ci_path(report, place.file), finding.criterion, about)
        out.append(Problem(finding.criterion, place, _hash(key, seen), finding=finding))
    return out


def _hash(key: tuple[str, ...], seen: dict[tuple[str, ...], int]) -> str:
    seen[key] = seen.get(key, 0) + 1
    text = "\0".join((*key, str(seen[key])))
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def problem_text(finding: Finding, lang: str, arrow: str = " → ", between: str = " · ") -> str:
    """The finding's message, `arrow` and what to do, then its note and plan items each after
    `between`: one line for SARIF and GitLab, lines of their own (`\n`) for GitHub."""
    text = finding.message.get(lang)
    if finding.remediation is not None:
        text += arrow + finding.remediation.get(lang)
    return text + "".join(between + line for line in own_words(finding, lang))


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
    return f"{criteria_label(report, result)} {finding.criterion}: {problem_text(finding, lang)}"


def codequality(report: Report, lang: str) -> str:
    """Every problem of the report as a GitLab Code Quality issue, in report order, as JSON."""
    return dumps([{"description": _description(report, result, problem, lang),
                   "check_name": problem.rule, "fingerprint": problem.fingerprint,
                   "severity": _severity(problem),
                   "location": {"path": ci_path(report, problem.place.file),
                                "lines": {"begin": max(problem.place.line or 1, 1)}}}
                  for result in report.results for problem in ci_problems(report, result)]) + "\n"
