"""`oncocheck criteria diff A B`: what changed between two criteria versions, per criterion.

A criterion is added, removed or changed; a change lists each differing part: a check
parameter ("2a: threshold 50% → 60%"), the check kind, severity, title, text, remediation or
source. Computed from the rule files themselves, so a new version needs no code.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from oncocheck.report import Text
from oncocheck.rules.model import Criterion, RuleFile
from oncocheck.wording import percent

#: How parameters and parts are called for people: (nl, en).
NAMES = {"threshold": ("drempel", "threshold"), "minimum": ("minimum", "minimum"),
         "max_age_days": ("hoogstens dagen oud", "at most days old"),
         "groups": ("groepen", "groups"), "represented": ("in de Verwijsgids", "represented"),
         "field": ("veld", "field"), "alternatives": ("alternatieven", "alternatives"),
         "non_profit_forms": ("rechtsvormen zonder winstoogmerk", "non-profit legal forms"),
         "profit_forms": ("rechtsvormen met winstoogmerk", "for-profit legal forms"),
         "local": ("lokaal", "local"), "too_wide": ("te breed", "too wide"),
         "kind": ("controle", "check"), "severity": ("ernst", "severity"),
         "title": ("titel", "title"), "text": ("tekst", "text"),
         "remediation": ("wat te doen", "remediation"), "source": ("bron", "source")}
#: A severity as people call it (Dutch: an error criterion is an "eis").
SEVERITIES = {"error": ("eis", "error"), "warning": ("waarschuwing", "warning")}


@dataclass(frozen=True, slots=True)
class PartChange:
    """One differing part of a criterion: `part` is e.g. `check.threshold` or `title.en`."""

    part: str
    before: Any
    after: Any


@dataclass(frozen=True, slots=True)
class CriterionChange:
    """A criterion that was added, removed or changed between two versions."""

    criterion: str
    change: str  # "added" | "removed" | "changed"
    title: Text
    parts: tuple[PartChange, ...] = ()


def _flat(criterion: Criterion) -> dict[str, Any]:
    """Every comparable part of a criterion, flattened to `part -> value`; texts as written, so
    a text that only follows a changed parameter (`{threshold}`) is no change of its own."""
    data = criterion.model_dump(mode="json", exclude={"id"})
    flat: dict[str, Any] = {}
    for key, value in data.items():
        if isinstance(value, dict):
            flat.update({f"{key}.{k}": v for k, v in value.items()})
        else:
            flat[key] = value
    return flat


def diff(old: RuleFile, new: RuleFile) -> list[CriterionChange]:
    """The changes from `old` to `new`, in `new`'s criteria order (removed ones last); within
    a criterion, the check's parameters come first because they change the outcome."""
    before = {c.id: c for c in old.criteria}
    after = {c.id: c for c in new.criteria}
    changes = []
    for cid, criterion in after.items():
        if cid not in before:
            changes.append(CriterionChange(cid, "added", criterion.said("title")))
            continue
        a, b = _flat(before[cid]), _flat(criterion)
        keys = sorted(dict.fromkeys([*a, *b]), key=lambda k: not k.startswith("check."))
        parts = tuple(PartChange(k, a.get(k), b.get(k)) for k in keys if a.get(k) != b.get(k))
        if parts:
            changes.append(CriterionChange(cid, "changed", criterion.said("title"), parts))
    changes += [CriterionChange(cid, "removed", c.said("title"))
                for cid, c in before.items() if cid not in after]
    return changes


def _value(part: str, value: Any, lang: str) -> str:
    if value is None:
        return "—"
    if part == "check.threshold" and isinstance(value, (int, float)):
        return percent(value, lang)
    if isinstance(value, list):
        return ", ".join("/".join(v) if isinstance(v, list) else str(v) for v in value) or "—"
    if isinstance(value, dict):
        return ", ".join(f"{k}: {v}" for k, v in value.items()) or "—"
    return str(value)


def describe(change: PartChange, lang: str) -> str:
    """`drempel 50% → 60%` / `threshold 50% → 60%`; texts are quoted, in their own language."""
    base, _, sub = change.part.partition(".")
    is_text = base in ("title", "text", "remediation")
    if is_text and sub != lang:
        return ""
    name = NAMES.get(sub if base == "check" else base, (change.part, change.part))
    name_text = name[1] if lang == "en" else name[0]
    old, new = _value(change.part, change.before, lang), _value(change.part, change.after, lang)
    if base == "severity":
        old, new = (SEVERITIES.get(v, (v, v))[lang == "en"] for v in (old, new))
    if is_text:
        return f"{name_text}: '{old}' → '{new}'"
    return f"{name_text} {old} → {new}"


def outcome_changes(old: RuleFile, new: RuleFile) -> list[Text]:
    """What changes outcomes between two versions, one short line per change, e.g.
    `2a: drempel 50% → 60%`: criteria added or removed, and changed checks or severities
    (changed wording alone changes no verdict and is left out)."""
    lines = []
    for change in diff(old, new):
        if change.change != "changed":
            word = {"added": ("nieuw", "added"), "removed": ("vervallen", "removed")}[change.change]
            lines.append(Text(f"{change.criterion}: {word[0]}", f"{change.criterion}: {word[1]}"))
            continue
        for part in change.parts:
            if part.part.startswith("check.") or part.part == "severity":
                lines.append(Text(f"{change.criterion}: {describe(part, 'nl')}",
                                  f"{change.criterion}: {describe(part, 'en')}"))
    return lines
