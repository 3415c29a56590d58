"""A file's bytes as text: only a regular, readable file of sane size, UTF-8 (a BOM allowed),
with a clear error naming what else it is (UTF-16, UTF-32), where a bad byte stands, what it
probably is and how to save the file as UTF-8 in the programs coordinators use.

Windows programs (Kladblok/Notepad before Windows 10, Excel's plain "CSV") save text in
Windows-1252, where `ë` is the one byte 0xEB; UTF-8 writes it as two. So the byte that is not
UTF-8 is, read as Windows-1252, nearly always the letter the coordinator typed.

A network file given as `-` (`check -`) is read from standard input, as boundedly, and then
stands in for a file: `StdinFile`.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import BinaryIO

from oncocheck.errors import LoadFailed, load_error
from oncocheck.load.visible import quoted
from oncocheck.report import Text
from oncocheck.wording import os_reason

MAX_FILE_BYTES = 16 * 1024 * 1024


class StdinFile(type(Path())):  # type: ignore[misc]  # PosixPath or WindowsPath
    """The network file given as `-`: the bytes read from standard input stand in for the
    file's. The path is the name it goes by (`--stdin-filename`, else `<stdin>`): messages show
    it, and relative paths in the file (members_file, documents) start from its folder."""

    given: bytes | None = None  # None on a path made from this one (its folder, say)
    failure: str | None = None  # why standard input could not be read


def from_stdin(stream: BinaryIO, name: str) -> StdinFile:
    """The network file on `stream` (standard input), read now and at most MAX_FILE_BYTES + 1
    bytes of it: a larger one is "too large" when it is read as a file."""
    path = StdinFile(name)
    try:
        path.given = stream.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        path.given, path.failure = b"", exc.strerror or str(exc)
    return path


def read_text(path: Path) -> str:
    """The file's text, refusing what is not a regular, readable, UTF-8 file of sane size."""
    return decode(read_bytes(path), ".json" if path.suffix.lower() == ".json" else ".yaml")


def read_bytes(path: Path, limit: int = MAX_FILE_BYTES) -> bytes:
    """The file's bytes, refusing what is not a regular, readable file of at most `limit`
    bytes; a file inside a package being checked comes from the package (`load.store`)."""
    if isinstance(path, StdinFile) and path.given is not None:
        if path.failure is not None:
            raise load_error(f"kan de standaardinvoer niet lezen ({path.failure})",
                             f"cannot read standard input ({path.failure})")
        if len(path.given) > MAX_FILE_BYTES:
            raise _too_large()
        return path.given
    from oncocheck.load.store import packaged

    inside = packaged(path)
    if inside is not None:
        return inside.read()
    try:
        _refuse_special(path.stat(), limit)  # stat first: opening a device can have side effects
        # O_NONBLOCK: should the path turn into a FIFO after the stat, opening must not block;
        # O_BINARY (Windows only): else CR LF is read as LF and a ^Z ends the file
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as exc:
        why = os_reason(exc)
        raise load_error(f"kan het bestand niet openen ({why.nl})",
                         f"cannot open the file ({why.en})") from exc
    try:
        with os.fdopen(fd, "rb") as stream:
            _refuse_special(os.fstat(stream.fileno()), limit)
            raw = stream.read(limit + 1)  # bounded even if the file grows meanwhile
    except OSError as exc:
        why = os_reason(exc)
        raise load_error(f"kan het bestand niet lezen ({why.nl})",
                         f"cannot read the file ({why.en})") from exc
    if len(raw) > limit:
        raise _too_large(limit)
    return raw


def _refuse_special(info: os.stat_result, limit: int) -> None:
    """LoadFailed for what is not a regular file, or is larger than `limit`."""
    if not stat.S_ISREG(info.st_mode):
        raise load_error("dit is geen gewoon bestand (map, pipe of apparaat)",
                         "this is not a regular file (a directory, pipe or device)")
    if info.st_size > limit:
        raise _too_large(limit)


def _too_large(limit: int = MAX_FILE_BYTES) -> LoadFailed:
    mib = limit // (1024 * 1024)
    return load_error(f"het bestand is groter dan de limiet van {mib} MiB",
                      f"the file is larger than the limit of {mib} MiB")


_UTF_32 = Text("UTF-32", "UTF-32")
_UTF_16 = Text("UTF-16 (in Kladblok: 'UTF-16 LE', 'UTF-16 BE' of 'Unicode')",
               "UTF-16 (in Notepad: 'UTF-16 LE', 'UTF-16 BE' or 'Unicode')")


