"""Syntax errors inside one value: quotes and brackets left open, a missing colon, a colon
in a value, a backslash between double quotes, a value that starts with a special sign."""

from __future__ import annotations

import json
import re

import yaml

from oncocheck.load.syntax import (COMMENT, Found, Lines, Problem, item_text, last_quoted,
                                   said)
from oncocheck.load.visible import quoted
from oncocheck.load.words import curly

_KEY = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)(?:[ \t]+(.*))?")  # `website_updated 2026-09-01`
_GLUED = re.compile(r"([A-Za-z_][A-Za-z0-9_]*):([^\s/].*)")  # `status:actief`, not a URL
COLON = re.compile(r":(?:[ \t]|$)")  # the colon of `key: value` (not the one in `https://`)
_APOSTROPHE = re.compile(r"'[A-Za-z](?![A-Za-z'])")  # 't Hofje, 's-Hertogenbosch
_SWALLOWED = re.compile(r"[ \t]*(?:-[ \t]+)?[A-Za-z_][A-Za-z0-9_]*:(?:[ \t]|$)")  # a key's line
MAX_KEY = 1024  # libyaml reads a key of at most this many characters


def _in_quotes(value: str) -> str:
    """`value` as a double-quoted YAML value, quoted for a message."""
    return quoted(json.dumps(value, ensure_ascii=False))


def quote_closed_later(e: Problem) -> Found | None:
    """A quoted value whose closing quote is missing, so a quote on a later line closed it
    (the parser then stops on that line, after the value)."""
    last = e.last
    if not (isinstance(last, yaml.ScalarEvent) and last.style in ('"', "'")
            and _ran_to(last, e.line)):
        last = _ran_on(e)
    if last is None or last.start_mark is None:  # the parser marks every event
        return None
    line, column, quote = last.start_mark.line + 1, last.start_mark.column + 1, last.style
    return said(f"het aanhalingsteken ({quote}) op regel {line} wordt pas op regel {e.line} "
                f"gesloten; zet het afsluitende {quote} aan het eind van de waarde op regel "
                f"{line}", f"the quote ({quote}) on line {line} is closed only on line "
                f"{e.line}; put the closing {quote} at the end of the value on line {line}",
                line, column)


def _ran_on(e: Problem) -> yaml.ScalarEvent | None:
    """The quoted value that ran on from an earlier line to the one the parser stopped on,
    swallowing lines that look like keys (`  status: actief`): a quote left open. Found when
    the parser closed the lists and mappings in between before it stopped."""
    last = last_quoted(e.lines.source)
    if last is None or not _ran_to(last, e.line):
        return None
    inside = _lines(last)[1:-1]
    return last if any(_SWALLOWED.match(e.lines.text(n)) for n in inside) else None


def _ran_to(event: yaml.Event, line: int) -> bool:
    """Whether `event` ends on `line` (from 1), having started on an earlier one."""
    span = _lines(event)
    return len(span) > 1 and span[-1] == line


def _lines(event: yaml.Event) -> range:
    """The lines (from 1) `event` spans; the parser marks every event."""
    start, end = event.start_mark, event.end_mark
    return range(start.line + 1, end.line + 2) if start and end else range(0)


def unclosed_quote(e: Problem) -> Found | None:
    """A quote that is never closed: at the opening quote."""
    if "quoted scalar" not in e.context or "escape" in e.problem or "hex" in e.problem:
        return None
    line, column = e.opened
    quote = e.lines.text(line)[column - 1:column] or '"'
    nl = (f"het aanhalingsteken ({quote}) dat hier begint, wordt nergens gesloten; zet aan het "
          f"eind van de waarde ook een {quote}")
    en = (f"the quote ({quote}) that starts here is never closed; put a {quote} at the end of "
          "the value too")
    if quote == "'" and _APOSTROPHE.match(e.lines.text(line), column - 1):  # `'t Hofje`
        fixed = _in_quotes(COMMENT.sub("", e.lines.text(line)[column - 1:]).strip())
        nl += f"; begint de waarde met een apostrof, zet haar dan tussen dubbele " \
              f"aanhalingstekens: {fixed}"
        en += f"; if the value starts with an apostrophe, put it in double quotes: {fixed}"
    return said(nl, en, line, column)


def backslash(e: Problem) -> Found | None:
    """`"C:\\Users"`: an escape sequence that is none."""
    if "quoted scalar" not in e.context:
        return None
    column = e.lines.text(e.line).rfind("\\", 0, e.column) + 1 or e.column
    return said("tussen dubbele aanhalingstekens heeft een backslash (\\) een bijzondere "
                "betekenis; zet de waarde tussen enkele aanhalingstekens ('...'), of schrijf / "
                "of \\\\ in plaats van \\", "between double quotes a backslash (\\) has a "
                "special meaning; put the value in single quotes ('...'), or write / or \\\\ "
                "instead of \\", e.line, column)


