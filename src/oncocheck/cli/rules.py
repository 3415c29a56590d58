"""`oncocheck criteria list|show|diff` and `oncocheck explain`: the criteria for people."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Annotated, Optional

import typer

from oncocheck.cli.deliver import emit
from oncocheck.cli.options import AsOfOption, Lang, LangOption, as_of_date


class DiffFormat(StrEnum):
    """Output of `criteria diff`."""

    console = "console"
    json = "json"


def criteria_list(as_of: AsOfOption = None, lang: LangOption = Lang.nl) -> None:
    """The bundled criteria sets and versions, with their in-force dates."""
    from oncocheck.render.rules import list_text

    emit(list_text(as_of_date(as_of) or date.today(), str(lang)))


def criteria_show(
    spec: Annotated[str, typer.Argument(metavar="SET[@VERSION]")] = "loppsoz",
    as_of: AsOfOption = None,
    lang: LangOption = Lang.nl,
) -> None:
    """Every criterion of a version: id, text, severity, check and remediation."""
    from oncocheck.render.rules import show_text

    emit(show_text(spec, as_of_date(as_of) or date.today(), str(lang)))


def criteria_diff(
    old: Annotated[str, typer.Argument(metavar="A", help="e.g. loppsoz@2021")],
    new: Annotated[str, typer.Argument(metavar="B", help="e.g. loppsoz@2024")],
    fmt: Annotated[DiffFormat, typer.Option("--format", "-f")] = DiffFormat.console,
    as_of: AsOfOption = None,
    lang: LangOption = Lang.nl,
) -> None:
    """What changed between two criteria versions, criterion by criterion."""
    from oncocheck.render.ruldiff import diff_json, diff_text
    from oncocheck.rules import bundled

    on = as_of_date(as_of) or date.today()
    a, b = bundled.find(old, on), bundled.find(new, on)
    emit(diff_json(a, b) if fmt is DiffFormat.json else diff_text(a, b, str(lang)))


def explain(
    criterion: Annotated[str, typer.Argument(metavar="ID", help="A criterion id, e.g. 2a.")],
    criteria: Annotated[Optional[str], typer.Option("--criteria",
                                                    metavar="SET[@VERSION]")] = None,
    as_of: AsOfOption = None,
    lang: LangOption = Lang.nl,
) -> None:
    """One criterion in full, with how oncocheck checks it."""
    from oncocheck.render.rules import explain_text

    emit(explain_text(criterion, criteria or "loppsoz", as_of_date(as_of) or date.today(),
                      str(lang)))
