"""What the terminal reports (`check`, `impact`, `rounds`) draw with: coloured status and
verdict cells, tables of one style, titles and headings, text kept on one line, and the plain
console used off a terminal.

Status is always a word and a symbol, never colour alone. On a terminal rich adds colour (and
honours NO_COLOR); elsewhere the same layout is plain text, 120 columns wide. The check report
off a terminal (a pipe, a file, the most common run) prints on `plain.Plain` instead of rich's
console: the same bytes, without the import and the machinery that cost a one-file check a
tenth of its time.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from oncocheck.render.plain import Plain, PlainTable, PlainText
from oncocheck.render.words import STATUS_SYMBOL, VERDICT_SYMBOL, words
from oncocheck.report import Status, Verdict

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table

COLOURS = {Status.MET: "green", Status.NOT_MET: "red", Status.MISSING: "yellow",
           Verdict.COMPLIANT: "bold green", Verdict.NOT_COMPLIANT: "bold red",
           Verdict.INVALID: "bold magenta"}


def kit(console: Any) -> tuple[Any, Callable[[], Any]]:
    """The text class and the `table` maker that print on `console`: rich's, or on `Plain`
    its own (rich's Text and Table as far as the reports use them)."""
    if isinstance(console, Plain):
        return PlainText, PlainTable
    from rich.text import Text

    return Text, table


def status_cell(status: Status, lang: str, console: Any) -> Any:
    """`✔ voldaan` in the status colour, in `console`'s kind of text."""
    text, _ = kit(console)
    return text(f"{STATUS_SYMBOL[status]} {words(lang)[status.value]}", style=COLOURS[status])


def verdict_cell(verdict: Verdict, lang: str, console: Any) -> Any:
    """`✘ VOLDOET NIET` in the verdict colour, in `console`'s kind of text."""
    text, _ = kit(console)
    return text(f"{VERDICT_SYMBOL[verdict]} {words(lang).upper(verdict.value)}",
                style=COLOURS[verdict])


def table(*columns: str) -> Table:
    """A table in the reports' style (no outer edge, bold heads) with these columns."""
    from rich.table import Table

    new = Table(show_edge=False, pad_edge=False, header_style="bold")
    for name in columns:
        new.add_column(name)
    return new


def title(console: Console, text: str) -> None:
    """A report's first line, in bold, as written (no markup, never broken)."""
    console.print(text, style="bold", markup=False, highlight=False, soft_wrap=True)


def heading(console: Console, text: str) -> None:
    """A section's heading: a blank line, then the heading in bold, as written."""
    console.print()
    console.print(text, style="bold", markup=False, highlight=False)


def one_line(text: str) -> str:
    """A message on one console line: a line break in it (from a multi-line input text) would
    start a line of its own, which a CI log may read as a command."""
    return " ".join(text.splitlines()) if "\n" in text or "\r" in text else text


def plain_text(draw: Callable[[Console], None]) -> str:
    """What `draw` prints, as plain text (no colour), 120 columns wide."""
    from rich.console import Console

    buffer = io.StringIO()
    # soft_wrap: a long line is not broken, so no text from a file can start a line of its
    # own (in a CI log a line "::error::..." is a command); tables still fit 120 columns
    draw(Console(file=buffer, width=120, no_color=True, color_system=None, soft_wrap=True,
                 force_terminal=False, highlight=False))
    return buffer.getvalue()
