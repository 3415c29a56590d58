"""Renderers turn a `Report` into text; they never see the checker, the CLI or the files.

Each format is a module with `render(report: Report, lang: str) -> str`; a format whose size
grows with the batch (JSON) also has `chunks(report, lang)`, the same text in pieces, so a large
batch is written without being held whole. Modules are imported
only when their format is asked for, so heavy dependencies (jinja2) stay out of start-up.
"""

from __future__ import annotations

from collections.abc import Iterable
from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from oncocheck.report import FileResult, Report

FORMATS: dict[str, str] = {
    "console": "oncocheck.render.console",
    "json": "oncocheck.render.json",
    "junit": "oncocheck.render.junit",
    "sarif": "oncocheck.render.sarif",
    "github": "oncocheck.render.github",
    "html": "oncocheck.render.html",
    "markdown": "oncocheck.render.markdown",
}


def render(report: Report, fmt: str, lang: str) -> str:
    """The report as text in format `fmt` (a key of FORMATS) and language `lang`."""
    return import_module(FORMATS[fmt]).render(report, lang)


def chunks(report: Report, fmt: str, lang: str) -> Iterable[str]:
    """The same text as `render`, in pieces where the format can stream."""
    module = import_module(FORMATS[fmt])
    if hasattr(module, "chunks"):
        return module.chunks(report, lang)
    return (module.render(report, lang),)


def prepares(fmt: str) -> bool:
    """Whether format `fmt` has a part per file that can be made where the file is checked."""
    return hasattr(import_module(FORMATS[fmt]), "file_text")


def file_text(fmt: str, result: FileResult) -> str:
    """One file's part of format `fmt` (a format for which `prepares` is true)."""
    return import_module(FORMATS[fmt]).file_text(result)


IMPACT_FORMATS: dict[str, str] = {  # (temporary until the one registry lands)
    "console": "oncocheck.render.impact_console",
    "json": "oncocheck.render.impact_json",
    "html": "oncocheck.render.impact_html",
}


def render_impact(impact, fmt: str, lang: str) -> str:  # noqa: ANN001 - an Impact
    """The impact report as text in format `fmt`."""
    return import_module(IMPACT_FORMATS[fmt]).render(impact, lang)
