"""Where finished text goes: report files, an HTML site, stdout; and one-line messages.

Every target is rendered before anything is written, except formats that stream (JSON), which
are rendered while they are written; files first, then stdout, so a problem writing a file
(a usage error) leaves stdout untouched.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from oncocheck.cli.inputs import refuse_inputs
from oncocheck.cli.process import StdoutFailed
from oncocheck.cli.targets import Target
from oncocheck.cli.write import append_report, write_report, write_site

if TYPE_CHECKING:
    from rich.console import Console


def emit(text: str) -> None:
    """Write `text` to stdout now; a stdout that fails raises (see `oncocheck.cli.process`)."""
    sys.stdout.write(text)
    sys.stdout.flush()


def say(line: str) -> None:
    """One line on stderr; a stderr that fails too leaves nothing to tell it on."""
    with suppress(OSError, ValueError):
        sys.stderr.write(line + "\n")
        sys.stderr.flush()


@dataclass(frozen=True)
class Output:
    """What a command can write: each format's text (in pieces), the console drawn on a
    terminal, and (for HTML of a batch) a site of pages."""

    text: Callable[[str], Iterable[str] | Iterable[bytes]]
    draw: Callable[[Console], None]
    site: Callable[[], dict[str, str]] | None = None


def deliver(output: Output, targets: list[Target], inputs: list[Path],
            appended: Iterable[tuple[Path, Callable[[], str]]] = ()) -> None:
    """Write every target: files, then sites, then what is `appended` to a file the user
    keeps (GitHub's job summary: that file and its text, `append_report`), then stdout."""
    files = [(t.path, output.text(t.fmt)) for t in targets if t.path is not None and not t.site]
    sites = [(t.path, output.site()) for t in targets if t.site and output.site is not None]
    appended = list(appended)
    for path, _ in appended:
        refuse_inputs(path, inputs, option="$GITHUB_STEP_SUMMARY")
    for path, content in files:
        write_report(path, content)
    for path, pages in sites:
        write_site(path, pages, inputs)
    for path, text in appended:
        append_report(path, text())
    try:
        for target in (t for t in targets if t.path is None):
            if target.fmt == "console":
                _console(output)
            else:
                for piece in output.text(target.fmt):
                    _stdout(piece)
        sys.stdout.flush()  # a full disk or a closed pipe shows here, not as a crash at exit
    except OSError as exc:  # a stdout that `process.prepare` did not wrap (tests)
        raise StdoutFailed(exc) from exc


def _stdout(piece: str | bytes) -> None:
    """Write text, or the bytes of a binary format (`cli.binary` keeps those off a terminal),
    to stdout, after what is written there so far."""
    if isinstance(piece, str):
        sys.stdout.write(piece)
        return
    sys.stdout.flush()
    sys.stdout.buffer.write(piece)


def _console(output: Output) -> None:
    """A console report: drawn by rich (coloured) on a terminal, else written as plain text."""
    from rich.console import Console

    console = Console(highlight=False)
    if console.is_terminal:
        output.draw(console)
    else:
        sys.stdout.write("".join(output.text("console")))


def named_inputs(briefs: Iterable[Any], targets: list[Target]) -> list[Path]:
    """The spreadsheets and documents the checked files name (from their briefs): inputs too,
    so no report may replace one (UsageError)."""
    named = [Path(p) for p in dict.fromkeys(p for brief in briefs for p in brief.references)]
    for target in targets:
        if target.path is not None and not target.site:
            refuse_inputs(target.path, named)
    return named
