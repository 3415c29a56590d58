"""How messages for people name a member: `lid 1, 'P. de Boer'` / `member 1, 'P. de Boer'`;
how reports name a file the network file names (`sheet_display`), and how a relative path in a
network file is read (`slashed`: Windows backslashes as `/`, for every path alike).

Numbers for people count from 1; paths (`members[0].discipline`) stay 0-based, as in JSON. A
member from the members spreadsheet is named by its name only: the message's place already
gives its row.
"""

from __future__ import annotations

import os
import re
from pathlib import Path, PurePosixPath

from oncocheck.load.visible import quoted
from oncocheck.report import Text

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
