"""Read a YAML file safely into plain data, with the position of every key and value.

Every scalar stays text (pydantic converts where a model wants a number, date or boolean), so
`phone: 0612345670` keeps its leading zero and `no` never turns into false by accident. The
document is built from the parser's events in one loop (no recursion), which also lets us reject
duplicate keys, non-standard tags and merge keys, and bound size, depth and alias expansion.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from oncocheck.errors import LoadFailed, load_error
from oncocheck.report import Location
from oncocheck.load.builder import Builder

try:  # the C parser is several times faster; fall back to pure Python where it is missing
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_FILE_BYTES = 16 * 1024 * 1024
MAX_DEPTH = 64
MAX_NODES = 1_000_000  # values after aliases; 100,000 members of 6 fields are 700,000


@dataclass(frozen=True)
class Source:
    """A parsed YAML file: its data and where each path (`members[2].discipline`) is.

    `values` holds the 1-based (line, column) of each value, `keys` that of each mapping key.
    `elsewhere` maps paths whose data came from another file (members from the members
    spreadsheet, `members[5]`) to that file's display path; their positions are in that file.
    """

    data: Any
    values: dict[str, tuple[int, int]] = field(default_factory=dict)
    keys: dict[str, tuple[int, int]] = field(default_factory=dict)
    elsewhere: dict[str, str] = field(default_factory=dict)

    def source_of(self, path: str) -> str | None:
        """The other file `path` lies in (the members spreadsheet), or None for this file."""
        while path:
            if path in self.elsewhere:
                return self.elsewhere[path]
            path = _parent(path)
        return None

    def locate(self, path: str, prefer_key: bool = False) -> Location:
        """Where `path` is, as a report Location (naming the spreadsheet when it is there)."""
        line, column = self.where(path, prefer_key)
        return Location(path, line, column, self.source_of(path))

    def where(self, path: str, prefer_key: bool = False) -> tuple[int, int]:
        """The position of `path`, or of its nearest ancestor that has one (else 1:1)."""
        while True:
            first, second = (self.keys, self.values) if prefer_key else (self.values, self.keys)
            pos = first.get(path) or second.get(path)
            if pos or not path:
                return pos or (1, 1)
            path = _parent(path)


def _parent(path: str) -> str:
    cut = max(path.rfind("."), path.rfind("["))
    return path[:cut] if cut > 0 else ""


def read_text(path: Path) -> str:
    """The file's text, refusing what is not a regular, readable, UTF-8 file of sane size."""
    try:
        _refuse_special(path.stat())  # stat first: opening a device can have side effects
        # O_NONBLOCK: should the path turn into a FIFO after the stat, opening must not block
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        raise load_error(f"kan het bestand niet openen ({exc.strerror})",
                         f"cannot open the file ({exc.strerror})") from exc
    try:
        with os.fdopen(fd, "rb") as stream:
            _refuse_special(os.fstat(stream.fileno()))
            raw = stream.read(MAX_FILE_BYTES + 1)  # bounded even if the file grows meanwhile
    except OSError as exc:
        raise load_error(f"kan het bestand niet lezen ({exc.strerror})",
                         f"cannot read the file ({exc.strerror})") from exc
    if len(raw) > MAX_FILE_BYTES:
        raise _too_large()
    return decode(raw)


def _refuse_special(info: os.stat_result) -> None:
    """LoadFailed for what is not a regular file, or is larger than MAX_FILE_BYTES."""
    if not stat.S_ISREG(info.st_mode):
        raise load_error("dit is geen gewoon bestand (map, pipe of apparaat)",
                         "this is not a regular file (a directory, pipe or device)")
    if info.st_size > MAX_FILE_BYTES:
        raise _too_large()


def _too_large() -> LoadFailed:
    mib = MAX_FILE_BYTES // (1024 * 1024)
    return load_error(f"het bestand is groter dan de limiet van {mib} MiB",
                      f"the file is larger than the limit of {mib} MiB")


def unicode_form(raw: bytes) -> str | None:
    """"UTF-32" or "UTF-16" when `raw` is text in that form, by its byte order mark or, without
    one, by the NUL bytes around its first character (as RFC 4627 tells JSON apart); else None.
    UTF-32's marks are tested first: its little-endian mark starts like UTF-16's."""
    if raw.startswith((b"\x00\x00\xfe\xff", b"\xff\xfe\x00\x00")):
        return "UTF-32"
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "UTF-16"
    head = raw[:4]
    if len(head) == 4 and (head[:3] == b"\0\0\0" != head[3:] or head[1:] == b"\0\0\0" != head[:1]):
        return "UTF-32"
    if len(head) >= 2 and (head[0] == 0) != (head[1] == 0):
        return "UTF-16"
    return None


