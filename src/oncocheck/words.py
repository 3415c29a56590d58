"""Matching words the way people type them: normalisation and "did you mean"."""

from __future__ import annotations

import difflib
import functools
import re
import unicodedata
from collections.abc import Iterable

_SEPARATORS = re.compile(r"[\s\-_]+")
QUOTE_MAX_LENGTH = 60  # a value quoted in a message; a 1 MB value would drown the report
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


def quoted(value: object) -> str:
    """`value` in quotes for a message: line breaks shown as \\n, shortened with … when long."""
    text = str(value).replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t")
    if len(text) > QUOTE_MAX_LENGTH:
        text = text[: QUOTE_MAX_LENGTH - 1] + "…"
    return f"'{text}'"
