"""Inputs are read, never written: a report path is refused when it is any input of the run
(network files, members spreadsheets, documents, rule files), also by another name."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from pathlib import Path

from oncocheck.errors import UsageError
from oncocheck.report import Text
from oncocheck.wording import WORKING_FOLDER_GONE, absolute, working_folder


class InputFiles:
    """The run's inputs resolved once (real paths and file identities), so that checking many
    targets against many inputs (the pages of a site) costs one lookup per target."""

    def __init__(self, inputs: Iterable[Path | str]) -> None:
        self.real: set[str] = set()
        self.identities: set[tuple[int, int]] = set()
        for given in inputs:
            self.real.add(real_path(given))
            identity = _identity(given)
            if identity is not None:
                self.identities.add(identity)

    def holds(self, target: Path) -> bool:
        """Whether `target` is one of the inputs, by any name."""
        return real_path(target) in self.real or _identity(target) in self.identities


def refuse_inputs(target: Path, inputs: Iterable[Path | str] | InputFiles,
                  option: str = "--output") -> None:
    """UsageError when `target` is one of `inputs` (network files, spreadsheets, documents,
    rule files), also by another name: `dir/../x`, a symbolic link, a hard link."""
    known = inputs if isinstance(inputs, InputFiles) else InputFiles(inputs)
    if known.holds(target):
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


def _identity(path: Path | str) -> tuple[int, int] | None:
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return None
    return (info.st_dev, info.st_ino) if stat.S_ISREG(info.st_mode) else None


def refuse_vanished(path: Path, option: str) -> None:
    """UsageError for a relative `path` (given with `option`) when the working folder was
    removed: it names nothing, and opening it would say "does not exist" of a file that is
    there. Found before anything is read or written."""
    if not path.is_absolute() and working_folder() is None:
        raise UsageError(Text(f"{option} {path}: {WORKING_FOLDER_GONE.nl}",
                              f"{option} {path}: {WORKING_FOLDER_GONE.en}"))
