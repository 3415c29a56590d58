"""Read one network file: its YAML, its members spreadsheet merged in, validated as the model.

LoadFailed lists every problem of both files, the network file's first and then the
spreadsheet's by row and column. The files a network file names are inputs also when it cannot
be loaded: they are then found in its bytes, leniently (`named_in_bytes`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from oncocheck.errors import LoadFailed
from oncocheck.load.store import heard
from oncocheck.load.parse import parse
from oncocheck.load.source import Source, slashed
from oncocheck.load.text import decode, read_bytes
from oncocheck.load.validate import validate
from oncocheck.network.disciplines import Vocabulary
from oncocheck.network.model import NetworkFile
from oncocheck.network.sections import DOCUMENT_SECTIONS
from oncocheck.report import LoadError, Role
from oncocheck.wording import absolute


class NotANetwork(Exception):  # noqa: N818 - not an error: the file is some other YAML
    """The file is YAML, but has neither `format` nor `network` at its top."""


def read_network_file(path: Path, display: str, vocabulary: Vocabulary,
                      declarable: Sequence[str], named: list[str] | None = None,
                      only_networks: bool = False) -> tuple[Source, NetworkFile]:
    """The parsed file (members spreadsheet merged in) and its model; disciplines are checked
    against `vocabulary`, `criteria:` against the `declarable` versions. `named` receives the
    files it names (also when it is not valid, so no report lands on them). The bytes read
    are `heard` (`oncocheck.load.store`), also when they turn out not to be a network file.
    With `only_networks`, YAML that is no network file raises NotANetwork once it is parsed
    (the one read of the file); YAML that cannot be parsed is a LoadFailed as ever."""
    raw = read_bytes(path)
    heard(display, Role.NETWORK, raw)
    try:
        return _read(raw, path, display, vocabulary, declarable, named, only_networks)
    except LoadFailed:
        if named is not None:  # a broken file may name a sheet it never got to: protect it
            named += named_in_bytes(raw, path.parent)
        raise


def _read(raw: bytes, path: Path, display: str, vocabulary: Vocabulary,
          declarable: Sequence[str], named: list[str] | None,
          only_networks: bool) -> tuple[Source, NetworkFile]:
    source = parse(decode(raw))
    if only_networks and not is_network(source.data):
        raise NotANetwork(display)
    if named is not None:
        named += named_files(source.data, path.parent)
    sheet_errors: list[LoadError] = []
    sheet_omitted = 0
    if isinstance(source.data, dict) and "members_file" in source.data:
        from oncocheck.load.sheets import merge_sheet  # the spreadsheet code when named

        source, sheet_errors, sheet_omitted = merge_sheet(source, path.parent, display)
    try:
        doc = validate(NetworkFile, source, {"vocabulary": vocabulary,
                                             "declarable": list(declarable)})
    except LoadFailed as exc:
        raise LoadFailed(_in_order([*exc.listed, *sheet_errors]),
                         exc.omitted + sheet_omitted) from exc
    if sheet_errors:
        raise LoadFailed(sheet_errors, sheet_omitted)
    return source, doc


def is_network(data: object) -> bool:
    """Whether parsed YAML is meant as a network file: a mapping with `format` or `network`
    at its top (one with errors in it is still one, and is checked)."""
    return isinstance(data, dict) and ("format" in data or "network" in data)


def named_files(data: object, base: Path) -> list[str]:
    """The members spreadsheet and documents a parsed network file names, as absolute paths."""
    network = data.get("network") if isinstance(data, dict) else None
    sections = [network.get(k) for k in DOCUMENT_SECTIONS] if isinstance(network, dict) else []
    names = [s.get("document") for s in sections if isinstance(s, dict)]
    names.append(data.get("members_file") if isinstance(data, dict) else None)
    return [absolute(base / slashed(n.strip())) for n in names
            if isinstance(n, str) and n.strip() and "://" not in n]


#: `members_file:` or `document:` (its key quoted or not) and the rest of its line, bounded.
_NAMING = re.compile(r"""(?:members_file|document)["']?[ \t]*:[ \t]*(?=([^\r\n]{0,4096}))""")
_MOST = 10_000  # matches looked at: a scan of a hostile file is bounded too


def named_in_bytes(raw: bytes, base: Path) -> list[str]:
    """The files a network file that cannot be parsed may name, as absolute paths: every value
    of a `members_file:` or `document:` anywhere in its bytes, read as UTF-8, Latin-1 or (with
    NUL bytes) UTF-16/32, quoted or not, backslashes also as `/`. Erring on the side of
    protecting: a path too many only refuses a report path."""
    codecs = ["utf-8", "latin-1"]
    if b"\0" in raw:
        codecs += ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"]
    found: dict[str, None] = {}
    for codec in codecs:
        matches = _NAMING.finditer(raw.decode(codec, "replace"))
        for _, match in zip(range(_MOST), matches, strict=False):
            found.update(dict.fromkeys(_values(match.group(1))))
    return [absolute(base / v) for v in found if v and "://" not in v and "\0" not in v]


def _values(rest: str) -> list[str]:
    """What the rest of a line after `key:` may mean as a path: a quoted value, else the line
    up to a comment, and that up to a flow mapping's `,` or `}`; each also with `/` for `\\`."""
    rest = rest.strip()
    if rest[:1] in ("'", '"'):
        end = rest.find(rest[0], 1)
        values = [rest[1:end] if end > 0 else rest[1:]]
    else:
        plain = re.split(r"\s#", rest)[0].strip()
        values = [plain, re.split(r"[,}\]]", plain)[0].strip()]
    return [v for value in values for v in (value.strip(), value.strip().replace("\\", "/"))]


def _in_order(errors: list[LoadError]) -> list[LoadError]:
    """The network file's errors as found, then the spreadsheet's by row and column."""
    sheet = sorted((e for e in errors if e.source), key=lambda e: (e.line or 0, e.column or 0))
    return [e for e in errors if not e.source] + sheet
