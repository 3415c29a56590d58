"""The bundled criteria sets and a user's own rule files: finding, loading, in force.

Bundled rule files live in `criteria/<set>/<version>.yaml` beside the vocabulary; a user's own
rule file is loaded by path, and may be a draft that extends a bundled version (`rules.draft`).
Each file is validated when it loads (with positions, like a network file) and parsed once per
process. Only a path names a user's file: no lookup by set or version ever finds one.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from functools import cache
from pathlib import Path

from oncocheck.errors import LoadFailed, UsageError
from oncocheck.load.parse import parse
from oncocheck.load.text import read_text
from oncocheck.load.validate import validate
from oncocheck.load.visible import one_line_texts, quoted, visible
from oncocheck.load.words import did_you_mean
from oncocheck.network.disciplines import Vocabulary
from oncocheck.load.source import Source
from oncocheck.report import LoadError, Text
from oncocheck.rules.model import RuleFile
from oncocheck.wording import where

DEFAULT_SET = "loppsoz"


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
    return _with_file(path, lambda: validate(RuleFile, _read(path), {"vocabulary": vocabulary()}))


@cache
def load_rule_file(path: Path) -> RuleFile:
    """A user's own rule file (`--criteria FILE`): validated like a bundled one, or a draft
    resolved against the bundled version it extends; marked with its path so that no report
    can mistake it for a bundled version."""
    rule_file = _with_file(path, lambda: _user_rule_file(_read(path))).model_copy()
    rule_file._file = visible(str(path), multiline=False)  # a path, shown as every file name
    return rule_file


def _read(path: Path) -> Source:
    """A rule file parsed, every text on one line (`load.visible.one_line_texts`): a title,
    text or parameter is printed at the start of lines, where a line break of its own would
    let the rule file start a line of a CI log (`::error::`, `##vso[`)."""
    source = parse(read_text(path))
    return replace(source, data=one_line_texts(source.data))


def _user_rule_file(source: Source) -> RuleFile:
    """A whole rule file, or a draft (`extends:`) made whole."""
    from oncocheck.rules import draft  # only for a user's rule file

    spec = draft.base_name(source)
    if spec is None:
        return validate(RuleFile, source, {"vocabulary": vocabulary()})
    set_name, _, version = spec.partition("@")
    try:
        base = find_bundled(set_name, version)
    except UsageError as exc:  # said at the draft's `extends:` line
        line, column = source.where("extends")
        raise LoadFailed([LoadError(exc.text, "extends", line, column)]) from exc
    taken = [r.version for r in bundled() if r.set == base.set]
    return draft.resolve(source, base, vocabulary(), taken)


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
    """The version of `set_name` (in any case) in force on `on`."""
    set_name = set_named(set_name)
    versions = [r for r in bundled() if r.set == set_name]
    if not versions:  # `2024`: a version without its set is meant as that version
        meant = [label for label in labels() if label.partition("@")[2] == set_name.strip()]
        raise _unknown(set_name, labels_of_sets(), "set", meant[-1] if meant else None)
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
    """The rule file meant by `spec`: `set@version`, `set` (in force on `on`) or a file path;
    the set's name in any case (`LOPPSOZ`)."""
    if is_path(spec):
        return load_rule_file(Path(spec))
    set_name, _, version = spec.partition("@")
    if not version:
        return in_force(set_name, on)
    return find_bundled(set_name, version)


def find_bundled(set_name: str, version: str) -> RuleFile:
    """The bundled version `set_name@version` (the set in any case); UsageError (with the
    known ones) if none."""
    set_name = set_named(set_name)
    if not any(r.set == set_name for r in bundled()):
        raise _unknown(set_name, sorted({r.set for r in bundled()}), "set")
    for rule_file in bundled():
        if rule_file.set == set_name and rule_file.version == version:
            return rule_file
    raise _unknown(f"{set_name}@{version}", labels(set_name), "version")


def set_named(written: str) -> str:
    """The bundled set `written` names in any case (`LOPPSOZ` is `loppsoz`), else `written`."""
    return {s.casefold(): s for s in labels_of_sets()}.get(written.strip().casefold(), written)


def labels_of_sets() -> list[str]:
    """The names of the bundled sets, sorted."""
    return sorted({r.set for r in bundled()})


def labels(set_name: str | None = None) -> list[str]:
    """`set@version` of every bundled version (of one set), oldest first."""
    return [r.ref.label for r in bundled() if set_name is None or r.set == set_name]


def _unknown(given: str, options: list[str], what: str, meant: str | None = None
             ) -> UsageError:
    nl_tail, en_tail = did_you_mean(given, options) if meant is None else (
        f"; bedoelt u '{meant}'?", f"; did you mean '{meant}'?")
    listed = ", ".join(options)
    what_nl = {"set": "criteriaset", "version": "criteriaversie"}[what]
    return UsageError(Text(f"onbekende {what_nl} {quoted(given)} (bekend: {listed}){nl_tail}",
                           f"unknown criteria {what} {quoted(given)} (known: {listed}){en_tail}"))
