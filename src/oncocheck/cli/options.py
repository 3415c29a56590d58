"""What the commands share: the options declared once, and what they remember for `main`.

`STATE` holds what `main` needs when a command ends in an error: the language the user asked
for (set as `--lang` is read) and whether `--debug` was given.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Optional

import typer

STATE = {"lang": "nl", "debug": False}


class Lang(StrEnum):
    """Language of texts for people."""

    nl = "nl"
    en = "en"


def say(nl: str, en: str) -> str:
    """A help text for people, written in both languages (`help=say("Nederlands", "English")`).

    Every command's and option's help goes through here, so `--help` can follow the language
    asked for (issue 14 makes it; for now this gives the English text)."""
    return en


def _remember(value: Lang) -> Lang:
    STATE["lang"] = value.value
    return value


class FailOn(StrEnum):
    """Which problems make `check` fail: criteria not met (`error`, the default), also warnings
    (`warning`), or only files that cannot be loaded (`invalid`, for networks in formation)."""

    error = "error"
    warning = "warning"
    invalid = "invalid"


LangOption = Annotated[Lang, typer.Option("--lang", callback=_remember,
                                          help="Language of texts for people.")]
AsOfOption = Annotated[Optional[str], typer.Option(
    "--as-of", metavar="YYYY-MM-DD", help="The day to judge on. Default: for check and "
    "impact each file's `submitted:` date, else today; for the other commands today.")]
JobsOption = Annotated[Optional[int], typer.Option(
    "--jobs", "-j", min=1, metavar="N", help="Check files in N processes (default: the "
    "number of cores; 1 checks in this process). The output is the same for any N.")]
OutputOption = Annotated[Optional[Path], typer.Option(
    "--output", "-o", help="Write the report here instead of stdout.")]
PathsArgument = Annotated[list[str], typer.Argument(
    help="Network files, or directories to search for *.yaml / *.yml.")]


def as_of_date(value: Optional[str]) -> date | None:
    """The --as-of date, written as in a network file (YYYY-MM-DD exactly); None when not
    given. UsageError for anything else."""
    from oncocheck.errors import UsageError
    from oncocheck.load.fields import iso_date
    from oncocheck.load.visible import quoted
    from oncocheck.report import Text

    if value is None:
        return None
    parsed = iso_date(value)
    if parsed is None:
        raise UsageError(Text(
            f"--as-of verwacht een datum als 2026-11-23 (JJJJ-MM-DD), niet {quoted(value)}",
            f"--as-of expects a date like 2026-11-23 (YYYY-MM-DD), not {quoted(value)}"))
    return parsed
