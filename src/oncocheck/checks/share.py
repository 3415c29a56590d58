"""The share criterion (2a) as analyses need it, without loading the check kinds: how it is
recognised, and the one comparison it makes."""

from __future__ import annotations

from fractions import Fraction

#: The check kind of the share criterion (2a in the LOPPSOZ sets): found by this, not its id.
SHARE_KIND = "verwijsgids_share"


def meets_share(listed: int, eligible: int, threshold: float) -> bool:
    """Whether `listed` of `eligible` reaches `threshold` (inclusive, exact: 3/5 meets 0.6).

    The one comparison 2a makes; `oncocheck impact --sweep 2a` uses it too, so a sweep agrees
    with the check at every threshold. False when nobody is eligible.
    """
    return eligible > 0 and Fraction(listed, eligible) >= Fraction(str(threshold))
