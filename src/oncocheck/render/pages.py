"""What the HTML templates show, worked out from the Report: page names, criteria groups,
the networks × criteria matrix and how many networks fail each criterion.

Kept apart from the templates so the logic is plain Python and the templates only lay it out.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from oncocheck.report import CriterionInfo, FileResult, Finding, Report, Severity, Status, Verdict

_UNSAFE = re.compile(r"[^a-z0-9]+")


def slug(file: str) -> str:
    """A safe page name stem for a network file path: `examples/a/b.yaml` -> `examples-a-b`."""
    stem = re.sub(r"\.ya?ml$", "", file, flags=re.IGNORECASE)
    plain = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode()
    return _UNSAFE.sub("-", plain.lower()).strip("-")[:80].strip("-") or "network"


def page_names(report: Report) -> dict[str, str]:
    """File path -> page file name, unique and stable (results are in path order)."""
    used, names = {"index"}, {}
    for result in report.results:
        base = name = slug(result.file)
        counter = 2
        while name in used:
            name, counter = f"{base}-{counter}", counter + 1
        used.add(name)
        names[result.file] = f"{name}.html"
    return names


@dataclass(frozen=True)
class Item:
    """One criterion of one file: its definition (if the set has it) and its finding."""

    info: CriterionInfo | None
    finding: Finding


def groups(report: Report, result: FileResult) -> list[tuple[str, list[Item]]]:
    """The error findings grouped by official number (1a and 1b under 1), in criteria order."""
    info = report.criteria_set(result.criteria)
    out: dict[str, list[Item]] = {}
    for finding in result.findings:
        if finding.severity is not Severity.ERROR:
            continue
        criterion = info.criterion(finding.criterion) if info else None
        number = criterion.number if criterion else finding.criterion
        out.setdefault(number, []).append(Item(criterion, finding))
    return list(out.items())


def counts(result: FileResult) -> dict[str, int]:
    """How many error findings are met, not met and missing."""
    found = [f.status for f in result.findings if f.severity is Severity.ERROR]
    return {s.value: found.count(s) for s in Status}


def columns(report: Report) -> list[str]:
    """The criterion ids of every applied set, in first-seen criteria order."""
    return list(dict.fromkeys(c.id for s in report.criteria_sets for c in s.criteria))


def matrix_row(result: FileResult, ids: list[str]) -> list[Status | None]:
    """The status per criterion id for one file (None: not checked or not in its set)."""
    found = result.statuses
    return [found.get(cid) for cid in ids]


@dataclass(frozen=True)
class Tally:
    """How one criterion fared across the batch."""

    id: str
    title: str
    met: int
    not_met: int
    missing: int

    @property
    def failing(self) -> int:
        """Networks that do not meet it (not met or missing)."""
        return self.not_met + self.missing


def titles(report: Report, lang: str) -> dict[str, str]:
    """Criterion id -> title; where applied sets differ, the first set's title wins."""
    return {c.id: c.title.get(lang) for s in reversed(report.criteria_sets) for c in s.criteria}


def tallies(report: Report, lang: str) -> list[Tally]:
    """One Tally per criterion, in criteria order, over the valid files."""
    names = titles(report, lang)
    valid = [r for r in report.results if r.verdict is not Verdict.INVALID]
    out = []
    for cid in columns(report):
        row = [s for r in valid for s in matrix_row(r, [cid]) if s is not None]
        out.append(Tally(cid, names.get(cid, cid), row.count(Status.MET),
                         row.count(Status.NOT_MET), row.count(Status.MISSING)))
    return out
