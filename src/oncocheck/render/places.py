"""Where a finding or a load error points, in the shape CI formats want (file, line, column).

JUnit, SARIF and GitHub annotations all name a file and a 1-based line and column; a finding in
the members spreadsheet names that spreadsheet instead of the network file.
"""

from __future__ import annotations

from dataclasses import dataclass

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
