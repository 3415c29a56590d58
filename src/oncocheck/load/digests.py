"""What a check read: the SHA-256 and size of each input file, made from the very bytes that
were judged, so a reviewer can prove later which submission a report is about.

The loaders hand over the bytes they have just read (`heard`): the network file's
(`oncocheck.network.read`) and the members spreadsheet's (`oncocheck.load.sheets.opening`).
A run collects them with `recording()` around the loading of one network file. It is a context
variable, not a parameter, because the spreadsheet is read four calls down the loader; passing a
list through each of those calls would tie every loader signature to what the report records.
Outside a recording `heard` does nothing.

Evidence documents are read only to be fingerprinted, by `oncocheck.load.fingerprint`.
`oncocheck pack` also `keeping()`s the bytes heard, so the package holds the very bytes checked.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from oncocheck.report import InputFile, Role

_HEARD: ContextVar[list[InputFile] | None] = ContextVar("oncocheck_inputs", default=None)
_KEPT: ContextVar[dict[str, bytes] | None] = ContextVar("oncocheck_kept", default=None)


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


def is_keeping() -> bool:
    """Whether the bytes heard are kept (`oncocheck pack`)."""
    return _KEPT.get() is not None


def heard(display: str, role: Role, raw: bytes) -> None:
    """Note that the bytes `raw` of the file shown as `display` were read, to be judged."""
    kept = _KEPT.get()
    if kept is not None:
        kept[display] = raw
    collected = _HEARD.get()
    if collected is not None:
        collected.append(InputFile(display, role, hashlib.sha256(raw).hexdigest(), len(raw)))
