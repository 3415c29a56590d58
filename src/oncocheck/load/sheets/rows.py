"""Raw rows from a members spreadsheet: a `.csv` or the sheets of an `.xlsx` (openpyxl, read-only).

Its bytes are read safely by `load.store.read_members_file`. Excel saves "CSV UTF-8" only when
asked; its plain "CSV" is Windows-1252. A CSV that is not UTF-8 is read as Windows-1252, with
where its first such byte stood (`Recoded`) for the warning. A file that mixes both (UTF-8
letters, or a UTF-8 BOM, beside a Windows-1252 byte) could be read either way and is refused,
as are UTF-16, UTF-32 and NUL bytes.

Every cell comes out as text or None, the way the YAML loader hands scalars over: numbers
without a spurious ".0", booleans as "true"/"false", dates as ISO, invisible characters shown as
escapes (`load.visible`; xlsx's `_x001B_` is decoded first, so it is caught too). Row numbers
are the ones the spreadsheet program shows (1-based, empty rows counted). A cell that cannot be
read is a LoadFailed naming its row and column, never an exception.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from typing import Any, NamedTuple

from oncocheck.errors import LoadFailed, load_error
from oncocheck.load.store import read_members_file
from oncocheck.load.text import bad_byte, unicode_form
from oncocheck.load.visible import quoted, visible
from oncocheck.report import LoadError, Text

MAX_COLUMNS = 64  # a members list has six columns; more is a mistake, not data worth reading
MAX_ROWS = 250_000  # empty ones too: 100,000 members and room for gaps, not a zip bomb's rows
MAX_UNZIPPED_BYTES = 256 * 1024 * 1024  # an .xlsx of 100,000 members unzips to about 40 MB
HEADER_LINES = 10  # a CSV's separator is read from its header, among the first lines

Row = tuple[int, list[str | None]]
_XLSX_ESCAPE = re.compile("_x([0-9A-Fa-f]{4})_")  # ST_Xstring; openpyxl leaves it to us
#: How to save a members list as UTF-8 in Excel (or Kladblok/Notepad).
SAVE_SHEET = Text(
    "sla de ledenlijst in Excel op via Bestand → Opslaan als → Opslaan als type: CSV UTF-8 "
    "(door komma's gescheiden) (*.csv), of als Excel-werkmap (*.xlsx); in Kladblok via Bestand "
    "→ Opslaan als → Codering: UTF-8",
    "in Excel, save the members list with File → Save As → Save as type: CSV UTF-8 (Comma "
    "delimited) (*.csv), or as Excel Workbook (*.xlsx); in Notepad with File → Save As → "
    "Encoding: UTF-8")


class Recoded(NamedTuple):
    """Where the first byte that is not UTF-8 stood in a CSV read as Windows-1252."""

    row: int
    byte: Text  # `de byte 0xeb, in Windows-1252 'ë' (de regel: …)`


def decode(raw: bytes, display: str) -> tuple[str, Recoded | None]:
    """The CSV's text, and where it was not UTF-8 when it was read as Windows-1252."""
    name = unicode_form(raw)
    if name is not None:
        raise _refused(display, f"opgeslagen als {name.nl}", f"saved as {name.en}")
    if b"\0" in raw:  # no spreadsheet program writes one in a CSV; never into a message
        row = _row_at(raw, raw.find(b"\0"))
        raise _refused(display, f"geen UTF-8-tekst (NUL-byte in rij {row})",
                       f"not UTF-8 text (a NUL byte in row {row})")
    try:
        return raw.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:  # offsets are after the BOM: in `exc.object`
        data, start = exc.object, exc.start
        row = _row_at(data, start)
        line = data[max(data.rfind(b"\n", 0, start) + 1, start - 40):start + 20]
        recoded = Recoded(row, bad_byte(data[start], line.split(b"\n")[0]))
        utf8_letters = any(ord(c) > 0x7F and c != "\ufffd" for c in data.decode("utf-8", "replace"))
        if raw.startswith(b"\xef\xbb\xbf") or utf8_letters:
            raise _refused(display, f"niet helemaal UTF-8 (rij {row}: {recoded.byte.nl})",
                           f"not entirely UTF-8 (row {row}: {recoded.byte.en})") from exc
    try:
        return raw.decode("cp1252"), recoded
    except UnicodeDecodeError as exc:  # one of the five bytes Windows-1252 does not use
        raise _refused(display, f"geen UTF-8 (rij {row})", f"not UTF-8 (row {row})") from exc


def _row_at(data: bytes, offset: int) -> int:
    """The line `data[offset]` is on, counting CR LF, CR and LF as the csv module does."""
    before = data[:offset]
    return before.count(b"\n") + before.count(b"\r") - before.count(b"\r\n") + 1


