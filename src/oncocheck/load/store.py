"""Where files come from, how a file the network file names is read, and what a check read.

While a package is checked (`reading`), every file the loader, the members sheet reader and the
document look-up ask for (`packaged`) comes from the package's bytes in memory and nowhere else:
a path that leaves the package is "outside", one it lacks "not found". Outside `reading`,
`packaged` is None and the callers read the disk as ever.

A file the network file names (the members spreadsheet, a document that counts as evidence)
comes from someone else's file. A link to /proc/self/environ or ~/.aws/credentials, a `../`
path or an absolute one would put another file's text into every report; a device, FIFO or
socket could block or never end. So `opened_inside` opens only a regular file whose real path
(links resolved) lies in the network file's folder or below it: without following a link,
non-blocking, checked again with `fstat` (the same file, still regular).

What a check read: the SHA-256 and size of each input file, made from the very bytes that were
judged, so a reviewer can prove later which submission a report is about. The loaders hand over
the bytes they have just read (`heard`): the network file's (`oncocheck.network.read`) and the
members spreadsheet's. A run collects them with `recording()` around the loading of one network
file; `oncocheck pack` also `keeping()`s them, so the package holds the very bytes checked.
Evidence documents are read only to be fingerprinted (`document_digest`). The package and the
record are context variables, not parameters, because the spreadsheet is read four calls down
the loader; passing them through each of those calls would tie every loader signature to them.
"""

from __future__ import annotations

import hashlib
import os
import posixpath
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from oncocheck.errors import LoadFailed, load_error
from oncocheck.report import InputFile, Role
from oncocheck.wording import os_reason

if TYPE_CHECKING:
    from oncocheck.load.package import Package

#: Folders whose files describe the running system, never a members list or a document.
SYSTEM = ("/proc", "/sys", "/dev")
MAX_MEMBERS_BYTES = 32 * 1024 * 1024
#: A larger document is listed without a digest: a reviewer's evidence is a few megabytes.
MAX_DOCUMENT_BYTES = 256 * 1024 * 1024
CHUNK = 1024 * 1024
# O_BINARY (Windows only): without it the bytes are read in text mode, CR LF as LF, ^Z as the end
_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0) | getattr(
    os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
_SAVE_IN_FOLDER = ("sla de ledenlijst op als bestand in de map van het netwerkbestand",
                   "save the members list as a file in the network file's folder")


@dataclass(frozen=True)
class Reading:
    """The package being checked: read as if it were the folder `root`; `shown` is the
    package's name in reports."""

    root: str
    package: Package
    shown: str

    def display(self, name: str) -> str:
        """`aanvraag.zip:netwerk.yaml`: a file inside the package as reports show it."""
        return f"{self.shown}:{name}"


@dataclass(frozen=True)
class Inside:
    """A path asked for while a package is checked: its name in the package, its bytes, and
    why it does not count (`checks.documents.PROBLEMS` keys), if so."""

    name: str
    raw: bytes | None
    problem: str | None

    def read(self) -> bytes:
        """The bytes, or LoadFailed naming the file in the package."""
        if self.raw is None:
            raise load_error(f"{self.name} staat niet in het pakket",
                             f"{self.name} is not in the package")
        return self.raw


_ACTIVE: ContextVar[Reading | None] = ContextVar("oncocheck_package", default=None)
_HEARD: ContextVar[list[InputFile] | None] = ContextVar("oncocheck_inputs", default=None)
_KEPT: ContextVar[dict[str, bytes] | None] = ContextVar("oncocheck_kept", default=None)


@contextmanager
def reading(root: Path, package: Package, shown: str) -> Iterator[Reading]:
    """Inside the block every path below `root` is a file of `package`."""
    active = Reading(os.path.abspath(root), package, shown)
    token = _ACTIVE.set(active)
    try:
        yield active
    finally:
        _ACTIVE.reset(token)


def packaged(path: Path | str) -> Inside | None:
    """`path` as a file of the package being checked; None when no package is."""
    now = _ACTIVE.get()
    if now is None:
        return None
    relative = os.path.relpath(os.path.abspath(path), now.root).replace(os.sep, "/")
    if relative == ".." or relative.startswith("../") or os.path.isabs(relative):
        return Inside(relative, None, "outside")
    files = now.package.files
    if relative in files:
        return Inside(relative, files[relative], None)
    if any(name.startswith(relative + "/") for name in files):
        return Inside(relative, None, "folder")
    return Inside(relative, None, "not_found")


def shown_in_package(network_display: str, name: str) -> str | None:
    """A file the network file names, as reports show it inside the package being checked
    (`aanvraag.zip:docs/visie.pdf`); None when no package is."""
    now = _ACTIVE.get()
    if now is None:
        return None
    folder = posixpath.dirname(now.package.network)
    return now.display(posixpath.normpath(posixpath.join(folder, name.replace("\\", "/"))))


@contextmanager
def recording() -> Iterator[list[InputFile]]:
    """A list that receives every input file `heard` inside the block, in the order read."""
    heard: list[InputFile] = []
    token = _HEARD.set(heard)
    try:
        yield heard
    finally:
        _HEARD.reset(token)


@contextmanager
def keeping() -> Iterator[dict[str, bytes]]:
    """A mapping that receives the bytes of every input heard inside the block, by display."""
    kept: dict[str, bytes] = {}
    token = _KEPT.set(kept)
    try:
        yield kept
    finally:
        _KEPT.reset(token)


def heard(display: str, role: Role, raw: bytes) -> None:
    """Note that the bytes `raw` of the file shown as `display` were read, to be judged."""
    kept = _KEPT.get()
    if kept is not None:
        kept[display] = raw
    collected = _HEARD.get()
    if collected is not None:
        collected.append(InputFile(display, role, hashlib.sha256(raw).hexdigest(), len(raw)))


def read_members_file(path: Path, folder: Path, display: str) -> bytes:
    """The bytes of the spreadsheet at `path`, which must lie inside `folder` (the network
    file's), at most MAX_MEMBERS_BYTES; LoadFailed, naming `display`, for anything else.
    Inside a package being checked, from the package."""
    inside = packaged(path)
    if inside is not None:
        raw = inside.read()
    else:
        with opened_inside(path, folder, display, MAX_MEMBERS_BYTES) as stream:
            raw = stream.read(MAX_MEMBERS_BYTES + 1)  # bounded even if the file grows meanwhile
        _bounded(len(raw), MAX_MEMBERS_BYTES)
    heard(display, Role.MEMBERS, raw)  # the bytes the report's digest is made of
    return raw


@contextmanager
def opened_inside(path: Path, folder: Path, display: str, limit: int) -> Iterator[BinaryIO]:
    """`path` opened when it is a regular file of at most `limit` bytes inside `folder`;
    LoadFailed, naming `display` as the members list, for anything else (a document's
    digest is left out for every such reason alike)."""
    real = _inside(path, folder, display)
    try:
        info = os.stat(real)  # stat first: opening a device or FIFO can block or have effects
    except FileNotFoundError as exc:
        raise load_error(
            f"ledenlijst niet gevonden: {display} (het pad is vanaf het netwerkbestand)",
            f"members list not found: {display} (the path is relative to the network file)",
        ) from exc
    except OSError as exc:
        raise _cannot(display, "openen", "open", exc) from exc
    _regular(info, display, limit)
    try:
        fd = os.open(real, _FLAGS)  # no link followed: the real path has none, unless swapped
    except OSError as exc:
        raise _cannot(display, "openen", "open", exc) from exc
    try:
        with os.fdopen(fd, "rb") as stream:
            again = os.fstat(stream.fileno())
            if (again.st_dev, again.st_ino) != (info.st_dev, info.st_ino):
                raise _outside(display)  # swapped for another file since the check
            _regular(again, display, limit)
            yield stream
    except OSError as exc:
        raise _cannot(display, "lezen", "read", exc) from exc


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
            f", niet naar een spreadsheet; {_SAVE_IN_FOLDER[0]}",
            f"the members list {display} leads to a file of the system ({', '.join(SYSTEM)}), "
            f"not to a spreadsheet; {_SAVE_IN_FOLDER[1]}")
    return real


