"""Reading an evidence document only to fingerprint it (SHA-256 and size) for the report.

The checks look documents up without opening them (`oncocheck.checks.documents`). One that
counts is read here once, bounded and as carefully as the members spreadsheet is opened
(`oncocheck.load.sheets.opening`): never a file outside the network file's folder, never a
device, FIFO or socket, never a file of the running system; opened without following a link,
non-blocking, checked again with `fstat`, read in pieces so memory stays flat.
"""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path
from typing import BinaryIO

from oncocheck.load.digests import heard, is_keeping
from oncocheck.load.store import packaged
from oncocheck.report import InputFile, Role

#: Folders whose files describe the running system, never a members list or a document.
SYSTEM = ("/proc", "/sys", "/dev")
#: A larger document is listed without a digest: a reviewer's evidence is a few megabytes.
MAX_DOCUMENT_BYTES = 256 * 1024 * 1024
CHUNK = 1024 * 1024
# O_BINARY (Windows only): without it the bytes are read in text mode, CR LF as LF, ^Z as the end
_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0) | getattr(
    os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)


def document_digest(folder: Path, relative: str, display: str) -> InputFile:
    """The digest of the document at `relative` below `folder` (the network file's), which the
    checks found to count as evidence; without digest and size when it cannot be read safely
    within MAX_DOCUMENT_BYTES (it changed since the look-up, it is too large, it is unreadable)."""
    inside = packaged(folder / relative)
    if inside is not None:  # a package's file, already in memory; never one on the disk
        if inside.raw is None:
            return InputFile(display, Role.DOCUMENT, None, None)
        raw = inside.raw
        return InputFile(display, Role.DOCUMENT, hashlib.sha256(raw).hexdigest(), len(raw))
    kept: list[bytes] | None = [] if is_keeping() else None
    digest = _read_digest(folder, relative, kept)
    if digest is None:
        return InputFile(display, Role.DOCUMENT, None, None)
    if kept is not None:  # `pack`: the bytes hashed are the bytes packed
        heard(display, Role.DOCUMENT, b"".join(kept))
    return InputFile(display, Role.DOCUMENT, *digest)


def _read_digest(folder: Path, relative: str,
                 kept: list[bytes] | None = None) -> tuple[str, int] | None:
    try:
        base, real = os.path.realpath(folder), os.path.realpath(folder / relative)
        if os.path.commonpath([real, base]) != base or _in_system(real):
            return None
        info = os.stat(real)  # stat first: opening a device or FIFO can block or have effects
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_DOCUMENT_BYTES:
            return None
        fd = os.open(real, _FLAGS)  # no link followed: the real path has none, unless swapped
    except (OSError, ValueError):
        return None
    try:
        with os.fdopen(fd, "rb") as stream:
            again = os.fstat(stream.fileno())
            if (again.st_dev, again.st_ino) != (info.st_dev, info.st_ino):
                return None  # swapped for another file since the stat
            return _hashed(stream, kept)
    except OSError:
        return None


def _hashed(stream: BinaryIO, kept: list[bytes] | None = None) -> tuple[str, int] | None:
    """The digest and size of what `stream` holds, or None past MAX_DOCUMENT_BYTES (a file
    that grows while it is read); its pieces also go into `kept`, when given."""
    digest, size = hashlib.sha256(), 0
    while chunk := stream.read(CHUNK):
        size += len(chunk)
        if size > MAX_DOCUMENT_BYTES:
            return None
        digest.update(chunk)
        if kept is not None:
            kept.append(chunk)
    return digest.hexdigest(), size


def _in_system(real: str) -> bool:
    """Whether `real` is a file describing the running system (/proc, /sys, /dev)."""
    return any(real == top or real.startswith(top + os.sep) for top in SYSTEM)
