"""The observed working of a finding, as label/value pairs people can read.

`observed` is plain data chosen by each check kind; this module knows a few shapes (the 2a
share, lists of disciplines, members left out) and shows anything else as it is.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from oncocheck.render.words import words
from oncocheck.report import FileResult, Finding
from oncocheck.wording import percent

# Keys whose values are discipline ids, shown with the label the members table uses.
_DISCIPLINE_KEYS = {"disciplines", "present", "missing"}
# Keys folded into the one-line share (`7/11 = 63.6% (≥ 60%)`).
_SHARE_KEYS = {"listed", "eligible", "share", "threshold"}


def share_line(observed: dict[str, Any]) -> str | None:
    """`7/11 = 63.6% (≥ 60%)` when the finding is a share with numerator and denominator."""
    if not {"listed", "eligible"} <= observed.keys():
        return None
    listed, eligible = observed["listed"], observed["eligible"]
    line = f"{listed}/{eligible}"
    if eligible:
        line += f" = {percent(Fraction(listed, eligible))}"
    if isinstance(observed.get("threshold"), (int, float)):
        line += f" (≥ {percent(observed['threshold'])})"
    return line


def _labels(result: FileResult, lang: str) -> dict[str, str]:
    """Discipline id -> label in `lang`, from the members the file has."""
    return {m.discipline: m.discipline_label.get(lang) for m in result.members}


def _excluded(items: list[Any], result: FileResult, lang: str) -> str:
    reasons = {m.location.path: m.excluded_from_2a.get(lang) for m in result.members
               if m.location is not None and m.excluded_from_2a is not None}
    shown = []
    for item in items:
        if not isinstance(item, dict):
            shown.append(str(item))
            continue
        reason = reasons.get(item.get("path", "")) or str(item.get("reason", "")).replace("_", " ")
        shown.append(f"{item.get('member', '?')} ({reason})" if reason else str(item.get("member")))
    return "; ".join(shown)


def value_text(key: str, value: Any, result: FileResult, lang: str) -> str:
    """One observed value as text."""
    w = words(lang)
    if value is None:
        return w["not_given"]
    if isinstance(value, bool):
        return w["yes"] if value else w["no"]
    if key == "excluded" and isinstance(value, list):
        return _excluded(value, result, lang) or w["none"]
    if isinstance(value, list):
        labels = _labels(result, lang) if key in _DISCIPLINE_KEYS else w.field_names()
        return ", ".join(labels.get(str(v), str(v).replace("_", " ")) for v in value) or w["none"]
    if isinstance(value, float) and key in {"share", "threshold"}:
        return percent(value)
    if isinstance(value, dict):
        return "; ".join(f"{k}: {value_text(k, v, result, lang)}" for k, v in value.items())
    return str(value)


def working(finding: Finding, result: FileResult, lang: str) -> list[tuple[str, str]]:
    """The finding's observed values as (label, value) pairs, the share first."""
    w, observed = words(lang), finding.observed
    rows: list[tuple[str, str]] = []
    line = share_line(observed)
    if line is not None:
        rows.append((w.observed_name("share"), line))
    for key, value in observed.items():
        if line is not None and key in _SHARE_KEYS:
            continue
        rows.append((w.observed_name(key), value_text(key, value, result, lang)))
    return rows
