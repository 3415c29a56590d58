"""Renderers turn records (a check `Report`, an `Impact`, criteria info) into text; they
never see the checker, the CLI or the files. This module is the one registry of formats.

Each report format is a module with `render(report, lang) -> str` (`-> bytes` for a binary
format: a file, such as a workbook, never text for a terminal); its `Format` entry says what
else it offers. Impact formats have `render(impact, lang) -> str`, rounds formats
`render(rounds, lang) -> str`. A module is imported only when its format is asked for, so heavy
dependencies (jinja2, rich) stay out of start-up. A new format is one module and one line in
`_REPORTS`, `_IMPACTS` or `_ROUNDS`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import import_module
from types import ModuleType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console

    from oncocheck.analysis.impact import Impact
    from oncocheck.analysis.rounds import Rounds
    from oncocheck.report import FileResult, Report


@dataclass(frozen=True, slots=True)
class Format:
    """A report format: its module, and what the module offers beside `render`."""

    module: str
    #: `chunks(report, lang)`: the same text in pieces, one file at a time, so a batch of
    #: any size is written without being held whole
    streams: bool = False
    #: `file_text(result)`: one file's part, made where the file is checked (the workers)
    prepares: bool = False
    #: `render(report, lang, quiet)` and `draw(report, lang, console, quiet)`: the terminal
    #: report, which can show only the problems
    terminal: bool = False
    #: `render(report, lang) -> bytes`: a file (the register workbook), not text; it may go
    #: to a file or a pipe, never to a terminal
    binary: bool = False


_REPORTS: dict[str, Format] = {
    "console": Format("oncocheck.render.console", terminal=True),
    "json": Format("oncocheck.render.json", streams=True, prepares=True),
    "junit": Format("oncocheck.render.junit"),
    "sarif": Format("oncocheck.render.sarif"),
    "github": Format("oncocheck.render.github"),
    "codequality": Format("oncocheck.render.codequality"),
    "html": Format("oncocheck.render.html"),
    "markdown": Format("oncocheck.render.markdown"),
    "csv": Format("oncocheck.render.register_csv", streams=True),
    "xlsx": Format("oncocheck.render.register_xlsx", binary=True),
}
_IMPACTS: dict[str, str] = {
    "console": "oncocheck.render.impact_console",
    "json": "oncocheck.render.impact_json",
    "html": "oncocheck.render.impact_html",
}
_ROUNDS: dict[str, str] = {
    "console": "oncocheck.render.rounds_console",
    "json": "oncocheck.render.rounds_json",
    "html": "oncocheck.render.rounds_html",
    "markdown": "oncocheck.render.rounds_markdown",
}

#: The formats of `check --format`, in the order help texts list them.
REPORT_FORMATS = tuple(_REPORTS)
#: The formats of `impact --format`.
IMPACT_FORMATS = tuple(_IMPACTS)
#: The formats of `rounds --format`.
ROUNDS_FORMATS = tuple(_ROUNDS)


def _module(fmt: str) -> ModuleType:
    return import_module(_REPORTS[fmt].module)


def render(report: Report, fmt: str, lang: str, quiet: bool = False,
           debug: bool = False) -> str | bytes:
    """The report as text in format `fmt` (one of REPORT_FORMATS) and language `lang`, or as
    bytes for a binary format; `quiet` (the console's `-q`) leaves out what is met, and `debug`
    (`--debug`) adds the YAML parser's own words to a syntax error, in the terminal format
    only."""
    if _REPORTS[fmt].terminal:
        return _module(fmt).render(report, lang, quiet, debug)
    return _module(fmt).render(report, lang)


def chunks(report: Report, fmt: str, lang: str, quiet: bool = False,
           debug: bool = False) -> Iterable[str] | Iterable[bytes]:
    """The same text (or bytes) as `render`, in pieces where the format streams."""
    if _REPORTS[fmt].streams:
        return _module(fmt).chunks(report, lang)
    whole = render(report, fmt, lang, quiet, debug)
    return (whole,) if isinstance(whole, str) else (whole,)  # one piece, of text or bytes


def draw(report: Report, lang: str, console: Console, quiet: bool = False,
         debug: bool = False) -> None:
    """Print the terminal report on a rich `console` (coloured on a terminal)."""
    import_module(_REPORTS["console"].module).draw(report, lang, console, quiet, debug)


def site(report: Report, lang: str) -> Mapping[str, str]:
    """The HTML report as a site: relative file name -> page (`index.html` and one page per
    network, linked both ways)."""
    return import_module(_REPORTS["html"].module).render_site(report, lang)


def is_binary(fmt: str) -> bool:
    """Whether format `fmt` is bytes for a file rather than text (it never goes to a
    terminal)."""
    return _REPORTS[fmt].binary


def prepares(fmt: str) -> bool:
    """Whether format `fmt` has a part per file that can be made where the file is checked."""
    return _REPORTS[fmt].prepares


def file_text(fmt: str, result: FileResult) -> str:
    """One file's part of format `fmt` (a format for which `prepares` is true)."""
    return _module(fmt).file_text(result)


def render_impact(impact: Impact, fmt: str, lang: str) -> str:
    """The impact report as text in format `fmt` (one of IMPACT_FORMATS)."""
    return import_module(_IMPACTS[fmt]).render(impact, lang)


def draw_impact(impact: Impact, lang: str, console: Console) -> None:
    """Print the impact report on a rich `console` (coloured on a terminal)."""
    import_module(_IMPACTS["console"]).draw(impact, lang, console)


def render_rounds(rounds: Rounds, fmt: str, lang: str) -> str:
    """The rounds report as text in format `fmt` (one of ROUNDS_FORMATS)."""
    return import_module(_ROUNDS[fmt]).render(rounds, lang)


def draw_rounds(rounds: Rounds, lang: str, console: Console) -> None:
    """Print the rounds report on a rich `console` (coloured on a terminal)."""
    import_module(_ROUNDS["console"]).draw(rounds, lang, console)
