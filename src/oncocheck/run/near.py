"""A network file not there under the name given, but nearly: what Notepad and Windows make of a
name. Notepad saves `netwerk.yaml` as `netwerk.yaml.txt` and Windows hides the `.txt`; a name
may be typed without its extension or in another case. The message names the near file and
how to rename it.
"""

from __future__ import annotations

import os
from pathlib import Path

from oncocheck.errors import LoadFailed, load_error
from oncocheck.load.visible import quoted
from oncocheck.run.walk import SUFFIXES

LOOKED_AT = 10_000  # entries of a folder read for a near name; a submission has a few
_TXT = ".txt"
_EXTENSIONS = (
    "Kladblok zet er '.txt' achter en Windows verbergt dat: zet in de Verkenner bij Beeld de "
    "Bestandsnaamextensies aan om de hele naam te zien en te wijzigen",
    "Notepad adds '.txt' and Windows hides it: turn on File name extensions under View in "
    "File Explorer to see and change the whole name")


def not_found(path: Path) -> LoadFailed:
    """`bestand niet gevonden`, naming a file in the same folder that was probably meant."""
    wanted = path.name.casefold()
    meant = {wanted, *(wanted + suffix for suffix in SUFFIXES)}
    near = [n for n in _names(path.parent) if _without_txt(n).casefold() in meant]
    if not near:
        return load_error("bestand niet gevonden; controleer het pad",
                          "file not found; check the path")
    name = near[0]
    if name == _without_txt(name):  # another case, or the extension left out
        return load_error(f"bestand niet gevonden; bedoelt u {quoted(name)}? Dat staat in "
                          "deze map", f"file not found; did you mean {quoted(name)}? That one "
                          "is in this folder")
    nl, en = _rename(name)
    return load_error(f"bestand niet gevonden; in deze map staat wel {quoted(name)}: {nl}",
                      f"file not found; this folder does have {quoted(name)}: {en}")


def no_yaml(folder: Path) -> LoadFailed:
    """A folder without YAML files, naming one saved as `.yaml.txt` when there is one."""
    near = [n for n in _names(folder) if _without_txt(n).lower().endswith(SUFFIXES)
            and n != _without_txt(n)]
    if not near:
        return load_error("een map zonder .yaml- of .yml-bestanden",
                          "a folder with no .yaml or .yml files in it")
    nl, en = _rename(near[0])
    return load_error(f"een map zonder .yaml- of .yml-bestanden; wel {quoted(near[0])}: {nl}",
                      f"a folder with no .yaml or .yml files in it; it does have "
                      f"{quoted(near[0])}: {en}")


def _rename(name: str) -> tuple[str, str]:
    """Rename a `.txt`, and how to see it on Windows."""
    right = quoted(_without_txt(name))
    return (f"hernoem het naar {right} ({_EXTENSIONS[0]})",
            f"rename it to {right} ({_EXTENSIONS[1]})")


def _without_txt(name: str) -> str:
    return name[:-len(_TXT)] if name.lower().endswith(_TXT) else name


def _names(folder: Path) -> list[str]:
    """The names of the regular files in `folder` (at most LOOKED_AT looked at), sorted; none
    when it cannot be read."""
    try:
        with os.scandir(folder) as entries:
            names = [e.name for _, e in zip(range(LOOKED_AT), entries, strict=False)
                     if not e.name.startswith(".") and _is_file(e)]
    except (OSError, ValueError):
        return []
    return sorted(names)


def _is_file(entry: os.DirEntry) -> bool:
    try:
        return entry.is_file()
    except OSError:
        return False
