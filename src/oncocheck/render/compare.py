"""`check --compare` as data: each file's verdict and criteria under two versions, side by side,
and what changes in a batch, and why: the overview every format leads with.

Plain data only (pairs, rows, column heads, the header, the overview); each renderer lays it
out in its own way. All of it reads `Report.compare`: the same files under the other version.
A file's reason is the criteria whose status moves between the two versions, each with the
first figure of its working that differs (`2a niet voldaan → voldaan: 9/18 = 50% (≥ 60%) →
9/18 = 50% (≥ 50%)`); the impact report gives its verdict changes the same reasons.
"""

from __future__ import annotations

from typing import NamedTuple

from oncocheck.report import Move, moves
from oncocheck.render.words import criteria_text, words, working
from oncocheck.report import FileResult, Finding, Report, Status, Verdict

#: Shown where a version has no verdict or no such criterion for the file.
ABSENT = "—"


class Row(NamedTuple):
    """One criterion under both versions (a status is None where a version lacks it)."""

    id: str
    title: str
    mine: Status | None
    theirs: Status | None
    differs: bool


def pairs(report: Report) -> list[tuple[FileResult, FileResult | None]]:
    """Each result with the same file's result under the compared version."""
    other = {r.file: r for r in (report.compare.results if report.compare else ())}
    return [(result, other.get(result.file)) for result in report.results]


def other_of(report: Report, result: FileResult) -> FileResult | None:
    """The same file's result under the compared version, if any."""
    return next((r for r in (report.compare.results if report.compare else ())
                 if r.file == result.file), None)


def statuses(result: FileResult | None) -> dict[str, Status]:
    """Criterion id -> status, for the criteria (not the extra warnings) of one result."""
    return result.statuses if result else {}


def changed(result: FileResult, other: FileResult | None) -> list[str]:
    """The criteria whose status differs between the two versions (or exist in one only)."""
    mine, theirs = statuses(result), statuses(other)
    return [c for c in dict.fromkeys([*mine, *theirs]) if mine.get(c) != theirs.get(c)]


def verdict_differs(result: FileResult, other: FileResult | None) -> bool:
    """Whether the compared version gives the file another verdict."""
    return other is not None and other.verdict != result.verdict


def rows(result: FileResult, other: FileResult | None, lang: str) -> list[Row]:
    """Every criterion of either version, in order, with its status under each; titled as
    each version words it where they differ (`streven 60%` and `streven 65%`)."""
    mine, theirs = statuses(result), statuses(other)
    return [Row(cid, _title(cid, result, other, lang), mine.get(cid), theirs.get(cid),
                mine.get(cid) != theirs.get(cid))
            for cid in dict.fromkeys([*mine, *theirs])]


def _title(cid: str, result: FileResult, other: FileResult | None, lang: str) -> str:
    """`cid`'s title under the main version, or each version's when the two differ."""
    said = [(r.criteria.label if r.criteria else "", f.title.get(lang))
            for r in (result, other) if r is not None
            for f in r.findings if f.criterion == cid]
    if len({title for _, title in said}) > 1:
        return " · ".join(f"{label}: {title}" for label, title in said)
    return said[0][1] if said else ""


def columns(result: FileResult, other: FileResult | None, report: Report,
            lang: str) -> tuple[str, str]:
    """The two version columns: `loppsoz@2024 (toegepast)`, `loppsoz@2021 (ter vergelijking)`."""
    w = words(lang)
    mine = result.criteria.label if result.criteria else ABSENT
    theirs = (other.criteria.label if other and other.criteria else
              report.compare.criteria.label if report.compare else ABSENT)
    return f"{mine} ({w['applied']})", f"{theirs} ({w['compared']})"


def header(report: Report) -> str:
    """`loppsoz@2024 ↔ loppsoz@2021`: the version(s) applied, then the compared one."""
    other = report.compare.criteria.label if report.compare else ABSENT
    return f"{criteria_text(report)} ↔ {other}"


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
