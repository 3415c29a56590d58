"""Criteria sets as data: loading rule files and choosing the version that applies.

Bundled rule files live in `criteria/<set>/<version>.yaml` beside the vocabulary; a user's own
rule file is loaded by path. Each file is validated when it loads (with positions, like a network
file) and parsed once per process.
"""

from __future__ import annotations

from datetime import date
from functools import cache
from pathlib import Path

from pydantic import Field, ValidationInfo, field_validator

from oncocheck.checks import CheckKind
from oncocheck.errors import LoadFailed, UsageError
from oncocheck.fields import BiText, IsoDate, NonEmpty, Strict, Url
from oncocheck.report import (CriteriaRef, CriteriaSetInfo, CriterionInfo, LoadError, Severity,
                              Text)
from oncocheck.validate import validate
from oncocheck.vocabulary import Vocabulary
from oncocheck.words import did_you_mean
from oncocheck.yamlsource import parse, read_text

DEFAULT_SET = "loppsoz"


class Criterion(Strict):
    """One criterion of a version: its texts and the check that decides it."""

    id: NonEmpty
    title: BiText
    text: BiText
    severity: Severity
    source: Url
    remediation: BiText
    check: CheckKind


class RuleFile(Strict):
    """One version of a criteria set."""

    set: NonEmpty
    version: NonEmpty
    valid_from: IsoDate
    title: BiText
    source: Url
    criteria: list[Criterion] = Field(min_length=1)

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
        """This version's reference."""
        return CriteriaRef(self.set, self.version, self.valid_from)

    def info(self) -> CriteriaSetInfo:
        """What renderers need to know about this version."""
        return CriteriaSetInfo(self.ref, self.title.text(), tuple(
            CriterionInfo(c.id, c.id.rstrip("abcdefghijklmnopqrstuvwxyz") or c.id,
                          c.title.text(), c.text.text(), c.severity, c.source,
                          c.remediation.text(), c.check.kind)
            for c in self.criteria))


def criteria_dir() -> Path:
    """The bundled criteria: inside the installed package, else the source checkout's."""
    bundled = Path(__file__).parent / "criteria"
    return bundled if bundled.is_dir() else Path(__file__).resolve().parents[2] / "criteria"


@cache
def vocabulary() -> Vocabulary:
    """The discipline vocabulary, loaded once per process."""
    path = criteria_dir() / "vocabulary.yaml"
    return _with_file(path, lambda: validate(Vocabulary, parse(read_text(path))))


@cache
def load_rule_file(path: Path) -> RuleFile:
    """A rule file, validated (disciplines against the vocabulary); LoadFailed names the file."""
    return _with_file(path, lambda: validate(RuleFile, parse(read_text(path)),
                                             {"vocabulary": vocabulary()}))


def _with_file(path: Path, load):  # noqa: ANN001, ANN202 - a tiny local helper
    try:
        return load()
    except LoadFailed as exc:
        raise UsageError(Text("; ".join(_where(path, e) + e.message.nl for e in exc.errors),
                              "; ".join(_where(path, e) + e.message.en for e in exc.errors),
                              )) from exc


def _where(path: Path, error: LoadError) -> str:
    """`file:line:column: path: ` with the parts that are known."""
    place = ":".join(str(x) for x in (path, error.line, error.column) if x is not None)
    return f"{place}: {error.path}: " if error.path else f"{place}: "


@cache
def bundled() -> tuple[RuleFile, ...]:
    """Every bundled version, ordered by set and in-force date."""
    files = sorted(p for p in criteria_dir().glob("*/*.yaml"))
    return tuple(sorted((load_rule_file(p) for p in files), key=lambda r: (r.set, r.valid_from)))


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


def find(spec: str, on: date) -> RuleFile:
    """The rule file meant by `spec`: `set@version`, `set` (in force on `on`) or a file path."""
    if spec.endswith((".yaml", ".yml")) or "/" in spec:
        return load_rule_file(Path(spec))
    set_name, _, version = spec.partition("@")
    if not version:
        return in_force(set_name, on)
    if not any(r.set == set_name for r in bundled()):
        raise _unknown(set_name, sorted({r.set for r in bundled()}), "set")
    for rule_file in bundled():
        if rule_file.set == set_name and rule_file.version == version:
            return rule_file
    versions = [r.ref.label for r in bundled() if r.set == set_name]
    raise _unknown(spec, versions, "version")


def _unknown(given: str, options: list[str], what: str) -> UsageError:
    nl_tail, en_tail = did_you_mean(given, options)
    listed = ", ".join(options)
    what_nl = {"set": "criteriaset", "version": "criteriaversie"}[what]
    return UsageError(Text(f"onbekende {what_nl} '{given}' (bekend: {listed}){nl_tail}",
                           f"unknown criteria {what} '{given}' (known: {listed}){en_tail}"))
