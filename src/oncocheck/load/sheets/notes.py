"""What the report says when a members spreadsheet was read after all: its unknown columns
skipped, its title rows passed over, a later sheet chosen, a CSV read as Windows-1252. Each is a
`Notice`, which the report shows as a warning finding with its own id."""

from __future__ import annotations

from oncocheck.load.encoding import SAVE_SHEET
from oncocheck.load.sheets.delimited import Recoded
from oncocheck.load.sheets.header import KNOWN, NAMES, WHERE, Row, field_of, suggestion
from oncocheck.load.source import Notice
from oncocheck.load.visible import quoted
from oncocheck.report import Location, Text
from oncocheck.wording import column_letter

SHOWN = 3  # title rows named in the notice; more are counted


def on_sheet(title: str) -> Text:
    """` op blad 'Leden'`, or nothing when the sheet need not be named ("")."""
    if not title:
        return Text("", "")
    return Text(f" op blad {quoted(title)}", f" on sheet {quoted(title)}")


def columns_skipped(display: str, title: str, header: int,
                    unknown: list[tuple[int, str]]) -> Notice:
    """One warning listing every unknown column, each with its letter and a "did you mean"."""
    listed_nl, listed_en = [], []
    for index, name in unknown:
        best = suggestion(name)  # said in each language by that language's column name
        field = field_of(best) if best else None
        names = NAMES[field] if field else None
        letter = column_letter(index + 1)
        listed_nl.append(f"{quoted(name)} (kolom {letter}" + (f", bedoelt u '{names[0]}'?)"
                                                               if names else ")"))
        listed_en.append(f"{quoted(name)} (column {letter}" + (f", did you mean '{names[-1]}'?)"
                                                                if names else ")"))
    where = on_sheet(title)
    return Notice(
        "members-file-columns", Text("Kolommen overgeslagen", "Columns skipped"),
        Text(f"{'deze kolom is' if len(unknown) == 1 else 'deze kolommen zijn'} overgeslagen"
             f"{where.nl}: {', '.join(listed_nl)}",
             f"{'this column was' if len(unknown) == 1 else 'these columns were'} skipped"
             f"{where.en}: {', '.join(listed_en)}"),
        Location(WHERE, header, unknown[0][0] + 1, display),
        Text(f"hoort een van deze kolommen bij de gegevens van de leden, geef hem dan een kop "
             f"die oncocheck kent ({KNOWN[0]}); anders mag hij blijven staan",
             f"if one of these columns belongs to the members' data, give it a name oncocheck "
             f"knows ({KNOWN[1]}); otherwise it may stay"),
        {"columns": [name for _, name in unknown]})


def title_rows(display: str, title: str, header: int, before: list[Row]) -> Notice:
    """The rows above the header, named by their first text, said to be passed over."""
    named = [f"{number} ({quoted(next(c for c in cells if c))})"
             for number, cells in before[:SHOWN]]
    more = len(before) - SHOWN
    rows_nl = ", ".join(named) + (f" en nog {more}" if more > 0 else "")
    rows_en = ", ".join(named) + (f" and {more} more" if more > 0 else "")
    where = on_sheet(title)
    return Notice(
        "members-file-title-rows", Text("Titelrijen overgeslagen", "Title rows skipped"),
        Text(f"de kolomkoppen staan in rij {header}{where.nl}; daarboven is overgeslagen: "
             f"rij {rows_nl}", f"the column names are in row {header}{where.en}; skipped "
             f"above them: row {rows_en}"),
        Location(WHERE, before[0][0], 1, display),
        Text(f"niets te doen als rij {header} de kolomkoppen zijn; wilt u deze melding niet "
             "meer zien, haal dan de rijen boven de kolomkoppen weg",
             f"nothing to do if row {header} holds the column names; to see this no more, "
             "remove the rows above them"),
        {"header_row": header, "skipped_rows": [number for number, _ in before]})


def later_sheet(display: str, titles: list[str], index: int, header: int) -> Notice:
    """A sheet other than the first was read: the first with a header row."""
    skipped = ", ".join(quoted(t) for t in titles[:index])
    chosen = quoted(titles[index])
    return Notice(
        "members-file-sheet", Text("Blad van de ledenlijst", "Sheet of the members list"),
        Text(f"gelezen is blad {chosen}, het eerste blad met kolomkoppen (blad {skipped} "
             f"{'heeft' if index == 1 else 'hebben'} ze niet)", f"sheet {chosen} was read, the "
             f"first sheet with column names (sheet {skipped} {'has' if index == 1 else 'have'} "
             "none)"),
        Location(WHERE, header, 1, display),
        Text(f"klopt dit, noem het blad dan in het netwerkbestand: `members_sheet: "
             f"{titles[index]}`", f"if this is right, name the sheet in the network file: "
             f"`members_sheet: {titles[index]}`"),
        {"sheet": titles[index], "sheets": titles})


def windows_1252(display: str, recoded: Recoded) -> Notice:  # noqa: ARG001 - like the others
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
