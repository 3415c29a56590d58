"""Where a finding or a load error points, in the shape CI formats want (file, line, column).

JUnit, SARIF and GitHub annotations all name a file and a 1-based line and column; a finding in
the members spreadsheet names that spreadsheet instead of the network file.
"""

from __future__ import annotations

import hashlib
import json
import posixpath
from dataclasses import dataclass
from pathlib import PurePath

from oncocheck.report import FileResult, Finding, LoadError, Report
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


def of_finding(result: FileResult, finding: Finding) -> Place:
    """Where `finding` points; the file itself (no line) when it has no location."""
    location = finding.location
    if location is None:
        return Place(result.file, None, None, "")
    return Place(location.source or result.file, location.line, location.column, location.path)


def of_error(result: FileResult, error: LoadError) -> Place:
    """Where a load error points."""
    return Place(error.source or result.file, error.line, error.column, error.path)


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
        place = of_error(result, error)
        key = (ci_path(report, place.file), LOAD_ERROR, error.path)
        out.append(Problem(LOAD_ERROR, place, _hash(key, seen), error=error))
    for finding in problems(result):
        place = of_finding(result, finding)
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
