"""Checking a batch in a pool of processes, results in path order.

A worker checks the files it is handed one at a time and sends back each result packed
(pickled once, in the worker), with its brief and, when asked, its part of the JSON report;
the parsed document never leaves the worker. Rule files and the vocabulary are loaded once per
process (on Linux the workers inherit them from the parent).

The pool is our own, small, because the parent must know which file each worker has in hand:
a worker the system kills (the out-of-memory killer's SIGKILL) costs only the file it was
checking, which is reported as not checked; a new worker takes over the rest of its files.
Too few file descriptors or processes to start a worker is a message, never a hang.
"""

from __future__ import annotations

import errno
import multiprocessing
import os
import sys
import traceback
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from pathlib import Path

from oncocheck.engine import Options
from oncocheck.errors import UsageError, load_error
from oncocheck.report import Brief, FileResult, Text, Verdict
from oncocheck.spill import pack

Packed = tuple[Brief, bytes, "str | None"]
CHUNK_BYTES = 32_768  # of paths per chunk: a chunk always fits in the pipe to its worker


def default_jobs() -> int:
    """The number of cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def checked(files: list[tuple[Path, str]], options: Options, jobs: int,
            prepare: str | None = None) -> Iterator[Packed]:
    """Each file's brief, packed result and (with `prepare`) its text in that format, in
    the order of `files`. At most 4 workers per core and one per file are started."""
    workers = max(1, min(jobs, len(files), 4 * default_jobs()))
    # small chunks keep the workers evenly busy; larger ones cost less to hand out
    longest = max(len(str(path)) + len(display) for path, display in files)
    size = max(1, min(32, len(files) // (workers * 8), CHUNK_BYTES // longest))
    todo = deque(list(range(i, min(i + size, len(files)))) for i in range(0, len(files), size))
    pool = _Pool(files, options, prepare, size)
    try:
        for _ in range(workers):
            pool.start()
        yield from pool.results(todo)
    finally:
        pool.stop()


@dataclass(eq=False)
class _Worker:
    process: multiprocessing.process.BaseProcess
    conn: Connection
    assigned: deque[int] = field(default_factory=deque)  # file indexes, in the order checked


class _Pool:
    """Workers, what each has in hand, and the results not yet handed on."""

    def __init__(self, files: list[tuple[Path, str]], options: Options,
                 prepare: str | None, size: int) -> None:
        self.files, self.options, self.prepare, self.size = files, options, prepare, size
        self.workers: list[_Worker] = []
        self.done: dict[int, Packed] = {}

    def start(self) -> None:
        """One more worker; UsageError when the system has no room for it."""
        context = _context()
        for stream in (sys.stdout, sys.stderr):  # a forked copy of a full buffer would print
            try:
                stream.flush()
            except Exception:  # noqa: BLE001, S110 - its failure is the CLI's to report
                pass
        try:
            mine, theirs = context.Pipe()
            process = context.Process(target=_serve, args=(theirs, self.options, self.prepare),
                                      daemon=True)
            process.start()
        except OSError as exc:
            raise _cannot_start(exc) from exc
        theirs.close()
        self.workers.append(_Worker(process, mine))

    def results(self, todo: deque[list[int]]) -> Iterator[Packed]:
        """Hand out `todo` and yield every file's result in order."""
        following = 0
        while following < len(self.files):
            self._hand_out(todo)
            while following in self.done:
                yield self.done.pop(following)
                following += 1
            if following == len(self.files):
                return
            if not self.workers:
                raise RuntimeError("files left to check but no worker")
            ready = wait([w.conn for w in self.workers] + [w.process.sentinel
                                                           for w in self.workers])
            for worker in list(self.workers):
                if worker.conn in ready or worker.process.sentinel in ready:
                    self._receive(worker, todo)

    def _hand_out(self, todo: deque[list[int]]) -> None:
        """Give each worker a chunk while it has at most one chunk left, so it never waits."""
        for worker in self.workers:
            while todo and len(worker.assigned) <= self.size:
                chunk = todo.popleft()
                try:
                    worker.conn.send([(i, *self.files[i]) for i in chunk])
                except OSError:  # it has died; its sentinel tells, and `_receive` cleans up
                    todo.appendleft(chunk)
                    break
                worker.assigned.extend(chunk)

    def _receive(self, worker: _Worker, todo: deque[list[int]]) -> None:
        """Take what `worker` sent; if it died, report its file and start another."""
        try:
            while worker.conn.poll():
                self._take(worker, worker.conn.recv())
            if worker.process.is_alive():
                return
        except (EOFError, OSError):
            pass  # it has died: its end of the pipe is closed; what it sent before is taken
        worker.process.join(timeout=5)
        if worker.process.is_alive():  # closed its pipe but lives on: not ours to trust
            worker.process.kill()
            worker.process.join()
        worker.conn.close()
        self.workers.remove(worker)
        if worker.assigned:
            lost = worker.assigned.popleft()
            self.done[lost] = _not_checked(self.files[lost][1], worker.process.exitcode,
                                           self.prepare)
            if worker.assigned:
                todo.appendleft(list(worker.assigned))
        if todo:
            try:
                self.start()
            except UsageError:
                if not self.workers:
                    raise  # else the others go on without it

    def _take(self, worker: _Worker, message: tuple) -> None:
        """One message from `worker`: a result, or a failure that ends the run."""
        kind, index, *rest = message
        if kind == "memory":
            raise MemoryError
        if kind == "error":
            raise WorkerError(rest[0])
        worker.assigned.remove(index)
        self.done[index] = tuple(rest)  # type: ignore[assignment]

    def stop(self) -> None:
        """End every worker: idle ones are told to stop, busy ones (after an error or a
        signal in the parent) are terminated."""
        for worker in self.workers:
            try:
                if worker.assigned:
                    worker.process.terminate()
                else:
                    worker.conn.send(None)
            except (OSError, ValueError):
                worker.process.terminate()
        for worker in self.workers:
            worker.process.join(timeout=5)
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join()
            worker.conn.close()
        self.workers.clear()


