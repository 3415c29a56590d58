"""What the HTML templates show, worked out from the Report: page names, criteria groups,
the networks × criteria matrix, how many networks fail each criterion, and the markers of the
warnings a reviewer must see at a glance.

Kept apart from the templates so the logic is plain Python and the templates only lay it out.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from oncocheck.render.words import said_per_version, words
from oncocheck.report import (CriterionInfo, Dated, FileResult, Finding, Report, Severity, Status,
                              Verdict)
from oncocheck.wording import common_folder, relative

_UNSAFE = re.compile(r"[^a-z0-9]+")


def slug(file: str) -> str:
    """A safe page name stem for a network file path: `examples/a/b.yaml` -> `examples-a-b`."""
    stem = re.sub(r"\.ya?ml$", "", file, flags=re.IGNORECASE)
    plain = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode()
    return _UNSAFE.sub("-", plain.lower()).strip("-")[:80].strip("-") or "network"


def batch_folder(report: Report) -> str:
    """The common folder of a batch's files, the skipped ones included: what the index names
    once, so its tables show short paths (a column of absolute paths crowds out the rest)."""
    return common_folder([*(r.file for r in report.results), *report.skipped])


def page_names(report: Report) -> dict[str, str]:
    """File path -> page file name, short, unique and stable (results are in path order).

    A page is named after its file (`voorbeeldstad.html`); when names clash, after as many of
    the folders above it, below the batch's common folder, as tell them apart
    (`compliant-voorbeeldstad.html`); what still clashes gets a number (`zuid-2.html`).
    """
    folder = batch_folder(report)
    stems = {r.file: re.sub(r"\.ya?ml$", "", relative(r.file, folder), flags=re.IGNORECASE)
             .split("/") for r in report.results}
    names: dict[str, str] = {}
    level = 1
    while len(names) < len(stems):
        pending = [f for f in stems if f not in names]
        wanted = {f: slug("/".join(stems[f][-level:])) for f in pending}
        clashes = Counter(wanted.values())
        taken = {"index", *names.values()}
        for file in pending:
            last = level >= len(stems[file])
            if clashes[wanted[file]] == 1 and wanted[file] not in taken or last:
                names[file] = _free(wanted[file], taken)
                taken.add(names[file])
        level += 1
    return {file: f"{names[file]}.html" for file in stems}


def _free(name: str, taken: set[str]) -> str:
    """`name`, or the first of `name-2`, `name-3`, ... that is not taken."""
    counter, free = 2, name
    while free in taken:
        free, counter = f"{name}-{counter}", counter + 1
    return free


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


def tallies(report: Report, lang: str) -> list[Tally]:
    """One Tally per criterion, in criteria order, over the valid files; titled as the
    versions that judged the batch word it, each after its versions where they differ
    (`words.said_per_version`)."""
    names, ids = said_per_version(report, "title", lang), columns(report)
    counted: dict[str, Counter[Status]] = {cid: Counter() for cid in ids}
    for result in report.results:
        if result.verdict is Verdict.INVALID:
            continue
        for cid, status in zip(ids, matrix_row(result, ids), strict=True):
            if status is not None:
                counted[cid][status] += 1
    return [Tally(cid, names.get(cid, cid), counted[cid][Status.MET],
                  counted[cid][Status.NOT_MET], counted[cid][Status.MISSING]) for cid in ids]


#: The warnings the index marks, in the order the markers are shown: a declared criteria
#: version other than the one applied, a plan item past its date, an evidence document not
#: found or not usable.
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
    text = {"criteria-pin": w["flag_pin"], "plan-overdue": w["flag_overdue"],
            "document-not-found": w["flag_not_found"],
            "document-not-usable": w["flag_not_usable"]}
    undated = [Marker("undated", w["flag_undated"], 1)] if result.dated is Dated.TODAY else []
    return undated + [Marker(kind, text[kind], counts[kind]) for kind in MARKED if kind in counts]
