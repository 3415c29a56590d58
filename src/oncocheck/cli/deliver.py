"""Where finished text goes: report files, an HTML site, GitHub's job summary, stdout.

Every target is rendered before anything is written, except formats that stream (JSON), which
are rendered while they are written; files first, then stdout, so a problem writing a file
(a usage error) leaves stdout untouched. When `$GITHUB_STEP_SUMMARY` names a file, the summary
(`oncocheck.render.markdown.step_summary`) is added at its end, never replacing what the step wrote
there before, and kept under GitHub's 1 MiB with what is there already; it is left out when a
report of this run already goes to that file.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from oncocheck.cli.faults import StdoutFailed, say
from oncocheck.cli.targets import STDOUT, Target
from oncocheck.cli.write import InputFiles, real_path, refuse_inputs, write_report, write_site
from oncocheck.load.visible import printable
from oncocheck.report import Report, Text

if TYPE_CHECKING:
    from rich.console import Console

SUMMARY_VARIABLE = "GITHUB_STEP_SUMMARY"


@dataclass(frozen=True)
class Output:
    """What a command can write: each format's text (in pieces), the console drawn on a
    terminal, and (for HTML of a batch) a site of pages."""

    text: Callable[[str], Iterable[str | bytes]]
    draw: Callable[[Console], None]
    site: Callable[[], Mapping[str, str]] | None = None


def record_output(record: Any, lang: str) -> Output:
    """The formats of an Impact or a Rounds record, as `deliver` writes them."""
    from oncocheck import render

    return Output(lambda fmt: (render.render(record, fmt, lang),),
                  lambda console: render.draw(record, lang, console))


def one_target(fmt: str, output: Path | None, inputs: list[Path]) -> Target:
    """`impact`'s and `rounds`' one report: `--output` (`-` or none: stdout), never an input."""
    target = Target(fmt, None if output is None or str(output) == STDOUT else output)
    if target.path is not None:
        refuse_inputs(target.path, inputs)
    return target


@dataclass(frozen=True)
class Written:
    """A report written where a person can open it: a file, or a site's index with `pages`
    network pages beside it."""

    fmt: str
    path: Path
    pages: int = 0


def deliver(output: Output, targets: list[Target], inputs: list[Path],
            appended: Iterable[tuple[Path, Callable[[], str]]] = ()) -> list[Written]:
    """Write every target: files, then sites, then what is `appended` to a file the user
    keeps (GitHub's job summary: that file and its text), then stdout; no path may be an
    input, and that is checked for all of them before anything is written. What was written
    to files (not to a stream, a device or a pipe) is returned, for `tell_written`."""
    files = [(t.fmt, t.path) for t in targets if t.path is not None and not t.site]
    sites = [(t.fmt, t.path, output.site()) for t in targets
             if t.site and t.path is not None and output.site is not None]
    appended = list(appended)
    known = InputFiles(inputs)
    paths = [(path, "$GITHUB_STEP_SUMMARY") for path, _ in appended]
    paths += [(path, "--output") for _, path in files]
    paths += [(folder / name, "--output") for _, folder, pages in sites for name in pages]
    for path, option in paths:
        refuse_inputs(path, known, option)
    written = []
    for fmt, path in files:
        if write_report(path, output.text(fmt)):
            written.append(Written(fmt, path))
    for fmt, folder, pages in sites:
        write_site(folder, pages)
        written.append(Written(fmt, folder / "index.html", len(pages) - 1))
    for path, text in appended:
        write_report(path, text(), append=True)
    try:
        for target in (t for t in targets if t.path is None):
            if target.fmt == "console":
                _console(output)
            else:
                for piece in output.text(target.fmt):
                    _stdout(piece)
        sys.stdout.flush()  # a full disk or a closed pipe shows here, not as a crash at exit
    except OSError as exc:  # a stdout that `faults.prepare` did not wrap (tests)
        raise StdoutFailed(exc) from exc
    return written


_NAMES: dict[str, str | Text] = {
    "html": "HTML", "json": "JSON", "junit": "JUnit", "sarif": "SARIF", "github": "GitHub",
    "markdown": "Markdown", "console": Text("tekst", "text")}


def tell_written(written: list[Written], report: Report, lang: str) -> None:
    """`oncocheck: rapport geschreven: rapport.html (HTML) — 1 bestand: 1 voldoet, ...` on
    stderr: what was written to files, where, and the verdicts; nothing when nothing was."""
    from oncocheck.render.words import summary_line

    if not written:
        return
    parts = []
    for done in written:
        name = _NAMES.get(done.fmt, done.fmt)
        name = name.get(lang) if isinstance(name, Text) else name
        if done.pages:
            name = _site(name, done.pages).get(lang)
        parts.append(f"{printable(str(done.path))} ({name})")
    head = Text("rapport geschreven" if len(parts) == 1 else "rapporten geschreven",
                "report written" if len(parts) == 1 else "reports written").get(lang)
    say(f"oncocheck: {head}: {', '.join(parts)} — {summary_line(report, lang)}")


def _site(name: str, pages: int) -> Text:
    if pages == 1:
        return Text(f"{name}-site met 1 netwerkpagina", f"{name} site with 1 network page")
    return Text(f"{name}-site met {pages} netwerkpagina's",
                f"{name} site with {pages} network pages")


def _stdout(piece: str | bytes) -> None:
    """Write text, or the bytes of a binary format (`cli.targets` keeps those off a terminal),
    to stdout, after what is written there so far."""
    if isinstance(piece, str):
        sys.stdout.write(piece)
        return
    sys.stdout.flush()
    sys.stdout.buffer.write(piece)


def _console(output: Output) -> None:
    """A console report: drawn by rich (coloured) on a terminal, else written as plain text
    (rich's console is only imported where rich might find a terminal: its own test)."""
    if {"FORCE_COLOR", "TTY_COMPATIBLE"} & os.environ.keys() or sys.stdout.isatty():
        from rich.console import Console

        console = Console(highlight=False)
        if console.is_terminal:
            output.draw(console)
            return
    for piece in output.text("console"):
        _stdout(piece)


def named_inputs(briefs: Iterable[Any], targets: list[Target]) -> list[Path]:
    """The spreadsheets and documents the checked files name (from their briefs): inputs too,
    so no report may replace one (UsageError)."""
    named = [Path(p) for p in dict.fromkeys(p for brief in briefs for p in brief.references)]
    for target in targets:
        if target.path is not None and not target.site:
            refuse_inputs(target.path, named)
    return named


def step_summary(report: Report, lang: str,
                 targets: Sequence[Target]) -> list[tuple[Path, Callable[[], str]]]:
    """What to add to GitHub's job summary file: none, or that file with its text (made
    when it is written, to fit the room the file has left)."""
    value = os.environ.get(SUMMARY_VARIABLE, "")
    if not value.strip():
        return []
    path = Path(value)
    if any(t.path is not None and real_path(t.path) == real_path(path) for t in targets):
        return []
    return [(path, lambda: _summary_text(report, lang, path))]


def _summary_text(report: Report, lang: str, path: Path) -> str:
    from oncocheck.render import markdown as summary

    try:
        used = path.stat().st_size if path.is_file() else 0
    except OSError:
        used = 0
    return summary.step_summary(report, lang, max(summary.LIMIT - summary.MARGIN - used, 0))