class WorkerError(RuntimeError):
    """A bug met in a worker: its traceback as text (the CLI shows it with --debug)."""


def _serve(conn: Connection, options: Options, prepare: str | None) -> None:
    """A worker: check each file handed over, send each result, until told to stop."""
    from oncocheck.process import in_worker

    in_worker()
    try:
        while (chunk := _next(conn)) is not None:
            for index, path, display in chunk:
                conn.send(_checked(index, path, display, options, prepare))
    except BaseException:  # noqa: BLE001 - the parent reports a worker that ended like this
        os._exit(70)  # without multiprocessing printing a traceback


def _checked(index: int, path: Path, display: str, options: Options,
             prepare: str | None) -> tuple:
    """The message about one file: ("ok", index, brief, payload, text), or a failure."""
    from oncocheck import pipeline

    try:
        result = pipeline.check_one(path, display, options)
        text = None
        if prepare is not None:
            from oncocheck.render import file_text

            text = file_text(prepare, result)
        return ("ok", index, *pack(result), text)
    except MemoryError:
        return ("memory", index)
    except Exception:  # noqa: BLE001 - a bug: the parent ends the run with it
        return ("error", index, traceback.format_exc())


def _next(conn: Connection) -> list | None:
    try:
        return conn.recv()
    except (EOFError, OSError):  # the parent is gone
        return None


def _not_checked(display: str, exitcode: int | None, prepare: str | None) -> Packed:
    """The result for a file whose worker died while checking it."""
    if exitcode is not None and exitcode < 0:
        signal = -exitcode
        hint_nl, hint_en = ("; te weinig geheugen?", "; out of memory?") if signal == 9 else ("", "")
        why = Text(f"het controleproces werd door het systeem gestopt (signaal {signal}{hint_nl})",
                   f"the checking process was stopped by the system (signal {signal}{hint_en})")
    else:
        why = Text(f"het controleproces stopte onverwacht (afsluitcode {exitcode})",
                   f"the checking process ended unexpectedly (exit code {exitcode})")
    tail = Text("; dit bestand is niet gecontroleerd", "; this file was not checked")
    errors = load_error(why.nl + tail.nl, why.en + tail.en).errors
    result = FileResult(display, Verdict.INVALID, errors=tuple(errors))
    if prepare is None:
        return (*pack(result), None)
    from oncocheck.render import file_text

    return (*pack(result), file_text(prepare, result))


def _cannot_start(exc: OSError) -> UsageError:
    what = {errno.EMFILE: "too few file descriptors", errno.ENFILE: "too few file descriptors",
            errno.EAGAIN: "too many processes"}.get(exc.errno or 0)
    reason = exc.strerror or type(exc).__name__
    if what is None:
        return UsageError(Text(f"kan geen controleproces starten ({reason}); probeer --jobs 1",
                               f"cannot start a checking process ({reason}); try --jobs 1"))
    return UsageError(Text(
        f"kan geen controleproces starten ({reason}); verhoog de limiet (ulimit -n of -u) of "
        "gebruik minder --jobs (--jobs 1 controleert zonder extra processen)",
        f"cannot start a checking process ({reason}); raise the limit (ulimit -n or -u) or "
        "use fewer --jobs (--jobs 1 checks without extra processes)"))


def _context() -> multiprocessing.context.BaseContext:
    """Fork where it is safe and quick (Linux: the workers start with everything loaded);
    spawn elsewhere."""
    if sys.platform == "linux":
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")
