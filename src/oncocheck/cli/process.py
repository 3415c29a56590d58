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
import errno
import io
import os
import signal
import sys
from types import FrameType

ESCAPE = "oncocheck-escape"  # the codec error handler: `\uXXXX`, as JSON writes it
STOPPING = ("SIGTERM", "SIGHUP")


def _escape(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, (UnicodeEncodeError, UnicodeTranslateError)):
        raise error
    pieces = []
    for char in error.object[error.start:error.end]:
        code = ord(char)
        if code > 0xFFFF:  # a surrogate pair, as JSON spells characters beyond the BMP
            code -= 0x10000
            pieces.append(f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}")
        else:
            pieces.append(f"\\u{code:04x}")
    return "".join(pieces), error.end


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


class _Stdout(io.RawIOBase):
    """File descriptor 1 as a raw stream whose failures are StdoutFailed. After the first
    failure further output is dropped, so the final flush at exit cannot fail again."""

    def __init__(self, fd: int) -> None:
        super().__init__()
        self._fd, self._failed = fd, False

    def writable(self) -> bool:
        return True

    def fileno(self) -> int:
        return self._fd

    def isatty(self) -> bool:
        return os.isatty(self._fd)

    def write(self, data) -> int:  # noqa: ANN001 - a bytes-like object
        if self._failed:
            return len(data)
        try:
            return os.write(self._fd, data)
        except OSError as exc:
            self._failed = True
            raise StdoutFailed(exc) from None


def prepare() -> None:
    """Set up the streams and signals as the module docstring says."""
    _stand_in(0, os.O_RDONLY)
    closed = _stand_in(1, os.O_RDONLY)  # read-only: writes fail with EBADF, like a closed fd
    if _stand_in(2, os.O_WRONLY):
        sys.stderr = open(2, "w", encoding="utf-8", closefd=False)  # noqa: SIM115
    if closed or sys.stdout is sys.__stdout__:
        sys.stdout = _wrap_stdout(sys.stdout)
    if hasattr(sys.stderr, "reconfigure"):
        sys.stderr.reconfigure(errors=ESCAPE)
    for name in STOPPING:
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), _stop)
    if hasattr(signal, "SIGXFSZ"):
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


def _wrap_stdout(current: object) -> io.TextIOWrapper:
    encoding = getattr(current, "encoding", None) or "utf-8"
    line_buffering = bool(getattr(current, "line_buffering", False))
    return io.TextIOWrapper(io.BufferedWriter(_Stdout(1)), encoding=encoding, errors=ESCAPE,
                            line_buffering=line_buffering)


def _stop(signum: int, frame: FrameType | None) -> None:
    """Raise Terminated; a second signal of the kind ends the process at once."""
    for name in STOPPING:
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), signal.SIG_DFL)
    raise Terminated(signum)


def blocked_signals() -> set[int | signal.Signals] | None:
    """Block the stopping signals and Ctrl-C for a moment (see `restore_signals`); for making
    a temporary file and noting its name without a signal in between."""
    if sys.platform == "win32":  # no signal mask to set
        return None
    wanted = {signal.SIGINT, *(getattr(signal, n) for n in STOPPING if hasattr(signal, n))}
    return signal.pthread_sigmask(signal.SIG_BLOCK, wanted)


def restore_signals(previous: set[int | signal.Signals] | None) -> None:
    """Undo `blocked_signals`; a signal that came meanwhile is handled now."""
    if sys.platform != "win32" and previous is not None:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def is_broken_pipe(error: StdoutFailed) -> bool:
    """Whether stdout failed because its reader went away (`| head`)."""
    return error.errno == errno.EPIPE
