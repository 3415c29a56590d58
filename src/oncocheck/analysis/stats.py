"""Statistics over a batch for reviewers (`oncocheck impact`, the batch HTML index): the 2a
share distribution and disciplines per network. Shares are exact fractions, so a network at
exactly 60% lands in the 60–65% bin, as the check counts it as meeting 60%.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from fractions import Fraction
from statistics import median

from oncocheck.checks.share import SHARE_KIND
from oncocheck.report import FileResult, Severity, Text, Verdict

BIN_WIDTH = 5  # percent
BINS = 100 // BIN_WIDTH
OTHER = "anders"
OTHER_LABEL = Text("ander beroep", "other profession")


def share_of(result: FileResult) -> Fraction | None:
    """The file's 2a share as an exact fraction; None when invalid, without a 2a finding or
    with nobody eligible (denominator 0)."""
    finding = next((f for f in result.findings if f.check == SHARE_KIND
                    and f.severity is Severity.ERROR), None)
    observed = finding.observed if finding else {}
    listed, eligible = observed.get("listed"), observed.get("eligible")
    if not isinstance(listed, int) or not isinstance(eligible, int) or eligible <= 0:
        return None
    return Fraction(listed, eligible)


def share_bin(share: Fraction) -> int:
    """The bin index (0..BINS-1) of a share: [0, 5%), [5%, 10%), ..., [95%, 100%]."""
    return min(int(share * 100 // BIN_WIDTH), BINS - 1)


def bin_label(index: int) -> str:
    """`0–5%`, ..., `95–100%`."""
    return f"{index * BIN_WIDTH}–{(index + 1) * BIN_WIDTH}%"


@dataclass(frozen=True, slots=True)
class ShareDistribution:
    """How the 2a share is spread over the valid networks: `counts` per 5%-wide bin;
    `undefined` counts valid networks without a share (nobody eligible, or no 2a criterion),
    `invalid` the files that could not be read. `minimum`/`median`/`maximum`: None when no
    network has a share."""

    counts: tuple[int, ...]
    networks: int
    undefined: int
    invalid: int
    minimum: Fraction | None
    median: Fraction | None
    maximum: Fraction | None


def share_distribution(results: Iterable[FileResult]) -> ShareDistribution:
    """The distribution of the 2a share over `results`, read once (a large batch's results
    are unpacked one by one; only the shares are kept)."""
    shares: list[Fraction] = []
    valid = invalid = 0
    for result in results:
        if result.verdict is Verdict.INVALID:
            invalid += 1
            continue
        valid += 1
        share = share_of(result)
        if share is not None:
            shares.append(share)
    shares.sort()
    counts = [0] * BINS
    for share in shares:
        counts[share_bin(share)] += 1
    return ShareDistribution(
        tuple(counts), len(shares), valid - len(shares), invalid,
        shares[0] if shares else None, Fraction(median(shares)) if shares else None,
        shares[-1] if shares else None)


def share_thresholds(results: Iterable[FileResult]) -> tuple[tuple[str, float], ...]:
    """The 2a thresholds the results were checked against, smallest first, each labelled with
    the criteria versions that use it (`loppsoz@2021`)."""
    found: dict[float, list[str]] = {}
    for result in results:
        for f in result.findings:
            threshold = f.observed.get("threshold")
            if f.check != SHARE_KIND or not isinstance(threshold, (int, float)):
                continue
            labels = found.setdefault(threshold, [])
            label = result.criteria.label if result.criteria else ""
            if label not in labels:
                labels.append(label)
    return tuple((", ".join(sorted(found[t])), t) for t in sorted(found))


@dataclass(frozen=True, slots=True)
class DisciplineCount:
    """How many networks have at least one member of a discipline (canonical id)."""

    discipline: str
    label: Text
    networks: int


def discipline_counts(results: Iterable[FileResult]) -> tuple[DisciplineCount, ...]:
    """Per canonical discipline, the number of valid networks with a member of it; most
    common first, then by id. `anders` members count under one row whatever they wrote."""
    labels: dict[str, Text] = {}
    networks: dict[str, int] = {}
    for result in results:
        if result.verdict is Verdict.INVALID:
            continue
        for member in result.members:
            labels.setdefault(member.discipline, OTHER_LABEL if member.discipline == OTHER
                              else member.discipline_label)
        for discipline in {m.discipline for m in result.members}:
            networks[discipline] = networks.get(discipline, 0) + 1
    order = sorted(networks, key=lambda d: (-networks[d], d))
    return tuple(DisciplineCount(d, labels[d], networks[d]) for d in order)


def as_percent(share: Fraction | float | None) -> float | None:
    """A share as a percentage with one decimal (55.0, 62.5), for reports; None stays None."""
    return None if share is None else round(float(share) * 100, 1)