def unicode_form(raw: bytes) -> Text | None:
    """UTF-32 or UTF-16, as Kladblok/Notepad calls it, when `raw` is text in that form, by its
    byte order mark or, without one, by the NUL bytes around its first character (as RFC 4627
    tells JSON apart); else None. UTF-32's marks are tested first: its little-endian mark
    starts like UTF-16's."""
    if raw.startswith((b"\x00\x00\xfe\xff", b"\xff\xfe\x00\x00")):
        return _UTF_32
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _UTF_16
    head = raw[:4]
    if len(head) == 4 and (head[:3] == b"\0\0\0" != head[3:] or head[1:] == b"\0\0\0" != head[:1]):
        return _UTF_32
    if len(head) >= 2 and (head[0] == 0) != (head[1] == 0):
        return _UTF_16
    return None


def decode(raw: bytes, suffix: str = ".yaml") -> str:
    """UTF-8 text (a BOM is allowed); a clear error for UTF-16, UTF-32 and other encodings,
    at the line and column (in characters, the BOM not counted) of the first bad byte, naming
    the character it probably is and how to save the file as UTF-8 (keeping `suffix`)."""
    save = Text(
        "sla het bestand op als UTF-8: in Kladblok via Bestand → Opslaan als → Codering: UTF-8; "
        "in Word via Bestand → Opslaan als → Platte tekst (*.txt) → Andere codering: Unicode "
        f"(UTF-8), en houd de naam op {suffix}",
        "save the file as UTF-8: in Notepad with File → Save As → Encoding: UTF-8; in Word with "
        "File → Save As → Plain Text (*.txt) → Other encoding: Unicode (UTF-8), and keep the "
        f"name ending in {suffix}")
    name = unicode_form(raw)
    if name is not None:
        raise load_error(f"het bestand is opgeslagen als {name.nl}, en oncocheck leest alleen "
                         f"UTF-8; {save.nl}", f"the file is saved as {name.en}, and "
                         f"oncocheck reads only UTF-8; {save.en}", "", 1, 1)
    if b"\0" in raw[:4]:
        raise load_error("het bestand begint met NUL-bytes en is dus geen tekst in UTF-8; "
                         f"{save.nl}", "the file starts with NUL bytes, so it is not "
                         f"UTF-8 text; {save.en}", "", 1, 1)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        # the decoder's offsets are in what follows the BOM (`exc.object`), not in `raw`
        data, start = exc.object, exc.start
        line, column = position(data[:start].decode("utf-8"), start)
        begin = max(data.rfind(b"\n", 0, start), data.rfind(b"\r", 0, start)) + 1
        end = min((i for i in (data.find(b"\n", start), data.find(b"\r", start)) if i >= 0),
                  default=len(data))
        byte = bad_byte(data[start], data[max(begin, start - 40):min(end, start + 20)])
        raise load_error(
            f"het bestand is niet opgeslagen als UTF-8: op regel {line}, kolom {column} staat "
            f"{byte.nl}; {save.nl}", f"the file is not saved as UTF-8: line {line}, column "
            f"{column} holds {byte.en}; {save.en}", "", line, column) from exc


def bad_byte(byte: int, line_text: bytes) -> Text:
    """`de byte 0xeb (in Windows-1252 'ë'; de regel: '  summary: diëtist')`: the byte that
    is not UTF-8, what it probably is, and its line as Windows-1252 would show it."""
    try:
        char = bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:  # 0x81, 0x8D, 0x8F, 0x90 and 0x9D stand for nothing there
        char = None
    shown = quoted(_as_typed(line_text).strip())
    if char is None:
        return Text(f"de byte 0x{byte:02x} (de regel: {shown})",
                    f"the byte 0x{byte:02x} (the line: {shown})")
    return Text(f"de byte 0x{byte:02x}, in Windows-1252 {quoted(char)} (de regel: {shown})",
                f"the byte 0x{byte:02x}, in Windows-1252 {quoted(char)} (the line: {shown})")


def _as_typed(data: bytes) -> str:
    """`data` as the coordinator typed it: UTF-8 where it is, Windows-1252 where it is not."""
    parts, start = [], 0
    while True:
        try:
            parts.append(data[start:].decode("utf-8"))
            return "".join(parts)
        except UnicodeDecodeError as exc:
            parts.append(data[start:start + exc.start].decode("utf-8"))
            parts.append(data[start + exc.start:start + exc.end].decode("cp1252", "replace"))
            start += exc.end


_BREAKS = ("\n", "\r", "\x85", "\u2028", "\u2029")


def position(text: str, index: int) -> tuple[int, int]:
    """Line and column (1-based, in characters) of `text[index]`, with the line breaks the
    YAML parser counts: CR LF, CR, LF, NEL and the Unicode line and paragraph separators."""
    before = text[:index]
    breaks = sum(before.count(c) for c in _BREAKS) - before.count("\r\n")
    start = max(before.rfind(c) for c in _BREAKS) + 1
    return breaks + 1, len(before) - start + 1
