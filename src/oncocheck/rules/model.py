"""A criteria set version as data: the rule-file model, validated like a network file.

A rule file names, per criterion, its texts and the check kind that decides it (with the
kind's parameters); a wrong parameter or an unknown discipline id fails when the file loads.
"""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import (AfterValidator, Field, PrivateAttr, ValidationInfo, field_validator,
                      model_validator)

from oncocheck.checks.kinds import CheckKind
from oncocheck.load.fields import BiText, IsoDate, NonEmpty, Strict, Url, YesNo, fail
from oncocheck.load.words import did_you_mean
from oncocheck.report import CriteriaRef, CriteriaSetInfo, CriterionInfo, Severity, Text

_CRITERION_ID = re.compile(r"[A-Za-z0-9._-]{1,16}")
#: Where a text states a parameter of its check: `{threshold}`.
PLACEHOLDER = re.compile(r"\{(\w+)\}")
#: The texts of a criterion that may state a parameter.
TEXTS = ("title", "text", "remediation")


def _short_id(value: str) -> str:
    # ids are printed at the start of report lines and in CI annotations: nothing but a
    # short identifier can stand there (a line break would start a line of its own)
    if not _CRITERION_ID.fullmatch(value):
        raise fail("een criterium-id is kort: letters, cijfers, '.', '_' of '-', hoogstens 16 "
                   "tekens", "a criterion id is short: letters, digits, '.', '_' or '-', at "
                   "most 16 characters")
    return value


CriterionId = Annotated[NonEmpty, AfterValidator(_short_id)]


class Criterion(Strict):
    """One criterion of a version: its texts and the check that decides it.

    A text that states a parameter names it (`streven {threshold}`), so it always states the
    value that judges: a draft that raises `threshold` keeps the base's texts and they say the
    new value (`said`). A placeholder the check does not have fails when the file loads.
    """

    id: CriterionId
    title: BiText
    text: BiText
    severity: Severity
    source: Url
    remediation: BiText
    check: CheckKind

    @model_validator(mode="after")
    def _known_placeholders(self) -> Criterion:
        known = self.check.values()
        for part in TEXTS:
            for lang in ("nl", "en"):
                unknown = [n for n in PLACEHOLDER.findall(getattr(getattr(self, part), lang))
                           if n not in known]
                if unknown:
                    raise _unknown_placeholder(f"{part}.{lang}", unknown[0], list(known))
        return self

    def said(self, part: str) -> Text:
        """Text `part` (`title`, `text` or `remediation`) as people read it: each
        `{parameter}` replaced by the check's value in that language (`60%`)."""
        written, values = getattr(self, part), self.check.values()
        return Text(PLACEHOLDER.sub(lambda m: values[m[1]].nl, written.nl),
                    PLACEHOLDER.sub(lambda m: values[m[1]].en, written.en))


def _unknown_placeholder(where: str, name: str, known: list[str]) -> Exception:
    nl_tail, en_tail = did_you_mean(name, known)
    offered = ", ".join(f"{{{k}}}" for k in known) or "—"
    return fail(f"{where}: {{{name}}} is geen parameter van deze check (wel: {offered})"
                f"{nl_tail}", f"{where}: {{{name}}} is not a parameter of this check (it has: "
                f"{offered}){en_tail}")


class RuleFile(Strict):
    """One version of a criteria set. `valid_from_assumed` marks an in-force date that no
    source gives (the first version's)."""

    set: CriterionId
    version: CriterionId
    valid_from: IsoDate
    valid_from_assumed: YesNo = False
    title: BiText
    source: Url
    criteria: list[Criterion] = Field(min_length=1)
    #: The path a user's own rule file was given by, as reports show it; None when bundled.
    _file: str | None = PrivateAttr(default=None)
    #: The bundled version a draft extends (`rules.draft`); None for a whole rule file.
    _extends: RuleFile | None = PrivateAttr(default=None)

    @field_validator("criteria")
    @classmethod
    def _unique(cls, criteria: list[Criterion], info: ValidationInfo) -> list[Criterion]:
        ids = [c.id for c in criteria]
        doubles = sorted({i for i in ids if ids.count(i) > 1})
        if doubles:
            raise ValueError(f"criterion id '{doubles[0]}' appears more than once")
        return criteria

    @property
    def ref(self) -> CriteriaRef:
        """This version's reference (naming the rule file when it is not bundled)."""
        return CriteriaRef(self.set, self.version, self.valid_from, self._file)

    @property
    def bundled(self) -> bool:
        """Whether this version ships with oncocheck (not a user's rule file)."""
        return self._file is None

    @property
    def extends(self) -> RuleFile | None:
        """The bundled version this draft extends, or None when it is no draft."""
        return self._extends

    def info(self) -> CriteriaSetInfo:
        """What renderers need to know about this version."""
        return CriteriaSetInfo(self.ref, self.title.text(), tuple(
            CriterionInfo(c.id, c.id.rstrip("abcdefghijklmnopqrstuvwxyz") or c.id,
                          c.said("title"), c.said("text"), c.severity, c.source,
                          c.said("remediation"), c.check.kind, c.check.describe(),
                          type(c.check).HOW)
            for c in self.criteria), self.source, self.valid_from_assumed)

    def criterion(self, criterion_id: str) -> Criterion | None:
        """The criterion with this id (written in any case, spaces around), or None."""
        wanted = criterion_id.strip().lower()
        return next((c for c in self.criteria if c.id == wanted), None)

