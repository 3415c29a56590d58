"""The worker's side of the pool (`oncocheck.run.pool`): take chunks of items, answer item by
item in order, stop when told to or when the parent is gone."""

from __future__ import annotations

import os
import signal
import traceback
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any


def serve(conn: Connection, work: Callable[[Any], Any], parent: int) -> None:
    """A worker: do each item handed over and send its result, until told to stop."""

    in_worker()
    try:
        while (chunk := _next(conn, parent)) is not None:
            for index, item in chunk:
                conn.send(_done(index, item, work))
    except BaseException:  # noqa: BLE001 - the parent reports a worker that ended like this
        os._exit(70)  # without multiprocessing printing a traceback


def _done(index: int, item: Any, work: Callable[[Any], Any]) -> tuple[str, int, Any]:
    try:
        return ("ok", index, work(item))
    except MemoryError:
        return ("memory", index, None)
    except Exception:  # noqa: BLE001 - a bug: the parent ends the run with it
        return ("error", index, traceback.format_exc())


def _next(conn: Connection, parent: int) -> list[tuple[int, Any]] | None:
    """The next chunk; None when told to stop or when the parent is gone (other workers hold
    copies of its end of the pipe, so its death alone does not close this one)."""
    try:
        while not conn.poll(1.0):
            if os.getppid() != parent:
                return None
        return conn.recv()
    except (EOFError, OSError):
        return None


def in_worker() -> None:
    """Signals as a worker process wants them: stopping (SIGTERM, SIGHUP) is immediate, as
    the parent cleans up; Ctrl-C is the parent's to handle."""
    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