def _regular(info: os.stat_result, display: str, limit: int) -> None:
    """Refuse what is not a regular file, or is larger than `limit`."""
    if not stat.S_ISREG(info.st_mode):
        raise load_error(
            f"de ledenlijst {display} is geen gewoon bestand (maar een map, pipe, apparaat of "
            f"socket); {_SAVE_IN_FOLDER[0]}", f"the members list {display} is not a regular file"
            f" (a folder, pipe, device or socket); {_SAVE_IN_FOLDER[1]}")
    _bounded(info.st_size, limit)


def _bounded(size: int, limit: int) -> None:
    if size > limit:
        mib = limit // (1024 * 1024)
        raise load_error(f"de ledenlijst is groter dan de limiet van {mib} MiB",
                         f"the members list is larger than the limit of {mib} MiB")


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


def document_digest(folder: Path, relative: str, display: str) -> InputFile:
    """The digest of the document at `relative` below `folder` (the network file's), which the
    checks found to count as evidence; without digest and size when it cannot be read safely
    within MAX_DOCUMENT_BYTES (it changed since the look-up, it is too large, it is unreadable)."""
    inside = packaged(folder / relative)
    if inside is not None:  # a package's file, already in memory; never one on the disk
        raw = inside.raw
        if raw is None:
            return InputFile(display, Role.DOCUMENT, None, None)
        return InputFile(display, Role.DOCUMENT, hashlib.sha256(raw).hexdigest(), len(raw))
    kept: list[bytes] | None = [] if _KEPT.get() is not None else None
    try:
        with opened_inside(folder / relative, folder, display, MAX_DOCUMENT_BYTES) as stream:
            digest = _hashed(stream, kept)
    except LoadFailed:
        digest = None
    if digest is None:
        return InputFile(display, Role.DOCUMENT, None, None)
    if kept is not None:  # `pack`: the bytes hashed are the bytes packed
        heard(display, Role.DOCUMENT, b"".join(kept))
    return InputFile(display, Role.DOCUMENT, *digest)


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
