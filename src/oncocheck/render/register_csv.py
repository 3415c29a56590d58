"""The register as CSV (RFC 4180): UTF-8 with a byte order mark, so Excel reads it as UTF-8;
CRLF line ends; one row per file (columns: `register_rows`); words in the report's language.

Separated as the spreadsheet of the report's language expects, so a double-click opens it in
columns: in Dutch (`--lang nl`) with `;` and a decimal comma (`0,636`), as Excel does with
Dutch regional settings; in English with `,` and a decimal point (`0.636`). A `sep=` first
line would do the same for Excel only and become a row of data in every other reader.

Every text field is quoted, so a separator in a name cannot split it into a new cell. A text
that starts with `=`, `+`, `-`, `@`, a tab or a carriage return gets a `'` in front (OWASP's
advice against CSV injection), so no spreadsheet runs it as a formula. Numbers are written
bare (the 2a share as in the JSON report: `0.636`, with the language's decimal sign); dates as
`2026-11-23`; an empty field means no value.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from fractions import Fraction

from oncocheck.render.register_rows import (Entry, criterion_ids, entries, headers,
                                            package_column, packaged)
from oncocheck.render.words import words
from oncocheck.report import Report

BOM = "\ufeff"
#: What a spreadsheet takes for the start of a formula (or of a cell of its own).
RISKY = ("=", "+", "-", "@", "\t", "\r")

Field = str | int | float | None


#: Language -> (field separator, decimal sign): what Excel expects in that language's region.
SEPARATORS = {"nl": (";", ","), "en": (",", ".")}


def render(report: Report, lang: str) -> str:
    """The whole register: the header first, with the BOM, then a line per file."""
    ids, extra = criterion_ids(report), packaged(report)
    head = [*headers(ids, lang), *[package_column(lang)] * extra]
    return BOM + "".join([line(head, lang),
                          *(line([*_fields(item, lang), *[item.package] * extra], lang)
                            for item in entries(report, ids, lang))])


def _fields(item: Entry, lang: str) -> list[Field]:
    w = words(lang)
    statuses = [w[s.value] if s is not None else None for s in item.statuses]
    return [item.file, item.network, w[item.verdict.value], item.errors, item.first_error,
            item.version, _day(item.as_of), item.dated, *statuses, _share(item.share),
            item.warnings, item.warning_ids or None, item.sha256]


def _day(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _share(share: Fraction | None) -> float | None:
    """The share rounded as the JSON report's `observed.share` is."""
    return None if share is None else round(float(share), 3)


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
