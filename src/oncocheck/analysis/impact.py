"""What a new criteria version changes for a batch of networks (`oncocheck impact`): which
networks change verdict, how each criterion's statuses move, how the 2a share is spread, and
optionally how many networks would meet 2a at other thresholds.

The sweep is made under each version: a draft may change which disciplines count for 2a
(`vocabulary:`), and so every share, so `from`'s threshold is read on `from`'s own shares.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from oncocheck.analysis.stats import ShareDistribution, share_distribution, share_of
from oncocheck.checks.share import SHARE_KIND, meets_share
from oncocheck.report import CriteriaRef, FileResult, Move, Report, Text, Verdict, moves

#: Thresholds of `--sweep 2a`, in percent.
SWEEP = tuple(range(40, 81, 5))
#: Status names in transitions; `absent` when a version has no such criterion for the file.
STATES = ("met", "not_met", "missing")
ABSENT = "absent"


@dataclass(frozen=True, slots=True)
class VerdictChange:
    """One network whose verdict differs between the two versions, and why: the criteria
    whose status moved."""

    file: str
    network: str | None
    before: Verdict
    after: Verdict
    moves: tuple[Move, ...] = ()


@dataclass(frozen=True, slots=True)
class CriterionMoves:
    """How one criterion's statuses move over the valid networks: (from, to, count) for every
    pair of different statuses, then any pair with `absent` that occurs; `failing_*` counts
    not met or missing."""

    id: str
    title: Text
    changed: int
    transitions: tuple[tuple[str, str, int], ...]
    failing_before: int
    failing_after: int


@dataclass(frozen=True, slots=True)
class SweepPoint:
    """How many networks would meet 2a at `threshold` percent: with the shares as `to`
    counts them (`meeting`), and as `from` counts them (`meeting_before`)."""

    threshold: int
    meeting: int
    meeting_before: int


@dataclass(frozen=True, slots=True)
class Impact:
    """The impact of moving a batch from criteria version `before` to `after`."""

    tool_version: str
    as_of: date
    before: CriteriaRef
    after: CriteriaRef
    summary_before: dict[str, int]
    summary_after: dict[str, int]
    changes: tuple[VerdictChange, ...]
    criteria: tuple[CriterionMoves, ...]
    shares: ShareDistribution
    thresholds: tuple[float | None, float | None]  # the 2a threshold of each version
    sweep: tuple[SweepPoint, ...] | None
    dates: tuple[date, ...] = ()  # the files' as-of dates, earliest first
    share_criterion: str | None = None  # of `after`, found by its check kind
    #: With the sweep: each version's 2a result (its own threshold and shares).
    meeting_at_thresholds: tuple[int | None, int | None] = (None, None)


def criterion_order(ids: set[str]) -> list[str]:
    """Criterion ids in official order: 1a, 1b, 2a, 2b, 3, ..., 10 (numbers, then letters)."""
    def key(cid: str) -> tuple[int, str]:
        digits = "".join(c for c in cid if c.isdigit())
        return (int(digits) if digits else 10**6, cid)
    return sorted(ids, key=key)


def _values(result: FileResult) -> dict[str, str]:
    return {cid: status.value for cid, status in result.statuses.items()}


def _criterion(cid: str, pairs: list[tuple[dict[str, str], dict[str, str]]],
               title: Text) -> CriterionMoves:
    moves = [(a.get(cid, ABSENT), b.get(cid, ABSENT)) for a, b in pairs]
    fixed = [(x, y) for x in STATES for y in STATES if x != y]
    extra = sorted({m for m in moves if m[0] != m[1] and m not in fixed})
    transitions = tuple((x, y, moves.count((x, y))) for x, y in [*fixed, *extra])
    failing = [sum(1 for m in moves if m[i] in ("not_met", "missing")) for i in (0, 1)]
    return CriterionMoves(cid, title, sum(1 for x, y in moves if x != y), transitions,
                           failing[0], failing[1])


def _threshold(report: Report) -> float | None:
    """The share criterion's threshold in the report's criteria version, as the findings
    show it."""
    return next((f.observed["threshold"] for r in report.results for f in r.findings
                 if f.check == SHARE_KIND and "threshold" in f.observed), None)


def meeting(results: Iterable[FileResult], threshold: float) -> int:
    """Networks whose 2a share meets `threshold` (a fraction), compared exactly as the 2a
    check does."""
    shares = [s for s in map(share_of, results) if s is not None]
    return sum(meets_share(s.numerator, s.denominator, threshold) for s in shares)


def sweep_share(before: Report, after: Report) -> tuple[SweepPoint, ...]:
    """Networks meeting 2a at each SWEEP threshold, with each version's own shares."""
    return tuple(SweepPoint(t, meeting(after.results, t / 100), meeting(before.results, t / 100))
                 for t in SWEEP)


def _at_own(report: Report, threshold: float | None) -> int | None:
    """Networks meeting the version's own 2a threshold with its own shares: its 2a result."""
    return None if threshold is None else meeting(report.results, threshold)


def compare(before: Report, after: Report, sweep: bool = False) -> Impact:
    """The Impact of `after` over `before` (the same files checked under both versions);
    with `sweep`, also the share criterion at other thresholds."""
    # paired by file, so a file that appears or goes between the two runs cannot shift pairs
    later = {r.file: r for r in after.results}
    pairs = [(a, later[a.file]) for a in before.results if a.file in later]
    valid = [(_values(a), _values(b)) for a, b in pairs
             if Verdict.INVALID not in (a.verdict, b.verdict)]
    ids = {cid for a, b in valid for cid in (*a, *b)}
    ids |= {c.id for r in (before, after) for s in r.criteria_sets for c in s.criteria
            if s.ref in (before.criteria, after.criteria)}
    titles = {c.id: c.title for r in (before, after) for s in r.criteria_sets for c in s.criteria}
    changes = tuple(VerdictChange(a.file, b.network or a.network, a.verdict, b.verdict,
                                  moves(a, b)) for a, b in pairs if a.verdict is not b.verdict)
    thresholds = (_threshold(before), _threshold(after))
    return Impact(
        after.tool_version, after.as_of, before.criteria, after.criteria, before.summary,
        after.summary, changes,
        tuple(_criterion(cid, valid, titles.get(cid, Text(cid, cid)))
              for cid in criterion_order(ids)),
        share_distribution(after.results), thresholds,
        sweep_share(before, after) if sweep else None,
        tuple(sorted(set(before.dates) | set(after.dates))), share_criterion(after),
        (_at_own(before, thresholds[0]), _at_own(after, thresholds[1])) if sweep
        else (None, None))


def share_criterion(report: Report) -> str | None:
    """The id of the share criterion (its check kind, not its id, says which: 2a in the
    LOPPSOZ sets) in the report's own criteria version, or None when it has none."""
    info = report.criteria_set(report.criteria)
    return next((c.id for c in (info.criteria if info else ()) if c.check == SHARE_KIND), None)


def sweepable(value: str, share: str | None) -> bool:
    """Whether `--sweep VALUE` names the share criterion `share` (only it can be swept);
    False also when the version has none."""
    return share is not None and value.strip().lower() == share.lower()
