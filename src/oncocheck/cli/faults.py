"""How a run that went wrong ends: one line on stderr and the documented exit code.

2 for a usage error (`usage`, the one place a UsageError becomes an exit code, and `misused`
for the usage errors Click finds while parsing) and for a problem of the environment (stdout,
file descriptors, a working folder that was removed), 3 for out of memory and for a bug in
oncocheck (a short message; `--debug` shows the traceback of a bug), 128 + N after signal N,
and 141 (the exit of a filter killed by SIGPIPE) without a message when stdout's reader went
away (`| head`).
"""

from __future__ import annotations

import errno
import sys
import traceback
from typing import NoReturn

from oncocheck.cli.deliver import say
from oncocheck.cli.options import STATE, chosen_lang
from oncocheck.cli.process import StdoutFailed, Terminated
from oncocheck.errors import UsageError
from oncocheck.run.memory import out_of_memory
from oncocheck.wording import WORKING_FOLDER_GONE, os_reason, working_folder

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
