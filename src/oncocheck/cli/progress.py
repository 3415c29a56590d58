"""A progress bar for long batches: on stderr, only for a person watching a terminal.

Nothing is drawn when stderr is not a terminal (piped, redirected, a CI log) or when `CI` is
set, and nothing for a batch that ends within DELAY seconds: the bar appears only once a run
has taken more than a moment, and disappears when it ends.
"""

from __future__ import annotations

import os
import sys
import time
from types import TracebackType
from typing import IO, Any

DELAY = 0.5  # seconds before a bar is worth showing


def wanted(stream: IO[str] | None = None, environ: dict[str, str] | None = None) -> bool:
    """Whether a bar may be drawn on `stream` (default stderr)."""
    stream = stream if stream is not None else sys.stderr
    environ = environ if environ is not None else dict(os.environ)
    if environ.get("CI", "").strip().lower() not in ("", "0", "false", "no"):
        return False
    if environ.get("TERM") == "dumb":
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError, OSError):
        return False


class Progress:
    """Counts finished files; draws a rich bar once the run has taken DELAY seconds."""

    def __init__(self, label: str, stream: IO[str] | None = None) -> None:
        self.label, self.total, self.done = label, 0, 0
        self._stream = stream if stream is not None else sys.stderr
        self._started = time.monotonic()
        self._bar: Any = None
        self._task: Any = None

    def start(self, total: int) -> None:
        """The batch has `total` files; the clock starts now."""
        self.total, self._started = total, time.monotonic()

    def advance(self) -> None:
        """One more file finished."""
        self.done += 1
        if self._bar is None and time.monotonic() - self._started >= DELAY:
            self._show()
        if self._bar is not None:
            self._bar.update(self._task, completed=self.done)

    def _show(self) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            TextColumn,
            TimeRemainingColumn,
        )
        from rich.progress import Progress as Bar

        console = Console(file=self._stream, stderr=True)
        self._bar = Bar(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                        TimeRemainingColumn(), console=console, transient=True)
        self._bar.start()
        self._task = self._bar.add_task(self.label, total=self.total, completed=self.done)

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        if self._bar is not None:
            self._bar.stop()
