"""`oncocheck disciplines`: every discipline a network file may name, and what it counts for.

Read from the vocabulary (`criteria/vocabulary.yaml`) and one criteria version: which
criterion counts disciplines (1a), which asks for groups of them (1b) and which counts the
Verwijsgids Kanker (2a, with the version's own word on a profession where it has one).
"""

from __future__ import annotations

import textwrap
from datetime import date
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from oncocheck.cli.faults import emit
from oncocheck.cli.options import (AsOfOption, Lang, LangOption, as_of_date,
                                   criteria_versions, say)
from oncocheck.report import Text

if TYPE_CHECKING:
    from oncocheck.network.disciplines import Discipline
    from oncocheck.rules.model import RuleFile

HELP = say("Alle disciplines die oncocheck kent, en wat elk telt.\n\nPer discipline de naam, "
           "de id en andere schrijfwijzen, en wat ze telt voor 1a, 1b en 2a (de Verwijsgids "
           "Kanker) in de criteriaversie.", "Every discipline oncocheck knows, and what each "
           "counts for.\n\nFor each discipline its name, id and other spellings, and what it "
           "counts for in 1a, 1b and 2a (the Verwijsgids Kanker) under the criteria version.")

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
    """Every discipline of the vocabulary: id, name, other spellings, and what it counts for
    under one criteria version."""
    from oncocheck.rules.bundled import find, vocabulary

    rule_file = find(criteria or "loppsoz", as_of_date(as_of) or date.today())
    emit(listing(vocabulary().disciplines, rule_file, str(lang)))


def listing(entries: list[Discipline], rule_file: RuleFile, lang: str) -> str:
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