def decode(raw: bytes) -> str:
    """UTF-8 text (a BOM is allowed); a clear error for UTF-16, UTF-32 and other encodings,
    at the line and column (in characters, the BOM not counted) of the first bad byte."""
    form = unicode_form(raw)
    if form is not None:
        raise load_error(f"het bestand is {form}; sla het op als UTF-8",
                         f"the file is {form}; save it as UTF-8", "", 1, 1)
    if b"\0" in raw[:4]:
        raise load_error("het bestand begint met NUL-bytes en is dus geen tekst in UTF-8; sla "
                         "het op als UTF-8", "the file starts with NUL bytes, so it is not "
                         "UTF-8 text; save it as UTF-8", "", 1, 1)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        # the decoder's offsets are in what follows the BOM (`exc.object`), not in `raw`
        data, start = exc.object, exc.start
        line, column = _position(data[:start].decode("utf-8"), start)
        raise load_error(
            f"geen geldige UTF-8 (byte 0x{data[start]:02x}); sla het bestand op als UTF-8",
            f"not valid UTF-8 (byte 0x{data[start]:02x}); save the file as UTF-8",
            "", line, column) from exc


def parse(text: str) -> Source:
    """Parse YAML text into a Source; raise LoadFailed with a position on any problem."""
    builder = Builder(max_depth=MAX_DEPTH, max_nodes=MAX_NODES)
    try:
        loader = _Loader(text)
        try:
            next_event, feed = loader.get_event, builder.feed
            while (event := next_event()) is not None:  # None after the stream's end
                feed(event)
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        raise _syntax_error(exc, text, builder) from exc
    except yaml.reader.ReaderError as exc:
        line, column = _position(text, exc.position)
        raise load_error(f"teken dat niet is toegestaan (#x{exc.character:04x})",
                         f"a character that is not allowed (#x{exc.character:04x})",
                         builder.here(), line, column) from exc
    except yaml.YAMLError as exc:
        raise load_error(f"YAML-fout: {exc}", f"YAML error: {exc}", builder.here(), 1,
                         1) from exc
    except RecursionError as exc:  # pragma: no cover - the builder is iterative
        raise load_error("te diep genest", "nested too deeply", builder.here(), 1, 1) from exc
    return Source(builder.result(), builder.values, builder.keys)


def _position(text: str, index: int) -> tuple[int, int]:
    """Line and column (1-based, in characters) of `text[index]`, with the line breaks the
    YAML parser counts: CR LF, CR, LF, NEL and the Unicode line and paragraph separators."""
    before = text[:index]
    breaks = sum(before.count(c) for c in _BREAKS) - before.count("\r\n")
    start = max(before.rfind(c) for c in _BREAKS) + 1
    return breaks + 1, len(before) - start + 1


_BREAKS = ("\n", "\r", "\x85", "\u2028", "\u2029")


def _too_deep_at(text: str, limit: int) -> tuple[int, int] | None:
    """Where flow brackets (`[`, `{`) first nest deeper than `limit`, outside quotes and
    comments; None when they never do (the depth came from block indentation)."""
    depth, quote, comment, line, start = 0, "", False, 1, 0
    previous = "\n"
    for index, char in enumerate(text):
        if char == "\n":
            line, start, comment = line + 1, index + 1, False
        elif comment:
            pass
        elif quote:
            if char == quote and not (quote == '"' and previous == "\\"):
                quote = ""
        elif char in "'\"" and previous in " \t\n[{,:":  # a quote that starts a scalar
            quote = char
        elif char == "#" and previous in " \t\n":
            comment = True
        elif char in "[{":
            depth += 1
            if depth > limit:
                return line, index - start + 1
        elif char in "]}":
            depth = max(depth - 1, 0)
        previous = char
    return None


def _syntax_error(exc: yaml.MarkedYAMLError, text: str, builder: Builder) -> LoadFailed:
    mark = exc.problem_mark or exc.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    problem = exc.problem or exc.context or "syntax error"
    if "maximum nesting depth" in problem:
        # libyaml (PyYAML >= 6.0.2) has its own, higher bound, which it can reach while it
        # scans ahead of the events the builder counts: say it in the loader's words, at the
        # bracket that went past the loader's bound
        depth = builder.max_depth
        end = mark.index + 1 if mark else len(text)
        line, column = _too_deep_at(text[:end], depth) or (line, column)
        return load_error(f"te diep genest (meer dan {depth} niveaus)",
                          f"nested too deeply (more than {depth} levels)", builder.here(),
                          line, column)
    # the lines an editor shows: after a final line break, one more (empty) line
    lines = text.splitlines() + ([""] if text.endswith(("\n", "\r")) or not text else [])
    if line > len(lines):  # the parser counts a line break the file does not end with
        line, column = len(lines), len(lines[-1]) + 1
    tab = 0 < line <= len(lines) and "\t" in lines[line - 1]
    nl_hint = " Gebruik spaties om in te springen, geen tabs." if tab else (
        " Controleer de inspringing, dubbele punten en aanhalingstekens rond deze plek.")
    en_hint = " Indent with spaces, not tabs." if tab else (
        " Check the indentation, colons and quotes around this place.")
    # a syntax error lies somewhere in the innermost open mapping or list: name that one
    return load_error(f"YAML-syntaxfout: {problem}.{nl_hint}",
                      f"YAML syntax error: {problem}.{en_hint}", builder.container(), line,
                      column)
