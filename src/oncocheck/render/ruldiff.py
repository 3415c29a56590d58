"""The output of `oncocheck criteria diff`: text for people (nl/en) and JSON (English)."""

from __future__ import annotations

import json
from typing import Any

from oncocheck.rules import bundled as criteria_sets
from oncocheck.rules.diff import CriterionChange, describe, diff

WORDS = {
    "nl": {"added": "nieuw", "removed": "vervallen", "changed": "gewijzigd", "from": "vanaf",
           "same": "Ongewijzigd", "none": "Geen verschillen tussen de criteria.",
           "other_lang": "alleen de Engelse tekst is gewijzigd"},
    "en": {"added": "added", "removed": "removed", "changed": "changed", "from": "from",
           "same": "Unchanged", "none": "No differences between the criteria.",
           "other_lang": "only the Dutch text changed"},
}


def _ref(rule_file: criteria_sets.RuleFile) -> dict[str, str]:
    return {"set": rule_file.set, "version": rule_file.version,
            "valid_from": rule_file.valid_from.isoformat()}


def _unchanged(old: criteria_sets.RuleFile, new: criteria_sets.RuleFile,
               changes: list[CriterionChange]) -> list[str]:
    touched = {c.criterion for c in changes}
    old_ids = {c.id for c in old.criteria}
    return [c.id for c in new.criteria if c.id in old_ids and c.id not in touched]


def diff_text(old: criteria_sets.RuleFile, new: criteria_sets.RuleFile, lang: str) -> str:
    """The differences as lines for the terminal."""
    words, changes = WORDS[lang], diff(old, new)
    lines = [f"{old.ref.label} ({words['from']} {old.valid_from}) → {new.ref.label} "
             f"({words['from']} {new.valid_from})", ""]
    for change in changes:
        lines.append(f"{change.criterion:<4} {words[change.change]}: {change.title.get(lang)}")
        parts = [d for d in (describe(p, lang) for p in change.parts) if d]
        if change.change == "changed" and not parts:
            parts = [words["other_lang"]]
        lines += [f"     {change.criterion}: {part}" for part in parts]
    if not changes:
        lines.append(words["none"])
    same = _unchanged(old, new, changes)
    if same:
        lines += ["", f"{words['same']}: {', '.join(same)}"]
    return "\n".join(lines) + "\n"


def diff_json(old: criteria_sets.RuleFile, new: criteria_sets.RuleFile) -> str:
    """The differences as JSON: every changed part with its value before and after."""
    changes = diff(old, new)
    data: dict[str, Any] = {
        "from": _ref(old), "to": _ref(new),
        "criteria": [{"criterion": c.criterion, "change": c.change, "title": c.title.en,
                      "changes": [{"part": p.part, "before": p.before, "after": p.after,
                                   "description": describe(p, "en") or None}
                                  for p in c.parts]} for c in changes],
        "unchanged": _unchanged(old, new, changes),
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
