"""Which .xlsx cell openpyxl could not read, said the way a coordinator can fix it.

openpyxl converts a row's cells when the row is asked for, and a malformed cell (a number cell
holding `abc` or `NaN`, a true/false cell holding `x`, a date cell holding `gisteren`, a
reference to shared text the workbook does not have, a cell or row numbered `abc`) raises a
plain ValueError or IndexError that does not say where. The place is read from the failing
parser's frame (its current row and column, and the cell's XML element): the only way to learn
it without re-implementing openpyxl's sheet parser. If a later openpyxl names its locals
differently, `bad_cell` returns None and the caller reports the workbook as unreadable after
the last row it read: a less precise message, never a crash.
"""

from __future__ import annotations

from types import FrameType
from typing import Any

from oncocheck.errors import LoadFailed
from oncocheck.load.visible import quoted
from oncocheck.report import LoadError, Text

#: What a cell of each type (the `t` attribute) should hold, in both languages.
_KINDS = {"n": ("getal", "a number"), "b": ("ja/nee (0 of 1)", "true/false (0 or 1)"),
          "d": ("datum", "a date"), "e": ("foutwaarde", "an error value"),
          "str": ("tekst", "text"), "inlineStr": ("tekst", "text")}


def bad_cell(exc: BaseException, display: str, sheet: str, last_row: int) -> LoadFailed | None:
    """A LoadFailed naming the cell (row and column of the worksheet `sheet`) openpyxl failed
    on, or None when the failure was not in a cell (`last_row`: the last row read before it)."""
    frame = _innermost(exc, ("parse_cell", "parse_row"))
    if frame is None:
        return None
    parser, element = frame.f_locals.get("self"), frame.f_locals.get("element")
    row = getattr(parser, "row_counter", None)
    if frame.f_code.co_name == "parse_row" or element is None or not isinstance(row, int):
        written = getattr(frame.f_locals.get("row"), "attrib", {}).get("r", "")
        return LoadFailed([LoadError(Text(
            f"de rij na rij {last_row} op blad {quoted(sheet)} is niet te lezen: het rijnummer "
            f"{quoted(written)} in het bestand is geen getal; open en bewaar het bestand opnieuw "
            "in Excel", f"the row after row {last_row} on sheet {quoted(sheet)} cannot be read: "
            f"its row number {quoted(written)} in the file is not a number; open and save the "
            "file again in Excel"), "members_file", last_row + 1, None, display)])
    column = getattr(parser, "col_counter", None)  # already this cell's, unless its reference
    if not isinstance(column, int) or column < 1 or not _coordinate(element.get("r") or "A1"):
        column = None  # is what failed: then it is still the previous cell's
    return _failed(display, sheet, row, column, _what(element))


def _innermost(exc: BaseException, names: tuple[str, ...]) -> FrameType | None:
    """The innermost frame of the traceback running one of `names`."""
    found, tb = None, exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_name in names:
            found = tb.tb_frame
        tb = tb.tb_next
    return found


def _what(element: Any) -> Text:
    """What is wrong with the cell `element` (an XML element `<c t="n"><v>abc</v></c>`)."""
    kind = element.get("t", "n")
    value = next((child.text or "" for child in element if str(child.tag).endswith("}v")), "")
    coordinate = element.get("r")
    if coordinate is not None and not _coordinate(coordinate):
        return Text(f"de celverwijzing {quoted(coordinate)} in het bestand is ongeldig",
                    f"the cell reference {quoted(coordinate)} in the file is not valid")
    if kind == "s":
        return Text(f"de cel verwijst naar gedeelde tekst nr. {quoted(value)}, die de werkmap "
                    "niet heeft", f"the cell refers to shared text no. {quoted(value)}, which "
                    "the workbook does not have")
    nl, en = _KINDS.get(kind, (f"type {quoted(kind)}", f"type {quoted(kind)}"))
    return Text(f"de cel is opgeslagen als {nl} maar bevat {quoted(value)}",
                f"the cell is stored as {en} but holds {quoted(value)}")


def _coordinate(text: str) -> bool:
    from openpyxl.utils.cell import coordinate_to_tuple

    try:
        coordinate_to_tuple(text)
    except (ValueError, TypeError, KeyError, IndexError):
        return False
    return True


def _failed(display: str, sheet: str, row: int, column: int | None, what: Text) -> LoadFailed:
    advice_nl = "; typ de cel opnieuw in Excel en sla het bestand opnieuw op"
    advice_en = "; type the cell again in Excel and save the file again"
    return LoadFailed([LoadError(
        Text(f"de cel op blad {quoted(sheet)} is niet te lezen: {what.nl}{advice_nl}",
             f"the cell on sheet {quoted(sheet)} cannot be read: {what.en}{advice_en}"),
        "members_file", row, column, display)])
