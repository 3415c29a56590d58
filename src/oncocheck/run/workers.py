"""Checking a batch in a pool of processes, results in path order.

A worker checks one file at a time and sends back its result packed (pickled once, in the
worker), with its brief and, when asked, its part of the JSON report; the parsed document
never leaves the worker. When that part is all the batch will read (`prepared.alone`), the
result is not pickled at all: only the brief and the text travel. Rule files and the vocabulary
are loaded once per process (on Linux the workers inherit them from the parent). A worker the
system kills costs only the file it was checking, which is reported as not checked
(`oncocheck.run.pool`).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Sequence
from functools import partial
from pathlib import Path

from oncocheck.errors import load_error
from oncocheck.report import Brief, FileResult, Text, Verdict
from oncocheck.run import file, prepared
from oncocheck.run.decide import Choice
from oncocheck.run.spill import pack

Packed = tuple[Brief, bytes, "str | None"]  # one file's result under one choice
CHUNK_BYTES = 32_768  # of paths per chunk: a chunk always fits in the pipe to its worker


def default_jobs() -> int:
    """The number of cores this process may use."""
    if sys.platform == "linux":
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def checked(files: Sequence[tuple[Path, str]], choices: Sequence[Choice], jobs: int,
            prepare: str | None = None, keep: bool = True) -> Iterator[tuple[Packed, ...]]:
    """For each file, in the order of `files`, under each of `choices`: its brief, packed
    result and (under the first choice, with `prepare`) its text in that format. At most 4
    workers per core and one per file are started."""
    workers = max(1, min(jobs, len(files), 4 * default_jobs()))
    # small chunks keep the workers evenly busy; larger ones cost less to hand out
    longest = max(len(str(path)) + len(display) for path, display in files)
    size = max(1, min(32, len(files) // (workers * 8), CHUNK_BYTES // longest))
    work = partial(_check, choices=choices, prepare=prepare, keep=keep)
    lost = partial(_lost, files=files, choices=len(choices), prepare=prepare, keep=keep)
    from oncocheck.run.pool import Pool  # multiprocessing: not for `default_jobs` alone

    yield from Pool(work, files, workers, size, lost).results()


def _check(item: tuple[Path, str], choices: Sequence[Choice],
           prepare: str | None, keep: bool) -> tuple[Packed, ...]:
    results = file.check_one(item[0], item[1], choices)  # looked up now: tests replace it
    return _packed(results, prepare, keep)


def _packed(results: Sequence[FileResult], prepare: str | None,
            keep: bool) -> tuple[Packed, ...]:
    packed = []
    for i, result in enumerate(results):
        brief, payload = pack(result) if keep else (Brief.of(result), b"")
        packed.append((brief, payload, prepared.text(prepare if i == 0 else None, result)))
    return tuple(packed)


def _lost(index: int, exitcode: int | None, files: Sequence[tuple[Path, str]], choices: int,
          prepare: str | None, keep: bool) -> tuple[Packed, ...]:
    """The result for a file whose worker died while checking it."""
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
    invalid = FileResult(files[index][1], Verdict.INVALID, errors=tuple(errors))
    return _packed([invalid] * choices, prepare, keep)
