"""`oncocheck criteria list|show|diff` and `oncocheck explain`: the criteria for people.

The commands find the versions (`rules.bundled`); the texts are rendered from their records
(`render.criteria`).
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from oncocheck.cli.faults import emit
from oncocheck.cli.options import (AsOfOption, Lang, LangOption, as_of_date,
                                   criteria_versions, criterion_ids, say)

if TYPE_CHECKING:
    from oncocheck.report import CriteriaSetInfo, CriterionInfo


LIST_HELP = say("De criteriaversies, met de datum vanaf wanneer ze gelden.",
                "The criteria versions, with the dates they are in force from.")
SHOW_HELP = say("Elk criterium van een versie: tekst, ernst, controle en wat te doen.",
                "Every criterion of a version: text, severity, check, what to do.")
DIFF_HELP = say("Wat er tussen twee criteriaversies veranderd is, per criterium.",
                "What changed between two criteria versions, criterion by criterion.")
EXPLAIN_HELP = say("Eén criterium volledig, met hoe oncocheck het controleert.",
                   "One criterion in full, with how oncocheck checks it.")


class DiffFormat(StrEnum):
    """Output of `criteria diff`."""

    console = "console"
    json = "json"


def criteria_list(as_of: AsOfOption = None, lang: LangOption = Lang.nl) -> None:
    """The bundled criteria sets and versions, with their in-force dates."""
    from oncocheck.render.criteria import list_text
    from oncocheck.rules.bundled import bundled, in_force

    day = as_of_date(as_of) or date.today()
    sets = [r.info() for r in bundled()]
    current = [in_force(s, day).ref for s in dict.fromkeys(r.set for r in bundled())]
    emit(list_text(sets, current, day, str(lang)))


def criteria_show(
    spec: Annotated[str, typer.Argument(
        metavar=say("SET[@VERSIE]|BESTAND", "SET[@VERSION]|FILE"),
        autocompletion=criteria_versions, help=say(
            "De criteriaset of -versie, bv. loppsoz (de versie die vandaag geldt, of op "
            "--as-of) of loppsoz@2021, of een regelbestand (een concept met extends:).",
            "The criteria set or version, e.g. loppsoz (the version in force today, or on "
            "--as-of) or loppsoz@2021, or a rule file (a draft with extends:)."))] = "loppsoz",
    as_of: AsOfOption = None,
    lang: LangOption = Lang.nl,
) -> None:
    """Every criterion of a version: id, text, severity, check and remediation. For a draft
    (a rule file with `extends:`) the resolved version, marking what the draft changes."""
    from oncocheck.render.criteria import show_text
    from oncocheck.rules.bundled import find
    from oncocheck.rules.diff import diff

    rule_file = find(spec, as_of_date(as_of) or date.today())
    base = rule_file.extends
    if base is None:
        emit(show_text(rule_file.info(), str(lang)))
    else:
        emit(show_text(rule_file.info(), str(lang), base.info(), diff(base, rule_file)))


def criteria_diff(
    old: Annotated[str, typer.Argument(metavar="A", autocompletion=criteria_versions, help=say(
        "De oude versie, bv. loppsoz@2021.", "The old version, e.g. loppsoz@2021."))],
    new: Annotated[str, typer.Argument(metavar="B", autocompletion=criteria_versions, help=say(
        "De nieuwe versie, bv. loppsoz@2024.", "The new version, e.g. loppsoz@2024."))],
    fmt: Annotated[DiffFormat, typer.Option("--format", "-f", help=say(
        "Uitvoer: console (voor mensen) of json.", "Output: console (for people) or "
        "json."))] = DiffFormat.console,
    as_of: AsOfOption = None,
    lang: LangOption = Lang.nl,
) -> None:
    """What changed between two criteria versions, criterion by criterion."""
    from oncocheck.render.criteria import diff_json, diff_text
    from oncocheck.rules.bundled import find
    from oncocheck.rules.diff import diff

    day = as_of_date(as_of) or date.today()
    a, b = find(old, day), find(new, day)
    changes = diff(a, b)
    emit(diff_json(a.info(), b.info(), changes) if fmt is DiffFormat.json
         else diff_text(a.info(), b.info(), changes, str(lang)))


def explain(
    criterion: Annotated[str, typer.Argument(metavar="ID", autocompletion=criterion_ids, help=say(
        "Een criterium-id, bv. 2a.", "A criterion id, e.g. 2a."))],
    criteria: Annotated[Optional[str], typer.Option(
        "--criteria", metavar=say("SET[@VERSIE]", "SET[@VERSION]"), help=say(
            "De criteriaset of -versie (standaard: loppsoz, de versie die vandaag geldt, of "
            "op --as-of).", "The criteria set or version (default: loppsoz, the version in "
            "force today, or on --as-of)."))] = None,
    as_of: AsOfOption = None,
    lang: LangOption = Lang.nl,
) -> None:
    """One criterion in full, with how oncocheck checks it."""
    from oncocheck.render.criteria import explain_text

    info, found = _criterion(criterion, criteria or "loppsoz", as_of_date(as_of) or date.today())
    emit(explain_text(info, found, str(lang)))


def _criterion(criterion_id: str, spec: str, day: date) -> tuple[CriteriaSetInfo, CriterionInfo]:
    """The version meant by `spec` and its criterion `criterion_id` (any case, spaces
    around), as records; UsageError naming the ids there are when it has no such criterion."""
    from oncocheck.errors import UsageError
    from oncocheck.load.visible import quoted
    from oncocheck.load.words import did_you_mean
    from oncocheck.report import Text
    from oncocheck.rules.bundled import find

    rule_file = find(spec, day)
    found, info = rule_file.criterion(criterion_id), rule_file.info()
    if found is None:
        ids = [c.id for c in rule_file.criteria]
        nl_tail, en_tail = did_you_mean(criterion_id, ids)
        parts = [i for i in ids if criterion_id.strip().isdigit() and i.rstrip("abcdefgh")
                 == criterion_id.strip() and i != criterion_id.strip()]  # `2`: 2a and 2b
        if parts:
            listed = ", ".join(f"'oncocheck explain {i}'" for i in parts)
            nl_tail = f"; criterium {criterion_id.strip()} bestaat uit {' en '.join(parts)}: " \
                      f"{listed}"
            en_tail = f"; criterion {criterion_id.strip()} is {' and '.join(parts)}: {listed}"
        raise UsageError(Text(
            f"{rule_file.ref.label} heeft geen criterium {quoted(criterion_id)} (wel: "
            f"{', '.join(ids)}){nl_tail}",
            f"{rule_file.ref.label} has no criterion {quoted(criterion_id)} (it has: "
            f"{', '.join(ids)}){en_tail}"))
    shown = info.criterion(found.id)
    assert shown is not None  # the info lists every criterion of the version
    return info, shown
