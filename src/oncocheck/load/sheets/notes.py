"""What the report says when a members spreadsheet was read after all: its unknown columns
skipped, a later sheet chosen, a CSV read as Windows-1252, a
`members_sheet` for a CSV passed over. Each is a `Notice`, which the report shows as a warning
finding with its own id."""

from __future__ import annotations

from oncocheck.load.sheets.names import KNOWN, NAMES, WHERE, field_of
from oncocheck.load.sheets.rows import SAVE_SHEET, Recoded
from oncocheck.load.source import Notice
from oncocheck.load.visible import quoted
from oncocheck.load.words import closest
from oncocheck.report import Location, Text
from oncocheck.wording import column_letter

_SHEET = Text("Blad van de ledenlijst", "Sheet of the members list")


def _on_sheet(title: str) -> Text:
    """` op blad 'Leden'`, or nothing when the sheet need not be named ("")."""
    return Text(f" op blad {quoted(title)}", f" on sheet {quoted(title)}") if title else Text(
        "", "")


def columns_skipped(display: str, title: str, header: int,
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


def later_sheet(display: str, titles: list[str], index: int, header: int) -> Notice:
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


def windows_1252(display: str, recoded: Recoded) -> Notice:
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


def no_sheets(location: Location, shown: str, wanted: str) -> Notice:
    """`members_sheet` given for a CSV, which has no sheets: said, and passed over."""
    return Notice(
        "members-file-sheet", _SHEET,
        Text(f"`members_sheet: {wanted}` is overgeslagen: {shown} is een CSV-bestand en heeft "
             "geen bladen", f"`members_sheet: {wanted}` was passed over: {shown} is a CSV file "
             "and has no sheets"), location,
        Text("haal `members_sheet` weg, of noem in `members_file` de Excel-werkmap (.xlsx)",
             "remove `members_sheet`, or name the Excel workbook (.xlsx) in `members_file`"),
        {"sheet": wanted})
