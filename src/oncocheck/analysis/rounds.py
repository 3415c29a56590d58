"""Two review rounds compared (`oncocheck rounds OLD.json NEW.json`): which networks are new,
gone, newly compliant or no longer compliant, and per network the criteria whose status moved.

A network is matched by its name, normalised (case, accents, spaces and punctuation do not
count), then by its file path: a network renamed in a file that stayed is the same network;
an invalid result has no name and is matched by path only. A path counts from its round's
own folder (the common folder of its files): `ronde-2025/x.yaml` is `ronde-2026/x.yaml` a
round later. Statuses are compared only where both results were judged (neither is invalid).
"""

from __future__ import annotations

import functools
import unicodedata
from collections import Counter
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from datetime import date

from oncocheck.analysis.impact import ABSENT, criterion_order
from oncocheck.load.reports import PastReport, PastResult
from oncocheck.report import Text, version_label
from oncocheck.wording import common_folder, relative

#: The kinds of change, in the order reports list them.
CHANGES = ("no_longer_compliant", "newly_compliant", "new", "gone", "newly_invalid",
           "no_longer_invalid", "still_invalid", "unchanged")


@dataclass(frozen=True, slots=True)
class Version:
    """A criteria version as a report names it; `file` for a rule file given by path."""

    set: str
    version: str
    file: str | None = None

    @property
    def label(self) -> str:
        """`set@version`, with the rule file when it is not bundled (as `CriteriaRef`)."""
        return version_label(self.set, self.version, self.file)


@dataclass(frozen=True, slots=True)
class Side:
    """One network in one round; `file` as seen from the round's folder."""

    file: str
    network: str | None
    verdict: str
    criteria: Version | None
    as_of: date | None
    statuses: tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True)
class Move:
    """A criterion whose status differs: `before` and `after` are status values, or `absent`
    when that round's version has no such criterion."""

    criterion: str
    before: str
    after: str


@dataclass(frozen=True, slots=True)
class NetworkRound:
    """One network over the two rounds; `matched_by` is "name", "path" or None (new, gone)."""

    change: str
    before: Side | None
    after: Side | None
    matched_by: str | None
    moves: tuple[Move, ...]

    @property
    def name(self) -> str:
        """What the network is called now (else then, else its file)."""
        sides = [s for s in (self.after, self.before) if s is not None]
        return next((s.network for s in sides if s.network), sides[0].file)

    @property
    def file(self) -> str:
        """The network's file now (else then)."""
        side = self.after or self.before
        assert side is not None  # a network is in one round at least
        return side.file

    @property
    def renamed(self) -> bool:
        """Whether the network is named otherwise now (renamed, or spelt otherwise)."""
        return bool(self.before and self.after and self.before.network and self.after.network
                    and self.before.network != self.after.network)

    @property
    def moved(self) -> bool:
        """Whether the network's file lies elsewhere in its round's folder now."""
        return bool(self.before and self.after and self.before.file != self.after.file)


@dataclass(frozen=True, slots=True)
class RoundInfo:
    """One round's report: where it was read from, who made it, its files' common folder."""

    path: str
    tool_version: str
    folder: str
    dates: tuple[tuple[date, int], ...]  # files per as-of date that judged them, by date
    versions: tuple[tuple[Version, int], ...]  # files per applied version, most first
    summary: tuple[tuple[str, int], ...]  # files per verdict: files, compliant, ...


@dataclass(frozen=True, slots=True)
class Rounds:
    """The comparison of round `old` with round `new`; `notes` say what changed between
    their versions (when each round applied one bundled version, and they differ)."""

    tool_version: str
    old: RoundInfo
    new: RoundInfo
    networks: tuple[NetworkRound, ...]
    notes: tuple[Text, ...] = ()

    @property
    def counts(self) -> dict[str, int]:
        """Networks per kind of change, every kind in CHANGES order."""
        found = Counter(n.change for n in self.networks)
        return {change: found[change] for change in CHANGES}

    @property
    def mixed(self) -> bool:
        """Whether a round judged its files under more than one version."""
        return len(self.old.versions) > 1 or len(self.new.versions) > 1

    def lost(self) -> bool:
        """Whether a network that was compliant is no longer."""
        return any(n.change == "no_longer_compliant" for n in self.networks)

    def changed(self) -> bool:
        """Whether anything differs: a network new, gone, or with another verdict or status."""
        return any(n.change not in ("unchanged", "still_invalid") or n.moves
                   for n in self.networks)


