"""The network file, format 1 (`network-file.md`), as pydantic models: the whole file and its
members (the `network:` section is `sections.Network`).

Everything but `format` and `network.name` is optional: a missing fact is a finding, never a
load error. Unknown keys are load errors. Disciplines are checked against the vocabulary passed
in the validation context (`{"vocabulary": Vocabulary}`) and kept as written.
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationInfo, field_validator, model_validator

from oncocheck.load.fields import (IsoDate, Line, Name, NonEmpty, Postcode, Strict, Words, YesNo,
                                   fail)
from oncocheck.load.visible import quoted
from oncocheck.load.words import did_you_mean, normalise
from oncocheck.network.disciplines import OTHER, Discipline, Vocabulary
from oncocheck.report import Text
from oncocheck.wording import listed
from oncocheck.network.sections import Network

FORMATS = (1,)
MAX_MEMBERS = 100_000  # a limit that holds: a file this size still checks in seconds
MAX_SUGGESTIONS = 100  # "did you mean" costs about a millisecond; only the first are useful


class Member(Strict):
    """One member of the network; `discipline` is kept as written."""

    name: Name
    discipline: NonEmpty
    discipline_other: Line | None = None
    organisation: Line | None = None
    postcode: Postcode | None = None
    verwijsgids: YesNo | None = None

    @field_validator("discipline", mode="before")
    @classmethod
    def _filled(cls, value: object, info: ValidationInfo) -> object:
        vocabulary: Vocabulary | None = (info.context or {}).get("vocabulary")
        if vocabulary is None or not isinstance(value, str) or value.strip():
            return value
        hint = _no_profession(vocabulary)
        raise fail(f"de discipline is leeg; vul het beroep in, of {hint.nl}{LISTED.nl}",
                   f"the discipline is empty; fill in the profession, or {hint.en}{LISTED.en}")

    @field_validator("discipline")
    @classmethod
    def _known(cls, value: str, info: ValidationInfo) -> str:
        vocabulary: Vocabulary | None = (info.context or {}).get("vocabulary")
        if vocabulary is None or vocabulary.resolve(value):
            return value
        if "organis" in normalise(value):  # `organisatie`: no profession, but which kind?
            hint = _no_profession(vocabulary)
            hint_nl, hint_en = f"; {hint.nl}", f"; {hint.en}"
        else:
            near = [d.written for d in _suggestions(value, vocabulary, info)]
            hint_nl, hint_en = ((f"; bedoelt u {listed([quoted(t.nl) for t in near], 'of')}?",
                                 f"; did you mean {listed([quoted(t.nl) for t in near], 'or')}?")
                                if near else ("", ""))
        raise fail(f"onbekende discipline {quoted(value)}{hint_nl}{LISTED.nl}",
                   f"unknown discipline {quoted(value)}{hint_en}{LISTED.en}")

    @model_validator(mode="after")
    def _other_named(self, info: ValidationInfo) -> Member:
        vocabulary: Vocabulary | None = (info.context or {}).get("vocabulary")
        is_other = vocabulary.get(self.discipline).id == OTHER if vocabulary else False
        if is_other and not self.discipline_other:
            raise fail("bij discipline 'anders' hoort `discipline_other` met het beroep",
                       "discipline 'anders' needs `discipline_other` naming the profession")
        return self


#: Where every accepted discipline is listed, said after each discipline's error.
LISTED = Text(" (alle disciplines: `oncocheck disciplines`)",
              " (every discipline: `oncocheck disciplines`)")


def _no_profession(vocabulary: Vocabulary) -> Text:
    """`schrijf voor een organisatie of ervaringsdeskundige 'inloophuis', … of …`: the
    vocabulary's kinds of member that are no profession, as a network file writes them (in
    Dutch, also in an English text: a file's data is Dutch)."""
    kinds = [d.written for d in vocabulary.no_profession()]
    return Text(f"schrijf voor een organisatie of ervaringsdeskundige "
                f"{listed([quoted(k.nl) for k in kinds], 'of')}",
                f"for an organisation or expert by experience write "
                f"{listed([quoted(k.nl) for k in kinds], 'or')}")


