"""Renderers turn records (a check `Report`, an `Impact`, a `Rounds`) into text; they never see
the checker, the CLI or the files. This module is the one registry of report kinds and formats.

A kind is the command that makes its record (`check`, `impact`, `rounds`); each of its formats
is a function `f(record, lang) -> str` (`-> bytes` for a binary format, the workbook). Every
kind has a `console` format, whose module also has `draw(record, lang, console)` for a
terminal. A function is imported only when its format is asked for, so heavy dependencies
(jinja2, rich) stay out of start-up. A new format is one function and one line in `KINDS`;
the command line, the tests and the golden files take it from there.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Console

    from oncocheck.report import Report


@dataclass(frozen=True, slots=True)
class Format:
    """A format of one kind: the function that renders it and the suffix of its file."""

    module: str  # in oncocheck.render
    suffix: str
    function: str = "render"
    #: bytes for a file (the register workbook), never text for a terminal
    binary: bool = False
    #: a function of the module giving the same text in pieces, one file at a time, so a
    #: batch of thousands is written without its whole text in memory (the JSON report)
    pieces: str | None = None
    #: the function takes `quiet` (`-q`: only the problems) and `debug` (`--debug`: the YAML
    #: parser's own words on a syntax error) after `lang`, and so does its module's `draw`
    options: bool = False


#: kind -> format -> Format, the formats in the order help texts list them.
KINDS: dict[str, dict[str, Format]] = {
    "check": {
        "console": Format("console", "txt", options=True),
        "json": Format("json", "json", pieces="chunks"),
        "junit": Format("junit", "xml"),
        "sarif": Format("sarif", "sarif"),
        "github": Format("github", "txt"),
        "codequality": Format("places", "json", "codequality"),
        "html": Format("html", "html"),
        "markdown": Format("markdown", "md"),
        "csv": Format("register", "csv"),
        "xlsx": Format("register_xlsx", "xlsx", binary=True),
    },
    "impact": {
        "console": Format("impact", "txt"),
        "json": Format("impact", "json", "json_text"),
        "html": Format("impact", "html", "page"),
    },
    "rounds": {
        "console": Format("rounds", "txt"),
        "json": Format("rounds", "json", "json_text"),
        "html": Format("rounds", "html", "page"),
        "markdown": Format("rounds", "md", "markdown"),
    },
}
#: The kind of report each record is (by its class), so `render` needs no kind argument.
_KIND_OF = {"Report": "check", "Impact": "impact", "Rounds": "rounds"}


def formats_of(kind: str) -> tuple[str, ...]:
    """The formats of `kind` (`check --format`, `impact --format`, `rounds --format`)."""
    return tuple(KINDS[kind])


def _function(kind: str, fmt: str, name: str | None = None) -> Callable[..., Any]:
    entry = KINDS[kind][fmt]
    return getattr(import_module(f"oncocheck.render.{entry.module}"), name or entry.function)


def _options(kind: str, fmt: str, quiet: bool, debug: bool) -> dict[str, bool]:
    return {"quiet": quiet, "debug": debug} if KINDS[kind][fmt].options else {}


def render(record: Any, fmt: str, lang: str, quiet: bool = False,
           debug: bool = False) -> str | bytes:
    """The record (a Report, Impact or Rounds) in format `fmt` of its kind and language `lang`:
    text, or bytes for a binary format. `quiet` and `debug` reach the formats that take them."""
    kind = _KIND_OF[type(record).__name__]
    return _function(kind, fmt)(record, lang, **_options(kind, fmt, quiet, debug))


def pieces(record: Any, fmt: str, lang: str, quiet: bool = False,
           debug: bool = False) -> Iterable[str | bytes]:
    """The same as `render`, in pieces where the format writes them one file at a time."""
    kind = _KIND_OF[type(record).__name__]
    name = KINDS[kind][fmt].pieces
    if name is None:
        return (render(record, fmt, lang, quiet, debug),)
    return _function(kind, fmt, name)(record, lang)


def draw(record: Any, lang: str, console: Console, quiet: bool = False,
         debug: bool = False) -> None:
    """Print the record's console format on a rich `console` (coloured on a terminal)."""
    kind = _KIND_OF[type(record).__name__]
    _function(kind, "console", "draw")(record, lang, console,
                                       **_options(kind, "console", quiet, debug))


def site(report: Report, lang: str) -> Mapping[str, str]:
    """The HTML report as a site: relative file name -> page (`index.html` and one page per
    network, linked both ways)."""
    return import_module("oncocheck.render.html").Site(report, lang)


#: The published JSON Schemas of the JSON reports, shipped beside their renderers (`oncocheck
#: schema`). Each report names its schema's version (`schema_version`): within a version keys
#: may be added; a key removed or changed in meaning is a new version, in the renderer's
#: `SCHEMA_VERSION` and the schema's `schema_version` constant alike (a test holds them
#: together, and validates every JSON report the test suite makes).
REPORT, IMPACT, ROUNDS = "report.schema.json", "impact.schema.json", "rounds.schema.json"


def schema_text(name: str) -> str:
    """The text of one of the schemas (REPORT, IMPACT or ROUNDS), as the package ships it."""
    from importlib.resources import files

    return files("oncocheck.render").joinpath(name).read_text(encoding="utf-8")


def is_binary(fmt: str, kind: str = "check") -> bool:
    """Whether format `fmt` is bytes for a file rather than text (it never goes to a
    terminal)."""
    return KINDS[kind][fmt].binary