def unclosed_bracket(e: Problem) -> Found | None:
    """A `[` list or `{` group that is not closed properly: at the opening bracket."""
    if "flow sequence" not in e.context and "flow mapping" not in e.context:
        return None
    line, column = e.opened
    is_list = "sequence" in e.context
    bracket, closing = ("[", "]") if is_list else ("{", "}")
    what_nl, what_en = ("de lijst", "the list") if is_list else ("de groep", "the group")
    return said(f"{what_nl} die hier met '{bracket}' begint, is niet goed gesloten: scheid de "
                f"waarden met komma's en sluit af met '{closing}' (oncocheck liep vast op regel "
                f"{e.line}, kolom {e.column})", f"{what_en} that starts here with '{bracket}' "
                f"is not closed properly: separate the values with commas and end it with "
                f"'{closing}' (oncocheck got stuck at line {e.line}, column {e.column})",
                line, column)


def missing_colon(e: Problem) -> Found | None:
    """`website_updated 2026-09-01`: said at that line, not at the next one."""
    return colon_missing_at(e.lines, *e.opened) if "simple key" in e.context else None


def colon_missing_at(lines: Lines, line: int, column: int) -> Found:
    """The message for a line that should be `key: value` but has no colon (or no space)."""
    written = COMMENT.sub("", lines.text(line)[column - 1:]).rstrip()
    if written.find(":") > MAX_KEY:
        return said(f"deze sleutel is langer dan {MAX_KEY} tekens; maak hem korter",
                    f"this key is longer than {MAX_KEY} characters; make it shorter",
                    line, column)
    glued, key = _GLUED.fullmatch(written), _KEY.fullmatch(written)
    if glued:
        fixed = quoted(f"{glued.group(1)}: {glued.group(2)}")
        return said(f"na de dubbele punt hoort een spatie; schrijf {fixed}",
                    f"a space belongs after the colon; write {fixed}", line, column)
    if key:
        name = quoted(key.group(1))
        fixed = quoted(f"{key.group(1)}: {key.group(2)}" if key.group(2) else f"{key.group(1)}:")
        return said(f"na {name} ontbreekt de dubbele punt; schrijf {fixed}",
                    f"the colon after {name} is missing; write {fixed}", line, column)
    return said("op deze regel ontbreekt de dubbele punt van 'sleutel: waarde'; hoort de tekst "
                "bij de regel erboven, zet hem dan achter de dubbele punt op die regel",
                "this line lacks the colon of 'key: value'; if the text belongs to the line "
                "above, put it after the colon on that line", line, column)


def colon_in_value(e: Problem) -> Found | None:
    """`name: Netwerk: Zuid` (at the second colon); a value that runs on into a line with a
    colon; or, when the line above has no colon, the colon missing there."""
    if "mapping values are not allowed" not in e.problem:
        return None
    lines, text = e.lines, e.lines.text(e.line)
    body = item_text(text)
    colon = COLON.search(body)
    if colon and COLON.search(item_text(text[:e.column - 1])):  # one before the error's place
        key, value = body[:colon.start()], COMMENT.sub("", body[colon.end():]).strip()
        if curly(value):  # Word's “…”: no quotes to YAML
            fixed = quoted(f"{key}: {json.dumps(value[1:-1].strip(), ensure_ascii=False)}")
            marks = f"{value[0]} {value[-1]}"
            return said(f"de waarde staat tussen gekrulde aanhalingstekens ({marks}), zoals "
                        f"Word ze zet; YAML kent alleen rechte: schrijf {fixed}", "the value "
                        f"is between curly quotes ({marks}), as Word writes them; YAML knows "
                        f"only straight ones: write {fixed}", e.line, e.column)
        fixed = quoted(f"{key}: {json.dumps(value, ensure_ascii=False)}")
        return said(f"de waarde bevat een dubbele punt met een spatie erachter; zet de hele "
                    f"waarde tussen aanhalingstekens: {fixed}", "the value holds a colon "
                    f"followed by a space; put the whole value in quotes: {fixed}",
                    e.line, e.column)
    above = lines.above(e.line)
    if above is not None and not COLON.search(item_text(lines.text(above))):
        # `- name A. de Vries` above a key: the value ran on into this line
        return colon_missing_at(lines, above, lines.key_column(above))
    if not _KEY.fullmatch(item_text(text[:e.column - 1]).strip()):
        return said("de waarde van de regel erboven loopt door op deze regel en bevat een "
                    "dubbele punt met een spatie erachter; zet de hele waarde tussen "
                    "aanhalingstekens", "the value of the line above runs on into this line "
                    "and holds a colon followed by a space; put the whole value in quotes",
                    e.line, lines.indent(e.line))
    return None  # a key indented further than the one above: `layout.deeper`


def special_start(e: Problem) -> Found | None:
    """A value starting with `@`, a backtick, `%`, `&` or `*`: it needs quotes."""
    if "anchor" in e.context or "alias" in e.context:
        line, column = e.opened
    elif "cannot start any token" in e.problem:
        line, column = e.line, e.column
    else:
        return None
    return quote_it(e.lines, line, column)


def quote_it(lines: Lines, line: int, column: int) -> Found:
    """Put the value that starts at `column` in quotes."""
    char = lines.text(line)[column - 1:column]
    fixed = _in_quotes(COMMENT.sub("", lines.text(line)[column - 1:]).strip())
    return said(f"een waarde die met {quoted(char)} begint, zet u tussen aanhalingstekens: "
                f"{fixed}", f"put a value that starts with {quoted(char)} in quotes: {fixed}",
                line, column)
