"""Raw rows from a members spreadsheet: a `.csv` (UTF-8, comma or semicolon) or an `.xlsx`.

Every cell comes out as text or None, the way the YAML loader hands scalars over: numbers
without a spurious ".0", booleans as "true"/"false", dates as ISO. Row numbers are the ones the
spreadsheet program shows (1-based, the header is row 1, empty rows counted).
"""

from __future__ import annotations

import csv
import io
import stat
import zipfile
from collections.abc import Iterator
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from oncocheck.errors import LoadFailed, load_error
from oncocheck.yamlsource import unicode_form

MAX_FILE_BYTES = 32 * 1024 * 1024
MAX_COLUMNS = 64  # a members list has six columns; more is a mistake, not data worth reading
MAX_ROWS = 250_000  # empty ones too: 100,000 members and room for gaps, not a zip bomb's rows
MAX_UNZIPPED_BYTES = 256 * 1024 * 1024  # an .xlsx of 100,000 members unzips to about 40 MB
SUFFIXES = (".csv", ".xlsx")

Row = tuple[int, list[str | None]]


def raw_rows(path: Path, display: str) -> Iterator[Row]:
    """(row number, cells) for every row of the sheet; LoadFailed when it cannot be read.

    `display` is the path as messages show it."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise load_error(
            f"een ledenlijst moet een .csv- of .xlsx-bestand zijn, niet '{path.suffix or path.name}"
            "'; sla het op als Excel-werkmap (.xlsx) of als 'CSV UTF-8'",
            f"a members list must be a .csv or .xlsx file, not '{path.suffix or path.name}'; "
            "save it as an Excel workbook (.xlsx) or as 'CSV UTF-8'")
    _check_file(path, display)
    rows = _csv_rows(path.read_bytes(), display) if suffix == ".csv" else _xlsx_rows(path, display)
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


def _check_file(path: Path, display: str) -> None:
    try:
        info = path.stat()
    except FileNotFoundError as exc:
        raise load_error(
            f"ledenlijst niet gevonden: {display} (het pad is vanaf het netwerkbestand)",
            f"members list not found: {display} (the path is relative to the network file)",
        ) from exc
    except OSError as exc:
        raise load_error(f"kan de ledenlijst niet openen ({exc.strerror})",
                         f"cannot open the members list ({exc.strerror})") from exc
    if not stat.S_ISREG(info.st_mode):
        raise load_error("de ledenlijst is geen gewoon bestand", "the members list is not a file")
    if info.st_size > MAX_FILE_BYTES:
        mib = MAX_FILE_BYTES // (1024 * 1024)
        raise load_error(f"de ledenlijst is groter dan de limiet van {mib} MiB",
                         f"the members list is larger than the limit of {mib} MiB")


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
            yield number, [c.strip() or None for c in cells[:MAX_COLUMNS]]
    except csv.Error as exc:
        raise load_error(f"{display} is geen geldige CSV (rij {reader.line_num}): {exc}",
                         f"{display} is not valid CSV (row {reader.line_num}): {exc}"
                         ) from exc


def _xlsx_rows(path: Path, display: str) -> Iterator[Row]:
    from openpyxl import load_workbook  # only when a sheet is read: it is slow to import

    _check_unzipped_size(path, display)
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds for a damaged file
        raise load_error(f"{display} is geen leesbare Excel-werkmap (.xlsx); open en bewaar "
                         f"hem opnieuw in Excel ({type(exc).__name__})",
                         f"{display} is not a readable Excel workbook (.xlsx); open and "
                         f"save it again in Excel ({type(exc).__name__})") from exc
    try:
        if not workbook.worksheets:
            return
        sheet = workbook.worksheets[0]
        sheet.reset_dimensions()  # some writers store no or wrong dimensions; read what is there
        rows = sheet.iter_rows(min_row=1, min_col=1, values_only=True)
        for number, cells in enumerate(rows, start=1):
            yield number, [cell_text(c) for c in cells[:MAX_COLUMNS]]
    finally:
        workbook.close()


def _check_unzipped_size(path: Path, display: str) -> None:
    """Refuse a zip bomb before opening it: the sizes the archive declares bound what reading
    it can produce (zipfile stops at the declared size)."""
    try:
        with zipfile.ZipFile(path) as archive:
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
    return str(value).strip() or None
