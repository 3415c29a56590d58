"""Checking a batch in a pool of processes, results in path order.

A worker checks one file at a time and sends back its result packed (pickled once, in the
worker), with its brief and, when asked, its part of the JSON report; the parsed document
never leaves the worker. Rule files and the
vocabulary are loaded once per process (on Linux the workers inherit them from the parent).
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from functools import partial
from pathlib import Path

from oncocheck.decide import Choice
from oncocheck.report import Brief
from oncocheck.spill import pack


def default_jobs() -> int:
    """The number of cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def checked(files: list[tuple[Path, str]], choice: Choice, jobs: int,
            prepare: str | None = None) -> Iterator[tuple[Brief, bytes, str | None]]:
    """Each file's brief, packed result and (with `prepare`) its text in that format, in
    the order of `files`."""
    workers = min(jobs, len(files))
    # small chunks keep the workers evenly busy; larger ones cost less to hand out
    chunk = max(1, min(32, len(files) // (workers * 8)))
    # an executor, not multiprocessing.Pool: a worker that dies (killed for memory, say)
    # breaks the run with an error instead of leaving it waiting for ever
    pool = ProcessPoolExecutor(workers, mp_context=_context(), initializer=_ignore_interrupt)
    try:
        yield from pool.map(partial(_check, choice=choice, prepare=prepare), files,
                            chunksize=chunk)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _check(item: tuple[Path, str], choice: Choice,
           prepare: str | None) -> tuple[Brief, bytes, str | None]:
    from oncocheck.pipeline import check_one

    result = check_one(item[0], item[1], choice)
    if prepare is None:
        return (*pack(result), None)
    from oncocheck.render import file_text

    return (*pack(result), file_text(prepare, result))


def _context() -> multiprocessing.context.BaseContext:
    """Fork where it is safe and quick (Linux: the workers start with everything loaded);
    spawn elsewhere."""
    if sys.platform == "linux":
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def _ignore_interrupt() -> None:
    """Ctrl-C is the parent's to handle; it ends the pool."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
