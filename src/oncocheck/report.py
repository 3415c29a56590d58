"""The frozen report: the one data structure that flows from checking to every renderer.

Renderers take a `Report` and nothing else. Every text meant for people is a `Text` carrying
both languages, so a renderer picks one with `text.get(lang)`; the JSON report always uses English.
`observed` values are plain JSON-ready data (numbers, strings, lists, dicts).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any


class Status(StrEnum):
    """What a file shows about one criterion."""

    MET = "met"
    NOT_MET = "not_met"
    MISSING = "missing"


class Severity(StrEnum):
    """Errors decide the verdict; warnings only with `--strict`."""

    ERROR = "error"
    WARNING = "warning"


class Verdict(StrEnum):
    """The outcome for one file."""

    COMPLIANT = "compliant"
    NOT_COMPLIANT = "not_compliant"
    INVALID = "invalid"


@dataclass(frozen=True, slots=True)
class Text:
    """A text for people, in Dutch (`nl`) and English (`en`)."""

    nl: str
    en: str

    def get(self, lang: str) -> str:
        """The text in `lang` ("nl" or "en"); Dutch for anything else."""
        return self.en if lang == "en" else self.nl


@dataclass(frozen=True, slots=True)
class Location:
    """Where in the network file (or its members spreadsheet) a finding points.

    `path` uses JSON-style 0-based indices (`members[2].discipline`); `line` and `column` are
    1-based. `source` is set when the place is in another file than the network file (the
    members spreadsheet), relative to the working directory like `FileResult.file`.
    """

    path: str
    line: int
    column: int
    source: str | None = None


@dataclass(frozen=True, slots=True)
class LoadError:
    """Why a file could not be loaded. `line`/`column` are None only when no position exists
    (an unreadable file, a file that is not found)."""

    message: Text
    path: str = ""
    line: int | None = None
    column: int | None = None
    source: str | None = None


@dataclass(frozen=True, slots=True)
class CriteriaRef:
    """A criteria set version, e.g. loppsoz@2024, in force from `valid_from`."""

    set: str
    version: str
    valid_from: date

    @property
    def label(self) -> str:
        """`set@version`, the form users type."""
        return f"{self.set}@{self.version}"


@dataclass(frozen=True, slots=True)
class CriterionInfo:
    """What a renderer needs to show about one criterion of a set."""

    id: str
    number: str  # the official group number: "1" for 1a and 1b, "10" for 10
    title: Text
    text: Text
    severity: Severity
    source: str
    remediation: Text
    check: str  # the check kind, e.g. "verwijsgids_share"


@dataclass(frozen=True, slots=True)
class CriteriaSetInfo:
    """One applied criteria version with its criteria, in criteria order."""

    ref: CriteriaRef
    title: Text
    criteria: tuple[CriterionInfo, ...]

    def criterion(self, criterion_id: str) -> CriterionInfo | None:
        """The criterion with this id, or None."""
        return next((c for c in self.criteria if c.id == criterion_id), None)


@dataclass(frozen=True, slots=True)
class PlanItem:
    """One improvement action (`plan:` in the network file)."""

    criterion: str
    action: str
    owner: str | None
    due: date | None
    location: Location | None = None


@dataclass(frozen=True, slots=True)
class Finding:
    """The outcome of one criterion (or one extra warning) for one file.

    `criterion` is the criterion id (`2a`) or, for extra warnings, a warning id
    (`duplicate-member`, `superseded-criteria`). `remediation` says what to add or change and is
    set when the status is not `met`. `note` and `plan` are the coordinator's own words for this
    criterion.
    """

    criterion: str
    severity: Severity
    status: Status
    title: Text
    message: Text
    observed: dict[str, Any] = field(default_factory=dict)
    location: Location | None = None
    remediation: Text | None = None
    note: str | None = None
    plan: tuple[PlanItem, ...] = ()

    @property
    def is_problem(self) -> bool:
        """True unless the criterion is met."""
        return self.status is not Status.MET


@dataclass(frozen=True, slots=True)
class MemberRow:
    """One member as reports show it, with why it is left out of the 2a denominator (if so)."""

    name: str
    discipline_written: str
    discipline: str  # canonical id, e.g. "dietist"
    discipline_label: Text
    organisation: str | None
    verwijsgids: bool | None
    excluded_from_2a: Text | None
    location: Location | None


@dataclass(frozen=True, slots=True)
class FileResult:
    """Everything known about one checked file.

    `references` are the other files the network file names (its members spreadsheet and
    documents), as absolute paths: reports are never written over them. Renderers ignore it.
    """

    file: str
    verdict: Verdict
    network: str | None = None
    criteria: CriteriaRef | None = None
    errors: tuple[LoadError, ...] = ()
    findings: tuple[Finding, ...] = ()
    members: tuple[MemberRow, ...] = ()
    references: tuple[str, ...] = ()

    @property
    def warnings(self) -> tuple[Finding, ...]:
        """Warning findings that are not met."""
        return tuple(f for f in self.findings if f.severity is Severity.WARNING and f.is_problem)

    def fails(self, strict: bool = False) -> bool:
        """True when this file makes the run fail (with `strict`, warnings count too)."""
        return self.verdict is not Verdict.COMPLIANT or (strict and bool(self.warnings))


@dataclass(frozen=True, slots=True)
class Report:
    """The outcome of one run: every file, in path order, and the criteria sets applied."""

    tool_version: str
    as_of: date
    criteria: CriteriaRef
    criteria_sets: tuple[CriteriaSetInfo, ...]
    results: tuple[FileResult, ...]
    #: The same files checked under another criteria version (`check --compare`), or None.
    compare: Report | None = None

    def criteria_set(self, ref: CriteriaRef | None) -> CriteriaSetInfo | None:
        """The applied set with this reference, or None."""
        return next((s for s in self.criteria_sets if s.ref == ref), None)

    @property
    def summary(self) -> dict[str, int]:
        """Counts of files per verdict, in the JSON report's order."""
        counts = Counter(r.verdict for r in self.results)
        return {
            "files": len(self.results),
            "compliant": counts[Verdict.COMPLIANT],
            "not_compliant": counts[Verdict.NOT_COMPLIANT],
            "invalid": counts[Verdict.INVALID],
        }

    def exit_code(self, strict: bool = False) -> int:
        """0 all compliant, 1 some not compliant, 2 some invalid (cli.md)."""
        if any(r.verdict is Verdict.INVALID for r in self.results):
            return 2
        return 1 if any(r.fails(strict) for r in self.results) else 0
