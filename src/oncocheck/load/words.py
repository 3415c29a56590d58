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
    """`value` in quotes for a message, on one line: what `visible` escapes and line breaks and
    tabs shown as escapes (`\\n`), shortened to QUOTE_MAX_LENGTH characters with … when long."""
    text = str(value)
    shown = visible(text[: QUOTE_MAX_LENGTH + 1], multiline=False)  # no need to escape 1 MB
    if len(shown) <= QUOTE_MAX_LENGTH and len(text) <= QUOTE_MAX_LENGTH:
        return f"'{shown}'"
    cut = shown[: QUOTE_MAX_LENGTH - 1]
    start = cut.rfind("\\", len(cut) - 9)  # an escape is at most 10 characters long
    escape = _ESCAPE.match(shown, start) if start >= 0 else None
    if escape and escape.end() > len(cut):  # never cut an escape like \u202e in two
        cut = cut[:start]
    return f"'{cut}…'"


# The characters `visible` escapes, as (first, last) code points. Besides the C0 and C1
# control characters and DEL: format characters (Unicode category Cf: the soft hyphen, Arabic
# and other prepended marks, the bidi marks, embeddings, overrides and isolates, zero-width
# spaces and joiners, invisible operators, the BOM, interlinear annotation, tag characters),
# the line and paragraph separators (Zl, Zp), surrogates (file names that are not UTF-8),
# private use (a font may draw anything there), noncharacters, and letters and marks that are
# drawn as nothing (the combining grapheme joiner, Hangul fillers, Khmer inherent vowels,
# Mongolian and other variation selectors). tests/test_visible.py checks that every Cc, Cf,
# Zl, Zp, Cs and Co character of the running Python's Unicode database is in here.
_INVISIBLE_RANGES = (
    (0x7F, 0x9F), (0xAD, 0xAD), (0x34F, 0x34F), (0x600, 0x605), (0x61C, 0x61C),
    (0x6DD, 0x6DD), (0x70F, 0x70F), (0x890, 0x891), (0x8E2, 0x8E2), (0x115F, 0x1160),
    (0x17B4, 0x17B5), (0x180B, 0x180F), (0x200B, 0x200F), (0x2028, 0x202E), (0x2060, 0x206F),
    (0x3164, 0x3164), (0xD800, 0xF8FF), (0xFDD0, 0xFDEF), (0xFE00, 0xFE0F), (0xFEFF, 0xFEFF),
    (0xFFA0, 0xFFA0), (0xFFF9, 0xFFFB), (0xFFFE, 0xFFFF), (0x110BD, 0x110BD),
    (0x110CD, 0x110CD), (0x13430, 0x1343F), (0x1BCA0, 0x1BCA3), (0x1D173, 0x1D17A),
    (0xE0001, 0xE0001), (0xE0020, 0xE007F), (0xE0100, 0xE01EF), (0xF0000, 0x10FFFF))
_CLASS = "".join(f"{chr(a)}-{chr(b)}" if a != b else chr(a) for a, b in _INVISIBLE_RANGES)
#: What `visible` escapes in a text that may hold line breaks (tab and line feed are kept)...
HIDDEN = re.compile(f"[\x00-\x08\x0b-\x1f{_CLASS}]")
#: ... and in a text of one line (a name, a key, a file name, a quoted value).
HIDDEN_IN_LINE = re.compile(f"[\x00-\x1f{_CLASS}]")
# the printable characters among them (str.isprintable is True for these)
_DRAWN_AS_NOTHING = re.compile(
    "[\u034f\u115f\u1160\u17b4\u17b5\u180b-\u180d\u180f\u3164\ufe00-\ufe0f\uffa0"
    "\U000e0100-\U000e01ef]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
_ESCAPE = re.compile(r"\\(?:[nrt]|u[0-9a-f]{4}|U[0-9a-f]{8})")


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    return _NAMED.get(char) or (f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}")


def visible(text: str, multiline: bool = True) -> str:
    """`text` with every control, bidi, zero-width and other invisible character shown as an
    escape (`\\u202e`, `\\u001b`; line feed, carriage return and tab as `\\n`, `\\r`, `\\t`).

    Applied once, where text enters oncocheck (the YAML loader, the spreadsheet reader, file
    names), so nothing from an input can move a terminal's cursor, reorder or hide text, or
    start a line of a CI log, whatever a renderer does. With `multiline` line feeds and tabs
    stay (the model folds them where a field is one line). Escapes are plain ASCII, so
    `visible(visible(t)) == visible(t)`; a backslash written in the input is left as it is.
    """
    if shown_as_is(text):
        return text
    return (HIDDEN if multiline else HIDDEN_IN_LINE).sub(_escape, text)


def shown_as_is(text: str) -> bool:
    """Whether `visible` leaves `text` alone even as one line (the common case, decided fast:
    `isprintable` is False for every control, format, separator, surrogate and private-use
    character; only the few printable-but-invisible ones need a search)."""
    return text.isprintable() and (text.isascii() or not _DRAWN_AS_NOTHING.search(text))


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
