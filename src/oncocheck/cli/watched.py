"""What `check --watch` watches, and whether it changed: the files a round read and the
folders given, told apart by their `stat` (size, time, inode) and, for a folder, the names of
its YAML files.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from oncocheck.wording import absolute

YAML = (".yaml", ".yml")


@dataclass(frozen=True)
class Watched:
    """What one round read: its input files and the folders given to search."""

    files: tuple[str, ...]
    folders: tuple[str, ...]

    def dirs(self) -> list[str]:
        """The folders to be told about: each file's folder (also of the file a link leads
        to) and each folder given, those that exist."""
        found = [os.path.dirname(p) for f in self.files for p in _names(f)]
        return [d for d in dict.fromkeys([*found, *self.folders]) if os.path.isdir(d)]

    def state(self) -> dict[str, object]:
        """Each watched file's `stat` (None when it is gone) and each folder's YAML names."""
        seen: dict[str, object] = {f: _stat(f) for f in self.files}
        seen.update({d: _yaml_names(d) for d in self.folders})
        return seen

    def changes(self, before: dict[str, object]) -> list[str]:
        """The files and folders that are no longer as `before`."""
        after = self.state()
        return [name for name in after if after[name] != before.get(name)]


def watching(files: Iterable[Path | str], folders: tuple[str, ...]) -> Watched:
    """What a round read (`files`) and the folders given, as absolute paths; a document
    written `map\\visie.docx` is looked up (and so watched) as `map/visie.docx`."""
    return Watched(tuple(dict.fromkeys(absolute(str(f).replace("\\", os.sep))
                                       for f in files)), folders)



def since(now: object, started: int) -> object:
    """The state to compare with for a file first read in the round that began at
    `started`: its state now, unless it was written since then (or so shortly before that
    the file system's coarse clock cannot tell): then a state it cannot have, so it is
    checked again."""
    recent = isinstance(now, tuple) and len(now) == 3 and now[0] >= started - 50_000_000
    return "written during the round" if recent else now


def _names(path: str) -> list[str]:
    """`path`, and the file a symbolic link there leads to."""
    if not os.path.isabs(path):  # left relative by `absolute`: the working folder is gone
        return [path]
    real = os.path.realpath(path)
    return [path] if real == path else [path, real]


def _stat(path: str) -> tuple[int, ...] | None:
    """What tells a change of the file at `path`; a folder (one given without network files)
    never changes so, as writing a report into it would start a round again and again."""
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return None
    if stat.S_ISDIR(info.st_mode):
        return ()
    return info.st_mtime_ns, info.st_size, info.st_ino


def _yaml_names(folder: str) -> tuple[str, ...]:
    try:
        return tuple(sorted(n for n in os.listdir(folder) if n.lower().endswith(YAML)))
    except OSError:
        return ()
