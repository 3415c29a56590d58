"""Inputs are read, never written: a report path is refused when it is any input of the run
(network files, members spreadsheets, documents, rule files), also by another name: `dir/../x`,
a symbolic link, a hard link."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from contextlib import suppress
from pathlib import Path

from oncocheck.errors import UsageError
from oncocheck.report import Text
from oncocheck.wording import WORKING_FOLDER_GONE, absolute, working_folder


class InputFiles:
    """The run's inputs, each known by its real path and (a file) its identity, resolved once:
    checking the pages of a site costs one lookup per page, not one per page and input."""

    def __init__(self, inputs: Iterable[Path | str]) -> None:
        self.keys = {key for given in inputs for key in _keys(given)}

    def holds(self, target: Path) -> bool:
        """Whether `target` is one of the inputs, by any name."""
        return not self.keys.isdisjoint(_keys(target))


def refuse_inputs(target: Path, inputs: Iterable[Path | str] | InputFiles,
                  option: str = "--output") -> None:
    """UsageError when `target` is one of `inputs`, by any name."""
    if (inputs if isinstance(inputs, InputFiles) else InputFiles(inputs)).holds(target):
        raise UsageError(Text(
            f"{target} is een invoerbestand; oncocheck schrijft er geen rapport overheen. "
            f"Kies een ander pad voor {option}.",
            f"{target} is an input file; oncocheck will not write a report over it. "
            f"Choose another path for {option}."))


def real_path(path: Path | str) -> str:
    """The path with every symbolic link followed (as far as they lead), never raising."""
    try:
        return os.path.realpath(path)
    except (OSError, ValueError):
        return absolute(path)


def _keys(path: Path | str) -> set[object]:
    """The real path, and the device and inode of a regular file (a hard link's too)."""
    keys: set[object] = {real_path(path)}
    with suppress(OSError, ValueError):
        info = os.stat(path)
        if stat.S_ISREG(info.st_mode):
            keys.add((info.st_dev, info.st_ino))
    return keys


def refuse_vanished(path: Path, option: str) -> None:
    """UsageError for a relative `path` (given with `option`) when the working folder was
    removed: it names nothing, and opening it would say "does not exist" of a file that is
    there. Found before anything is read or written."""
    if not path.is_absolute() and working_folder() is None:
        raise UsageError(Text(f"{option} {path}: {WORKING_FOLDER_GONE.nl}",
                              f"{option} {path}: {WORKING_FOLDER_GONE.en}"))


def refuse_existing(target: Path, force: bool, option: str | None = None) -> None:
    """UsageError when `target` exists (a link too) and `--force` was not given: a file the
    user did not ask to replace is never overwritten (`init`, `pack`)."""
    if force or not (target.exists() or target.is_symlink()):
        return
    nl, en = (f" met {option}", f" with {option}") if option else ("", "")
    raise UsageError(Text(
        f"{target} bestaat al; oncocheck overschrijft het niet. Kies een ander pad{nl}, of "
        "gebruik --force om het te vervangen.",
        f"{target} already exists; oncocheck will not overwrite it. Choose another path{en}, "
        "or use --force to replace it."))
