"""A members list saved as CSV: its text, its separator and its rows.

Excel saves "CSV UTF-8" only when asked; its plain "CSV" is Windows-1252 with `;` between the
cells in Dutch settings (`,` is the decimal comma). A CSV that is not UTF-8 is read as
Windows-1252, and `recoded` says where the first byte that is not UTF-8 stood, for the warning
that says so. A file that mixes both (UTF-8 letters and a Windows-1252 byte, or a UTF-8 BOM
before one) could be read either way and is refused, as are UTF-16, UTF-32 and NUL bytes.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Generator
from dataclasses import dataclass

from oncocheck.errors import LoadFailed, load_error
from oncocheck.load.encoding import SAVE_SHEET, bad_byte, unicode_name
from oncocheck.load.text import unicode_form
from oncocheck.report import Text

HEADER_LINES = 10  # the separator is read from the header, among the first lines
_BOM = b"\xef\xbb\xbf"


@dataclass(frozen=True)
class Recoded:
    """Where the first byte that is not UTF-8 stood in a CSV read as Windows-1252."""

    row: int
    byte: Text  # `de byte 0xeb, in Windows-1252 'ë' (de regel: …)`


def decode(raw: bytes, display: str) -> tuple[str, Recoded | None]:
    """The CSV's text, and where it was not UTF-8 when it was read as Windows-1252."""
    form = unicode_form(raw)
    if form is not None:
        name = unicode_name(form)
        raise _refused(display, f"opgeslagen als {name.nl}", f"saved as {name.en}")
    nul = raw.find(b"\0")  # no spreadsheet program writes one in a CSV; never into a message
    if nul >= 0:
        row = _row_at(raw, nul)
        raise _refused(display, f"geen UTF-8-tekst (NUL-byte in rij {row})",
                       f"not UTF-8 text (a NUL byte in row {row})")
    try:
        return raw.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:  # offsets are after the BOM: in `exc.object`
        data, start = exc.object, exc.start
        row = _row_at(data, start)
        line = data[max(data.rfind(b"\n", 0, start) + 1, start - 40):start + 20]
        recoded = Recoded(row, bad_byte(data[start], line.split(b"\n")[0]))
        if raw.startswith(_BOM) or _has_utf8_letters(data):
            raise _refused(display, f"niet helemaal UTF-8 (rij {row}: {recoded.byte.nl})",
                           f"not entirely UTF-8 (row {row}: {recoded.byte.en})") from exc
    try:
        return raw.decode("cp1252"), recoded
    except UnicodeDecodeError as exc:  # one of the five bytes Windows-1252 does not use
        raise _refused(display, f"geen UTF-8 (rij {row})", f"not UTF-8 (row {row})") from exc


def _has_utf8_letters(data: bytes) -> bool:
    """Whether `data` holds characters written as UTF-8 (beside the bytes that are not)."""
    return any(ord(c) > 0x7F and c != "\ufffd" for c in data.decode("utf-8", "replace"))


def _row_at(data: bytes, offset: int) -> int:
    """The line `data[offset]` is on, counting CR LF, CR and LF as the csv module does."""
    before = data[:offset]
    return before.count(b"\n") + before.count(b"\r") - before.count(b"\r\n") + 1


def _refused(display: str, what_nl: str, what_en: str) -> LoadFailed:
    return load_error(f"de ledenlijst {display} is {what_nl}; {SAVE_SHEET.nl}",
                      f"the members list {display} is {what_en}; {SAVE_SHEET.en}")


def separator(text: str) -> str:
    """`;` or `,`, as the header uses it: the first of the first lines that names the column
    `discipline` (title rows above it may hold either), else the first line."""
    lines = text.splitlines()[:HEADER_LINES] or [""]
    header = next((line for line in lines if "discipline" in line.casefold()), lines[0])
    return ";" if header.count(";") > header.count(",") else ","


def csv_rows(text: str, display: str, shown: Callable[[str], str | None], max_columns: int
             ) -> Generator[tuple[int, list[str | None]], None, None]:
    """(row number, cells) for every line of the CSV text; `shown` makes a cell as kept."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator(text), strict=True)
    try:
        for number, cells in enumerate(reader, start=1):
            yield number, [shown(c) for c in cells[:max_columns]]
    except csv.Error as exc:
        raise load_error(f"{display} is geen geldige CSV (rij {reader.line_num}): {exc}",
                         f"{display} is not valid CSV (row {reader.line_num}): {exc}"
                         ) from exc