def _refused(display: str, what_nl: str, what_en: str) -> LoadFailed:
    return load_error(f"de ledenlijst {display} is {what_nl}; {SAVE_SHEET.nl}",
                      f"the members list {display} is {what_en}; {SAVE_SHEET.en}")


@dataclass
class Book:
    """An opened members file: its text (a .csv, and where it was not UTF-8) or its sheets (an
    .xlsx), with their titles as messages show them. `close` it when done."""

    display: str
    titles: list[str]
    text: str = ""
    recoded: Recoded | None = None
    sheets: list[Any] = field(default_factory=list)
    close: Callable[[], None] = lambda: None

    @property
    def is_workbook(self) -> bool:
        return bool(self.sheets)

    def rows(self, index: int) -> Iterator[Row]:
        """(row number, cells) for every row of sheet `index`; LoadFailed past MAX_ROWS."""
        read = _sheet_rows(self.sheets[index], self.display) if self.sheets else _csv_rows(
            self.text, self.display)
        for number, cells in read:
            if number > MAX_ROWS:
                raise load_error(f"{self.display} heeft meer dan {MAX_ROWS:_} rijen"
                                 .replace("_", "."), f"{self.display} has more than "
                                 f"{MAX_ROWS:,} rows")
            yield number, cells


def open_book(path: Path, display: str, folder: Path) -> Book:
    """The spreadsheet at `path` (inside `folder`), opened; LoadFailed when it cannot be read.
    `display` is the path as messages show it."""
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise load_error(
            "een ledenlijst moet een .csv- of .xlsx-bestand zijn, niet "
            f"{quoted(path.suffix or path.name)}; sla het op als Excel-werkmap (.xlsx) of als "
            "'CSV UTF-8'",
            f"a members list must be a .csv or .xlsx file, not {quoted(path.suffix or path.name)}; "
            "save it as an Excel workbook (.xlsx) or as 'CSV UTF-8'")
    raw = read_members_file(path, folder, display)
    if suffix == ".csv":
        return Book(display, [""], *decode(raw, display))
    from openpyxl import (
        load_workbook,  # only when a workbook is read: it is slow to import
    )

    try:  # a zip bomb is refused by the sizes it declares (zipfile stops at those)
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            unzipped = sum(item.file_size for item in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        unzipped = 0  # openpyxl says it cannot read it, with the usual advice
    if unzipped > MAX_UNZIPPED_BYTES:
        mib = MAX_UNZIPPED_BYTES // (1024 * 1024)
        raise load_error(f"{display} wordt uitgepakt groter dan de limiet van {mib} MiB",
                         f"{display} unpacks to more than the limit of {mib} MiB")
    try:
        workbook = load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds for a damaged file
        raise _unreadable(display, exc) from exc
    sheets = list(workbook.worksheets)
    titles = [visible(str(s.title), multiline=False) for s in sheets]
    return Book(display, titles, sheets=sheets, close=workbook.close)


def _csv_rows(text: str, display: str) -> Iterator[Row]:
    """The CSV's lines as cells, split by `;`, `,` or a tab as its header is: the first of the
    first lines naming `discipline` (title rows above it may use any), else the first line."""
    lines = text.splitlines()[:HEADER_LINES] or [""]
    header = next((line for line in lines if "discipline" in line.casefold()), lines[0])
    separator = max(",;\t", key=header.count)  # `,` when none is used more
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator, strict=True)
    try:
        for number, cells in enumerate(reader, start=1):
            yield number, [shown_cell(c) for c in cells[:MAX_COLUMNS]]
    except csv.Error as exc:
        raise load_error(f"{display} is geen geldige CSV (rij {reader.line_num}): {exc}",
                         f"{display} is not valid CSV (row {reader.line_num}): {exc}") from exc


def _sheet_rows(sheet: Any, display: str) -> Iterator[Row]:
    """An .xlsx sheet's rows; a cell openpyxl cannot read is a LoadFailed naming it."""
    number = 0
    try:
        sheet.reset_dimensions()  # some writers store no or wrong dimensions
        for number, cells in enumerate(sheet.iter_rows(min_row=1, min_col=1,
                                                            values_only=True), start=1):
            yield number, [cell_text(c) for c in cells[:MAX_COLUMNS]]
    except Exception as exc:  # noqa: BLE001 - openpyxl parses a row only when asked
        title = str(getattr(sheet, "title", ""))
        raise _bad_cell(exc, display, title, number) or _unreadable(display, exc, number) from exc


