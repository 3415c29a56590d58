"""Results of a large batch kept in a temporary file, so memory stays flat as the batch grows.

Each result is stored pickled, as the process that checked it made it; only its `Brief` stays
in memory. Reading the results again (a renderer iterating them) loads one at a time. The file
is unnamed on disk (`tempfile.TemporaryFile`) and vanishes with the process.
"""

from __future__ import annotations

import os
import pickle
import sys
import tempfile
from array import array
from collections.abc import Iterator
from typing import Any

from oncocheck.errors import UsageError
from oncocheck.report import Brief, FileResult, Results, Text

PROTOCOL = pickle.HIGHEST_PROTOCOL


def pack(result: FileResult) -> tuple[Brief, bytes]:
    """A result as the spill file stores it, with its brief."""
    return Brief.of(result), pickle.dumps(result, protocol=PROTOCOL)


class SpilledResults(Results):
    """Results written to a temporary file as they come (`add`), read back in order.

    With `prepare` (a format name, e.g. "json") each file's part of that format is stored
    beside its result, made where the file was checked (`oncocheck.run.prepared`), so
    writing the report later only copies text instead of loading and rendering every result.
    Without `keep` only that text is stored (`prepared.alone`): the results themselves were
    never packed, and asking for one is a bug.
    """

    def __init__(self, prepare: str | None = None, keep: bool = True) -> None:
        try:
            self._file = tempfile.TemporaryFile(prefix="oncocheck-")
        except OSError as exc:  # no usable temporary folder
            raise spill_failed(exc) from exc
        # entry i lies from offsets[i] to offsets[i + 1]: its result, then its prepared text
        self._offsets = array("q", [0])
        self._texts = array("q")  # where entry i's prepared text starts
        self._prepare = prepare
        self._keep = keep
        if not keep and prepare is None:
            raise ValueError("a spill file that keeps neither results nor their text")
        self._briefs: list[Brief] = []
        self._shared: dict[Any, Any] = {}  # one copy of each equal brief part

    def add(self, result: FileResult, text: str | None = None) -> None:
        """Append the next file's result, with its prepared text when this batch keeps one."""
        if self._keep:
            self.add_packed(*pack(result), text)
        else:
            self.add_packed(Brief.of(result), b"", text)

    def add_packed(self, brief: Brief, payload: bytes, text: str | None = None) -> None:
        """Append one packed result (see `pack`) and, when this batch prepares a format,
        its text in that format."""
        if self._prepare is not None and text is None:
            raise ValueError(f"a result without its prepared {self._prepare} text")
        if not self._keep:
            payload = b""
        start = self._offsets[-1]
        encoded = text.encode("utf-8") if self._prepare is not None and text else b""
        try:
            self._file.seek(start)
            self._file.write(payload)
            self._file.write(encoded)
        except OSError as exc:  # a full disk (ENOSPC) or a file size limit (EFBIG)
            raise spill_failed(exc) from exc
        self._texts.append(start + len(payload))
        self._offsets.append(start + len(payload) + len(encoded))
        self._briefs.append(self._compact(brief))

    def prepared(self, fmt: str) -> Iterator[str] | None:
        if fmt != self._prepare:
            return None
        return self._prepared_texts()

    def _prepared_texts(self) -> Iterator[str]:
        for i in range(len(self)):
            start = self._texts[i]
            self._file.seek(start)
            yield self._file.read(self._offsets[i + 1] - start).decode("utf-8")

    def _compact(self, brief: Brief) -> Brief:
        """The brief with its criteria and references shared with earlier briefs: each
        arrived as its own copy, and files of one batch mostly name the same ones."""
        share = self._shared.setdefault
        return share(brief, Brief(brief.verdict, brief.warned, share(brief.criteria,
                                                                     brief.criteria),
                                  tuple(sys.intern(r) for r in brief.references),
                                  share(brief.as_of, brief.as_of)))

    def __len__(self) -> int:
        return len(self._offsets) - 1

    def __getitem__(self, index):  # noqa: ANN001, ANN204 - as Sequence
        if isinstance(index, slice):
            return tuple(self._load(i) for i in range(*index.indices(len(self))))
        return self._load(range(len(self))[index])

    def __iter__(self) -> Iterator[FileResult]:
        for i in range(len(self)):
            yield self._load(i)

    def _load(self, i: int) -> FileResult:
        if not self._keep:
            raise LookupError(f"this batch kept only its prepared {self._prepare} text")
        start = self._offsets[i]
        self._file.seek(start)
        return pickle.loads(self._file.read(self._texts[i] - start))  # noqa: S301 - our own file, just written


def spill_failed(exc: OSError) -> UsageError:
    """The message for a spill file that cannot be made or written."""
    try:
        folder = tempfile.gettempdir()
    except OSError:  # none of the usual places is usable
        folder = os.environ.get("TMPDIR", "(TMPDIR)")
    reason = exc.strerror or type(exc).__name__
    return UsageError(Text(
        f"kan de tussenresultaten van deze grote batch niet bewaren in de tijdelijke map "
        f"{folder} ({reason}); maak daar ruimte vrij, verhoog de limiet op bestandsgrootte "
        "(ulimit -f) of wijs met TMPDIR een andere map aan",
        f"cannot keep the intermediate results of this large batch in the temporary folder "
        f"{folder} ({reason}); free space there, raise the file size limit (ulimit -f) or "
        "point TMPDIR at another folder"))
