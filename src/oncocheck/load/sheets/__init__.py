"""The members spreadsheet (`members_file`) read and put into a parsed network file: its raw
rows (`rows`), its sheet, header row and columns (`header`), its members.

Each non-empty row below the header is one member, as a dict of text like the YAML loader gives
(empty cells left out). Its members follow those under `members`, as if written there, and each
cell is registered as a position in the spreadsheet, so the model's errors and the report's
findings name the spreadsheet's row and column instead of a line of the YAML file. What was done
to read it after all (unknown columns skipped, a later sheet chosen, a CSV read as
Windows-1252, a `members_sheet` for a CSV passed over) is a `Notice` each, which the report
shows as a warning finding with its own id.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from oncocheck.errors import LoadFailed
from oncocheck.load.sheets.header import (KNOWN, NAMES, REQUIRED, WHERE, Chosen, Columns,
                                           choose, columns, field_of)
from oncocheck.load.sheets.rows import SAVE_SHEET, Book, Recoded, Row, open_book
from oncocheck.load.source import Notice, Source, about, member, sheet_display, slashed
from oncocheck.load.validate import MAX_ERRORS
from oncocheck.load.visible import quoted
from oncocheck.load.words import closest
from oncocheck.report import LoadError, Location, Text
from oncocheck.wording import DUTCH_COLUMNS, column_letter

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
    said = [_windows_1252(book.display, book.recoded)] if book.recoded else []
    if chosen.later:
        said.append(_later_sheet(book.display, book.titles, chosen.sheet, number))
    if found.unknown:
        said.append(_columns_skipped(book.display, title, number, found.unknown))
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
        notices += (_no_sheets(source.locate("members_sheet", prefer_key=True), shown, wanted),)
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


_SHEET = Text("Blad van de ledenlijst", "Sheet of the members list")


def _on_sheet(title: str) -> Text:
    """` op blad 'Leden'`, or nothing when the sheet need not be named ("")."""
    return Text(f" op blad {quoted(title)}", f" on sheet {quoted(title)}") if title else Text(
        "", "")


def _columns_skipped(display: str, title: str, header: int,
                    unknown: list[tuple[int, str]]) -> Notice:
    """One warning listing every unknown column, each with its letter and a "did you mean"
    (said in each language by that language's column name)."""
    listed_nl, listed_en = [], []
    for index, name in unknown:
        best = closest(name, [n for names in NAMES.values() for n in names])
        names, letter = NAMES[field_of(best) or ""] if best else None, column_letter(index + 1)
        listed_nl.append(f"{quoted(name)} (kolom {letter}"
                         + (f", bedoelt u '{names[0]}'?)" if names else ")"))
        listed_en.append(f"{quoted(name)} (column {letter}"
                         + (f", did you mean '{names[-1]}'?)" if names else ")"))
    where, one = _on_sheet(title), len(unknown) == 1
    return Notice(
        "members-file-columns", Text("Kolommen overgeslagen", "Columns skipped"),
        Text(f"{'deze kolom is' if one else 'deze kolommen zijn'} overgeslagen{where.nl}: "
             f"{', '.join(listed_nl)}", f"{'this column was' if one else 'these columns were'}"
             f" skipped{where.en}: {', '.join(listed_en)}"),
        Location(WHERE, header, unknown[0][0] + 1, display),
        Text(f"hoort een van deze kolommen bij de gegevens van de leden, geef hem dan een kop "
             f"die oncocheck kent ({KNOWN[0]}); anders mag hij blijven staan",
             f"if one of these columns belongs to the members' data, give it a name oncocheck "
             f"knows ({KNOWN[1]}); otherwise it may stay"),
        {"columns": [name for _, name in unknown]})


def _later_sheet(display: str, titles: list[str], index: int, header: int) -> Notice:
    """A sheet other than the first was read: the first with a header row."""
    skipped, chosen = ", ".join(quoted(t) for t in titles[:index]), quoted(titles[index])
    return Notice(
        "members-file-sheet", _SHEET,
        Text(f"gelezen is blad {chosen}, het eerste blad met kolomkoppen (blad {skipped} "
             f"{'heeft' if index == 1 else 'hebben'} ze niet)", f"sheet {chosen} was read, the "
             f"first sheet with column names (sheet {skipped} {'has' if index == 1 else 'have'} "
             "none)"),
        Location(WHERE, header, 1, display),
        Text(f"klopt dit, noem het blad dan in het netwerkbestand: `members_sheet: "
             f"{titles[index]}`", f"if this is right, name the sheet in the network file: "
             f"`members_sheet: {titles[index]}`"),
        {"sheet": titles[index], "sheets": titles})


def _windows_1252(display: str, recoded: Recoded) -> Notice:
    """A CSV that was not UTF-8, read as Windows-1252."""
    return Notice(
        "members-file-encoding", Text("Ledenlijst niet in UTF-8", "Members list not in UTF-8"),
        Text("de ledenlijst is niet als UTF-8 opgeslagen en is gelezen als Windows-1252 (zo "
             "slaat Excel een gewone CSV op); de eerste letter die geen UTF-8 is, staat in rij "
             f"{recoded.row}: {recoded.byte.nl}; kijk of letters met accenten goed zijn "
             "overgekomen", "the members list is not saved as UTF-8 and was read as "
             "Windows-1252 (as Excel saves a plain CSV); the first letter that is not UTF-8 is "
             f"in row {recoded.row}: {recoded.byte.en}; check that letters with accents came "
             "through right"), Location(WHERE, recoded.row, 1, display), SAVE_SHEET,
        {"encoding": "windows-1252", "row": recoded.row})


def _no_sheets(location: Location, shown: str, wanted: str) -> Notice:
    """`members_sheet` given for a CSV, which has no sheets: said, and passed over."""
    return Notice(
        "members-file-sheet", _SHEET,
        Text(f"`members_sheet: {wanted}` is overgeslagen: {shown} is een CSV-bestand en heeft "
             "geen bladen", f"`members_sheet: {wanted}` was passed over: {shown} is a CSV file "
             "and has no sheets"), location,
        Text("haal `members_sheet` weg, of noem in `members_file` de Excel-werkmap (.xlsx)",
             "remove `members_sheet`, or name the Excel workbook (.xlsx) in `members_file`"),
        {"sheet": wanted})
