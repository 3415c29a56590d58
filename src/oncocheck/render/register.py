"""The register a reviewer files: one row per checked file, and the register as CSV (the
workbook is `register_xlsx`).

The columns: file, network, verdict, how many load errors an invalid file has and the first
of them (where and what), the criteria version applied, the as-of date and what gave it
(`--as-of`, the file's `submitted:`, or the day of the run when it has none), each criterion's
status (one column per criterion id of the versions applied, in criteria order), the 2a share,
how many warnings and of which kinds, the network file's SHA-256, and (in a register with a
network read from an application package) the package's SHA-256. Values stay typed (a Status,
a date, a share as a Fraction) so each format writes them its own way: words and colours per
language, a date and a percentage a spreadsheet can sort.

The CSV follows RFC 4180: UTF-8 with a byte order mark, so Excel reads it as UTF-8; CRLF line
ends; words in the report's language. It is separated as the spreadsheet of the report's
language expects, so a double-click opens it in columns: in Dutch (`--lang nl`) with `;` and a
decimal comma (`0,636`), as Excel does with Dutch regional settings; in English with `,` and a
decimal point (`0.636`). A `sep=` first line would do the same for Excel only and become a row
of data in every other reader.

Every text field is quoted, so a separator in a name cannot split it into a new cell. A text
that starts with `=`, `+`, `-`, `@`, a tab or a carriage return gets a `'` in front (OWASP's
advice against CSV injection), so no spreadsheet runs it as a formula. Numbers are written
bare (the 2a share as in the JSON report: `0.636`, with the language's decimal sign); dates as
`2026-11-23`; an empty field means no value.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from fractions import Fraction

from oncocheck.analysis.stats import share_of
from oncocheck.render.pages import warning_counts
from oncocheck.render.words import words
from oncocheck.report import (CriteriaSetInfo, FileResult, Report, Role, Status, Verdict,
                              error_count)
from oncocheck.wording import cell, member_field, where

BOM = "\ufeff"
#: What a spreadsheet takes for the start of a formula (or of a cell of its own).
RISKY = ("=", "+", "-", "@", "\t", "\r")
#: Language -> (field separator, decimal sign): what Excel expects in that language's region.
SEPARATORS = {"nl": (";", ","), "en": (",", ".")}

Field = str | int | float | None


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


def columns(report: Report, lang: str) -> tuple[list[str], list[str], bool]:
    """The criteria columns' ids, every column's name in `lang` (a criterion's is its id,
    `2a`), and whether a file was read from an application package: then the register has
    the package's SHA-256 as its last column."""
    w, ids = words(lang), criterion_ids(report)
    packaged = any(i.role is Role.PACKAGE for r in report.results for i in r.inputs)
    return ids, [w["file"], w["network"], w["verdict"], w["error_count"], w["first_error"],
                 w["criteria_version"], w["as_of"], w["as_of_from"], *ids, w["share_2a"],
                 w["warning_count"], w["warning_ids"], w["network_sha256"],
                 *[w["package_sha256"]] * packaged], packaged


def entries(report: Report, ids: list[str], lang: str) -> Iterator[Entry]:
    """Each file's row, in the report's (path) order."""
    return (entry(result, ids, lang) for result in report.results)


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


def render(report: Report, lang: str) -> str:
    """The register as CSV: the header first, with the BOM, then a line per file."""
    ids, head, extra = columns(report, lang)
    return BOM + "".join([line(head, lang),
                          *(line([*_fields(item, lang), *[item.package] * extra], lang)
                            for item in entries(report, ids, lang))])


def _fields(item: Entry, lang: str) -> list[Field]:
    w = words(lang)
    statuses = [w[s.value] if s is not None else None for s in item.statuses]
    return [item.file, item.network, w[item.verdict.value], item.errors, item.first_error,
            item.version, item.as_of.isoformat() if item.as_of else None, item.dated,
            *statuses, None if item.share is None else round(float(item.share), 3),  # as JSON's
            item.warnings, item.warning_ids or None, item.sha256]


def line(fields: Iterable[Field], lang: str = "en") -> str:
    """One CSV record, CRLF-terminated, separated as `lang`'s spreadsheet expects."""
    separator, decimal = SEPARATORS.get(lang, SEPARATORS["nl"])
    return separator.join(field(value, decimal) for value in fields) + "\r\n"


def field(value: Field, decimal: str = ".") -> str:
    """A number bare (with `decimal` as its decimal sign), nothing for None, any text quoted
    (and defused, see `defused`)."""
    if value is None:
        return ""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return repr(value).replace(".", decimal)
    text = defused(str(value))
    return '"' + text.replace('"', '""') + '"'


def defused(text: str) -> str:
    """`text` with a `'` in front when a spreadsheet would take it for a formula."""
    return "'" + text if text.startswith(RISKY) else text
