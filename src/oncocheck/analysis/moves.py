"""Why a file's verdict differs between two criteria versions: the criteria whose status moved.

`check --compare` and `impact` both judge each file under two versions; a reviewer who sees
a verdict change wants its reason beside it (`2a niet voldaan → voldaan`, with the figures
that decided it). A `Move` keeps both findings, so a renderer can show what each version saw.
"""

from __future__ import annotations

from dataclasses import dataclass

from oncocheck.report import FileResult, Finding, Severity, Status


@dataclass(frozen=True, slots=True)
class Move:
    """One criterion whose status differs for a file between two versions; a finding is None
    where its version has no such criterion (or the file could not be read)."""

    criterion: str
    before: Finding | None
    after: Finding | None

    def status(self, side: int) -> Status | None:
        """The status under the first (0) or the second (1) version."""
        finding = (self.before, self.after)[side]
        return finding.status if finding else None


def _criteria(result: FileResult | None) -> dict[str, Finding]:
    return {f.criterion: f for f in (result.findings if result else ())
            if f.severity is Severity.ERROR}


def moves(before: FileResult | None, after: FileResult | None) -> tuple[Move, ...]:
    """The criteria (not the extra warnings) whose status differs, in the order the files
    list them (the first version's criteria, then any only the second has)."""
    old, new = _criteria(before), _criteria(after)
    return tuple(Move(cid, old.get(cid), new.get(cid)) for cid in dict.fromkeys([*old, *new])
                 if (old[cid].status if cid in old else None)
                 != (new[cid].status if cid in new else None))
