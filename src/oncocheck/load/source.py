"""A parsed file's data with the position of every key and value, by path; how messages name a
member and how a path the file names is read.

Paths use JSON-style 0-based indices (`members[2].discipline`); positions are 1-based line and
column. Findings and load errors are placed through it, also in the members spreadsheet.
Numbers for people count from 1 (`lid 1, 'P. de Boer'` / `member 1, 'P. de Boer'`); a member
from the members spreadsheet is named by its name only: the message's place already gives its
row. A relative path in a network file is read by `slashed` (Windows backslashes as `/`).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from oncocheck.load.visible import quoted
from oncocheck.report import Location, Text


@dataclass(frozen=True)
class Notice:
    """Something the loader did so that a file could be read after all (a spreadsheet's extra
    columns skipped, a later sheet chosen, a CSV read as Windows-1252), for the report to
    say as a warning finding with its own id (`checks.notices.load_warnings`)."""

    id: str
    title: Text
    message: Text
    location: Location
    remediation: Text
    observed: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Source:
    """A parsed YAML file: its data and where each path (`members[2].discipline`) is.

    `values` holds the 1-based (line, column) of each value, `keys` that of each mapping key.
    `elsewhere` maps paths whose data came from another file (members from the members
    spreadsheet, `members[5]`) to that file's display path; their positions are in that file.
    `notices` are what the loader did to read the file's members spreadsheet after all;
    `sheet` is the sheet of its members workbook that was read, when it has more than one.
    """

    data: Any
    values: dict[str, tuple[int, int]] = field(default_factory=dict)
    keys: dict[str, tuple[int, int]] = field(default_factory=dict)
    elsewhere: dict[str, str] = field(default_factory=dict)
    notices: tuple[Notice, ...] = ()
    sheet: str = ""

    def source_of(self, path: str) -> str | None:
        """The other file `path` lies in (the members spreadsheet), or None for this file."""
        while path and self.elsewhere:  # most files have no spreadsheet: nothing to walk
            if path in self.elsewhere:
                return self.elsewhere[path]
            path = _parent(path)
        return None

    def locate(self, path: str, prefer_key: bool = False) -> Location:
        """Where `path` is, as a report Location (naming the spreadsheet when it is there)."""
        line, column = self.where(path, prefer_key)
        return Location(path, line, column, self.source_of(path))

    def where(self, path: str, prefer_key: bool = False) -> tuple[int, int]:
        """The position of `path`, or of its nearest ancestor that has one (else 1:1)."""
        while True:
            first, second = (self.keys, self.values) if prefer_key else (self.values, self.keys)
            pos = first.get(path) or second.get(path)
            if pos or not path:
                return pos or (1, 1)
            path = _parent(path)


def _parent(path: str) -> str:
    cut = max(path.rfind("."), path.rfind("["))
    return path[:cut] if cut > 0 else ""


_MEMBER = re.compile(r"members\[([0-9]+)\]")
# A backslash that separates folders, not one that starts an escape of the display filter
# (`\u200b` stands for an invisible character the file name held)
_FOLDER_BACKSLASH = re.compile(r"\\(?!u[0-9a-f]{4}|U[0-9a-f]{8})")


def slashed(written: str) -> str:
    """A path as a network file names it (`members_file`, `document`), with Windows
    backslashes read as `/` (`map\\leden.xlsx` is `map/leden.xlsx`), on every system."""
    return _FOLDER_BACKSLASH.sub("/", written)


def sheet_display(network_display: str, members_file: str) -> str:
    """A file the network file names (the spreadsheet, a document) as reports show it: next
    to the network file's display path (inside a package, `aanvraag.zip:leden.xlsx`)."""
    from oncocheck.load.store import shown_in_package

    inside = shown_in_package(network_display, members_file)
    if inside is not None:
        return inside
    if os.path.isabs(members_file):
        return PurePosixPath(members_file).as_posix()
    joined = os.path.normpath(os.path.join(os.path.dirname(network_display), members_file))
    return Path(joined).as_posix()


def member_index(path: str) -> int | None:
    """The 0-based index of the member `path` lies in (`members[3].postcode` -> 3), or None."""
    found = _MEMBER.match(path)
    return int(found.group(1)) if found else None


def member(index: int, data: object, sheet: str | None = None) -> Text | None:
    """Member `index` (0-based) with the data `data` as people read it. For a member from
    the spreadsheet (`sheet` is the sheet's title, "" when it need not be named) its name and
    sheet; None when neither is known (the message's place says which row it is)."""
    name = data.get("name") if isinstance(data, dict) else None
    name = quoted(name.strip()) if isinstance(name, str) and name.strip() else None
    if sheet is None:
        return Text(f"lid {index + 1}, {name}", f"member {index + 1}, {name}") if name else \
            Text(f"lid {index + 1}", f"member {index + 1}")
    on = Text(f"blad {quoted(sheet)}", f"sheet {quoted(sheet)}") if sheet else None
    if name is None:
        return on
    if on is None:
        return Text(f"lid {name}", f"member {name}")
    return Text(f"lid {name} op {on.nl}", f"member {name} on {on.en}")


def about(who: Text | None, text: Text) -> Text:
    """`text` preceded by whom it is about (`lid 1, 'P. de Boer': …`)."""
    return text if who is None else Text(f"{who.nl}: {text.nl}", f"{who.en}: {text.en}")
