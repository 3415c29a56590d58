"""The members spreadsheet (`members_file`): which sheet and header row, rows to members, and
the place of every value.

The sheet is the one `members_sheet` names, else the first sheet (of the first MAX_SHEETS)
that has a header row (`header`). Each non-empty row below the header is one member, as a dict
of text like the YAML loader gives (empty cells left out), with the row and column of every
value so errors name the cell a coordinator must fix.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from oncocheck.errors import LoadFailed
from oncocheck.load.naming import about, member
from oncocheck.load.sheets import header as heading
from oncocheck.load.sheets import notes
from oncocheck.load.sheets.choice import Chosen, choose
from oncocheck.load.sheets.header import REQUIRED, WHERE, Columns
from oncocheck.load.sheets.rows import Book, Row, open_book
from oncocheck.load.source import Notice
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
    `members_sheet` names.

    Never raises for bad input: every problem is a LoadError in `errors`.
    """
    try:
        with warnings.catch_warnings():
            # openpyxl warns on stderr about a workbook's styles and impossible dates (it reads
            # those as "#VALUE!"): nothing a reviewer can act on, and not part of any report
            warnings.filterwarnings("ignore", module="openpyxl")
            return _read(path, display, folder, wanted)
    except LoadFailed as exc:
        return Sheet(errors=[LoadError(e.message, e.path if e.path == "members_sheet" else WHERE,
                                       e.line, e.column, e.source) for e in exc.errors])


def _read(path: Path, display: str, folder: Path | None, wanted: str | None) -> Sheet:
    with open_book(path, display, folder) as book:
        chosen = choose(book, wanted)
        found, errors = heading.columns(chosen.header, display)
        if errors:
            return Sheet(errors=errors)
        sheet = _members(chosen.rows, found, display, chosen.named)
        return replace(sheet, notices=_notices(book, chosen, found), title=chosen.named)


def _notices(book: Book, chosen: Chosen, found: Columns) -> list[Notice]:
    """What was done to read the sheet, for the report to say."""
    title, number = chosen.named, chosen.header[0]
    said = [notes.windows_1252(book.display, book.recoded)] if book.recoded else []
    if chosen.later:
        said.append(notes.later_sheet(book.display, book.titles, chosen.index, number))
    if chosen.before:
        said.append(notes.title_rows(book.display, title, number, chosen.before))
    if found.unknown:
        said.append(notes.columns_skipped(book.display, title, number, found.unknown))
    return said


def _error(display: str, line: int | None, column: int | None, text: Text) -> LoadError:
    return LoadError(text, WHERE, line, column, display)


def _members(rows: Iterator[Row], found: Columns, display: str, title: str) -> Sheet:
    sheet, omitted = Sheet(), 0
    for number, cells in rows:
        if not any(cells):
            continue
        if len(sheet.rows) >= MAX_MEMBERS:
            sheet.errors.append(_error(display, number, None, Text(
                f"meer dan {MAX_MEMBERS:_} leden; dat is geen ledenlijst van één netwerk"
                .replace("_", "."), f"more than {MAX_MEMBERS:,} members; that is not the "
                "members list of one network")))
            break
        member_data, places, errors = _row(number, cells, found, display, title)
        room = MAX_ERRORS - len(sheet.errors)  # past the cap errors are counted, not kept
        sheet.errors.extend(errors[:max(room, 0)])
        omitted += max(len(errors) - max(room, 0), 0)
        if not errors:  # a broken row is reported once, by its cells, not again by the model
            sheet.members.append(member_data)
            sheet.positions.append(places)
            sheet.rows.append(Location(WHERE, number, 1, display))
    return replace(sheet, omitted=omitted) if omitted else sheet


def _row(number: int, cells: list[str | None], found: Columns, display: str, title: str
         ) -> tuple[dict[str, str], dict[str, Location], list[LoadError]]:
    """One row as a member, the place of each of its values, and the row's problems (naming
    the member when its name is known)."""
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
    for needed in (f for f in REQUIRED if f not in data):
        index = next(i for i, f in found.fields.items() if f == needed)
        problems.append((index + 1, Text(
            f"lege cel: vul de {DUTCH_COLUMNS.get(needed, needed)} in (of maak de hele rij "
            f"leeg)", f"empty cell: fill in the {needed} (or empty the whole row)")))
    who = member(0, data, title)
    return data, places, [_error(display, number, column, about(who, text))
                          for column, text in problems]