def _unreadable(display: str, exc: BaseException, after: int | None = None) -> LoadFailed:
    where_nl, where_en = (f" (na rij {after})", f" (after row {after})") if after else ("", "")
    # what the library said (its class name, English) is for --debug, not for the coordinator
    return load_error(f"{display} is geen leesbare Excel-werkmap (.xlsx){where_nl}; open en "
                      "bewaar hem opnieuw in Excel",
                      f"{display} is not a readable Excel workbook (.xlsx){where_en}; open and "
                      "save it again in Excel", detail=f"{type(exc).__name__}: {exc}")


#: What a cell of each type (the `t` attribute) should hold, in both languages.
_KINDS = {"n": ("getal", "a number"), "b": ("ja/nee (0 of 1)", "true/false (0 or 1)"),
          "d": ("datum", "a date"), "e": ("foutwaarde", "an error value"),
          "str": ("tekst", "text"), "inlineStr": ("tekst", "text")}


def _bad_cell(exc: BaseException, display: str, sheet: str, last_row: int) -> LoadFailed | None:
    """The cell openpyxl failed on (a number cell holding `NaN`, a reference to shared text the
    workbook lacks, a row numbered `abc`), or None when the failure was not in a cell.

    openpyxl raises a plain ValueError or IndexError that does not say where: the place is read
    from the failing parser's frame (its row and column counters, the cell's XML element), the
    only way short of re-implementing its parser. Should a later openpyxl name its locals
    otherwise, this gives None and the workbook is "unreadable after row N": never a crash."""
    frame, tb = None, exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_name in ("parse_cell", "parse_row"):
            frame = tb.tb_frame
        tb = tb.tb_next
    if frame is None:
        return None
    parser, element = frame.f_locals.get("self"), frame.f_locals.get("element")
    row, where = getattr(parser, "row_counter", None), f" op blad {quoted(sheet)}"
    if frame.f_code.co_name == "parse_row" or element is None or not isinstance(row, int):
        written = quoted(getattr(frame.f_locals.get("row"), "attrib", {}).get("r", ""))
        return _failed(Text(
            f"de rij na rij {last_row}{where} is niet te lezen: het rijnummer {written} in het "
            "bestand is geen getal; open en bewaar het bestand opnieuw in Excel", f"the row after "
            f"row {last_row} on sheet {quoted(sheet)} cannot be read: its row number {written} in"
            " the file is not a number; open and save the file again in Excel"), display,
            last_row + 1, None)
    column = getattr(parser, "col_counter", None)  # already this cell's, unless its reference
    reference, kind = element.get("r"), element.get("t", "n")  # is what failed: then the last's
    value = quoted(next((c.text or "" for c in element if str(c.tag).endswith("}v")), ""))
    if reference is not None and not _coordinate(reference):
        what = Text(f"de celverwijzing {quoted(reference)} in het bestand is ongeldig",
                    f"the cell reference {quoted(reference)} in the file is not valid")
    elif kind == "s":
        what = Text(f"de cel verwijst naar gedeelde tekst nr. {value}, die de werkmap niet "
                    f"heeft", f"the cell refers to shared text no. {value}, which the workbook "
                    "does not have")
    else:
        nl, en = _KINDS.get(kind, (f"type {quoted(kind)}",) * 2)
        what = Text(f"de cel is opgeslagen als {nl} maar bevat {value}",
                    f"the cell is stored as {en} but holds {value}")
    if not isinstance(column, int) or column < 1 or not _coordinate(reference or "A1"):
        column = None
    return _failed(Text(f"de cel{where} is niet te lezen: {what.nl}; typ de cel opnieuw in Excel "
                        "en sla het bestand opnieuw op", f"the cell on sheet {quoted(sheet)} "
                        f"cannot be read: {what.en}; type the cell again in Excel and save the "
                        "file again"), display, row, column)


def _coordinate(text: str) -> bool:
    from openpyxl.utils.cell import coordinate_to_tuple

    try:
        coordinate_to_tuple(text)
    except (ValueError, TypeError, KeyError, IndexError):
        return False
    return True


def _failed(text: Text, display: str, row: int, column: int | None) -> LoadFailed:
    return LoadFailed([LoadError(text, "members_file", row, column, display)])


def cell_text(value: Any) -> str | None:
    """A cell as text, like the YAML loader gives scalars; None for an empty cell."""
    if value is None or isinstance(value, bool):
        return None if value is None else str(value).lower()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime) and value.time() == time():
        return value.date().isoformat()
    if isinstance(value, (date, time)):
        return value.isoformat()
    return shown_cell(_XLSX_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), str(value)))


def shown_cell(text: str) -> str | None:
    """A cell's text as oncocheck keeps it: trimmed, a line break Excel wrote as CR LF (or CR)
    made one line feed (the model folds line breaks in names), invisible characters escaped;
    None when nothing is left."""
    text = text.strip().replace("\r\n", "\n").replace("\r", "\n")
    return visible(text) if text else None
