"""Put the members spreadsheet (`members_file`) into a parsed network file.

Its members follow those under `members`, as if they had been written there, and each one's
cells are registered as positions in the spreadsheet, so the model's errors and the report's
findings name the spreadsheet's row and column instead of a line of the YAML file.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from oncocheck.load.naming import sheet_display
from oncocheck.load.sheets.read import read_sheet
from oncocheck.load.source import Notice, Source
from oncocheck.report import LoadError, Text


def merge_sheet(source: Source, base_dir: Path, display: str
                ) -> tuple[Source, list[LoadError], int]:
    """`source` with the spreadsheet's members appended and what was done to read it
    (`notices`), the spreadsheet's own problems (at most `validate.MAX_ERRORS`) and how many
    more it had.

    Without a usable `members_file` (absent, not text, or `members` not a list) the source is
    returned as it is: the model then reports what is wrong with those keys.
    """
    data = source.data
    named = data.get("members_file") if isinstance(data, dict) else None
    inline = data.get("members") if isinstance(data, dict) else None
    if not isinstance(named, str) or not named.strip() or not isinstance(inline, list | None):
        return source, [], 0
    wanted = data.get("members_sheet")
    wanted = wanted.strip() if isinstance(wanted, str) and wanted.strip() else None
    shown = sheet_display(display, named.strip())
    sheet = read_sheet(base_dir / named.strip(), shown, base_dir, wanted)
    errors = [e if e.line is not None else replace(e, line=source.where(e.path)[0],
                                                   column=source.where(e.path)[1], source=None)
              for e in sheet.errors]
    notices = tuple(sheet.notices)
    if wanted and shown.lower().endswith(".csv"):
        notices += (_no_sheets(source, shown, wanted),)
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


def _no_sheets(source: Source, shown: str, wanted: str) -> Notice:
    """`members_sheet` given for a CSV, which has no sheets: said, and passed over."""
    return Notice(
        "members-file-sheet", Text("Blad van de ledenlijst", "Sheet of the members list"),
        Text(f"`members_sheet: {wanted}` is overgeslagen: {shown} is een CSV-bestand en heeft "
             "geen bladen", f"`members_sheet: {wanted}` was passed over: {shown} is a CSV file "
             "and has no sheets"), source.locate("members_sheet", prefer_key=True),
        Text("haal `members_sheet` weg, of noem in `members_file` de Excel-werkmap (.xlsx)",
             "remove `members_sheet`, or name the Excel workbook (.xlsx) in `members_file`"),
        {"sheet": wanted})
