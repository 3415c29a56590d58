"""The one display filter: text from any input (a network file, a spreadsheet cell, a rule
file, a file name) as oncocheck keeps and shows it, in every format.

Applied where text enters oncocheck, so no renderer can forget it: control, bidi, zero-width
and other invisible characters become visible escapes (`\\u202e`), and a quoted value is cut
at QUOTE_MAX_LENGTH characters. Nothing from an input can then move a terminal's cursor,
reorder or hide text, or give a CI system a command.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

QUOTE_MAX_LENGTH = 60  # a value quoted in a message; a 1 MB value would drown the report


# The characters `visible` escapes, as (first, last) code points. Besides the C0 and C1
# control characters and DEL: format characters (Unicode category Cf: the soft hyphen, Arabic
# and other prepended marks, the bidi marks, embeddings, overrides and isolates, zero-width
# spaces and joiners, invisible operators, the BOM, interlinear annotation, tag characters),
# the line and paragraph separators (Zl, Zp), surrogates (file names that are not UTF-8),
# private use (a font may draw anything there), noncharacters, and letters and marks that are
# drawn as nothing (the combining grapheme joiner, Hangul fillers, Khmer inherent vowels,
# Mongolian and other variation selectors). tests/acceptance/test_visible.py checks that every Cc,
# Cf, Zl, Zp, Cs and Co character of the running Python's Unicode database is in here.
_INVISIBLE_RANGES = (
    (0x7F, 0x9F), (0xAD, 0xAD), (0x34F, 0x34F), (0x600, 0x605), (0x61C, 0x61C),
    (0x6DD, 0x6DD), (0x70F, 0x70F), (0x890, 0x891), (0x8E2, 0x8E2), (0x115F, 0x1160),
    (0x17B4, 0x17B5), (0x180B, 0x180F), (0x200B, 0x200F), (0x2028, 0x202E), (0x2060, 0x206F),
    (0x3164, 0x3164), (0xD800, 0xF8FF), (0xFDD0, 0xFDEF), (0xFE00, 0xFE0F), (0xFEFF, 0xFEFF),
    (0xFFA0, 0xFFA0), (0xFFF9, 0xFFFB), (0xFFFE, 0xFFFF), (0x110BD, 0x110BD),
    (0x110CD, 0x110CD), (0x13430, 0x1343F), (0x1BCA0, 0x1BCA3), (0x1D173, 0x1D17A),
    (0xE0001, 0xE0001), (0xE0020, 0xE007F), (0xE0100, 0xE01EF), (0xF0000, 0x10FFFF))
_CLASS = "".join(f"{chr(a)}-{chr(b)}" if a != b else chr(a) for a, b in _INVISIBLE_RANGES)


@cache
def hidden(multiline: bool = True) -> re.Pattern[str]:
    """What `visible` escapes in a text that may hold line breaks (tab and line feed are
    kept), or in a text of one line (a name, a key, a file name, a quoted value). Compiled when
    first needed: most texts are shown as they are (`shown_as_is`), and compiling the two took
    a one-file check's start-up 1.5 ms."""
    return re.compile(f"[\x00-\x08\x0b-\x1f{_CLASS}]" if multiline else f"[\x00-\x1f{_CLASS}]")


# the printable characters among them (str.isprintable is True for these)
_DRAWN_AS_NOTHING = re.compile(
    "[\u034f\u115f\u1160\u17b4\u17b5\u180b-\u180d\u180f\u3164\ufe00-\ufe0f\uffa0"
    "\U000e0100-\U000e01ef]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
_ESCAPE = re.compile(r"\\(?:[nrt]|u[0-9a-f]{4}|U[0-9a-f]{8})")
# A command to a CI system anywhere in a line: Azure Pipelines' agent looks for `##vso[` and
# GitHub's runner for its legacy `##[` with IndexOf, not only at the start of a line (the `::`
# form is read only at a line's start, which `one_line` and the escaped line breaks prevent).
_CI_COMMAND = re.compile(r"(?<=#)#(?=(?:vso)?\[)", re.IGNORECASE)


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    return _NAMED.get(char) or (f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}")


def visible(text: str, multiline: bool = True) -> str:
    """`text` with every control, bidi, zero-width and other invisible character shown as an
    escape (`\\u202e`, `\\u001b`; line feed, carriage return and tab as `\\n`, `\\r`, `\\t`),
    and the second `#` of a CI command (`##vso[`, `##[`) as `\\u0023`.
    With `multiline` line feeds and tabs stay (the model folds them where a field is one line).
    Escapes are plain ASCII, so `visible(visible(t)) == visible(t)`; a backslash written in the
    input is left as it is."""
    if shown_as_is(text):
        return text
    text = hidden(multiline).sub(_escape, text)
    return _CI_COMMAND.sub(r"\\u0023", text) if "##" in text else text


def shown_as_is(text: str) -> bool:
    """Whether `visible` leaves `text` alone even as one line (the common case, decided fast:
    `isprintable` is False for every control, format, separator, surrogate and private-use
    character; only the few printable-but-invisible ones need a search)."""
    return (text.isprintable() and "##" not in text
            and (text.isascii() or not _DRAWN_AS_NOTHING.search(text)))


_LINE_BREAKS = re.compile("\\s*[\\r\\n\\x85\\u2028\\u2029]+\\s*")


def one_line(text: str) -> str:
    """`text` with each line break (and the spaces around it) made one space. A text printed
    at the start of a report line must not start a line of its own: in a CI log a line
    `::error::...` or `##vso[...]` is a command to the CI system."""
    # every line break is unprintable: the common text, printable, is left without a search
    return text if text.isprintable() else _LINE_BREAKS.sub(" ", text)


def one_line_texts(data: Any) -> Any:
    """Parsed data (`load.parse`) with every text made `one_line`: how a rule file's texts
    enter oncocheck (`rules.bundled`), since every command prints them at the start of lines
    (`criteria show`, `explain`, `criteria diff`, every report of `check` and `impact`)."""
    if isinstance(data, str):
        return one_line(data)
    if isinstance(data, dict):
        return {key: one_line_texts(value) for key, value in data.items()}
    if isinstance(data, list):
        return [one_line_texts(value) for value in data]
    return data


def quoted(value: object) -> str:
    """`value` in quotes for a message, on one line: what `visible` escapes and line breaks and
    tabs shown as escapes (`\\n`), shortened to QUOTE_MAX_LENGTH characters with … when long."""
    return f"'{shortened(value)}'"


def shortened(value: object) -> str:
    """`value` as `quoted` shows it, without the quotes (a key in a data path)."""
    text = str(value)
    shown = visible(text[: QUOTE_MAX_LENGTH + 1], multiline=False)  # no need to escape 1 MB
    if len(shown) <= QUOTE_MAX_LENGTH and len(text) <= QUOTE_MAX_LENGTH:
        return shown
    cut = shown[: QUOTE_MAX_LENGTH - 1]
    start = cut.rfind("\\", len(cut) - 9)  # an escape is at most 10 characters long
    escape = _ESCAPE.match(shown, start) if start >= 0 else None
    if escape and escape.end() > len(cut):  # never cut an escape like \u202e in two
        cut = cut[:start]
    return f"{cut}…"


def printable(name: str) -> str:
    """A path as reports show it: `visible` on one line (also bytes that are not UTF-8, as
    surrogates), so a name cannot start a line of a log nor read differently from what it is."""
    return visible(name, multiline=False)
