"""`oncocheck criteria list|show|diff`, `explain` and `disciplines`: the criteria for people.

The commands find the versions (`rules.bundled`); the texts are rendered from their records
(`render.criteria`). `disciplines` reads the vocabulary (`criteria/vocabulary.yaml`) and one
criteria version: which criterion counts disciplines (1a), which asks for groups of them (1b)
and which counts the Verwijsgids Kanker (2a, with the version's own word on a profession where
it has one).
"""

from __future__ import annotations

import textwrap
from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from oncocheck.cli.faults import emit
from oncocheck.cli.options import (AsOfOption, Lang, LangOption, as_of_date,
                                   criteria_versions, criterion_ids, say)
from oncocheck.errors import UsageError
from oncocheck.load.visible import quoted
from oncocheck.load.words import did_you_mean
from oncocheck.report import CriteriaSetInfo, CriterionInfo, Text

if TYPE_CHECKING:
    from oncocheck.network.disciplines import Discipline
    from oncocheck.rules.model import RuleFile


LIST_HELP = say("De criteriaversies, met de datum vanaf wanneer ze gelden.",
                "The criteria versions, with the dates they are in force from.")
SHOW_HELP = say("Elk criterium van een versie: tekst, ernst, controle en wat te doen.",
                "Every criterion of a version: text, severity, check, what to do.")
DIFF_HELP = say("Wat er tussen twee criteriaversies veranderd is, per criterium.",
                "What changed between two criteria versions, criterion by criterion.")
DISCIPLINES_HELP = say(
    "Alle disciplines die oncocheck kent, en wat elk telt.\n\nPer discipline de naam, de id en "
    "andere schrijfwijzen, en wat ze telt voor 1a, 1b en 2a (de Verwijsgids Kanker) in de "
    "criteriaversie.", "Every discipline oncocheck knows, and what each counts for.\n\nFor each "
    "discipline its name, id and other spellings, and what it counts for in 1a, 1b and 2a (the "
    "Verwijsgids Kanker) under the criteria version.")
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


_HEAD = Text(
    "Disciplines die een netwerkbestand mag noemen ({label}). Schrijf de naam, de id of een "
    "andere schrijfwijze; hoofdletters, accenten, spaties en streepjes maken niet uit.",
    "Disciplines a network file may name ({label}). Write the name, the id or another "
    "spelling; case, accents, spaces and hyphens do not matter.")
_WORDS = {
    "also": Text("ook", "also"), "counts": Text("telt mee", "counts"),
    "not_counted": Text("telt niet mee (geen beroep)", "does not count (no profession)"),
    "required": Text("vereist", "required"), "one_of": Text("een van: ", "one of: "),
    "yes": Text("staat erin", "listed"), "no": Text("staat er niet in", "not listed"),
    "unconfirmed": Text("niet bevestigd", "not confirmed"),
    "assumed": Text("aanname", "assumed"), "confirmed": Text("bevestigd", "confirmed"),
    "own": Text("volgens {label}", "as {label} has it"),
    "other": Text("noem het beroep bij `discipline_other`",
                  "name the profession in `discipline_other`")}


def disciplines(
    criteria: Annotated[Optional[str], typer.Option(
        "--criteria", metavar=say("SET[@VERSIE]", "SET[@VERSION]"),
        autocompletion=criteria_versions, help=say(
            "De criteriaversie voor wat een discipline telt (standaard: loppsoz, de versie "
            "die vandaag geldt, of op --as-of).", "The criteria version for what a discipline "
            "counts for (default: loppsoz, the version in force today, or on --as-of)."))] = None,
    as_of: AsOfOption = None,
    lang: LangOption = Lang.nl,
) -> None:
    """Every discipline of the vocabulary, and what it counts for under one criteria version."""
    from oncocheck.rules.bundled import find, vocabulary

    rule_file = find(criteria or "loppsoz", as_of_date(as_of) or date.today())
    emit(disciplines_text(vocabulary().disciplines, rule_file, str(lang)))


def disciplines_text(entries: list[Discipline], rule_file: RuleFile, lang: str) -> str:
    """One block per discipline: its name and id, its other spellings, and a line per
    criterion it counts for (`1a: telt mee`, `1b: vereist`, `2a: … staat erin (bevestigd)`)."""
    from oncocheck.network.disciplines import OTHER  # pydantic: not at start-up

    lines = [_fill(_HEAD.get(lang).format(label=rule_file.ref.label), ""), ""]
    for entry in entries:
        name = entry.written.get(lang)
        lines.append(f"{name}  (id: {entry.id})")
        spellings = dict.fromkeys(s for s in (entry.nl, entry.en, *entry.aliases)
                                  if s not in (name, entry.id))
        if spellings:
            lines.append(_fill(f"{_WORDS['also'].get(lang)}: {', '.join(spellings)}"))
        lines += [_fill(line) for line in _counts(entry, rule_file, lang)]
        if entry.id == OTHER:
            lines.append(_fill(_WORDS["other"].get(lang)))
    return "\n".join(lines) + "\n"


def _fill(text: str, indent: str = "  ") -> str:
    """`text` wrapped to 88 columns, never inside a word or at a hyphen."""
    return textwrap.fill(text, width=88, initial_indent=indent, subsequent_indent=indent * 2,
                         break_long_words=False, break_on_hyphens=False)


def _counts(entry: Discipline, rule_file: RuleFile, lang: str) -> list[str]:
    """What the discipline counts for, per criterion of the version that asks about it."""
    from oncocheck.checks.members import DistinctDisciplines, RequiredDisciplines
    from oncocheck.checks.verwijsgids import VerwijsgidsShare

    said = []
    for criterion in rule_file.criteria:
        check = criterion.check
        if isinstance(check, DistinctDisciplines):
            said.append(_WORDS["counts" if entry.counts else "not_counted"].get(lang))
        elif isinstance(check, RequiredDisciplines):
            group = next((g for g in check.groups if entry.id in g), None)
            if group is None:
                continue
            said.append(_WORDS["required"].get(lang) if len(group) == 1 else
                        _WORDS["one_of"].get(lang) + ", ".join(
                            check.label(i, lang) for i in group))
        elif isinstance(check, VerwijsgidsShare) and entry.counts:
            said.append(_verwijsgids(entry, check.represented.get(entry.id), rule_file, lang))
        else:
            continue
        said[-1] = f"{criterion.id}: {said[-1]}"
    return said


def _verwijsgids(entry: Discipline, own: str | None, rule_file: RuleFile, lang: str) -> str:
    """`Verwijsgids Kanker: staat erin (bevestigd)`: the version's own word, else the
    vocabulary's with what it rests on."""
    flag = own or entry.verwijsgids
    said = f"Verwijsgids Kanker: {_WORDS[flag].get(lang)}"
    if own is not None:
        return f"{said} ({_WORDS['own'].get(lang).format(label=rule_file.ref.label)})"
    if flag != "unconfirmed":
        said += f" ({_WORDS['assumed' if entry.verwijsgids_assumed else 'confirmed'].get(lang)})"
    return said
