"""Criteria sets as data: loading rule files and choosing the version that applies.

Bundled rule files live in `criteria/<set>/<version>.yaml` beside the vocabulary; a user's own
rule file is loaded by path. Each file is validated when it loads (with positions, like a network
file) and parsed once per process.
"""

from __future__ import annotations

from datetime import date
from functools import cache
from pathlib import Path

import re
from typing import Annotated

from pydantic import AfterValidator, Field, PrivateAttr, ValidationInfo, field_validator

from oncocheck.checks import CheckKind
from oncocheck.errors import LoadFailed, UsageError
from oncocheck.load.fields import BiText, IsoDate, NonEmpty, Strict, Url, YesNo, fail
from oncocheck.report import (CriteriaRef, CriteriaSetInfo, CriterionInfo, LoadError, Severity,
                              Text)
from oncocheck.load.validate import validate
from oncocheck.network.disciplines import Vocabulary
from oncocheck.load.words import did_you_mean, visible
from oncocheck.load.parse import parse, read_text
from oncocheck.wording import where

DEFAULT_SET = "loppsoz"
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

    def info(self) -> CriteriaSetInfo:
        """What renderers need to know about this version."""
        return CriteriaSetInfo(self.ref, self.title.text(), tuple(
            CriterionInfo(c.id, c.id.rstrip("abcdefghijklmnopqrstuvwxyz") or c.id,
                          c.title.text(), c.text.text(), c.severity, c.source,
                          c.remediation.text(), c.check.kind)
            for c in self.criteria))


def criteria_dir() -> Path:
    """The bundled criteria: inside the installed package, else the source checkout's."""
    bundled = Path(__file__).parents[1] / "criteria"
    return bundled if bundled.is_dir() else Path(__file__).resolve().parents[3] / "criteria"


@cache
def vocabulary() -> Vocabulary:
    """The discipline vocabulary, loaded once per process."""
    path = criteria_dir() / "vocabulary.yaml"
    return _with_file(path, lambda: validate(Vocabulary, parse(read_text(path))))


@cache
def _parse_rule_file(path: Path) -> RuleFile:
    """A rule file, validated (disciplines against the vocabulary); UsageError names the file."""
    return _with_file(path, lambda: validate(RuleFile, parse(read_text(path)),
                                             {"vocabulary": vocabulary()}))


@cache
def load_rule_file(path: Path) -> RuleFile:
    """A user's own rule file (`--criteria FILE`): validated like a bundled one, and marked
    with its path so that no report can mistake it for a bundled version."""
    rule_file = _parse_rule_file(path).model_copy()
    rule_file._file = visible(str(path), multiline=False)  # a path, shown as every file name
    return rule_file


def _with_file(path: Path, load):  # noqa: ANN001, ANN202 - a tiny local helper
    try:
        return load()
    except LoadFailed as exc:
        raise UsageError(Text("; ".join(_where(path, e) + e.message.nl for e in exc.errors),
                              "; ".join(_where(path, e) + e.message.en for e in exc.errors),
                              )) from exc


def _where(path: Path, error: LoadError) -> str:
    """`file:line:column: path: ` with the parts that are known."""
    shown = visible(str(path), multiline=False)
    place = where(shown, error.line, error.column)
    return f"{place}: {error.path}: " if error.path else f"{place}: "


@cache
def bundled() -> tuple[RuleFile, ...]:
    """Every bundled version, ordered by set and in-force date."""
    files = sorted(p for p in criteria_dir().glob("*/*.yaml"))
    return tuple(sorted((_parse_rule_file(p) for p in files),
                        key=lambda r: (r.set, r.valid_from)))


def in_force(set_name: str, on: date) -> RuleFile:
    """The version of `set_name` in force on `on`."""
    versions = [r for r in bundled() if r.set == set_name]
    if not versions:
        raise _unknown(set_name, sorted({r.set for r in bundled()}), "set")
    current = [r for r in versions if r.valid_from <= on]
    if not current:
        first = versions[0]
        raise UsageError(Text(
            f"op {on} was geen versie van {set_name} van kracht; de eerste is "
            f"{first.ref.label} (vanaf {first.valid_from})",
            f"no version of {set_name} was in force on {on}; the first is "
            f"{first.ref.label} (from {first.valid_from})"))
    return current[-1]


def is_path(spec: str) -> bool:
    """Whether a criteria spec names a rule file rather than a bundled set or version."""
    return spec.endswith((".yaml", ".yml")) or "/" in spec or "\\" in spec


def find(spec: str, on: date) -> RuleFile:
    """The rule file meant by `spec`: `set@version`, `set` (in force on `on`) or a file path."""
    if is_path(spec):
        return load_rule_file(Path(spec))
    set_name, _, version = spec.partition("@")
    if not version:
        return in_force(set_name, on)
    return find_bundled(set_name, version)


def find_bundled(set_name: str, version: str) -> RuleFile:
    """The bundled version `set_name@version`; UsageError (with the known ones) if none."""
    if not any(r.set == set_name for r in bundled()):
        raise _unknown(set_name, sorted({r.set for r in bundled()}), "set")
    for rule_file in bundled():
        if rule_file.set == set_name and rule_file.version == version:
            return rule_file
    raise _unknown(f"{set_name}@{version}", labels(set_name), "version")


def labels(set_name: str | None = None) -> list[str]:
    """`set@version` of every bundled version (of one set), oldest first."""
    return [r.ref.label for r in bundled() if set_name is None or r.set == set_name]


def _unknown(given: str, options: list[str], what: str) -> UsageError:
    nl_tail, en_tail = did_you_mean(given, options)
    listed = ", ".join(options)
    what_nl = {"set": "criteriaset", "version": "criteriaversie"}[what]
    return UsageError(Text(f"onbekende {what_nl} '{given}' (bekend: {listed}){nl_tail}",
                           f"unknown criteria {what} '{given}' (known: {listed}){en_tail}"))
