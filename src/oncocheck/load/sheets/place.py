"""Places in a members spreadsheet, said the way a coordinator reads them: row 7, column C.

Kept apart from the sheet reader so renderers can name a cell without importing it.
"""

from __future__ import annotations

from oncocheck.report import Text

#: How a member field's column is called in Dutch (the English name is the field itself).
DUTCH = {"name": "naam", "organisation": "organisatie", "discipline_other": "discipline_anders"}


def column_letter(number: int) -> str:
    """The spreadsheet name of a 1-based column: 1 -> A, 26 -> Z, 27 -> AA."""
    letters = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def place_text(source: str, line: int | None, column: int | None,
               field_name: str | None = None) -> Text:
    """`leden.xlsx: rij 7, kolom C (discipline)` / `leden.xlsx: row 7, column C (discipline)`."""
    nl = en = source
    if line is not None:
        nl, en = f"{nl}: rij {line}", f"{en}: row {line}"
        if column is not None:
            nl, en = f"{nl}, kolom {column_letter(column)}", f"{en}, column {column_letter(column)}"
            if field_name:
                nl, en = f"{nl} ({DUTCH.get(field_name, field_name)})", f"{en} ({field_name})"
    return Text(nl, en)


def member_field(path: str) -> str | None:
    """The member field a path ends in (`members[5].discipline` -> `discipline`), else None."""
    tail = path.rsplit(".", 1)
    return tail[1] if len(tail) == 2 and tail[0].endswith("]") else None
