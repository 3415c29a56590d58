"""The members spreadsheet (`members_file`): header matching, rows to members, and places.

The first non-empty row holds the column names, in Dutch or English, any case. Each later
non-empty row is one member, as a dict of text like the YAML loader gives (empty cells left
out), with the row and column of every value so errors name the cell a coordinator must fix.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from contextlib import closing
from dataclasses import dataclass, field, replace
from pathlib import Path

from oncocheck.errors import LoadFailed
from oncocheck.load.sheets.rows import Row, raw_rows
from oncocheck.load.validate import MAX_ERRORS
from oncocheck.load.visible import quoted
from oncocheck.load.words import closest, normalise
from oncocheck.report import LoadError, Location, Text
from oncocheck.wording import DUTCH_COLUMNS

MAX_MEMBERS = 100_000
#: Every accepted column name (normalised) and the member field it fills.
COLUMNS = {"naam": "name", "name": "name", "discipline": "discipline",
           "organisatie": "organisation", "organisation": "organisation",
           "organization": "organisation", "postcode": "postcode", "verwijsgids": "verwijsgids",
           "discipline anders": "discipline_other", "discipline other": "discipline_other"}
REQUIRED = ("name", "discipline")
WHERE = "members_file"


@dataclass(frozen=True)
class Sheet:
    """A read members spreadsheet: one dict of text per member, with its places; its problems
    (at most MAX_ERRORS) and how many more it had (`omitted`)."""

    members: list[dict[str, str]] = field(default_factory=list)
    positions: list[dict[str, Location]] = field(default_factory=list)
    rows: list[Location] = field(default_factory=list)
    errors: list[LoadError] = field(default_factory=list)
    omitted: int = 0


def read_sheet(path: Path, display: str, folder: Path | None = None) -> Sheet:
    """The members in the spreadsheet at `path` (`display` is how reports name it), which must
    lie in `folder` (the network file's folder; by default its own).

    Never raises for bad input: every problem is a LoadError in `errors`.
    """
    try:
        with warnings.catch_warnings():
            # openpyxl warns on stderr about a workbook's styles and impossible dates (it reads
            # those as "#VALUE!"): nothing a reviewer can act on, and not part of any report
            warnings.filterwarnings("ignore", module="openpyxl")
            return _read(path, display, folder)
    except LoadFailed as exc:
        return Sheet(errors=[LoadError(e.message, WHERE, e.line, e.column, e.source)
                             for e in exc.errors])


def _read(path: Path, display: str, folder: Path | None) -> Sheet:
    with closing(raw_rows(path, display, folder)) as rows:  # closing: an .xlsx keeps its file open
        header = next(((n, cells) for n, cells in rows if any(cells)), None)
        if header is None:
            return Sheet(errors=[_error(display, None, None, _EMPTY)])
        columns, errors = _columns(header, display)
        if errors:
            return Sheet(errors=errors)
        return _members(rows, columns, display)


_EMPTY = Text("de ledenlijst is leeg; zet in de eerste rij de kolomkoppen (naam, discipline, "
              "organisatie, postcode, verwijsgids) en daaronder één lid per rij",
              "the members list is empty; put the column names in the first row (name, "
              "discipline, organisation, postcode, verwijsgids) and one member per row below")


def _error(display: str, line: int | None, column: int | None, text: Text) -> LoadError:
    return LoadError(text, WHERE, line, column, display)


def _columns(header: Row, display: str) -> tuple[dict[int, str], list[LoadError]]:
    """Column index -> member field, and the header's problems."""
    number, cells = header
    columns: dict[int, str] = {}
    errors = []
    for index, written in enumerate(cells):
        if written is None:
            continue
        known = COLUMNS.get(normalise(written))
        if known is None or known in columns.values():
            errors.append(_error(display, number, index + 1, _bad_header(written, known)))
        else:
            columns[index] = known
    for needed in REQUIRED:
        if needed not in columns.values() and not errors:
            errors.append(_error(display, number, None, Text(
                f"kolom '{DUTCH_COLUMNS.get(needed, needed)}' ontbreekt; de eerste rij moet de "
                "kolomkoppen bevatten (naam, discipline, ...)", f"column '{needed}' is missing; "
                "the first row must hold the column names (name, discipline, ...)")))
    return columns, errors


def _bad_header(written: str, known: str | None) -> Text:
    if known is not None:
        return Text(f"kolom {quoted(written)} staat er twee keer in",
                    f"column {quoted(written)} appears twice")
    names = ["naam", "name", "discipline", "organisatie", "organisation", "postcode",
             "verwijsgids", "discipline_anders", "discipline_other"]
    best = closest(written, names)
    nl_tail = f"; bedoelt u '{best}'?" if best else "."
    en_tail = f"; did you mean '{best}'?" if best else "."
    return Text(f"onbekende kolom {quoted(written)}{nl_tail} Bekende kolommen: naam, discipline, "
                "organisatie, postcode, verwijsgids, discipline_anders (haal andere kolommen weg)",
                f"unknown column {quoted(written)}{en_tail} Known columns: name, discipline, "
                "organisation, postcode, verwijsgids, discipline_other (remove other columns)")


def _members(rows: Iterator[Row], columns: dict[int, str], display: str) -> Sheet:
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
        member, places, errors = _row(number, cells, columns, display)
        room = MAX_ERRORS - len(sheet.errors)  # past the cap errors are counted, not kept
        sheet.errors.extend(errors[:max(room, 0)])
        omitted += max(len(errors) - max(room, 0), 0)
        if not errors:  # a broken row is reported once, by its cells, not again by the model
            sheet.members.append(member)
            sheet.positions.append(places)
            sheet.rows.append(Location(WHERE, number, 1, display))
    return replace(sheet, omitted=omitted) if omitted else sheet


def _row(number: int, cells: list[str | None], columns: dict[int, str], display: str
         ) -> tuple[dict[str, str], dict[str, Location], list[LoadError]]:
    """One row as a member, the place of each of its values, and the row's problems."""
    member, places, errors = {}, {}, []
    for index, value in enumerate(cells):
        if value is None:
            continue
        if index not in columns:
            errors.append(_error(display, number, index + 1, Text(
                "deze cel staat in een kolom zonder kop; geef de kolom een kop of maak de "
                "cel leeg", "this cell is in a column without a name; name the column or "
                "empty the cell")))
            continue
        member[columns[index]] = value
        places[columns[index]] = Location(WHERE, number, index + 1, display)
    for needed in REQUIRED:
        if needed not in member:
            index = next(i for i, f in columns.items() if f == needed)
            errors.append(_error(display, number, index + 1, Text(
                f"lege cel: vul de {DUTCH_COLUMNS.get(needed, needed)} in (of maak de hele rij leeg)",
                f"empty cell: fill in the {needed} (or empty the whole row)")))
    return member, places, errors
