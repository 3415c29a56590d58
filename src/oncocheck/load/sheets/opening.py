"""The members spreadsheet's bytes, read safely, and a CSV's text.

The path comes from a file someone else wrote. A link to /proc/self/environ or
~/.aws/credentials, a `../` path or an absolute one would put another file's text into every
report; a device, FIFO or socket could block or never end. So the real path (links resolved) must
lie in the network file's folder or below it and be a regular file; it is then opened without
following a link, non-blocking, checked again with `fstat` (the same file, still regular) and read
at most MAX_FILE_BYTES + 1 bytes.

Excel saves "CSV UTF-8" only when asked; its plain "CSV" is Windows-1252. A CSV that is not UTF-8
is read as Windows-1252, with where its first such byte stood (`Recoded`) for the warning. A file
that mixes both (UTF-8 letters, or a UTF-8 BOM, beside a Windows-1252 byte) could be read either
way and is refused, as are UTF-16, UTF-32 and NUL bytes.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import NamedTuple

from oncocheck.errors import LoadFailed, load_error
from oncocheck.load.digests import heard
from oncocheck.load.text import bad_byte, unicode_form, unicode_name
from oncocheck.report import Role, Text
from oncocheck.wording import os_reason

MAX_FILE_BYTES = 32 * 1024 * 1024
#: Folders whose files describe the running system, never a members list.
SYSTEM = ("/proc", "/sys", "/dev")
_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0) | getattr(
    os, "O_CLOEXEC", 0)
#: How to save a members list as UTF-8 in Excel (or Kladblok/Notepad).
SAVE_SHEET = Text(
    "sla de ledenlijst in Excel op via Bestand → Opslaan als → Opslaan als type: CSV UTF-8 "
    "(door komma's gescheiden) (*.csv), of als Excel-werkmap (*.xlsx); in Kladblok via Bestand "
    "→ Opslaan als → Codering: UTF-8",
    "in Excel, save the members list with File → Save As → Save as type: CSV UTF-8 (Comma "
    "delimited) (*.csv), or as Excel Workbook (*.xlsx); in Notepad with File → Save As → "
    "Encoding: UTF-8")
_SAVE_IN_FOLDER = ("sla de ledenlijst op als bestand in de map van het netwerkbestand",
                   "save the members list as a file in the network file's folder")


def read_members_file(path: Path, folder: Path, display: str) -> bytes:
    """The bytes of the spreadsheet at `path`, which must lie inside `folder` (the network
    file's); LoadFailed, naming `display`, for anything else. Inside a package being
    checked, from the package (`load.store`)."""
    from oncocheck.load.store import packaged

    inside = packaged(path)
    if inside is not None:
        raw = inside.read()
        heard(display, Role.MEMBERS, raw)
        return raw
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
    _regular(info, display)
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
    _regular(info, display, len(raw))
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
            f", niet naar een spreadsheet; {_SAVE_IN_FOLDER[0]}",
            f"the members list {display} leads to a file of the system ({', '.join(SYSTEM)}), "
            f"not to a spreadsheet; {_SAVE_IN_FOLDER[1]}")
    return real


def _regular(info: os.stat_result, display: str, size: int = 0) -> None:
    """Refuse what is not a regular file, or is larger than MAX_FILE_BYTES (`size`, once read)."""
    if not stat.S_ISREG(info.st_mode):
        raise load_error(
            f"de ledenlijst {display} is geen gewoon bestand (maar een map, pipe, apparaat of "
            f"socket); {_SAVE_IN_FOLDER[0]}", f"the members list {display} is not a regular file"
            f" (a folder, pipe, device or socket); {_SAVE_IN_FOLDER[1]}")
    if max(info.st_size, size) > MAX_FILE_BYTES:
        mib = MAX_FILE_BYTES // (1024 * 1024)
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


class Recoded(NamedTuple):
    """Where the first byte that is not UTF-8 stood in a CSV read as Windows-1252."""

    row: int
    byte: Text  # `de byte 0xeb, in Windows-1252 'ë' (de regel: …)`


def decode(raw: bytes, display: str) -> tuple[str, Recoded | None]:
    """The CSV's text, and where it was not UTF-8 when it was read as Windows-1252."""
    form = unicode_form(raw)
    if form is not None:
        name = unicode_name(form)
        raise _refused(display, f"opgeslagen als {name.nl}", f"saved as {name.en}")
    if b"\0" in raw:  # no spreadsheet program writes one in a CSV; never into a message
        row = _row_at(raw, raw.find(b"\0"))
        raise _refused(display, f"geen UTF-8-tekst (NUL-byte in rij {row})",
                       f"not UTF-8 text (a NUL byte in row {row})")
    try:
        return raw.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:  # offsets are after the BOM: in `exc.object`
        data, start = exc.object, exc.start
        row = _row_at(data, start)
        line = data[max(data.rfind(b"\n", 0, start) + 1, start - 40):start + 20]
        recoded = Recoded(row, bad_byte(data[start], line.split(b"\n")[0]))
        utf8_letters = any(ord(c) > 0x7F and c != "\ufffd" for c in data.decode("utf-8", "replace"))
        if raw.startswith(b"\xef\xbb\xbf") or utf8_letters:
            raise _refused(display, f"niet helemaal UTF-8 (rij {row}: {recoded.byte.nl})",
                           f"not entirely UTF-8 (row {row}: {recoded.byte.en})") from exc
    try:
        return raw.decode("cp1252"), recoded
    except UnicodeDecodeError as exc:  # one of the five bytes Windows-1252 does not use
        raise _refused(display, f"geen UTF-8 (rij {row})", f"not UTF-8 (row {row})") from exc


def _row_at(data: bytes, offset: int) -> int:
    """The line `data[offset]` is on, counting CR LF, CR and LF as the csv module does."""
    before = data[:offset]
    return before.count(b"\n") + before.count(b"\r") - before.count(b"\r\n") + 1


def _refused(display: str, what_nl: str, what_en: str) -> LoadFailed:
    return load_error(f"de ledenlijst {display} is {what_nl}; {SAVE_SHEET.nl}",
                      f"the members list {display} is {what_en}; {SAVE_SHEET.en}")