def _suggestions(value: str, vocabulary: Vocabulary, info: ValidationInfo) -> list[Discipline]:
    """The nearest few entries, for a file's first MAX_SUGGESTIONS unknown disciplines only, so
    a file of 100,000 misspelt members cannot take minutes."""
    context = info.context if isinstance(info.context, dict) else {}
    used = context.get("suggestions", 0)
    if used >= MAX_SUGGESTIONS:
        return []
    context["suggestions"] = used + 1
    return vocabulary.nearest(value)


class PlanItem(Strict):
    """One improvement action (verbeterplan)."""

    criterion: NonEmpty
    action: NonEmpty
    owner: Words | None = None
    due: IsoDate | None = None


class NetworkFile(Strict):
    """A whole network file.

    `criteria` is a declaration (the version the file was prepared for), never a choice: it
    may only name a bundled `set@version` (the validation context's `declarable`).
    `submitted` is the day the file was sent in for review; it selects the version and the
    date the file is judged on unless the user says otherwise (`oncocheck.run.decide`).
    `members_sheet` names the sheet of the `members_file` workbook that holds the members
    (else the first sheet with a header row is read).
    """

    format: int
    criteria: NonEmpty | None = None
    submitted: IsoDate | None = None
    network: Network
    members_file: NonEmpty | None = None
    members_sheet: NonEmpty | None = None
    members: list[Member] | None = None
    notes: dict[str, Words] | None = None
    plan: list[PlanItem] | None = None

    @field_validator("members", mode="before")
    @classmethod
    def _within_limit(cls, value: Any) -> Any:
        if isinstance(value, list) and len(value) > MAX_MEMBERS:
            raise fail(f"{len(value):,} leden; oncocheck leest er hoogstens {MAX_MEMBERS:,} per "
                       "bestand".replace(",", "."), f"{len(value):,} members; oncocheck reads at "
                       f"most {MAX_MEMBERS:,} per file")
        return value

    @field_validator("members_sheet")
    @classmethod
    def _sheet_of_a_file(cls, value: str | None, info: ValidationInfo) -> str | None:
        if value and not info.data.get("members_file"):  # members_file is checked first
            raise fail("`members_sheet` noemt een blad van de ledenlijst in `members_file`, maar "
                       "`members_file` ontbreekt; voeg die toe of haal `members_sheet` weg",
                       "`members_sheet` names a sheet of the members list in `members_file`, "
                       "but `members_file` is missing; add it or remove `members_sheet`")
        return value

    @field_validator("criteria")
    @classmethod
    def _declared(cls, value: str | None, info: ValidationInfo) -> str | None:
        known = (info.context or {}).get("declarable")
        if value is None or known is None or value in known:
            return value
        same = [k for k in known if k.casefold() == value.strip().casefold()]
        if same:  # a closed list like any other: `LOPPSOZ@2024` is loppsoz@2024
            return same[0]
        listed = ", ".join(known)
        if any(c in value for c in "/\\") or value.lower().endswith((".yaml", ".yml")):
            raise fail(
                f"`criteria:` kan geen regelbestand noemen ({quoted(value)}): een bestand kiest "
                f"niet zijn eigen regels; noem een meegeleverde versie ({listed}) of laat de "
                "sleutel weg", f"`criteria:` cannot name a rule file ({quoted(value)}): a file "
                f"does not choose its own rules; name a bundled version ({listed}) or leave the "
                "key out")
        versions = [k for k in known if k.partition("@")[2] == value.strip()]  # `2024`
        nl_tail, en_tail = (f"; bedoelt u '{versions[-1]}'?", f"; did you mean "
                            f"'{versions[-1]}'?") if versions else did_you_mean(value, known)
        raise fail(f"onbekende criteriaversie {quoted(value)}; hier hoort een meegeleverde versie "
                   f"(bekend: {listed}){nl_tail}", f"unknown criteria version {quoted(value)}; "
                   f"this must be a bundled version (known: {listed}){en_tail}")

    @field_validator("format", mode="before")
    @classmethod
    def _supported(cls, value: Any) -> int:
        # compare text, not int(value): a 5,000-digit number must not reach int()
        if isinstance(value, str) and value.strip() in {str(f) for f in FORMATS}:
            return int(value)
        known = ", ".join(str(f) for f in FORMATS)
        raise fail(f"format {quoted(value)} wordt niet gelezen; deze versie van oncocheck leest "
                   f"format {known}", f"format {quoted(value)} is not supported; this version of "
                   f"oncocheck reads format {known}")
