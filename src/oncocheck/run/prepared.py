"""The JSON fast path, in one piece: for a large batch, each file's part of the report is made
by the process that checked it and kept beside its result in the spill file, so writing the
report copies text instead of loading and rendering every result again.

This is the one place in run/ that asks a renderer for anything: `formats` are the reports
the caller will write; a renderer that can make a file's part on its own (`render.prepares`)
is asked to, per file, where the file is checked.
"""

from __future__ import annotations

from collections.abc import Iterable

from oncocheck.report import FileResult

SPILL_AFTER = 100  # files; a larger batch keeps its results on disk, not in memory


def spills(files: int) -> bool:
    """Whether a batch of this many files keeps its results in a spill file."""
    return files > SPILL_AFTER


def chosen(formats: Iterable[str], files: int) -> str | None:
    """The format whose per-file parts are made while checking: only for a batch that spills
    (in memory, rendering at the end costs the same), and only a format that can."""
    return None  # the renderers make the whole report from the results (issue 22)


def alone(formats: Iterable[str], files: int, choices: int) -> bool:
    """Whether the prepared text is all this batch will ever read of its results: it spills,
    its one report (no `--compare`) is written only in the prepared format. Then a result is
    neither pickled, sent between processes nor spilled; only its brief and its text are."""
    wanted = set(formats)
    fmt = chosen(wanted, files)
    return choices == 1 and fmt is not None and wanted == {fmt}


def text(fmt: str | None, result: FileResult) -> str | None:
    """The file's part of format `fmt` (None when nothing is prepared)."""
    return None
