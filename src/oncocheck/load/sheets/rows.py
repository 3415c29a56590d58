"""Raw rows from a members spreadsheet: a `.csv` (`delimited`) or the sheets of an `.xlsx`.

Every cell comes out as text or None, the way the YAML loader hands scalars over: numbers
without a spurious ".0", booleans as "true"/"false", dates as ISO, invisible characters shown as
escapes (`load.visible`; xlsx's `_x001B_` is decoded first, so it is caught too). Row numbers
are the ones the spreadsheet program shows (1-based, empty rows counted). A cell that cannot be
read is a LoadFailed naming its row and column, never an exception.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable, Generator
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from oncocheck.errors import LoadFailed, load_error
from oncocheck.load.sheets.cells import bad_cell
from oncocheck.load.sheets.delimited import Recoded, csv_rows, decode
from oncocheck.load.sheets.opening import MAX_FILE_BYTES, read_members_file
from oncocheck.load.visible import quoted, visible

__all__ = ["MAX_FILE_BYTES", "MAX_COLUMNS", "MAX_ROWS", "MAX_UNZIPPED_BYTES", "Book", "Row",
           "open_book"]
MAX_COLUMNS = 64  # a members list has six columns; more is a mistake, not data worth reading
MAX_ROWS = 250_000  # empty ones too: 100,000 members and room for gaps, not a zip bomb's rows
MAX_UNZIPPED_BYTES = 256 * 1024 * 1024  # an .xlsx of 100,000 members unzips to about 40 MB
SUFFIXES = (".csv", ".xlsx")

Row = tuple[int, list[str | None]]
_XLSX_ESCAPE = re.compile("_x([0-9A-Fa-f]{4})_")  # ST_Xstring; openpyxl leaves it to us


@dataclass
class Book:
    """An opened members file: the titles of its sheets (one, "", for a .csv), the rows of
    each on request (bounded; a sheet can be read again), and for a .csv read as
    Windows-1252 where it was not UTF-8. `close` it when done: an .xlsx keeps its file."""

    titles: list[str]
    _rows: Callable[[int], Generator[Row, None, None]]
    display: str
    recoded: Recoded | None = None
    close: Callable[[], None] = lambda: None
    is_workbook: bool = False

    def rows(self, index: int) -> Generator[Row, None, None]:
        """(row number, cells) for every row of sheet `index`; LoadFailed past MAX_ROWS."""
        return _bounded(self._rows(index), self.display)

    def __enter__(self) -> Book:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()


def open_book(path: Path, display: str, folder: Path | None = None) -> Book:
    """The spreadsheet at `path`, opened; LoadFailed when it cannot be read.

    `display` is the path as messages show it; the sheet must lie in `folder` (the network
    file's folder; by default its own)."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise load_error(
            f"een ledenlijst moet een .csv- of .xlsx-bestand zijn, niet "
            f"{quoted(path.suffix or path.name)}; sla het op als Excel-werkmap (.xlsx) of als "
            "'CSV UTF-8'",
            f"a members list must be a .csv or .xlsx file, not {quoted(path.suffix or path.name)}; "
            "save it as an Excel workbook (.xlsx) or as 'CSV UTF-8'")
    raw = read_members_file(path, path.parent if folder is None else folder, display)
    if suffix == ".csv":
        text, recoded = decode(raw, display)
        return Book([""], lambda _: csv_rows(text, display, shown_cell, MAX_COLUMNS), display,
                    recoded)
    return _workbook(raw, display)


def _bounded(rows: Generator[Row, None, None], display: str) -> Generator[Row, None, None]:
    """The rows, stopping with a LoadFailed past MAX_ROWS (a sheet of endless empty rows)."""
    try:
        for number, cells in rows:
            if number > MAX_ROWS:
                raise load_error(
                    f"{display} heeft meer dan {MAX_ROWS:_} rijen".replace("_", "."),
                    f"{display} has more than {MAX_ROWS:,} rows")
            yield number, cells
    finally:
        rows.close()


def _workbook(raw: bytes, display: str) -> Book:
    from openpyxl import (
        load_workbook,  # only when a sheet is read: it is slow to import
    )

    _check_unzipped_size(raw, display)
    try:
        workbook = load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds for a damaged file
        raise _unreadable(display, exc) from exc
    sheets = list(workbook.worksheets)

    def rows(index: int) -> Generator[Row, None, None]:
        sheet, number = sheets[index], 0
        try:
            sheet.reset_dimensions()  # some writers store no or wrong dimensions
            for number, cells in enumerate(sheet.iter_rows(min_row=1, min_col=1,
                                                            values_only=True), start=1):
                yield number, [cell_text(c) for c in cells[:MAX_COLUMNS]]
        except Exception as exc:  # noqa: BLE001 - openpyxl parses a row only when asked
            title = str(getattr(sheet, "title", ""))
            raise bad_cell(exc, display, title, number) or _unreadable(display, exc,
                                                                       number) from exc

    titles = [visible(str(s.title), multiline=False) for s in sheets]
    return Book(titles, rows, display, close=workbook.close, is_workbook=True)


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
