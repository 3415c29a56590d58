"""The process's surroundings, and how a run that went wrong ends.

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

A run ends with one line on stderr and the documented exit code: 2 for a usage error (`usage`,
the one place a UsageError becomes an exit code, and `misused` for those Click finds while
parsing) and for a problem of the environment (stdout, file descriptors, a working folder that
was removed), 3 for out of memory and for a bug in oncocheck (a short message; `--debug` shows
the traceback of a bug), 128 + N after signal N, and 141 (the exit of a filter killed by
SIGPIPE) without a message when stdout's reader went away (`| head`).
"""

from __future__ import annotations

import codecs
import errno
import io
import json
import os
import signal
import sys
import traceback
from contextlib import suppress
from types import FrameType
from typing import NoReturn

from oncocheck.cli.options import STATE, chosen_lang
from oncocheck.errors import UsageError, out_of_memory
from oncocheck.wording import WORKING_FOLDER_GONE, os_reason, working_folder

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


def emit(text: str) -> None:
    """Write `text` to stdout now; a stdout that fails raises (`StdoutFailed`)."""
    sys.stdout.write(text)
    sys.stdout.flush()


def say(line: str) -> None:
    """One line on stderr; a stderr that fails too leaves nothing to tell it on."""
    with suppress(OSError, ValueError):
        sys.stderr.write(line + "\n")
        sys.stderr.flush()


OUT_OF_MEMORY = ("te weinig geheugen; controleer minder of kleinere bestanden tegelijk, of "
                 "gebruik minder --jobs", "out of memory; check fewer or smaller files at a "
                 "time, or use fewer --jobs")
_STOPPED = ("gestopt door {}", "stopped by {}")
_DESCRIPTORS = ("te weinig bestandsdescriptors ({}); verhoog de limiet (ulimit -n) of gebruik "
                "minder --jobs", "too few file descriptors ({}); raise the limit (ulimit -n) "
                "or use fewer --jobs")


def end(exc: BaseException, lang: str) -> bool:
    """Exit as the module says for `exc`; True (not exiting) when it means out of memory."""
    if isinstance(exc, StdoutFailed):
        if exc.errno == errno.EPIPE:  # the quiet end of a filter whose reader has had enough
            sys.exit(141)
        say(line(lang, _stdout_text(exc)))
        sys.exit(2)
    if isinstance(exc, Terminated):
        say(line(lang, _STOPPED, exc.args[0]))
        sys.exit(128 + exc.signum)
    if isinstance(exc, KeyboardInterrupt):
        sys.exit(130)
    if isinstance(exc, OSError) and exc.errno in (errno.EMFILE, errno.ENFILE):
        say(line(lang, _DESCRIPTORS, os_reason(exc).get(lang)))
        sys.exit(2)
    if isinstance(exc, FileNotFoundError) and working_folder() is None:
        say(line(lang, (WORKING_FOLDER_GONE.nl, WORKING_FOLDER_GONE.en)))
        sys.exit(2)  # a relative path met the removed working folder somewhere unforeseen
    if out_of_memory(exc):  # also a Rust panic in pydantic-core when an allocation failed
        return True
    _internal_error()


def usage(exc: UsageError, lang: str) -> NoReturn:
    """A command used wrongly: what to do instead, and exit 2."""
    say(line(lang, (exc.text.nl, exc.text.en)))
    sys.exit(2)


def misused(exc: Exception, args: list[str], lang: str) -> NoReturn:
    """A usage error found by Click (an unknown option, a missing argument, a value that is
    not one of the choices): in oncocheck's words, with the command's usage line, exit 2.
    Without arguments a group shows its help instead (Click's `no_args_is_help`)."""
    from oncocheck.cli import helptext as click_usage

    if isinstance(exc, click_usage.errors.NoArgsIsHelpError):
        exc.show()
        sys.exit(2)
    text = click_usage.message(exc, args)
    say(line(lang, (text.nl, text.en)))
    for extra in click_usage.hint(exc, lang):
        say(extra)
    sys.exit(2)


def line(lang: str, text: tuple[str, str], *values: str) -> str:
    """`oncocheck: fout: ...` in `lang`, with `values` filled in."""
    word = "fout" if lang != "en" else "error"
    chosen = text[lang == "en"]
    return f"oncocheck: {word}: {chosen.format(*values) if values else chosen}"


def _stdout_text(exc: StdoutFailed) -> tuple[str, str]:
    if exc.errno == errno.EBADF:
        return ("kan het rapport niet naar de standaarduitvoer schrijven: die is gesloten",
                "cannot write the report to standard output: it is closed")
    reason = os_reason(OSError(exc.errno, exc.reason))
    return (f"kan het rapport niet naar de standaarduitvoer schrijven ({reason.nl})",
            f"cannot write the report to standard output ({reason.en})")


def argv_lang() -> str:
    """The language of the run (`--lang`, else ONCOCHECK_LANG, else Dutch), for messages given
    before a command reads it; never an error, whatever ONCOCHECK_LANG holds."""
    return chosen_lang(sys.argv[1:], strict=False)


def _internal_error() -> NoReturn:
    if STATE["debug"]:
        traceback.print_exc()
    say("oncocheck: interne fout / internal error. Dit is een fout in oncocheck, niet in uw "
        "bestand; meld het met de opdracht die u gaf (zonder netwerkgegevens). Run again "
        "with --debug for the traceback.")
    sys.exit(3)
