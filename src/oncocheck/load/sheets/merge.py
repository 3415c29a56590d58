"""Put the members spreadsheet (`members_file`) into a parsed network file.

Its members follow those under `members`, as if they had been written there, and each one's
cells are registered as positions in the spreadsheet, so the model's errors and the report's
findings name the spreadsheet's row and column instead of a line of the YAML file.
"""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path, PurePosixPath

from oncocheck.load.sheets.read import read_sheet
from oncocheck.load.source import Source
from oncocheck.report import LoadError


def sheet_display(network_display: str, members_file: str) -> str:
    """The spreadsheet's path as reports show it: next to the network file's display path."""
    if os.path.isabs(members_file):
        return PurePosixPath(members_file).as_posix()
    joined = os.path.normpath(os.path.join(os.path.dirname(network_display), members_file))
    return Path(joined).as_posix()


def merge_sheet(source: Source, base_dir: Path, display: str
                ) -> tuple[Source, list[LoadError], int]:
    """`source` with the spreadsheet's members appended, the spreadsheet's own problems (at
    most `validate.MAX_ERRORS`) and how many more it had.

    Without a usable `members_file` (absent, not text, or `members` not a list) the source is
    returned as it is: the model then reports what is wrong with those keys.
    """
    data = source.data
    named = data.get("members_file") if isinstance(data, dict) else None
    inline = data.get("members") if isinstance(data, dict) else None
    if not isinstance(named, str) or not named.strip() or not isinstance(inline, list | None):
        return source, [], 0
    shown = sheet_display(display, named.strip())
    sheet = read_sheet(base_dir / named.strip(), shown, base_dir)
    line, column = source.where("members_file")
    errors = [e if e.line is not None else replace(e, line=line, column=column, source=None)
              for e in sheet.errors]
    first = len(inline or [])
    values, keys, elsewhere = dict(source.values), dict(source.keys), dict(source.elsewhere)
    for offset, (row, places) in enumerate(zip(sheet.rows, sheet.positions)):
        path = f"members[{first + offset}]"
        values[path], elsewhere[path] = (row.line, row.column), shown
        for key, place in places.items():
            keys[f"{path}.{key}"] = values[f"{path}.{key}"] = (place.line, place.column)
    if not sheet.members:
        return source, errors, sheet.omitted
    merged = {**data, "members": [*(inline or []), *sheet.members]}
    return Source(merged, values, keys, elsewhere), errors, sheet.omitted
