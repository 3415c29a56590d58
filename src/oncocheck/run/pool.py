"""A small process pool that knows which item each worker has in hand.

`concurrent.futures` cannot say which item a dead worker was on, so a worker the system kills
(the out-of-memory killer's SIGKILL) would cost the whole run. Here each worker is handed
chunks of items and answers item by item, in order: when one dies, the item it was on is the
first unanswered one of its chunks. That item's result is made by `lost(index, exitcode)`;
the rest of its chunks go to a new worker, and the run goes on.

Starting a worker the system has no room for (too few file descriptors or processes) is a
UsageError, never a hang.
"""

from __future__ import annotations

import errno
import multiprocessing
import os
import sys
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from typing import Any

from oncocheck.errors import UsageError
from oncocheck.report import Text
from oncocheck.run.serve import serve


class WorkerError(RuntimeError):
    """A bug met in a worker, with the worker's traceback as text (shown with --debug)."""


@dataclass(eq=False)
class _Worker:
    process: multiprocessing.process.BaseProcess
    conn: Connection
    assigned: deque[int] = field(default_factory=deque)  # item indexes, in the order done


class Pool:
    """`work(item)` for every item in up to `workers` processes; see the module docstring.
    A chunk is `size` items; each worker holds at most two chunks, so it never waits."""

    def __init__(self, work: Callable[[Any], Any], items: Sequence[Any], workers: int, size: int,
                 lost: Callable[[int, int | None], Any]) -> None:
        self.work, self.items, self.size, self.lost = work, items, size, lost
        self.wanted = workers
        self.workers: list[_Worker] = []
        self.done: dict[int, Any] = {}
        self.todo = deque(list(range(i, min(i + size, len(items))))
                          for i in range(0, len(items), size))

    def results(self) -> Iterator[Any]:
        """Every item's result, in the order of the items; the workers end with it."""
        try:
            for _ in range(self.wanted):
                self._start()
            yield from self._collect()
        finally:
            self._stop()

    def _collect(self) -> Iterator[Any]:
        following = 0
        while following < len(self.items):
            self._hand_out()
            while following in self.done:
                yield self.done.pop(following)
                following += 1
            if following == len(self.items):
                return
            if not self.workers:
                raise RuntimeError("items left but no worker")
            ready = wait([w.conn for w in self.workers] + [w.process.sentinel
                                                           for w in self.workers])
            for worker in list(self.workers):
                if worker.conn in ready or worker.process.sentinel in ready:
                    self._receive(worker)

    def _start(self) -> None:
        context = _context()
        for stream in (sys.stdout, sys.stderr):  # a forked copy of a full buffer would print
            try:
                stream.flush()
            except Exception:  # noqa: BLE001, S110 - its failure is the CLI's to report
                pass
        try:
            mine, theirs = context.Pipe()
            process = context.Process(target=serve, args=(theirs, self.work, os.getpid()),
                                      daemon=True)
            process.start()
        except OSError as exc:
            raise _cannot_start(exc) from exc
        theirs.close()
        self.workers.append(_Worker(process, mine))

    def _hand_out(self) -> None:
        for worker in self.workers:
            while self.todo and len(worker.assigned) <= self.size:
                chunk = self.todo.popleft()
                try:
                    worker.conn.send([(i, self.items[i]) for i in chunk])
                except OSError:  # it has died; its sentinel tells, `_receive` cleans up
                    self.todo.appendleft(chunk)
                    break
                worker.assigned.extend(chunk)

    def _receive(self, worker: _Worker) -> None:
        """Take what `worker` sent; if it died, settle its item and start another."""
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
            index = worker.assigned.popleft()
            self.done[index] = self.lost(index, worker.process.exitcode)
            if worker.assigned:
                self.todo.appendleft(list(worker.assigned))
        if self.todo:
            try:
                self._start()
            except UsageError:
                if not self.workers:
                    raise  # else the others go on without it

    def _take(self, worker: _Worker, message: tuple[Any, ...]) -> None:
        """One message from `worker`: a result, or a failure that ends the run."""
        kind, index, value = message
        if kind == "memory":
            raise MemoryError
        if kind == "error":
            raise WorkerError(value)
        worker.assigned.remove(index)
        self.done[index] = value

    def _stop(self) -> None:
        """Idle workers are told to stop; busy ones (the run ended early) are terminated."""
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


def _cannot_start(exc: OSError) -> UsageError:
    reason = exc.strerror or type(exc).__name__
    if exc.errno not in (errno.EMFILE, errno.ENFILE, errno.EAGAIN, errno.ENOMEM):
        return UsageError(Text(f"kan geen controleproces starten ({reason}); probeer --jobs 1",
                               f"cannot start a checking process ({reason}); try --jobs 1"))
    return UsageError(Text(
        f"kan geen controleproces starten ({reason}); verhoog de limiet (ulimit -n of -u) of "
        "gebruik minder --jobs (--jobs 1 controleert zonder extra processen)",
        f"cannot start a checking process ({reason}); raise the limit (ulimit -n or -u) or "
        "use fewer --jobs (--jobs 1 checks without extra processes)"))


def _context() -> Any:  # a ForkContext or SpawnContext: the stubs give them no common type
    """Fork where it is safe and quick (Linux: the workers start with everything loaded);
    spawn elsewhere."""
    if sys.platform == "linux":
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")
