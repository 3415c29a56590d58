"""Inputs are read, never written: a report path is refused when it is any input of the run
(network files, members spreadsheets, documents, rule files), also by another name."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from pathlib import Path

from oncocheck.errors import UsageError
from oncocheck.report import Text


def refuse_inputs(target: Path, inputs: Iterable[Path | str], option: str = "--output") -> None:
    """UsageError when `target` is one of `inputs` (network files, spreadsheets, documents,
    rule files), also by another name: `dir/../x`, a symbolic link, a hard link."""
    real, identity = real_path(target), _identity(target)
    for given in inputs:
        if real_path(given) == real or (identity is not None and _identity(given) == identity):
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
        return os.path.abspath(path)


def _identity(path: Path | str) -> tuple[int, int] | None:
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return None
    return (info.st_dev, info.st_ino) if stat.S_ISREG(info.st_mode) else None
