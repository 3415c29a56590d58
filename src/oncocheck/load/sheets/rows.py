"""Raw rows from a members spreadsheet: a `.csv` (UTF-8, comma or semicolon) or an `.xlsx`.

Every cell comes out as text or None, the way the YAML loader hands scalars over: numbers
without a spurious ".0", booleans as "true"/"false", dates as ISO, invisible characters shown as
escapes (`load.visible`; xlsx's `_x001B_` is decoded first, so it is caught too). Row numbers
are the ones the spreadsheet program shows (1-based, the header is row 1, empty rows counted).
A cell that cannot be read is a LoadFailed naming its row and column, never an exception.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Iterator
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from oncocheck.errors import LoadFailed, load_error
from oncocheck.load.sheets.cells import bad_cell
from oncocheck.load.sheets.opening import MAX_FILE_BYTES, read_members_file
from oncocheck.load.text import unicode_form
from oncocheck.load.visible import visible

__all__ = ["MAX_FILE_BYTES", "MAX_COLUMNS", "MAX_ROWS", "MAX_UNZIPPED_BYTES", "Row", "raw_rows"]
MAX_COLUMNS = 64  # a members list has six columns; more is a mistake, not data worth reading
MAX_ROWS = 250_000  # empty ones too: 100,000 members and room for gaps, not a zip bomb's rows
MAX_UNZIPPED_BYTES = 256 * 1024 * 1024  # an .xlsx of 100,000 members unzips to about 40 MB
SUFFIXES = (".csv", ".xlsx")

Row = tuple[int, list[str | None]]
_XLSX_ESCAPE = re.compile("_x([0-9A-Fa-f]{4})_")  # ST_Xstring; openpyxl leaves it to us


def raw_rows(path: Path, display: str, folder: Path | None = None) -> Iterator[Row]:
    """(row number, cells) for every row of the sheet; LoadFailed when it cannot be read.

    `display` is the path as messages show it; the sheet must lie in `folder` (the network
    file's folder; by default its own)."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise load_error(
            f"een ledenlijst moet een .csv- of .xlsx-bestand zijn, niet '{path.suffix or path.name}"
            "'; sla het op als Excel-werkmap (.xlsx) of als 'CSV UTF-8'",
            f"a members list must be a .csv or .xlsx file, not '{path.suffix or path.name}'; "
            "save it as an Excel workbook (.xlsx) or as 'CSV UTF-8'")
    raw = read_members_file(path, path.parent if folder is None else folder, display)
    rows = _csv_rows(raw, display) if suffix == ".csv" else _xlsx_rows(raw, display)
    return _bounded(rows, display)


def _bounded(rows: Iterator[Row], display: str) -> Iterator[Row]:
    """The rows, stopping with a LoadFailed past MAX_ROWS (a sheet of endless empty rows)."""
    try:
        for number, cells in rows:
            if number > MAX_ROWS:
                raise load_error(
                    f"{display} heeft meer dan {MAX_ROWS:_} rijen".replace("_", "."),
                    f"{display} has more than {MAX_ROWS:,} rows")
            yield number, cells
    finally:
        rows.close()  # an .xlsx keeps its file open until its rows are closed


def _decode_csv(raw: bytes, display: str) -> str:
    form = unicode_form(raw)
    if form is not None:
        raise _not_utf8(display, form, form)
    nul = raw.find(b"\0")  # no spreadsheet program writes one in a CSV; never into a message
    if nul >= 0:
        row = _row_at(raw, nul)
        raise _not_utf8(display, f"geen UTF-8-tekst (NUL-byte in rij {row})",
                        f"not UTF-8 text (a NUL byte in row {row})")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:  # offsets are after the BOM: in `exc.object`
        row = _row_at(exc.object, exc.start)
        raise _not_utf8(display, f"geen UTF-8 (rij {row})", f"not UTF-8 (row {row})") from exc


def _row_at(data: bytes, offset: int) -> int:
    """The line `data[offset]` is on, counting CR LF, CR and LF as the csv module does."""
    before = data[:offset]
    return before.count(b"\n") + before.count(b"\r") - before.count(b"\r\n") + 1


