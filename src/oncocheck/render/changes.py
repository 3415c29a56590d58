"""What `check --compare` changes in a batch, and why: the overview every format leads with.

A file's reason is the criteria whose status moves between the two versions, each with the
first figure of its working that differs (`2a niet voldaan → voldaan: 9/18 = 50% (≥ 60%) →
9/18 = 50% (≥ 50%)`); the impact report gives its verdict changes the same reasons.
"""

from __future__ import annotations

from typing import NamedTuple

from oncocheck.analysis.moves import Move, moves
from oncocheck.render.compare import ABSENT, pairs, verdict_differs
from oncocheck.render.phrases import criteria_text, working
from oncocheck.render.words import words
from oncocheck.report import FileResult, Finding, Report, Verdict


#: A figure longer than this (a list of disciplines) is left out of a reason: it would not read.
FIGURE_WIDTH = 60


def _state(finding: Finding | None, lang: str) -> str:
    w = words(lang)
    return w[finding.status.value] if finding else w["not_in_version"]


def _figures(move: Move, lang: str) -> str:
    """The first figure of the working that differs (`11/20 = 55% (≥ 60%) → 11/20 = 55% (≥
    50%)`), named when it is not the first one (`minimum 5 → 6`); "" when none differs."""
    if move.before is None or move.after is None:
        return ""
    after = dict(working(move.after, lang))
    for index, (label, value) in enumerate(working(move.before, lang)):
        other = after.get(label)
        if other is not None and other != value:
            if max(len(value), len(other)) > FIGURE_WIDTH:
                return ""
            return f"{label + ' ' if index else ''}{value} → {other}"
    return ""


def reason(move: Move, lang: str) -> str:
    """One criterion's move in words: `2a niet voldaan → voldaan: 11/20 = 55% (≥ 60%) → 11/20
    = 55% (≥ 50%)` (the figures only where the working shows them differently)."""
    figures = _figures(move, lang)
    text = f"{move.criterion} {_state(move.before, lang)} → {_state(move.after, lang)}"
    return f"{text}: {figures}" if figures else text


def reasons(moved: tuple[Move, ...], lang: str) -> str:
    """Every move of a file in words, `; ` between them."""
    return "; ".join(reason(m, lang) for m in moved)


class Change(NamedTuple):
    """A file under both versions and the criteria whose status moved."""

    result: FileResult
    other: FileResult | None
    moves: tuple[Move, ...]

    @property
    def verdict_differs(self) -> bool:
        """Whether the compared version gives the file another verdict."""
        return verdict_differs(self.result, self.other)


class Overview(NamedTuple):
    """What `--compare` changes in a batch: the files with another verdict, the files with
    the same verdict but a criterion that moved, and how many files stay the same."""

    verdicts: list[Change]
    criteria: list[Change]
    same: int


def overview(report: Report) -> Overview:
    """The batch's files sorted by what the compared version changes for them."""
    verdicts: list[Change] = []
    criteria: list[Change] = []
    for result, other in pairs(report):
        change = Change(result, other, moves(result, other))
        if change.verdict_differs:
            verdicts.append(change)
        elif change.moves and result.verdict is not Verdict.INVALID:
            criteria.append(change)
    return Overview(verdicts, criteria, len(report.results) - len(verdicts) - len(criteria))



def direction(report: Report, lang: str) -> str:
    """`loppsoz@2024 (toegepast) → loppsoz@2021 (ter vergelijking)`: from the version(s)
    applied to the compared one, the way every reason reads."""
    w = words(lang)
    other = report.compare.criteria.label if report.compare else ABSENT
    return f"{criteria_text(report)} ({w['applied']}) → {other} ({w['compared']})"


def counts_text(found: Overview, files: int, lang: str) -> str:
    """`3 van 43 bestanden krijgen een ander oordeel; 2 alleen een andere criteriumstatus; 38
    blijven gelijk`."""
    w = words(lang)
    parts = [w["compare_verdicts"].format(n=len(found.verdicts), total=files)]
    if found.criteria:
        parts.append(w["compare_criteria"].format(n=len(found.criteria)))
    if found.same:
        parts.append(w["compare_same"].format(n=found.same))
    return "; ".join(parts)
