"""How `rounds` finds a network of one round in the other: by its name, normalised, then by
its file path (as seen from its round's folder). Each result is matched at most
once; what is left is gone, or new."""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Callable, Hashable, Sequence
from typing import Protocol, TypeVar


class Named(Protocol):
    """What matching reads of a result: the network's name (None when the file could not be
    loaded) and its file path as seen from its round's folder."""

    @property
    def network(self) -> str | None: ...  # noqa: D102 - as described above

    @property
    def file(self) -> str: ...  # noqa: D102


N = TypeVar("N", bound=Named)


@functools.lru_cache(maxsize=65_536)  # each name is keyed in every pass and in the sorting
def name_key(name: str | None) -> str:
    """A network's name as rounds match it: lower case, accents removed, nothing but letters
    and digits (`Netwerk Zuid-Oost B.V.` and `netwerk zuidoost bv` are one name)."""
    plain = unicodedata.normalize("NFKD", name or "")
    return "".join(c for c in plain.casefold() if c.isalnum() and not unicodedata.combining(c))


#: The passes, in order: (what matched, the key, whether a result without a name takes part).
_PASSES: tuple[tuple[str, Callable[[Named], Hashable], bool], ...] = (
    ("name", lambda s: (name_key(s.network), s.file), False),  # several of one name: same file
    ("name", lambda s: name_key(s.network), False),
    ("path", lambda s: s.file, True))


def match(before: Sequence[N], after: Sequence[N]) -> tuple[list[tuple[N, N, str]], list[N],
                                                            list[N]]:
    """Pairs (before, after, "name" or "path"), then the unmatched of `before` (gone) and of
    `after` (new), each in its given order."""
    pairs: list[tuple[N, N, str]] = []
    left, right = list(before), list(after)
    for how, key, nameless in _PASSES:
        waiting: dict[Hashable, list[int]] = {}
        for index, side in enumerate(right):
            if nameless or name_key(side.network):
                waiting.setdefault(key(side), []).append(index)
        taken: set[int] = set()
        still: list[N] = []
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
