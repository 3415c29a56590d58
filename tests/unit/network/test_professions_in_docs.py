"""Lists of professions in the docs come from the vocabulary (issue 23: the README called
seksuoloog unconfirmed while criteria/vocabulary.yaml and domain.md say confirmed).

Every parenthesised list in README.md and docs/*.md whose items are all professions of the
vocabulary is a list this test holds: the words just before it say which kind it is, and its
professions must be exactly the vocabulary's professions of that kind.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from oncocheck.network.disciplines import OTHER, Discipline
from oncocheck.rules.bundled import vocabulary
from paths import ROOT

VOCABULARY = vocabulary()
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
#: The words that introduce a list of one kind, and which disciplines are of that kind
#: (`anders` is no profession of its own; the docs name it apart).
KINDS: dict[str, Callable[[Discipline], bool]] = {
    r"(?<!un)confirmed Verwijsgids professions": lambda d: d.counts and d.verwijsgids == "yes",
    r"unconfirmed Verwijsgids professions": lambda d: d.verwijsgids == "unconfirmed",
    r"assumed not to be in the Verwijsgids": lambda d: d.counts and d.verwijsgids == "no"
    and d.verwijsgids_assumed,
    r"do not count as a profession": lambda d: not d.counts,
}
LIST = re.compile(r"\(([^()`]+)\)")


def _professions(items: str) -> set[str] | None:
    """The discipline ids a `(a, b and c)` list names, or None when it is not such a list."""
    names = [n.strip() for n in re.split(r",\s*|\s+and\s+", " ".join(items.split()))]
    found = [VOCABULARY.resolve(n) for n in names if n]
    if len(found) < 2 or any(d is None for d in found):
        return None
    return {d.id for d in found if d is not None}


def _lists() -> list[tuple[str, str, set[str]]]:
    """(file name, the words before the list, the ids it names) for every profession list."""
    lists = []
    for path in DOCS:
        text = " ".join(path.read_text(encoding="utf-8").split())
        for match in LIST.finditer(text):
            ids = _professions(match[1])
            if ids is not None:
                lists.append((path.name, text[max(0, match.start() - 60):match.start()], ids))
    return lists


def test_the_readme_has_a_list_of_every_kind() -> None:
    before = " ".join(b for name, b, _ids in _lists() if name == "README.md")
    assert all(re.search(kind, before) for kind in KINDS), before


@pytest.mark.parametrize(("name", "before", "ids"), _lists())
def test_a_list_of_professions_equals_the_vocabulary(name: str, before: str,
                                                     ids: set[str]) -> None:
    kinds = [k for k in KINDS if re.search(rf"{k}\s*$", before)]
    assert len(kinds) == 1, f"{name}: a list of professions of no known kind after {before!r}"
    wanted = {d.id for d in VOCABULARY.disciplines if KINDS[kinds[0]](d) and d.id != OTHER}
    assert ids == wanted, f"{name}: {before!r}: missing {wanted - ids}, not {ids - wanted}"
