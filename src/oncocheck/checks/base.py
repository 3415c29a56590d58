"""What every check kind shares: the context it reads and the outcome it returns.

A check kind is a small pydantic model (its parameters come from the rule file) with an
`evaluate` method; it does not know its criterion's id or severity. Its documentation for
people is data in both languages: `HOW` (how the kind decides, for `oncocheck explain`) and
`describe` (what one criterion's check asks, for `criteria show`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import field, replace
from datetime import date
from pathlib import Path
from typing import Any, ClassVar

from pydantic import PrivateAttr, ValidationInfo, model_validator

from oncocheck.checks.documents import Evidence
from oncocheck.load.fields import Strict
from oncocheck.load.source import Source
from oncocheck.load.words import normalise
from oncocheck.network.disciplines import OTHER, Discipline, Vocabulary
from oncocheck.network.model import Member, NetworkFile
from oncocheck.report import MemberRow, Status, Text, record
from oncocheck.wording import percents


@record
class MemberView:
    """A member with its discipline resolved; `key` is what 1a counts (None: does not count);
    `first` is the index of an earlier member it repeats (same name and discipline), whom
    the checks count in its place (None: it is the first)."""

    index: int
    member: Member
    discipline: Discipline
    key: str | None
    first: int | None = None

    @property
    def identity(self) -> tuple[str, str]:
        """What makes two members the same: the name and discipline, normalised (an `anders`
        member by the profession its `discipline_other` names)."""
        return normalise(self.member.name), self.key or self.discipline.id

    @property
    def path(self) -> str:
        """The member's path in the file, `members[3]`."""
        return f"members[{self.index}]"

    @property
    def label(self) -> Text:
        """The member's discipline as reports name it (an `anders` member by its own words)."""
        if self.discipline.id == OTHER and self.member.discipline_other:
            return Text(self.member.discipline_other, self.member.discipline_other)
        return self.discipline.label

    @classmethod
    def of(cls, index: int, member: Member, vocabulary: Vocabulary) -> MemberView:
        """Member `index` with its discipline resolved: an `anders` member by the profession
        its `discipline_other` names (a known one, or its own normalised words)."""
        discipline = vocabulary.get(member.discipline)  # known: the model validated it
        if discipline.id == OTHER and member.discipline_other:
            named = vocabulary.resolve(member.discipline_other)
            discipline = named or discipline
            key = named.id if named else normalise(member.discipline_other)
        else:
            key = discipline.id
        return cls(index, member, discipline, key if discipline.counts else None)


def member_views(members: Sequence[Member], vocabulary: Vocabulary) -> tuple[MemberView, ...]:
    """Every member resolved, a repeated one (in `members:` and/or the spreadsheet) marked
    with the earlier one it repeats, so that it counts once (network-file.md)."""
    first: dict[tuple[str, str], int] = {}
    views = []
    for index, member in enumerate(members):
        view = MemberView.of(index, member, vocabulary)
        earlier = first.setdefault(view.identity, index)
        views.append(view if earlier == index else replace(view, first=earlier))
    return tuple(views)


@record
class CheckContext:
    """Everything a check may read about one network file; `source` says where each value
    was written (which row of the members spreadsheet holds a member), for advice."""

    doc: NetworkFile
    members: tuple[MemberView, ...]
    vocabulary: Vocabulary
    base_dir: Path
    as_of: date
    source: Source | None = None
    #: Each section's document as looked up once for the file (`documents.named`), by section
    looked: dict[str, Evidence] = field(default_factory=dict)


@record
class Outcome:
    """A check's answer. `todo` says what to add or change; None means the criterion's own
    remediation text applies. `working` is how the kind words its `observed` values for people
    (`Finding.working`); a kind whose values read as they are leaves it empty."""

    status: Status
    message: Text
    path: str
    observed: dict[str, Any] = field(default_factory=dict)
    todo: Text | None = None
    working: tuple[tuple[str, Text], ...] = ()


class Check(Strict):
    """Base of the check kinds."""

    #: How the kind decides, for people (`oncocheck explain`); paragraphs apart by a blank line.
    HOW: ClassVar[Text] = Text("", "")
    #: The vocabulary's labels of every discipline, as the rule file was loaded with it.
    _labels: dict[str, Text] = PrivateAttr(default_factory=dict)

    @model_validator(mode="after")
    def _remember_labels(self, info: ValidationInfo) -> Check:
        vocabulary = (info.context or {}).get("vocabulary")
        if vocabulary is not None:
            self._labels = vocabulary.labels
        return self

    def label(self, discipline_id: str, lang: str) -> str:
        """A discipline id of the parameters as people call it (`dietist` -> `diëtist`)."""
        found = self._labels.get(discipline_id)
        return found.get(lang) if found else discipline_id

    def values(self) -> dict[str, Text]:
        """The parameters a rule file's texts may state, in words, by name: a number as it is
        (`minimum` -> `5`), a share as a percentage (`threshold` -> `60%`, Dutch `62,5%`).
        A text writes `{threshold}` where it states one (`rules.model.Criterion.said`)."""
        found: dict[str, Text] = {}
        for name in type(self).model_fields:
            value = getattr(self, name)
            if isinstance(value, float):
                found[name] = percents(value)
            elif isinstance(value, int) and not isinstance(value, bool):
                found[name] = Text(str(value), str(value))
        return found

    def left_out(self, view: MemberView) -> Text | None:
        """Why this kind leaves the member out of what it counts, in words (the 2a share's
        denominator), or None; the members table shows it."""
        return None

    def evaluate(self, ctx: CheckContext) -> Outcome:  # pragma: no cover - abstract
        """Decide the criterion for one network file."""
        raise NotImplementedError

    def describe(self) -> Text:  # pragma: no cover - abstract
        """What the check asks of a network file, its parameters in words."""
        raise NotImplementedError


def member_rows(members: Sequence[MemberView], checks: Sequence[Check],
                source: Source) -> tuple[MemberRow, ...]:
    """Every member as reports list them, with why a check of the version leaves it out of
    what it counts (`Check.left_out`)."""
    checks = [c for c in checks if type(c).left_out is not Check.left_out]  # the kinds that do
    return tuple(MemberRow(
        view.member.name, view.member.discipline, view.discipline.id, view.label,
        view.member.organisation, view.member.verwijsgids,
        next((why for check in checks if (why := check.left_out(view)) is not None), None),
        source.locate(view.path)) for view in members)
