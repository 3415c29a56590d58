"""`check --compare` as data: each file's verdict and criteria under two versions, side by side.

Plain data only (pairs, rows, column heads, the header); each renderer lays it out in its own
way (Markdown a table per file, HTML a table on the network page, JSON a `compare` object).
All of it reads `Report.compare`: the same files under the other version. What changes in a
batch, and why, is `render/changes.py`.
"""

from __future__ import annotations

from typing import NamedTuple

from oncocheck.render.phrases import criteria_text
from oncocheck.render.words import words
from oncocheck.report import FileResult, Report, Status

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

