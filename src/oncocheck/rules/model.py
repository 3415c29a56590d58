"""A criteria set version as data: the rule-file model, validated like a network file.

A rule file names, per criterion, its texts and the check kind that decides it (with the
kind's parameters); a wrong parameter or an unknown discipline id fails when the file loads.
"""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import AfterValidator, Field, PrivateAttr, ValidationInfo, field_validator

from oncocheck.checks.kinds import CheckKind
from oncocheck.load.fields import BiText, IsoDate, NonEmpty, Strict, Url, YesNo, fail
from oncocheck.report import CriteriaRef, CriteriaSetInfo, CriterionInfo, Severity

_CRITERION_ID = re.compile(r"[A-Za-z0-9._-]{1,16}")


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
    """One criterion of a version: its texts and the check that decides it."""

    id: CriterionId
    title: BiText
    text: BiText
    severity: Severity
    source: Url
    remediation: BiText
    check: CheckKind


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
                          c.title.text(), c.text.text(), c.severity, c.source,
                          c.remediation.text(), c.check.kind, c.check.describe(),
                          type(c.check).HOW)
            for c in self.criteria), self.source, self.valid_from_assumed)

    def criterion(self, criterion_id: str) -> Criterion | None:
        """The criterion with this id (written in any case, spaces around), or None."""
        wanted = criterion_id.strip().lower()
        return next((c for c in self.criteria if c.id == wanted), None)

