"""Check kinds about who the members are: criteria 1a and 1b."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, ValidationInfo, field_validator

from oncocheck.checks.base import Check, CheckContext, Outcome
from oncocheck.load.fields import Count, fail
from oncocheck.network.disciplines import Vocabulary
from oncocheck.report import Status, Text


def known_ids(ids: list[str], info: ValidationInfo) -> list[str]:
    """Reject discipline ids the vocabulary does not have (rule files are data, checked early)."""
    vocabulary: Vocabulary | None = (info.context or {}).get("vocabulary")
    unknown = [i for i in ids if vocabulary is not None and i not in vocabulary.ids]
    if unknown:
        raise fail(f"onbekende discipline-id '{unknown[0]}'",
                   f"unknown discipline id '{unknown[0]}'")
    return ids


def _labels(ctx: CheckContext, ids: list[str], lang: str) -> str:
    names = []
    for key in ids:
        entry = ctx.vocabulary.resolve(key)
        names.append(entry.label.get(lang) if entry and entry.id == key else key)
    return ", ".join(names)


class DistinctDisciplines(Check):
    """At least `minimum` different disciplines among the members.

    Each profession counts once; sub-specialisations count as their profession; members of
    `anders` count by their `discipline_other`. Organisations and ervaringsdeskundigen do not
    count.
    """

    kind: Literal["distinct_disciplines"]
    minimum: Count = Field(ge=1)

    def evaluate(self, ctx: CheckContext) -> Outcome:
        """Count distinct counting disciplines."""
        found = sorted({m.key for m in ctx.members if m.key is not None})
        status = Status.MET if len(found) >= self.minimum else Status.NOT_MET
        message = Text(
            f"{len(found)} verschillende disciplines (minstens {self.minimum} vereist)"
            + (f": {_labels(ctx, found, 'nl')}" if found else ""),
            f"{len(found)} different disciplines (at least {self.minimum} required)"
            + (f": {_labels(ctx, found, 'en')}" if found else ""),
        )
        observed = {"count": len(found), "minimum": self.minimum, "disciplines": found}
        return Outcome(status, message, "members", observed)


class RequiredDisciplines(Check):
    """Each group must have at least one member; a group lists the disciplines that satisfy it
    (any of them), e.g. the psychosocial group for 1b."""

    kind: Literal["required_disciplines"]
    groups: list[list[str]] = Field(min_length=1)

    @field_validator("groups")
    @classmethod
    def _known(cls, groups: list[list[str]], info: ValidationInfo) -> list[list[str]]:
        for group in groups:
            known_ids(group, info)
        return groups

    def evaluate(self, ctx: CheckContext) -> Outcome:
        """Find the groups without any member."""
        present = {m.discipline.id for m in ctx.members}
        missing = [g for g in self.groups if not present.intersection(g)]
        found = sorted(present.intersection(i for g in self.groups for i in g))
        observed = {"present": found, "missing": [" / ".join(g) for g in missing]}
        if not missing:
            return Outcome(Status.MET, Text(
                f"aanwezig: {_labels(ctx, found, 'nl')}",
                f"present: {_labels(ctx, found, 'en')}"), "members", observed)
        nl = "; ".join(_group(ctx, g, "nl", "een van") for g in missing)
        en = "; ".join(_group(ctx, g, "en", "one of") for g in missing)
        return Outcome(Status.NOT_MET, Text(f"ontbreekt: {nl}", f"missing: {en}"), "members",
                       observed, Text(f"neem een lid op: {nl}", f"add a member: {en}"))


def _group(ctx: CheckContext, group: list[str], lang: str, one_of: str) -> str:
    labels = _labels(ctx, group, lang)
    return labels if len(group) == 1 else f"{one_of} {labels}"
