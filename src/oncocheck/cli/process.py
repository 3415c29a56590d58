"""The process's surroundings: standard streams, termination signals, what escapes them.

`prepare()` is called once by the entry point, before any command runs:

- Standard streams that were closed when oncocheck started (`>&-`) get a stand-in on their
  file descriptor, so no file opened later takes number 1 and receives the report; a closed
  stdout stays closed to writes (it is /dev/null opened read-only: every write is EBADF).
- stdout and stderr escape what their encoding cannot hold (`PYTHONIOENCODING=ascii`) as
  `\\u00eb`, which is still valid JSON, and a failed write to stdout (a closed stdout, a full
  disk, a reader that went away) raises `StdoutFailed`, which only the entry point catches.
- SIGTERM and SIGHUP raise `Terminated`, so a report half written is removed on the way out
  (Ctrl-C does the same through KeyboardInterrupt); SIGXFSZ is ignored, so a file-size limit
  is the error EFBIG instead of a silent death.
"""

from __future__ import annotations

import codecs
import io
import json
import os
import signal
import sys
from types import FrameType

ESCAPE = "oncocheck-escape"  # the codec error handler: `\uXXXX` (pairs beyond U+FFFF), as JSON
STOPPING = ("SIGTERM", "SIGHUP")
_STOPPING = [getattr(signal, name) for name in STOPPING if hasattr(signal, name)]  # per system


def _escape(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    return json.dumps(error.object[error.start:error.end])[1:-1], error.end


codecs.register_error(ESCAPE, _escape)


class Terminated(BaseException):
    """The process was asked to stop (SIGTERM, SIGHUP); not an Exception, so no handler
    swallows it on its way to the entry point."""

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


class StdoutFailed(Exception):
    """Writing to stdout failed (`errno`: EPIPE, EBADF, ENOSPC, ...). Not an OSError, so the
    command line library does not turn a broken pipe into its own exit code."""

    def __init__(self, error: OSError) -> None:
        super().__init__(error.strerror or type(error).__name__)
        self.errno = error.errno
        self.reason = error.strerror or type(error).__name__


class _Stdout(io.FileIO):
    """File descriptor 1 whose failures are StdoutFailed. After the first failure further
    output is dropped, so the final flush at exit cannot fail again."""

    failed = False

    def write(self, data: bytes) -> int:  # type: ignore[override]
        if self.failed:
            return len(data)
        try:
            return super().write(data) or 0
        except OSError as exc:
            self.failed = True
            raise StdoutFailed(exc) from None


def prepare() -> None:
    """Set up the streams and signals as the module docstring says."""
    _stand_in(0, os.O_RDONLY)
    closed = _stand_in(1, os.O_RDONLY)  # read-only: writes fail with EBADF, like a closed fd
    if _stand_in(2, os.O_WRONLY):
        sys.stderr = open(2, "w", encoding="utf-8", closefd=False)  # noqa: SIM115
    if closed or sys.stdout is sys.__stdout__:
        sys.stdout = io.TextIOWrapper(
            io.BufferedWriter(_Stdout(1, "wb", closefd=False)), errors=ESCAPE,
            encoding=getattr(sys.stdout, "encoding", None) or "utf-8",
            line_buffering=bool(getattr(sys.stdout, "line_buffering", False)))
    if hasattr(sys.stderr, "reconfigure"):
        sys.stderr.reconfigure(errors=ESCAPE)
    for signum in _STOPPING:
        signal.signal(signum, _stop)
    if hasattr(signal, "SIGXFSZ"):  # not on Windows
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)


def _stand_in(fd: int, flags: int) -> bool:
    """Put /dev/null on `fd` if it is closed; whether it was."""
    try:
        os.fstat(fd)
        return False
    except OSError:
        pass
    spare = os.open(os.devnull, flags)
    if spare != fd:
        os.dup2(spare, fd)
        os.close(spare)
    return True


def _stop(signum: int, frame: FrameType | None) -> None:
    """Raise Terminated; a second signal of the kind ends the process at once."""
    for stopping in _STOPPING:
        signal.signal(stopping, signal.SIG_DFL)
    raise Terminated(signum)
