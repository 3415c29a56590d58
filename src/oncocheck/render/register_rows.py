"""The register a reviewer files: one row per checked file, as `register_csv` and
`register_xlsx` write it.

The columns: file, network, verdict, how many load errors an invalid file has and the first
of them (where and what), the criteria version applied, the as-of date and what gave it
(`--as-of`, the file's `submitted:`, or the day of the run when it has none), each criterion's
status (one column per criterion id of the versions applied, in criteria order), the 2a share,
how many warnings and of which kinds, the network file's SHA-256, and (in a register with a
network read from an application package) the package's SHA-256. Values stay typed (a Status,
a date, a share as a Fraction) so each format writes them its own way: words and colours per
language, a date and a percentage a spreadsheet can sort.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from fractions import Fraction

from oncocheck.analysis.stats import share_of
from oncocheck.render.pages import warning_counts
from oncocheck.render.words import words
from oncocheck.report import (CriteriaSetInfo, FileResult, Report, Role, Status, Verdict,
                              error_count)
from oncocheck.wording import cell, member_field, where


@dataclass(frozen=True, slots=True)
class Entry:
    """One file's row of the register; None where the file has no value (an invalid file has
    no version, date or statuses; a criterion outside the file's version has no status)."""

    file: str
    network: str | None
    verdict: Verdict
    errors: int | None  # None for a file that loaded
    first_error: str | None
    version: str | None
    as_of: date | None
    dated: str | None  # what gave the as-of date, in words
    statuses: tuple[Status | None, ...]
    share: Fraction | None
    warnings: int
    warning_ids: str
    sha256: str | None
    package: str | None = None


def applied_sets(report: Report) -> list[CriteriaSetInfo]:
    """The criteria versions that judged a file, oldest first; the run's own version when
    none did (every file invalid), so the register still has its criteria columns."""
    refs = {ref for ref, _ in report.applied} or {report.criteria}
    return [s for s in report.criteria_sets if s.ref in refs]


def criterion_ids(report: Report) -> list[str]:
    """The criteria columns: every criterion id of the versions applied, in first-seen order."""
    return list(dict.fromkeys(c.id for s in applied_sets(report) for c in s.criteria))


def headers(ids: list[str], lang: str) -> list[str]:
    """The column names in `lang`: the criteria columns are named by their ids (`2a`)."""
    w = words(lang)
    return [w["file"], w["network"], w["verdict"], w["error_count"], w["first_error"],
            w["criteria_version"], w["as_of"], w["as_of_from"], *ids, w["share_2a"],
            w["warning_count"], w["warning_ids"], w["network_sha256"]]


def packaged(report: Report) -> bool:
    """Whether a file of the report was read from an application package: then the register
    has the package's SHA-256 as its last column."""
    return any(i.role is Role.PACKAGE for r in report.results for i in r.inputs)


def package_column(lang: str) -> str:
    """The last column's name when the register is `packaged`."""
    return words(lang)["package_sha256"]


def entries(report: Report, ids: list[str], lang: str) -> Iterator[Entry]:
    """Each file's row, in the report's (path) order."""
    for result in report.results:
        yield entry(result, ids, lang)


def entry(result: FileResult, ids: list[str], lang: str) -> Entry:
    """The row of one file."""
    found = result.statuses
    counts = warning_counts(result)
    network = next((i.sha256 for i in result.inputs if i.role is Role.NETWORK), None)
    package = next((i.sha256 for i in result.inputs if i.role is Role.PACKAGE), None)
    dated = words(lang)[f"dated_{result.dated.value}"] if result.dated else None
    return Entry(result.file, result.network, result.verdict,
                 error_count(result.errors) if result.errors else None,
                 first_error(result, lang), result.criteria.label if result.criteria else None,
                 result.as_of, dated, tuple(found.get(cid) for cid in ids), share_of(result),
                 sum(counts.values()), ", ".join(counts), network, package)


def first_error(result: FileResult, lang: str) -> str | None:
    """Why the file could not be loaded, its first reason as the console says it:
    `file:line:column: path: message` (a members spreadsheet's cell in words)."""
    if not result.errors:
        return None
    error = result.errors[0]
    if error.source:
        place = cell(error.source, error.line, error.column, member_field(error.path)).get(lang)
    else:
        place = where(result.file, error.line, error.column)
        place += f": {error.path}" if error.path else ""
    return f"{place}: {error.message.get(lang)}"
