"""Checking files in a pool of processes (`concurrent.futures`), results in the files' order.

A worker the system kills (the out-of-memory killer's SIGKILL) breaks the whole pool, and
the pool cannot say which file killed it. So the files the pool had not finished are checked
again: those it had in hand (at most two chunks per worker) one at a time, each in a process
of its own, and the rest in a fresh pool. A killed worker so costs at most the file it was checking,
which `lost` reports as not checked. Starting a process the system has no room for (too few
file descriptors or processes) is a UsageError, never a hang.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from multiprocessing.connection import Connection
from typing import Any, cast

from oncocheck.errors import UsageError
from oncocheck.report import Text

Work = Callable[[Any], Any]
Lost = Callable[[Any, int | None], Any]  # the result for an item whose process died so


def in_order(work: Work, items: Sequence[Any], workers: int, lost: Lost) -> Iterator[Any]:
    """`work(item)` for every item in up to `workers` processes, yielded in the items' order.
    Items go out in small chunks: fewer, larger messages cost the parent less."""
    size = max(1, min(8, len(items) // (workers * 8)))
    todo = deque(list(range(i, min(i + size, len(items)))) for i in range(0, len(items), size))
    done: dict[int, Any] = {}
    following = 0
    while following < len(items):
        for _ in _round(work, items, todo, workers, done, lost):
            while following in done:
                yield done.pop(following)
                following += 1


def _round(work: Work, items: Sequence[Any], todo: deque[list[int]], workers: int,
           done: dict[int, Any], lost: Lost) -> Iterator[None]:
    """One pool: take chunks from `todo` until none are left or the pool breaks; then settle
    the items it had in hand one by one. Yields whenever `done` has grown."""
    running: dict[Future[Any], list[int]] = {}
    pool = _start(workers, work)
    try:
        while todo or running:
            while todo and len(running) < 2 * workers:  # in hand: a worker never waits
                chunk = todo.popleft()
                running[pool.submit(_call, [items[i] for i in chunk])] = chunk
            finished, _ = wait(running, return_when=FIRST_COMPLETED)
            for future in finished:
                done.update(zip(running[future], future.result(), strict=True))
                del running[future]
            yield
    except BrokenProcessPool:
        pool.shutdown(wait=True)
        for future, chunk in sorted(running.items(), key=lambda item: item[1]):
            if future.done() and future.exception() is None:
                done.update(zip(chunk, future.result(), strict=True))
            else:
                done.update((i, _alone(work, items[i], lost)) for i in chunk)
            yield
    finally:  # also on Ctrl-C: the chunks in hand finish, the rest are never started
        pool.shutdown(wait=True, cancel_futures=True)


def _start(workers: int, work: Work) -> ProcessPoolExecutor:
    """A pool whose workers have `work` at hand (handed over once, not with every item)."""
    for stream in (sys.stdout, sys.stderr):  # a forked copy of a full buffer would print
        try:
            stream.flush()
        except Exception:  # noqa: BLE001, S110 - its failure is the CLI's to report
            pass
    before = set(multiprocessing.active_children())
    try:
        pool = ProcessPoolExecutor(workers, _context(), initializer=_install,
                                   initargs=(work,))
        pool.submit(int).result()  # the workers start now: a failure to start is seen here
    except (OSError, BrokenProcessPool) as exc:
        for started in set(multiprocessing.active_children()) - before:
            started.kill()  # no pool is left to tell them to stop
        raise _cannot_start(exc) from exc
    return pool


_work: Work | None = None  # in a worker: what it does with each item


def _install(work: Work) -> None:
    global _work  # noqa: PLW0603 - a worker's one piece of state, set as it starts
    in_worker()
    _work = work


def _call(chunk: list[Any]) -> list[Any]:
    assert _work is not None, "a worker without its work"  # noqa: S101
    return [_work(item) for item in chunk]


def _alone(work: Work, item: Any, lost: Lost) -> Any:
    """`work(item)` in a process of its own; `lost(item, exitcode)` when that process dies."""
    context = _context()
    receiver, sender = context.Pipe(duplex=False)
    try:
        process = context.Process(target=_answer, args=(sender, work, item), daemon=True)
        process.start()
    except OSError as exc:
        raise _cannot_start(exc) from exc
    sender.close()
    try:
        ok, value = receiver.recv()
    except EOFError:  # it died without an answer
        process.join()
        return lost(item, process.exitcode)
    finally:
        receiver.close()
    process.join()
    if not ok:
        raise value
    return value


def _answer(sender: Connection, work: Work, item: Any) -> None:
    in_worker()
    try:
        sender.send((True, work(item)))
    except Exception as exc:  # noqa: BLE001 - a bug or out of memory: the parent raises it
        sender.send((False, exc))


def in_worker() -> None:
    """Signals as a worker process wants them: stopping (SIGTERM, SIGHUP) is immediate, as
    the parent cleans up; Ctrl-C is the parent's to handle."""
    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _cannot_start(exc: BaseException) -> UsageError:
    reason = getattr(exc, "strerror", None) or type(exc).__name__
    return UsageError(Text(
        f"kan geen controleproces starten ({reason}); verhoog de limiet (ulimit -n of -u) of "
        "gebruik minder --jobs (--jobs 1 controleert zonder extra processen)",
        f"cannot start a checking process ({reason}); raise the limit (ulimit -n or -u) or "
        "use fewer --jobs (--jobs 1 checks without extra processes)"))


def _context() -> multiprocessing.context.DefaultContext:
    """Fork where it is safe and quick (Linux: the workers start with everything loaded);
    spawn elsewhere. (Typed as the default context: each of the two makes a `Process`.)"""
    method = "fork" if sys.platform == "linux" else "spawn"
    return cast(multiprocessing.context.DefaultContext, multiprocessing.get_context(method))


def cores() -> int:
    """The number of cores this process may use."""
    if sys.platform == "linux":
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)
