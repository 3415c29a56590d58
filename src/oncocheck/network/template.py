"""The commented network file template `oncocheck init` writes, nl or en, as data.

The templates are `blanks/network.<lang>.yaml`. Untouched, a template loads and checks to
"not compliant" with, per criterion, what to fill in; it never gives a load error.
"""

from __future__ import annotations

import json
import os
import re
from importlib.resources import files
from pathlib import Path, PurePath

#: The template's placeholder names; a file still carrying one gets a warning when checked.
PLACEHOLDER_NAMES = ("Oncologiezorgnetwerk (naam invullen)",
                     "Oncology care network (fill in the name)")
_PLAIN = re.compile(r"[\w./-]+")
COLUMNS_NL = ("naam", "discipline", "organisatie", "postcode", "verwijsgids", "discipline_anders")
COLUMNS_EN = ("name", "discipline", "organisation", "postcode", "verwijsgids", "discipline_other")


def template(lang: str) -> str:
    """The template text in `lang` ("nl" or "en")."""
    name = f"network.{'en' if lang == 'en' else 'nl'}.yaml"
    return files("oncocheck.network").joinpath("blanks", name).read_text(encoding="utf-8")


def with_sheet(text: str, reference: str, title: str = "") -> str:
    """The template with `members_file` set (and `members_sheet`, when `title` names the
    sheet), each comment kept in the same column."""
    values = {"members_file": reference, "members_sheet": title}
    lines = text.splitlines(keepends=True)
    for index, line in enumerate(lines):
        key = line.partition(":")[0]
        if values.get(key):
            value = values[key]
            shown = value if _PLAIN.fullmatch(value) else json.dumps(value, ensure_ascii=False)
            comment = line.index("#")
            head = f"{key}: {shown}"
            lines[index] = f"{head.ljust(comment - 1)} {line[comment:]}"
    return "".join(lines)


def sheet_reference(target: Path, sheet: Path) -> str:
    """The spreadsheet's path as the new network file names it: relative to its folder."""
    relative = os.path.relpath(os.path.abspath(sheet), os.path.abspath(target.parent))
    return PurePath(relative).as_posix()
