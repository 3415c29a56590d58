"""A binary report (the register workbook, `--format xlsx`) goes to a file or a pipe, never to a
terminal, where its bytes would only garble the screen: refused before anything is checked."""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Protocol

from oncocheck.cli.write import own_descriptor
from oncocheck.errors import UsageError
from oncocheck.render import is_binary
from oncocheck.report import Text

_FLAGS = os.O_WRONLY | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(
    os, "O_CLOEXEC", 0)


class _Target(Protocol):
    @property
    def fmt(self) -> str: ...
    @property
    def path(self) -> Path | None: ...


def refuse_terminal(targets: Iterable[_Target]) -> None:
    """UsageError when a binary format would be written to a terminal: stdout that is one,
    `/dev/stdout` and the like leading there, or a terminal device named as the path."""
    for target in targets:
        if is_binary(target.fmt) and is_terminal(target.path):
            raise UsageError(Text(
                f"{target.fmt} is een bestand, geen tekst voor het scherm; schrijf het naar een "
                f"bestand, bijvoorbeeld --output register.{target.fmt} of --report "
                f"{target.fmt}=register.{target.fmt}",
                f"{target.fmt} is a file, not text for the screen; write it to a file, for "
                f"example --output register.{target.fmt} or --report "
                f"{target.fmt}=register.{target.fmt}"))


def is_terminal(path: Path | None) -> bool:
    """Whether writing to `path` (None: stdout) would write to a terminal."""
    if path is None:
        return _stdout_is_terminal()
    descriptor = own_descriptor(path)
    if descriptor is not None:
        return _stdout_is_terminal() if descriptor == 1 else os.isatty(descriptor)
    try:
        if not stat.S_ISCHR(os.stat(path).st_mode):
            return False  # a file, a FIFO, a folder: written or refused as usual
        fd = os.open(path, _FLAGS)  # a character device: /dev/null, or a terminal?
    except (OSError, ValueError):
        return False  # writing it says what is wrong
    try:
        return os.isatty(fd)
    finally:
        os.close(fd)


def _stdout_is_terminal() -> bool:
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError, OSError):  # no stdout, or a closed one
        return False
