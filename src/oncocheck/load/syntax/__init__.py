"""A YAML syntax error said the way a coordinator can fix it: at the line where the mistake is,
in Dutch and English, with what to change.

The parser says where it got stuck, which is often a line after the mistake (a missing colon is
noticed at the next key), and says it in its own words ("did not find expected key"). `explain`
(`syntax.explain`) reads the parser's problem together with the lines around it and names the
usual mistakes (`values`: quotes, brackets, colons; `explain`: tabs, indentation, list items).
The parser's words are kept as the error's `detail`, shown with `--debug`. Here: the parser's
problem and the file's lines around it, as the rules read them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

from oncocheck.report import Text

try:  # the same parser as the loader's (`load.parse`)
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

#: What a rule says (Dutch and English), and the line and column it is about.
Found = tuple[Text, int, int]
# the line breaks the YAML parser counts (`str.splitlines` knows more, such as form feed)
_BREAKS = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
_ITEM = re.compile(r"(?:-[ \t]+)+")  # the `- ` (or `- - `) before a list item's text
COMMENT = re.compile(r"[ \t]+#.*")


class Lines:
    """A file's lines as an editor shows them, 1-based (after a final line break, one more,
    empty line)."""

    def __init__(self, text: str) -> None:
        self.source = text
        self._lines = _BREAKS.split(text)

    def text(self, line: int) -> str:
        """Line `line`, without its line break ("" outside the file)."""
        return self._lines[line - 1] if 0 < line <= len(self._lines) else ""

    def clamp(self, line: int, column: int) -> tuple[int, int]:
        """A parser position inside the file: past the end it means the end of the last line
        (the parser counts a line break the file does not end with)."""
        if line > len(self._lines):
            return len(self._lines), len(self._lines[-1]) + 1
        return line, column

    def indent(self, line: int) -> int:
        """The column where the line's text starts."""
        text = self.text(line)
        return len(text) - len(text.lstrip(" \t")) + 1

    def key_column(self, line: int) -> int:
        """The column where the line's key starts: after the `- ` of a list item."""
        text = self.text(line)
        start = self.indent(line) - 1
        item = _ITEM.match(text, start)
        return (item.end() if item else start) + 1

    def above(self, line: int) -> int | None:
        """The nearest line above `line` that holds more than spaces or a comment."""
        for number in range(min(line, len(self._lines) + 1) - 1, 0, -1):
            stripped = self.text(number).strip()
            if stripped and not stripped.startswith("#"):
                return number
        return None


def last_quoted(text: str) -> yaml.ScalarEvent | None:
    """The last quoted value the parser read before it stopped. Parsed again: this is only
    done for a file that has a syntax error, so the loader's own loop stays lean."""
    found, loader = None, _Loader(text)
    try:
        while (event := loader.get_event()) is not None:
            if isinstance(event, yaml.ScalarEvent) and event.style in ('"', "'"):
                found = event
    except yaml.YAMLError:
        pass  # the syntax error being explained
    finally:
        loader.dispose()
    return found


def key_name(lines: Lines, line: int) -> str:
    """The key a line starts with (after the `- ` of a list item)."""
    return item_text(lines.text(line)).split(":")[0].strip()


def item_text(text: str) -> str:
    """A line's text without its indentation and without the `- ` of a list item."""
    text = text.lstrip(" \t")
    item = _ITEM.match(text)
    return text[item.end():] if item else text


@dataclass(frozen=True)
class Problem:
    """A syntax error as the rules read it: where the parser stopped (`line`, `column`), where
    the construct it was reading began (`opened`), its words, the last event it gave before
    the error (`last`) and the path of the list being read when it was in one (`in_list`)."""

    lines: Lines
    line: int
    column: int
    opened: tuple[int, int]
    context: str
    problem: str
    last: yaml.Event | None
    in_list: str

    def char(self) -> str:
        """The character the parser stopped at ("" past the end of its line)."""
        return self.lines.text(self.line)[self.column - 1:self.column]


def said(nl: str, en: str, line: int, column: int) -> Found:
    """A rule's finding: the message with the words that mark it as a syntax error."""
    return Text(f"YAML-syntaxfout: {nl}", f"YAML syntax error: {en}"), line, column