def _not_utf8(display: str, what_nl: str, what_en: str) -> LoadFailed:
    return load_error(
        f"de ledenlijst {display} is {what_nl}; open hem in Excel en kies bij 'Opslaan als' het "
        "type 'CSV UTF-8 (door komma's gescheiden)', of sla hem op als .xlsx",
        f"the members list {display} is {what_en}; open it in Excel and choose 'Save As' type "
        "'CSV UTF-8 (Comma delimited)', or save it as .xlsx")


def _csv_rows(raw: bytes, display: str) -> Iterator[Row]:
    text = _decode_csv(raw, display)
    header = text.split("\n", 1)[0]
    # The header decides: Dutch Excel writes ';' because ',' is the decimal comma.
    delimiter = ";" if header.count(";") > header.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        for number, cells in enumerate(reader, start=1):
            yield number, [shown_cell(c) for c in cells[:MAX_COLUMNS]]
    except csv.Error as exc:
        raise load_error(f"{display} is geen geldige CSV (rij {reader.line_num}): {exc}",
                         f"{display} is not valid CSV (row {reader.line_num}): {exc}"
                         ) from exc


def _xlsx_rows(raw: bytes, display: str) -> Iterator[Row]:
    from openpyxl import (
        load_workbook,  # only when a sheet is read: it is slow to import
    )

    _check_unzipped_size(raw, display)
    try:
        workbook = load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds for a damaged file
        raise _unreadable(display, exc) from exc
    number, sheet = 0, None
    try:
        if not workbook.worksheets:
            return
        sheet = workbook.worksheets[0]
        sheet.reset_dimensions()  # some writers store no or wrong dimensions; read what is there
        rows = sheet.iter_rows(min_row=1, min_col=1, values_only=True)
        for number, cells in enumerate(rows, start=1):
            yield number, [cell_text(c) for c in cells[:MAX_COLUMNS]]
    except Exception as exc:  # noqa: BLE001 - openpyxl parses a row only when it is asked for
        title = str(getattr(sheet, "title", ""))
        raise bad_cell(exc, display, title, number) or _unreadable(display, exc, number) from exc
    finally:
        workbook.close()


def _unreadable(display: str, exc: BaseException, after: int | None = None) -> LoadFailed:
    where_nl = f" (na rij {after})" if after else ""
    where_en = f" (after row {after})" if after else ""
    return load_error(f"{display} is geen leesbare Excel-werkmap (.xlsx){where_nl}; open en "
                      f"bewaar hem opnieuw in Excel ({type(exc).__name__})",
                      f"{display} is not a readable Excel workbook (.xlsx){where_en}; open and "
                      f"save it again in Excel ({type(exc).__name__})")


def _check_unzipped_size(raw: bytes, display: str) -> None:
    """Refuse a zip bomb before opening it: the sizes the archive declares bound what reading
    it can produce (zipfile stops at the declared size)."""
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            unzipped = sum(item.file_size for item in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return  # openpyxl says it cannot read it, with the usual advice
    if unzipped > MAX_UNZIPPED_BYTES:
        mib = MAX_UNZIPPED_BYTES // (1024 * 1024)
        raise load_error(f"{display} wordt uitgepakt groter dan de limiet van {mib} MiB",
                         f"{display} unpacks to more than the limit of {mib} MiB")


def cell_text(value: Any) -> str | None:
    """A cell as text, like the YAML loader gives scalars; None for an empty cell."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time() else value.isoformat()
    if isinstance(value, (date, time)):
        return value.isoformat()
    text = str(value)
    if "_x" in text:  # what Excel shows: `_x001B_` is how an .xlsx stores ESC in a cell
        text = _XLSX_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text)
    return shown_cell(text)


def shown_cell(text: str) -> str | None:
    """A cell's text as oncocheck keeps it: trimmed, a line break Excel wrote as CR LF (or CR)
    made one line feed (the model folds line breaks in names), invisible characters escaped;
    None when nothing is left."""
    text = text.strip()
    if not text:
        return None
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return visible(text)
