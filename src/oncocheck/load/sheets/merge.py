"""The members spreadsheet (`members_file`) read and put into a parsed network file.

Each non-empty row below the header is one member, as a dict of text like the YAML loader gives
(empty cells left out). Its members follow those under `members`, as if written there, and each
cell is registered as a position in the spreadsheet, so the model's errors and the report's
findings name the spreadsheet's row and column instead of a line of the YAML file.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from oncocheck.errors import LoadFailed
from oncocheck.load.sheets import notes
from oncocheck.load.sheets.header import Chosen, Columns, choose, columns
from oncocheck.load.sheets.names import REQUIRED, WHERE
from oncocheck.load.sheets.rows import Book, Row, open_book
from oncocheck.load.source import Notice, Source, about, member, sheet_display, slashed
from oncocheck.load.validate import MAX_ERRORS
from oncocheck.report import LoadError, Location, Text
from oncocheck.wording import DUTCH_COLUMNS

MAX_MEMBERS = 100_000


@dataclass(frozen=True)
class Sheet:
    """A read members spreadsheet: one dict of text per member, with its places; its problems
    (at most MAX_ERRORS) and how many more it had (`omitted`); what was done to read it
    (`notices`); and the sheet read when a workbook has more than one (`title`)."""

    members: list[dict[str, str]] = field(default_factory=list)
    positions: list[dict[str, Location]] = field(default_factory=list)
    rows: list[Location] = field(default_factory=list)
    errors: list[LoadError] = field(default_factory=list)
    omitted: int = 0
    notices: list[Notice] = field(default_factory=list)
    title: str = ""


def read_sheet(path: Path, display: str, folder: Path | None = None,
               wanted: str | None = None) -> Sheet:
    """The members in the spreadsheet at `path` (`display` is how reports name it), which must
    lie in `folder` (the network file's folder; by default its own); `wanted` is the sheet
    `members_sheet` names. Never raises for bad input: every problem is in `errors`."""
    try:
        with warnings.catch_warnings():
            # openpyxl warns on stderr about a workbook's styles and impossible dates (it reads
            # those as "#VALUE!"): nothing a reviewer can act on, and not part of any report
            warnings.filterwarnings("ignore", module="openpyxl")
            book = open_book(path, display, path.parent if folder is None else folder)
            try:
                chosen = choose(book, wanted)
                found, errors = columns(chosen.header, display)
                if errors:
                    return Sheet(errors=errors)
                sheet = _members(chosen.rows, found, display, chosen.named)
                return replace(sheet, notices=_notices(book, chosen, found), title=chosen.named)
            finally:
                book.close()
    except LoadFailed as exc:
        return Sheet(errors=[LoadError(e.message, e.path if e.path == "members_sheet" else WHERE,
                                       e.line, e.column, e.source) for e in exc.errors])


def _notices(book: Book, chosen: Chosen, found: Columns) -> list[Notice]:
    """What was done to read the sheet, for the report to say. Title rows above the header are
    what the format allows (network-file.md), so they are read past without a word."""
    title, number = chosen.named, chosen.header[0]
    said = [notes.windows_1252(book.display, book.recoded)] if book.recoded else []
    if chosen.later:
        said.append(notes.later_sheet(book.display, book.titles, chosen.sheet, number))
    if found.unknown:
        said.append(notes.columns_skipped(book.display, title, number, found.unknown))
    return said


def _members(rows: Iterator[Row], found: Columns, display: str, title: str) -> Sheet:
    sheet, omitted = Sheet(), 0
    for number, cells in rows:
        if not any(cells):
            continue
        if len(sheet.rows) >= MAX_MEMBERS:
            sheet.errors.append(LoadError(Text(
                f"meer dan {MAX_MEMBERS:_} leden; dat is geen ledenlijst van één netwerk"
                .replace("_", "."), f"more than {MAX_MEMBERS:,} members; that is not the "
                "members list of one network"), WHERE, number, None, display))
            break
        data, places, problems = {}, {}, []
        for index, value in enumerate(cells):
            if value is None or index in found.skipped:
                continue
            if index not in found.fields:
                problems.append((index + 1, Text(
                    "deze cel staat in een kolom zonder kop; geef de kolom een kop of maak de "
                    "cel leeg", "this cell is in a column without a name; name the column or "
                    "empty the cell")))
                continue
            data[found.fields[index]] = value
            places[found.fields[index]] = Location(WHERE, number, index + 1, display)
        missing = [f for f in REQUIRED if f not in data]
        if missing == ["discipline"] and not problems:  # the model's message says which kinds
            index = next(i for i, f in found.fields.items() if f == "discipline")  # there are
            data["discipline"] = ""
            places["discipline"] = Location(WHERE, number, index + 1, display)
            missing = []
        for needed in missing:
            index = next(i for i, f in found.fields.items() if f == needed)
            problems.append((index + 1, Text(
                f"lege cel: vul de {DUTCH_COLUMNS.get(needed, needed)} in (of maak de hele rij "
                f"leeg)", f"empty cell: fill in the {needed} (or empty the whole row)")))
        room = max(MAX_ERRORS - len(sheet.errors), 0)  # past the cap errors are counted, not kept
        who = member(0, data, title)
        sheet.errors.extend(LoadError(about(who, text), WHERE, number, column, display)
                            for column, text in problems[:room])
        omitted += max(len(problems) - room, 0)
        if not problems:  # a broken row is reported once, by its cells, not again by the model
            sheet.members.append(data)
            sheet.positions.append(places)
            sheet.rows.append(Location(WHERE, number, 1, display))
    return replace(sheet, omitted=omitted)


def merge_sheet(source: Source, base_dir: Path, display: str
                ) -> tuple[Source, list[LoadError], int]:
    """`source` with the spreadsheet's members appended and what was done to read it
    (`notices`), the spreadsheet's own problems (at most `validate.MAX_ERRORS`) and how many
    more it had.

    Without a usable `members_file` (absent, not text, or `members` not a list) the source is
    returned as it is: the model then reports what is wrong with those keys.
    """
    data = source.data if isinstance(source.data, dict) else {}
    named, inline, wanted = (data.get(k) for k in ("members_file", "members", "members_sheet"))
    if not isinstance(named, str) or not named.strip() or not isinstance(inline, list | None):
        return source, [], 0
    wanted = wanted.strip() if isinstance(wanted, str) and wanted.strip() else None
    relative = slashed(named.strip())  # `map\leden.xlsx` written on Windows: `map/leden.xlsx`
    shown = sheet_display(display, relative)
    sheet = read_sheet(base_dir / relative, shown, base_dir, wanted)
    errors = [e if e.line is not None else replace(e, line=source.where(e.path)[0],
                                                   column=source.where(e.path)[1], source=None)
              for e in sheet.errors]
    notices = tuple(sheet.notices)
    if wanted and shown.lower().endswith(".csv"):
        notices += (notes.no_sheets(source.locate("members_sheet", prefer_key=True), shown,
                                    wanted),)
    first = len(inline or [])
    values, keys, elsewhere = dict(source.values), dict(source.keys), dict(source.elsewhere)
    for offset, (row, places) in enumerate(zip(sheet.rows, sheet.positions, strict=True)):
        path = f"members[{first + offset}]"
        values[path], elsewhere[path] = (row.line, row.column), shown
        for key, place in places.items():
            keys[f"{path}.{key}"] = values[f"{path}.{key}"] = (place.line, place.column)
    if "members" not in keys and "members_file" in keys:  # findings on the members (1a, 1b,
        keys["members"] = keys["members_file"]  # 2a) are placed where they are named, not at 1:1
    if not sheet.members:
        return replace(source, notices=notices, keys=keys), errors, sheet.omitted
    merged = {**data, "members": [*(inline or []), *sheet.members]}
    return Source(merged, values, keys, elsewhere, notices, sheet.title), errors, sheet.omitted
