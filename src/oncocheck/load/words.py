"""Matching words the way people type them: normalisation, "did you mean", and the pattern
an editor uses for the same matching (JSON Schema)."""

from __future__ import annotations

import difflib
import functools
import re
import unicodedata
from collections.abc import Iterable

_SEPARATORS = re.compile(r"[\s\-_]+")
SUGGEST_MAX_LENGTH = 64  # difflib is quadratic; nobody mistypes a 64-letter discipline


@functools.lru_cache(maxsize=4096)  # a 100,000-member file repeats a few dozen spellings
def normalise(text: str) -> str:
    """Lower case, accents removed, runs of spaces/hyphens/underscores made one space.

    `Diëtist`, `dietist`, `POH-GGZ`, `poh ggz` and `poh_ggz` all normalise alike.
    """
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _SEPARATORS.sub(" ", plain.casefold()).strip()


def closest(word: str, options: Iterable[str]) -> str | None:
    """The option nearest to `word`, or None when nothing is near enough to suggest."""
    if len(word) > SUGGEST_MAX_LENGTH:
        return None
    choices = {normalise(o): o for o in options}
    found = difflib.get_close_matches(normalise(word), list(choices), n=1, cutoff=0.6)
    return choices[found[0]] if found else None


def did_you_mean(word: str, options: Iterable[str]) -> tuple[str, str]:
    """The Dutch and English "did you mean" tail for `word`, or two empty strings."""
    best = closest(word, options)
    if best is None:
        return "", ""
    return f"; bedoelt u '{best}'?", f"; did you mean '{best}'?"


def _letter_classes() -> dict[str, str]:
    """For each letter a-z, every Latin-1/Latin Extended-A character `normalise` maps to it."""
    groups: dict[str, str] = {}
    for code in [*range(0x41, 0x5B), *range(0x61, 0x7B), *range(0xC0, 0x180)]:
        base = normalise(chr(code))
        if len(base) == 1 and "a" <= base <= "z":
            groups[base] = groups.get(base, "") + chr(code)
    return groups


_ECMA_SPECIAL = set("\\^$.|?*+()[]{}/")


def spelling_pattern(spellings: Iterable[str]) -> str:
    """An ECMA-262 regular expression (for JSON Schema, where `(?i)` does not exist) matching the
    texts that `normalise` maps to one of `spellings`: any case, common accents (precomposed or
    combining), and spaces, hyphens and underscores alike, also around the word."""
    letters = _letter_classes()
    separator, marks = r"[\s_-]", r"[\u0300-\u036f]*"

    def one(word: str) -> str:
        out = ""
        for char in normalise(word):
            if char == " ":
                out += separator + "+"
            elif char in letters:
                out += f"[{letters[char]}]{marks}"
            else:
                out += ("\\" + char) if char in _ECMA_SPECIAL else char
        return out

    alternatives = sorted({one(word) for word in spellings})
    return f"^{separator}*(?:{'|'.join(alternatives)}){separator}*$"
