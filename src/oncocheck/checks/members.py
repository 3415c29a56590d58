"""Check kinds about who the members are: criteria 1a and 1b."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar, Literal

from pydantic import Field, ValidationInfo, field_validator

from oncocheck.checks.base import Check, CheckContext, Outcome
from oncocheck.load.fields import Count, fail
from oncocheck.load.visible import quoted
from oncocheck.network.disciplines import Vocabulary
from oncocheck.network.model import LISTED
from oncocheck.report import Status, Text
from oncocheck.wording import counted, listed


def known_ids(ids: list[str], info: ValidationInfo) -> list[str]:
    """Reject discipline ids the vocabulary does not have (rule files are data, checked early)."""
    vocabulary: Vocabulary | None = (info.context or {}).get("vocabulary")
    unknown = [i for i in ids if vocabulary is not None and i not in vocabulary.ids]
    if unknown and vocabulary is not None:
        near = [quoted(d.id) for d in vocabulary.nearest(unknown[0])]  # a rule file names ids
        nl = f"; bedoelt u {listed(near, 'of')}?" if near else ""
        en = f"; did you mean {listed(near, 'or')}?" if near else ""
        raise fail(f"onbekende discipline-id {quoted(unknown[0])}{nl}{LISTED.nl}",
                   f"unknown discipline id {quoted(unknown[0])}{en}{LISTED.en}")
    return ids


def _labels(ctx: CheckContext, ids: list[str], lang: str) -> str:
    names = []
    for key in ids:
        entry = ctx.vocabulary.resolve(key)
        names.append(entry.label.get(lang) if entry and entry.id == key else key)
    return ", ".join(names)


def _named(ctx: CheckContext, ids: list[str]) -> Text:
    """Discipline ids as the file's members table names them (`diëtist, fysiotherapeut`), for
    the working; an id no member has, as written (a group of several, `psycholoog / poh_ggz`)."""
    last = {view.discipline.id: view for view in ctx.members}  # the last member names an id
    known = {i: view.label for i, view in last.items()}
    nl, en = (", ".join(known[i].get(lang) if i in known else i.replace("_", " ") for i in ids)
              for lang in ("nl", "en"))
    return Text(nl, en)


def _article(label: str, lang: str) -> str:
    if lang != "en":
        return f"een {label}"
    return f"an {label}" if label[:1].lower() in "aeiou" else f"a {label}"


class DistinctDisciplines(Check):
    """At least `minimum` different disciplines among the members (criterion 1a)."""

    HOW: ClassVar[Text] = Text(
        "Telt hoeveel verschillende disciplines de leden hebben. Elk beroep telt één keer; een "
        "subspecialisatie telt als haar beroep (een oncologiefysiotherapeut als "
        "fysiotherapeut); een lid met discipline `anders` telt met wat er bij "
        "`discipline_other` staat. Organisaties en ervaringsdeskundigen tellen niet mee. Welke "
        "disciplines er zijn en wat elk telt: `oncocheck disciplines`.",
        "Counts the different disciplines among the members. Each profession counts once; a "
        "sub-specialisation counts as its profession (an oncology physiotherapist as a "
        "physiotherapist); a member of discipline `anders` counts by what `discipline_other` "
        "says. Organisations and experts by experience do not count. Which disciplines exist "
        "and what each counts for: `oncocheck disciplines`.")

    kind: Literal["distinct_disciplines"]
    minimum: Count = Field(ge=1)

    def describe(self) -> Text:
        """`minstens 5 verschillende disciplines onder de leden`."""
        return Text(f"minstens {self.minimum} verschillende disciplines onder de leden",
                    f"at least {self.minimum} different disciplines among the members")

    def evaluate(self, ctx: CheckContext) -> Outcome:
        """Count distinct counting disciplines."""
        found = sorted({m.key for m in ctx.members if m.key is not None})
        status = Status.MET if len(found) >= self.minimum else Status.NOT_MET
        message = Text(
            f"{counted(len(found), 'discipline', 'verschillende disciplines')} (minstens "
            f"{self.minimum} vereist)" + (f": {_labels(ctx, found, 'nl')}" if found else ""),
            f"{counted(len(found), 'discipline', 'different disciplines')} (at least "
            f"{self.minimum} required)" + (f": {_labels(ctx, found, 'en')}" if found else ""),
        )
        observed = {"count": len(found), "minimum": self.minimum, "disciplines": found}
        more = self.minimum - len(found)
        todo = None if more <= 0 else Text(
            f"neem leden op van nog {counted(more, 'andere discipline', 'andere disciplines')} "
            f"(`discipline`), zodat er {self.minimum} verschillende zijn",
            f"add members of {counted(more, 'more discipline', 'more disciplines')} "
            f"(`discipline`), to make {self.minimum} different ones")
        count, minimum = str(len(found)), str(self.minimum)
        return Outcome(status, message, "members", observed, todo, working=(
            ("count", Text(count, count)), ("minimum", Text(minimum, minimum)),
            ("disciplines", _named(ctx, found))))


class RequiredDisciplines(Check):
    """Each group must have at least one member; a group lists the disciplines that satisfy it
    (any of them), e.g. the psychosocial group for 1b."""

    HOW: ClassVar[Text] = Text(
        "Elke groep moet minstens één lid hebben. Een groep noemt de disciplines die haar "
        "vervullen; een lid van één daarvan is genoeg. Een subspecialisatie telt als haar "
        "beroep.",
        "Each group needs at least one member. A group names the disciplines that fulfil it; "
        "a member of any one of them is enough. A sub-specialisation counts as its profession.")

    kind: Literal["required_disciplines"]
    groups: list[list[str]] = Field(min_length=1)

    @field_validator("groups")
    @classmethod
    def _known(cls, groups: list[list[str]], info: ValidationInfo) -> list[list[str]]:
        for group in groups:
            known_ids(group, info)
        return groups

    def describe(self) -> Text:
        """`onder de leden: een fysiotherapeut, een diëtist en een van: …`."""
        return Text(f"onder de leden: {_groups(self.groups, 'nl', self.label)}",
                    f"among the members: {_groups(self.groups, 'en', self.label)}")

    def evaluate(self, ctx: CheckContext) -> Outcome:
        """Find the groups without any member."""
        present = {m.discipline.id for m in ctx.members}
        missing = [g for g in self.groups if not present.intersection(g)]
        found = sorted(present.intersection(i for g in self.groups for i in g))
        observed = {"present": found, "missing": [" / ".join(g) for g in missing]}
        working = (("present", _named(ctx, found)), ("missing", _named(ctx, observed["missing"])))
        if not missing:
            return Outcome(Status.MET, Text(
                f"aanwezig: {_labels(ctx, found, 'nl')}",
                f"present: {_labels(ctx, found, 'en')}"), "members", observed, working=working)
        def label(key: str, lang: str) -> str:
            return _labels(ctx, [key], lang)

        nl, en = _groups(missing, "nl", label), _groups(missing, "en", label)
        return Outcome(Status.NOT_MET, Text(f"ontbreekt: {nl}", f"missing: {en}"), "members",
                       observed, Text(f"neem als lid op: {nl}", f"add as a member: {en}"),
                       working)


def _group(group: list[str], lang: str, label: Callable[[str, str], str]) -> str:
    """`een diëtist`, or `een van: psycholoog, … of POH-GGZ`."""
    labels = [label(i, lang) for i in group]
    if len(labels) == 1:
        return _article(labels[0], lang)
    one_of, last = ("one of", "or") if lang == "en" else ("een van", "of")
    return f"{one_of}: {listed(labels, last)}"


def _groups(groups: list[list[str]], lang: str, label: Callable[[str, str], str]) -> str:
    """The groups as a sentence lists them: `een fysiotherapeut, een diëtist en een van: …`."""
    return listed([_group(g, lang, label) for g in groups], "and" if lang == "en" else "en")
