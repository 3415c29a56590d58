"""The discipline vocabulary (`criteria/vocabulary.yaml`): which professions exist and count.

A network file may name a discipline by its id, its Dutch or English label or an alias, written
with any case, accents, spaces, hyphens or underscores; `resolve` finds the entry.
"""

from __future__ import annotations

import difflib
import re
from functools import cached_property
from typing import Literal

from pydantic import model_validator

from oncocheck.load.fields import IsoDate, NonEmpty, Strict, YesNo, fail
from oncocheck.load.words import SUGGEST_MAX_LENGTH, normalise
from oncocheck.report import Text

OTHER = "anders"
_BRACKETS = re.compile(r"\s*\([^)]*\)\s*")


class Discipline(Strict):
    """One profession (or kind of member). `verwijsgids`: whether the Verwijsgids Kanker
    has it, resting on `verwijsgids_source` as checked then; a "no" no source confirms is
    `verwijsgids_assumed`."""

    id: NonEmpty
    nl: NonEmpty
    en: NonEmpty
    aliases: list[NonEmpty] = []
    counts: YesNo
    verwijsgids: Literal["yes", "no", "unconfirmed"]
    verwijsgids_assumed: YesNo = False
    verwijsgids_source: NonEmpty
    verwijsgids_checked: IsoDate

    @model_validator(mode="after")
    def _assumption_only_for_no(self) -> Discipline:
        if self.verwijsgids_assumed and self.verwijsgids != "no":
            raise fail("alleen een 'no' kan een aanname zijn", "only a 'no' can be assumed")
        return self

    @property
    def label(self) -> Text:
        """The labels as a report `Text`."""
        return Text(self.nl, self.en)

    @property
    def written(self) -> Text:
        """How to write it in a network file, as people say it: the label with its accents,
        without what is in brackets (`inloophuis`, `diëtist`, `verpleegkundige`)."""
        return Text(_BRACKETS.sub("", self.nl), _BRACKETS.sub("", self.en))


class Vocabulary(Strict):
    """All disciplines, with a lookup by every accepted spelling."""

    disciplines: list[Discipline]

    @model_validator(mode="after")
    def _has_other(self) -> Vocabulary:
        if OTHER not in self.ids:
            raise ValueError(f"the vocabulary needs an entry '{OTHER}'")
        return self

    @cached_property
    def lookup(self) -> dict[str, Discipline]:
        """Every normalised spelling with its entry (first entry wins); a plain attribute
        once built, since `resolve` runs for every member of every file."""
        found: dict[str, Discipline] = {}
        for entry in self.disciplines:
            for name in (entry.id, entry.nl, entry.en, *entry.aliases):
                found.setdefault(normalise(name), entry)
        return found

    @cached_property
    def labels(self) -> dict[str, Text]:
        """Each entry's labels by canonical id, made once: every check of a rule file keeps
        them (`checks.base.Check`), and every rule file is loaded with one vocabulary."""
        return {d.id: d.label for d in self.disciplines}

    @property
    def ids(self) -> list[str]:
        """Canonical ids in vocabulary order."""
        return [d.id for d in self.disciplines]

    def resolve(self, written: str) -> Discipline | None:
        """The entry for a discipline as written, or None when unknown."""
        return self.lookup.get(normalise(written))

    def get(self, discipline_id: str) -> Discipline:
        """The entry with this canonical id (KeyError when unknown)."""
        return self.lookup[normalise(discipline_id)]

    def spellings(self) -> dict[str, str]:
        """Every normalised spelling with the canonical id it means (for suggestions)."""
        return {name: entry.id for name, entry in self.lookup.items()}

    def nearest(self, written: str, few: int = 3) -> list[Discipline]:
        """The entries whose spellings are nearest to `written` (as near as the nearest, give
        or take a little), at most `few`, nearest first; none for a word too long to compare."""
        if len(written) > SUGGEST_MAX_LENGTH:
            return []
        word, scored = normalise(written), []
        for name, entry in self.lookup.items():
            matcher = difflib.SequenceMatcher(None, word, name)
            if matcher.real_quick_ratio() >= 0.6 and matcher.quick_ratio() >= 0.6:
                scored.append((matcher.ratio(), entry.id))
        scored = sorted((s for s in scored if s[0] >= 0.6), reverse=True)
        near = [i for score, i in scored if score >= scored[0][0] - 0.1] if scored else []
        return [self.get(i) for i in list(dict.fromkeys(near))[:few]]

    def no_profession(self) -> list[Discipline]:
        """The kinds of member that are no profession (organisations, ervaringsdeskundigen):
        what an organisation writes as its discipline."""
        return [d for d in self.disciplines if not d.counts]
