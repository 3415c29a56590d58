"""A batch: every file checked, under one version choice or several, into frozen Reports.

`run` is the one way files are checked: `check` once per file for a plain run, and under two
choices for `check --compare` and `impact`, each file read once. Files are checked in path
order, in this process or a pool of processes (`pool`), with the same result either way; a
batch of more than `PACK_AFTER` files keeps its results packed (`report.Packed`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from functools import partial
from pathlib import Path
from typing import Protocol

from oncocheck import __version__
from oncocheck.errors import load_error
from oncocheck.report import FileResult, Packed, Report, Results, Text, Verdict
from oncocheck.rules import bundled
from oncocheck.run import file
from oncocheck.run.decide import Choice
from oncocheck.run.walk import Skips, network_files

#: Files; a larger batch keeps each result packed, in about a quarter of the memory
PACK_AFTER = 1000
#: Files; a smaller batch is checked in this process by default: starting the pool and
#: sending the results back costs more than the other cores win (benchmarks/README.md)
POOL_FROM = 100

Checked = tuple[FileResult | Packed, ...]  # one file's result under each choice


class Progress(Protocol):
    """What a batch tells whoever watches it (a progress bar)."""

    def start(self, total: int) -> None:
        """The batch has `total` files."""

    def advance(self) -> None:
        """One more file is done."""


def check(paths: Iterable[str], choice: Choice, jobs: int | None = 1) -> Report:
    """Every network file below `paths`, checked under `choice`."""
    return run(list(network_files(paths)), (choice,), jobs)[0]


def run(files: Sequence[tuple[Path, str]], choices: Sequence[Choice], jobs: int | None = None,
        progress: Progress | None = None) -> tuple[Report, ...]:
    """One Report per choice for these files (`network_files`), each file read once, in
    `jobs` processes (None: as many as pay, see `workers`)."""
    results = [Results() for _ in choices]
    skips = Skips(files)
    if progress is not None:
        progress.start(len(files))
    for (path, display), found in zip(files, _checked(files, choices, jobs), strict=True):
        for store, result in zip(results, found):  # noqa: B905 - none: skipped
            store.add(result)
        folder = skips.note(path, display, bool(found))
        if folder is not None:
            for store in results:
                store.add(folder)
        if progress is not None:
            progress.advance()
    skipped = tuple(skips.skipped)
    return tuple(build_report(r, c, skipped) for r, c in zip(results, choices, strict=True))


def workers(jobs: int | None, files: int) -> int:
    """The processes for a batch: `jobs` (None: every core, or this process alone for a
    small batch), at most one per file and four per core."""
    if (jobs is None and files < POOL_FROM) or files <= 1 or jobs == 1:
        return 1  # this process: the pool and its module are not needed (start-up)
    from oncocheck.run import pool

    return max(1, min(pool.cores() if jobs is None else jobs, files, 4 * pool.cores()))


def _checked(files: Sequence[tuple[Path, str]], choices: Sequence[Choice],
             jobs: int | None) -> Iterator[Checked]:
    work = partial(_check, choices=tuple(choices), pack=len(files) > PACK_AFTER)
    count = workers(jobs, len(files))
    if count == 1:
        return map(work, files)
    from oncocheck.run import pool

    lost = partial(_lost, choices=len(choices), pack=len(files) > PACK_AFTER)
    return pool.in_order(work, files, count, lost)


def _check(item: tuple[Path, str], choices: tuple[Choice, ...], pack: bool) -> Checked:
    results = file.check_one(item[0], item[1], choices)  # looked up now: tests replace it
    return tuple(Packed.of(r) for r in results) if pack else results


def _lost(item: tuple[Path, str], exitcode: int | None, choices: int, pack: bool) -> Checked:
    """The result for a file whose process died while checking it."""
    if exitcode is not None and exitcode < 0:
        signal = -exitcode
        nl, en = ("; te weinig geheugen?", "; out of memory?") if signal == 9 else ("", "")
        why = Text(f"het controleproces werd door het systeem gestopt (signaal {signal}{nl})",
                   f"the checking process was stopped by the system (signal {signal}{en})")
    else:
        why = Text(f"het controleproces stopte onverwacht (afsluitcode {exitcode})",
                   f"the checking process ended unexpectedly (exit code {exitcode})")
    errors = load_error(f"{why.nl}; dit bestand is niet gecontroleerd",
                        f"{why.en}; this file was not checked").errors
    invalid = FileResult(item[1], Verdict.INVALID, errors=tuple(errors))
    return tuple(Packed.of(invalid) if pack else invalid for _ in range(choices))


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
