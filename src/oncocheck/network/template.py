"""The commented network file template `oncocheck init` writes, nl or en, as data.

The templates are `blanks/network.<lang>.yaml`. Untouched, a template loads and checks to
"not compliant" with, per criterion, what to fill in; it never gives a load error.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path, PurePath

from oncocheck.errors import UsageError
from oncocheck.report import Text

#: The template's placeholder names; a file still carrying one gets a warning when checked.
PLACEHOLDER_NAMES = ("Oncologiezorgnetwerk (naam invullen)",
                     "Oncology care network (fill in the name)")
_PLAIN = re.compile(r"[\w./-]+")
COLUMNS_NL = ("naam", "discipline", "organisatie", "postcode", "verwijsgids", "discipline_anders")
COLUMNS_EN = ("name", "discipline", "organisation", "postcode", "verwijsgids", "discipline_other")


def template(lang: str) -> str:
    """The template text in `lang` ("nl" or "en")."""
    from importlib.resources import files  # here: every command's start-up imports this module

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
    """The spreadsheet's path as the new network file `target` names it: relative to its
    folder. UsageError where `check` would not read it: outside that folder, also through a
    link (one leading to nothing included); and for a sheet still to be made through a link
    (`init` creates no file where a link leads)."""
    relative = PurePath(os.path.relpath(os.path.abspath(sheet), os.path.abspath(target.parent)))
    real = _real_relative(sheet, target)
    if relative.parts[:1] == ("..",) or relative.is_absolute() or real is None:
        raise UsageError(Text(
            f"de ledenlijst {sheet} ligt buiten de map van {target} (of is een koppeling die "
            "daarbuiten leidt); oncocheck check leest alleen een ledenlijst in de map van het "
            "netwerkbestand (of een map daaronder). Zet de ledenlijst daar, of maak het "
            "netwerkbestand in de map van de ledenlijst.",
            f"the members list {sheet} is outside the folder of {target} (or a link leading out "
            "of it); oncocheck check reads a members list only in the network file's folder (or "
            "a folder below it). Put the spreadsheet there, or write the network file in the "
            "spreadsheet's folder."))
    if real != relative and not sheet.exists():
        raise UsageError(Text(
            f"de ledenlijst {sheet} bestaat niet en het pad ernaartoe loopt via een koppeling; "
            "oncocheck maakt geen bestand via een koppeling. Geef een pad zonder koppeling, of "
            "maak eerst het bestand waar de koppeling naar leidt.",
            f"the members list {sheet} does not exist and its path goes through a link; "
            "oncocheck creates no file through a link. Give a path without a link, or first "
            "make the file the link leads to."))
    return relative.as_posix()


def _real_relative(sheet: Path, target: Path) -> PurePath | None:
    """`sheet` from the folder of `target` with every link on its way followed (also one
    leading to nothing); None when it lies outside that folder, as `check` decides
    (`load.store`)."""
    try:
        real, base = os.path.realpath(sheet), os.path.realpath(target.parent)
        if os.path.commonpath([real, base]) != base:
            return None
    except (OSError, ValueError):  # a name the system cannot resolve; another drive
        return None
    return PurePath(os.path.relpath(real, base))
