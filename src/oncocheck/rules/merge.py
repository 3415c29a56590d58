"""One entry of a draft's `criteria:` made a whole criterion: merged into the base's, and
validated with the positions the entry has in the draft, so errors name the draft's lines."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from oncocheck.checks.verwijsgids import VerwijsgidsShare
from oncocheck.errors import LoadFailed
from oncocheck.load.source import Source
from oncocheck.load.validate import validate
from oncocheck.load.visible import quoted
from oncocheck.load.words import did_you_mean
from oncocheck.network.disciplines import Vocabulary
from oncocheck.report import LoadError, Text
from oncocheck.rules.model import Criterion, RuleFile

#: What a new criterion (an id the base does not have) must give in full.
REQUIRED = ("title", "text", "severity", "source", "remediation", "check")


def flagged(criterion: Criterion, flags: Mapping[str, str]) -> Criterion:
    """A share criterion with the draft's Verwijsgids flags over its own (`represented`): the
    draft's `vocabulary:` holds for every share criterion."""
    if not flags or not isinstance(criterion.check, VerwijsgidsShare):
        return criterion
    represented = {**criterion.check.represented, **flags}
    return criterion.model_copy(update={
        "check": criterion.check.model_copy(update={"represented": represented})})


def criterion(source: Source, index: int, criterion_id: str, current: Criterion | None,
               base: RuleFile, vocabulary: Vocabulary) -> Criterion:
    """Entry `index` of the draft's `criteria:` as a whole criterion: merged into `current`
    (the base's), or new and given in full."""
    prefix = f"criteria[{index}]"
    written: dict[str, Any] = source.data["criteria"][index]
    if current is None:
        missing = [key for key in REQUIRED if key not in written]
        if missing:
            raise LoadFailed([_unknown(source, prefix, criterion_id, base, missing)])
        data = written
    else:
        data = merged(current.model_dump(mode="json"), written)
    try:
        return validate(Criterion, within(source, prefix, data), {"vocabulary": vocabulary})
    except LoadFailed as exc:
        raise LoadFailed([LoadError(e.message, f"{prefix}.{e.path}" if e.path else prefix,
                                    e.line, e.column) for e in exc.listed]) from exc


def merged(base: dict[str, Any], written: dict[str, Any]) -> dict[str, Any]:
    """`written` over `base`, part by part: a text keeps the language the draft leaves out, a
    `check:` of the same kind is merged parameter by parameter (a mapping such as
    `represented` key by key), and a check of another kind replaces the base's."""
    result = {**base, **written}
    for part, new in written.items():
        old = base.get(part)
        if not (isinstance(old, dict) and isinstance(new, dict)):
            continue
        if part == "check" and new.get("kind", old.get("kind")) != old.get("kind"):
            continue
        result[part] = {**old, **{key: {**old[key], **value} if isinstance(old.get(key), dict)
                                  and isinstance(value, dict) else value
                                  for key, value in new.items()}}
    return result


def within(source: Source, prefix: str, data: dict[str, Any]) -> Source:
    """`data` with the positions of the draft's entry at `prefix`, as if it stood alone."""
    def inside(table: dict[str, tuple[int, int]]) -> dict[str, tuple[int, int]]:
        return {path[len(prefix):].lstrip("."): pos for path, pos in table.items()
                if path == prefix or path.startswith((prefix + ".", prefix + "["))}
    return Source(data, inside(source.values), inside(source.keys))


def _unknown(source: Source, prefix: str, given: str, base: RuleFile,
             missing: list[str]) -> LoadError:
    ids = [c.id for c in base.criteria]
    nl_tail, en_tail = did_you_mean(given, ids)
    listed = ", ".join(missing)
    return at(source, f"{prefix}.id",
               f"{base.ref.label} heeft geen criterium {quoted(given)} (wel: {', '.join(ids)})"
               f"{nl_tail}; een nieuw criterium geeft u volledig (ontbreekt: {listed})",
               f"{base.ref.label} has no criterion {quoted(given)} (it has: {', '.join(ids)})"
               f"{en_tail}; a new criterion is given in full (missing: {listed})")


def at(source: Source, path: str, nl: str, en: str) -> LoadError:
    """A load error at `path` of the draft."""
    line, column = source.where(path)
    return LoadError(Text(nl, en), path, line, column)
