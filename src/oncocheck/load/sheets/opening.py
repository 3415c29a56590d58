"""Opening the members spreadsheet: only a regular file inside the network file's folder, read
once and bounded.

The path comes from a file someone else wrote. A link to /proc/self/environ or
~/.aws/credentials, a `../` path or an absolute one would put another file's text into every
report; a device, FIFO or socket could block or never end. All are refused before anything is
opened: the real path (links resolved) must lie in the network file's folder or below it, and
must be a regular file; it is then opened without following a link, non-blocking, checked again
with `fstat` (the same file, still regular) and read at most MAX_FILE_BYTES + 1 bytes.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from oncocheck.errors import LoadFailed, load_error
from oncocheck.load.digests import heard
from oncocheck.load.fingerprint import SYSTEM
from oncocheck.report import Role
from oncocheck.wording import os_reason

MAX_FILE_BYTES = 32 * 1024 * 1024
# O_BINARY (Windows only): without it the bytes are read in text mode, CR LF as LF, ^Z as the end
_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0) | getattr(
    os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)


def read_members_file(path: Path, folder: Path, display: str) -> bytes:
    """The bytes of the spreadsheet at `path`, which must lie inside `folder` (the network
    file's); LoadFailed, naming `display`, for anything else."""
    real = _inside(path, folder, display)
    info = _stat(real, display)
    try:
        fd = os.open(real, _FLAGS)
    except OSError as exc:
        raise _cannot(display, "openen", "open", exc) from exc
    try:
        with os.fdopen(fd, "rb") as stream:
            again = os.fstat(stream.fileno())
            if (again.st_dev, again.st_ino) != (info.st_dev, info.st_ino):
                raise _outside(display)  # swapped for another file since the check
            _regular(again, display)
            raw = stream.read(MAX_FILE_BYTES + 1)  # bounded even if the file grows meanwhile
    except OSError as exc:
        raise _cannot(display, "lezen", "read", exc) from exc
    if len(raw) > MAX_FILE_BYTES:
        raise _too_large()
    heard(display, Role.MEMBERS, raw)  # the bytes the report's digest is made of
    return raw


def _inside(path: Path, folder: Path, display: str) -> str:
    """The real path of `path` when it lies in `folder` or below it (links resolved)."""
    try:
        real, base = os.path.realpath(path), os.path.realpath(folder)
        inside = os.path.commonpath([real, base]) == base
    except FileNotFoundError as exc:  # relative (standard input's folder), and it was removed
        raise _cannot(display, "openen", "open", exc) from None
    except (OSError, ValueError):  # a name the system cannot resolve; another drive
        raise _outside(display) from None
    if not inside:
        raise _outside(display)
    if any(real == top or real.startswith(top + os.sep) for top in SYSTEM):
        raise load_error(  # a network file in / could name a link into /proc
            f"de ledenlijst {display} leidt naar een bestand van het systeem ({', '.join(SYSTEM)})"
            ", niet naar een spreadsheet; sla de ledenlijst op als bestand in de map van het "
            "netwerkbestand",
            f"the members list {display} leads to a file of the system ({', '.join(SYSTEM)}), "
            "not to a spreadsheet; save the members list as a file in the network file's folder")
    return real


def _stat(real: str, display: str) -> os.stat_result:
    try:
        info = os.stat(real)  # stat first: opening a device or FIFO can block or have effects
    except FileNotFoundError as exc:
        raise load_error(
            f"ledenlijst niet gevonden: {display} (het pad is vanaf het netwerkbestand)",
            f"members list not found: {display} (the path is relative to the network file)",
        ) from exc
    except OSError as exc:
        raise _cannot(display, "openen", "open", exc) from exc
    _regular(info, display)
    return info


def _regular(info: os.stat_result, display: str) -> None:
    if not stat.S_ISREG(info.st_mode):
        raise load_error(
            f"de ledenlijst {display} is geen gewoon bestand (maar een map, pipe, apparaat of "
            "socket); sla de ledenlijst op als bestand in de map van het netwerkbestand",
            f"the members list {display} is not a regular file (a folder, pipe, device or "
            "socket); save the members list as a file in the network file's folder")
    if info.st_size > MAX_FILE_BYTES:
        raise _too_large()


def _outside(display: str) -> LoadFailed:
    return load_error(
        f"de ledenlijst {display} ligt buiten de map van het netwerkbestand (of is een koppeling "
        "die daarbuiten leidt); oncocheck leest alleen bestanden in die map of de mappen "
        "daaronder: zet de ledenlijst in de map van het netwerkbestand en noem hem in "
        "`members_file` zonder ../ of / ervoor",
        f"the members list {display} is outside the network file's folder (or a link leading "
        "out of it); oncocheck reads only files in that folder or the folders below it: put the "
        "spreadsheet in the network file's folder and name it in `members_file` without ../ or "
        "a leading /")


def _cannot(display: str, verb_nl: str, verb_en: str, exc: OSError) -> LoadFailed:
    why = os_reason(exc)
    return load_error(f"kan de ledenlijst {display} niet {verb_nl} ({why.nl})",
                      f"cannot {verb_en} the members list {display} ({why.en})")


def _too_large() -> LoadFailed:
    mib = MAX_FILE_BYTES // (1024 * 1024)
    return load_error(f"de ledenlijst is groter dan de limiet van {mib} MiB",
                      f"the members list is larger than the limit of {mib} MiB")
