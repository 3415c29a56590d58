"""A parsed file's data with the position of every key and value, by path.

Paths use JSON-style 0-based indices (`members[2].discipline`); positions are 1-based line and
column. Findings and load errors are placed through it, also in the members spreadsheet.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

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
