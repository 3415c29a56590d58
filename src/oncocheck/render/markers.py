"""Warnings counted as a reviewer needs them: how many of each kind a file has (also past the
cap on warnings of one kind), and the markers the batch index shows for the kinds a reviewer
must see at a glance: a declared criteria version other than the one applied (`criteria-pin`),
a plan item past its date, an evidence document not found or not usable; and a file judged on
the day of the run because it has no `submitted:` date."""

from __future__ import annotations

from dataclasses import dataclass

from oncocheck.render.words import Words, words
from oncocheck.report import Dated, FileResult

#: The warnings the index marks, in the order the markers are shown.
MARKED = ("criteria-pin", "plan-overdue", "document-not-found", "document-not-usable")


def warning_counts(result: FileResult) -> dict[str, int]:
    """Warning id -> how many warnings of that kind the file has, in first-seen order.

    Past the cap (`checks.notices.capped_warnings`) one finding stands for the rest
    (`observed: {"more": N}`); it counts as those N."""
    counts: dict[str, int] = {}
    for finding in result.warnings:
        more = finding.observed.get("more") if set(finding.observed) == {"more"} else None
        weight = more if isinstance(more, int) and not isinstance(more, bool) else 1
        counts[finding.criterion] = counts.get(finding.criterion, 0) + weight
    return counts


@dataclass(frozen=True, slots=True)
class Marker:
    """One kind of warning to mark: its id, its words, and how many the file has."""

    warning: str
    text: str
    count: int


def markers(result: FileResult, lang: str) -> list[Marker]:
    """The index's markers for this file, in MARKED order (none for a file without them); a
    file judged on the day of the run for want of a `submitted:` date is marked first."""
    counts, w = warning_counts(result), words(lang)
    undated = [Marker("undated", w["flag_undated"], 1)] if result.dated is Dated.TODAY else []
    return undated + [Marker(kind, _text(w, kind), counts[kind])
                      for kind in MARKED if kind in counts]


def _text(w: Words, kind: str) -> str:
    return {"criteria-pin": w["flag_pin"], "plan-overdue": w["flag_overdue"],
            "document-not-found": w["flag_not_found"],
            "document-not-usable": w["flag_not_usable"]}[kind]
