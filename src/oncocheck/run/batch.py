"""A batch: every file checked, under one version choice or several, into frozen Reports.

`run` is the one way files are checked: `check` once per file for a plain run, and under two
choices for `check --compare` and `impact`, each file read once. Files are checked in path
order, in this process or a pool of processes, with the same result either way; a batch of
more than `prepared.SPILL_AFTER` files keeps its results in a spill file.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Protocol

from oncocheck import __version__
from oncocheck.report import FileResult, Report, Results
from oncocheck.rules import bundled
from oncocheck.run import prepared
from oncocheck.run.decide import Choice
from oncocheck.run.file import check_one
from oncocheck.run.spill import SpilledResults
from oncocheck.run.walk import Skips, network_files


class Progress(Protocol):
    """What a batch tells whoever watches it (a progress bar)."""

    def start(self, total: int) -> None:
        """The batch has `total` files."""

    def advance(self) -> None:
        """One more file is done."""


def check(paths: Iterable[str], choice: Choice, jobs: int = 1) -> Report:
    """Every network file below `paths`, checked under `choice`."""
    return run(list(network_files(paths)), (choice,), jobs)[0]


def run(files: Sequence[tuple[Path, str]], choices: Sequence[Choice], jobs: int = 1,
        progress: Progress | None = None, formats: Iterable[str] = ()) -> tuple[Report, ...]:
    """One Report per choice for these files (`network_files`), each file read once.

    With `jobs` > 1 the files are checked in a pool of that many processes. `formats` are the
    reports that will be written of the first Report (see `prepared`).
    """
    formats = tuple(formats)
    fmt = prepared.chosen(formats, len(files))
    keep = not prepared.alone(formats, len(files), len(choices))
    results = [_results(len(files), fmt if i == 0 else None, keep) for i in range(len(choices))]
    skips = Skips(files)
    if progress is not None:
        progress.start(len(files))
    if jobs > 1 and len(files) > 1:
        from oncocheck.run.workers import checked

        for (path, display), packed in zip(files, checked(files, choices, jobs, fmt, keep),
                                          strict=True):
            # packed is empty for a file that was skipped
            for store, (brief, payload, text) in zip(results, packed, strict=False):
                store.add_packed(brief, payload, text)
            _add(results, skips.note(path, display, bool(packed)), fmt)
            if progress is not None:
                progress.advance()
    else:
        for path, display in files:
            found = check_one(path, display, choices)
            for i, result in enumerate(found):
                results[i].add(result, prepared.text(fmt if i == 0 else None, result))
            _add(results, skips.note(path, display, bool(found)), fmt)
            if progress is not None:
                progress.advance()
    skipped = tuple(skips.skipped)
    return tuple(build_report(r, c, skipped) for r, c in zip(results, choices, strict=True))


def _add(results: list[Results], result: FileResult | None, fmt: str | None) -> None:
    """Add `result` (a folder's own entry) to the results of every choice."""
    if result is not None:
        for i, store in enumerate(results):
            store.add(result, prepared.text(fmt if i == 0 else None, result))


def _results(files: int, fmt: str | None, keep: bool) -> Results:
    return SpilledResults(fmt, keep) if prepared.spills(files) else Results()


def build_report(results: Results, choice: Choice, skipped: tuple[str, ...] = ()) -> Report:
    """The Report for these results, with every criteria set they applied and the run's own
    date and version (what judges a file without a `submitted:` date), and the files that
    were `skipped` as no network file."""
    default = choice.default()
    applied = {b.criteria for b in results.briefs if b.criteria is not None} | {default.ref}
    by_ref = {rf.ref: rf for rf in bundled.bundled()}
    by_ref[default.ref] = default
    order = sorted(applied, key=lambda r: (r.set, r.valid_from, r.file or ""))
    sets = tuple(by_ref[ref].info() for ref in order)
    return Report(__version__, choice.run_as_of, default.ref, sets, results, skipped=skipped)