def compare_rounds(old: PastReport, new: PastReport, paths: tuple[str, str],
                   tool_version: str, notes: Sequence[Text] = ()) -> Rounds:
    """Round `old` against round `new` (read from `paths`), one NetworkRound per network."""
    before, after = _sides(old), _sides(new)
    pairs, lone_before, lone_after = match(before, after)
    networks = [_network(a, b, how) for a, b, how in pairs]
    networks += [NetworkRound("gone", a, None, None, ()) for a in lone_before]
    networks += [NetworkRound("new", None, b, None, ()) for b in lone_after]
    networks.sort(key=lambda n: (CHANGES.index(n.change), name_key(n.name), n.name, n.file))
    return Rounds(tool_version, _info(old, paths[0]), _info(new, paths[1]), tuple(networks),
                  tuple(notes))


def _sides(report: PastReport) -> list[Side]:
    folder = common_folder(r.file for r in report.results)
    return [_side(r, relative(r.file, folder)) for r in report.results]


def _side(result: PastResult, file: str) -> Side:
    """A result as compared: the criteria's statuses, not the extra warnings'."""
    version = result.criteria
    statuses = tuple((f.criterion, f.status) for f in result.findings if f.severity == "error")
    return Side(file, result.network, result.verdict,
                Version(version.set, version.version, version.file) if version else None,
                result.as_of, statuses)


def _network(before: Side, after: Side, how: str) -> NetworkRound:
    judged = "invalid" not in (before.verdict, after.verdict)
    return NetworkRound(_change(before.verdict, after.verdict), before, after, how,
                        _moves(before, after) if judged else ())


def _change(before: str, after: str) -> str:
    if before == "compliant" != after:
        return "no_longer_compliant"
    if after == "compliant" != before:
        return "newly_compliant"
    if before == after:
        return "still_invalid" if before == "invalid" else "unchanged"
    return "newly_invalid" if after == "invalid" else "no_longer_invalid"


def _moves(before: Side, after: Side) -> tuple[Move, ...]:
    old, new = dict(before.statuses), dict(after.statuses)
    return tuple(Move(cid, old.get(cid, ABSENT), new.get(cid, ABSENT))
                 for cid in criterion_order(set(old) | set(new))
                 if old.get(cid, ABSENT) != new.get(cid, ABSENT))


def _info(report: PastReport, path: str) -> RoundInfo:
    versions = Counter(Version(r.criteria.set, r.criteria.version, r.criteria.file)
                       for r in report.results if r.criteria is not None)
    verdicts = Counter(r.verdict for r in report.results)
    summary = (("files", len(report.results)), *((v, verdicts[v]) for v in (
        "compliant", "not_compliant", "invalid")))
    # the dates that judged the files, never the run's own: a file is judged as of its
    # `submitted:` date, so the day the checks ran says nothing of a round
    dates = Counter(r.as_of for r in report.results if r.as_of is not None)
    return RoundInfo(path, report.tool.version, common_folder(r.file for r in report.results),
                     tuple(sorted(dates.items())),
                     tuple(sorted(versions.items(), key=lambda item: (-item[1], item[0].label))),
                     summary)


@functools.lru_cache(maxsize=65_536)  # each name is keyed in every pass and in the sorting
def name_key(name: str | None) -> str:
    """A network's name as rounds match it: lower case, accents removed, nothing but letters
    and digits (`Netwerk Zuid-Oost B.V.` and `netwerk zuidoost bv` are one name)."""
    plain = unicodedata.normalize("NFKD", name or "")
    return "".join(c for c in plain.casefold() if c.isalnum() and not unicodedata.combining(c))


#: The passes, in order: (what matched, the key, whether a result without a name takes part).
_PASSES: tuple[tuple[str, Callable[[Side], Hashable], bool], ...] = (
    ("name", lambda s: (name_key(s.network), s.file), False),  # several of one name: same file
    ("name", lambda s: name_key(s.network), False),
    ("path", lambda s: s.file, True))


def match(before: Sequence[Side], after: Sequence[Side]
          ) -> tuple[list[tuple[Side, Side, str]], list[Side], list[Side]]:
    """Pairs (before, after, "name" or "path"), each result matched at most once, then the
    unmatched of `before` (gone) and of `after` (new), each in its given order."""
    pairs: list[tuple[Side, Side, str]] = []
    left, right = list(before), list(after)
    for how, key, nameless in _PASSES:
        waiting: dict[Hashable, list[int]] = {}
        for index, side in enumerate(right):
            if nameless or name_key(side.network):
                waiting.setdefault(key(side), []).append(index)
        taken: set[int] = set()
        still: list[Side] = []
        for side in left:
            found = waiting.get(key(side)) if nameless or name_key(side.network) else None
            if found:
                index = found.pop(0)
                taken.add(index)
                pairs.append((side, right[index], how))
            else:
                still.append(side)
        left, right = still, [s for i, s in enumerate(right) if i not in taken]
    return pairs, left, right
