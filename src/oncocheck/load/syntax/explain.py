"""Syntax errors in the layout of the file and in a list's items: tabs, keys indented wrongly,
an indented first key, a list item where a key belongs, text after a quoted value, a dash
without its space, a list on its key's line, an item indented differently from the one above,
a member without its `- `; and `explain`, which asks every rule in turn."""

from __future__ import annotations

import re

import yaml

from oncocheck.load.syntax import (COMMENT, Found, Lines, Problem, item_text, key_name, said,
                                   values)
from oncocheck.load.syntax.values import COLON, quote_it
from oncocheck.load.visible import quoted

_SPECIAL_START = "@`%&*!|>"  # a value cannot start with these unquoted
_DASH = re.compile(r"[ \t]*-(?:[ \t]|$)")  # a list item's line
_GLUED_DASH = re.compile(r"[ \t]*-(?=[^\s-])")  # `-name: A`


def glued_dash(e: Problem) -> Found | None:
    """`-name: A`: a list item's dash without the space after it (on this line or above)."""
    if "mapping values" not in e.problem and "expected key" not in e.problem:
        return None
    for line in (e.line, e.lines.above(e.line) or 0):
        text = e.lines.text(line) if line else ""
        dash = _GLUED_DASH.match(text)
        if dash:
            fixed = quoted(f"- {text[dash.end():].strip()}")
            return said(f"na het '-' van een lijstitem hoort een spatie; schrijf {fixed}",
                        f"a space belongs after the '-' of a list item; write {fixed}",
                        line, dash.end())
    return None


def list_after_key(e: Problem) -> Found | None:
    """`municipalities: - Almere`."""
    if "sequence entries are not allowed" not in e.problem:
        return None
    return said("een lijst kan niet op dezelfde regel als haar sleutel beginnen; zet elk "
                "item ('- ...') op een eigen regel, ingesprongen onder de sleutel, of schrijf "
                "de lijst als [a, b]", "a list cannot start on the same line as its key; put "
                "each item ('- ...') on a line of its own, indented below the key, or write "
                "the list as [a, b]", e.line, e.column)


def misaligned_item(line: int, column: int, dash: tuple[int, int]) -> Found:
    return said(f"dit lijstitem springt anders in dan het item erboven (het '-' op regel "
                f"{dash[0]} staat in kolom {dash[1]}); zet de streepjes van één lijst recht "
                f"onder elkaar", f"this list item is indented differently from the item above "
                f"(the '-' on line {dash[0]} is in column {dash[1]}); put the dashes of one "
                "list straight below each other", line, column)


def missing_dash(e: Problem) -> Found | None:
    """In a list, a line that is no item: a member without its `- `, or a key of the member
    above indented wrongly (`did not find expected '-' indicator`)."""
    if "'-' indicator" not in e.problem and "block collection" not in e.context:
        return None
    lines, column = e.lines, e.lines.indent(e.line)
    if lines.text(e.line).lstrip().startswith("-"):
        return misaligned_item(e.line, column, e.opened)
    above = lines.above(e.line) or e.line
    key, upper = key_name(lines, above), lines.key_column(above)
    if column != e.opened[1]:
        return said(f"deze regel springt anders in dan de regel erboven; zet "
                    f"{quoted(key_name(lines, e.line))} recht onder {quoted(key)} (kolom {upper})",
                    f"this line is indented differently from the line above; put "
                    f"{quoted(key_name(lines, e.line))} straight below {quoted(key)} (column "
                    f"{upper})", e.line, column)
    one_nl, one_en = ("lid", "member") if e.in_list == "members" else ("item", "item")
    return said(f"deze regel staat recht onder het '- ' van het {one_nl} erboven; begint hier "
                f"een nieuw {one_nl}, zet '- ' voor elk {one_nl}; hoort de regel bij het "
                f"{one_nl} erboven, spring hem dan in tot onder {quoted(key)} (kolom {upper})",
                f"this line stands straight below the '- ' of the {one_en} above; if a new "
                f"{one_en} starts here, put '- ' before each {one_en}; if the line belongs to "
                f"the {one_en} above, indent it to below {quoted(key)} (column {upper})",
                e.line, column)


def first_without_dash(e: Problem) -> Found | None:
    """The first item of a list written without its `- `, the next ones with it: the parser
    stops at the second item's `- `, which then seems to stand where a key belongs."""
    lines, dash = e.lines, e.lines.indent(e.line)
    if not _DASH.match(lines.text(e.line)):
        return None
    parent = lines.above(e.line)
    while parent is not None and lines.indent(parent) >= dash:
        parent = lines.above(parent)
    if parent is None or not COMMENT.sub("", lines.text(parent)).rstrip().endswith(":"):
        return None
    first = next((n for n in range(parent + 1, e.line) if lines.text(n).strip()
                  and not lines.text(n).lstrip().startswith("#")), None)
    if first is None or _DASH.match(lines.text(first)) or lines.indent(first) < dash:
        return None
    one_nl, one_en = ("lid", "member") if key_name(lines, parent) == "members" else (
        "lijstitem", "list item")
    fixed = quoted(f"- {lines.text(first).strip()}")
    return said(f"voor het eerste {one_nl} onder {quoted(key_name(lines, parent))} staat geen "
                f"'- ', voor het {one_nl} op regel {e.line} wel; zet '- ' voor elk {one_nl}: "
                f"schrijf {fixed}", f"the first {one_en} below {quoted(key_name(lines, parent))} "
                f"has no '- ', the {one_en} on line {e.line} has one; put '- ' before each "
                f"{one_en}: write {fixed}", first, lines.indent(first))


def dash_above(lines: Lines, line: int) -> tuple[int, int] | None:
    """The nearest line above `line` that is a list item, and the column of its `-`."""
    number = lines.above(line)
    while number is not None:
        if lines.text(number).lstrip().startswith("- "):
            return number, lines.indent(number)
        number = lines.above(number)
    return None


def tab(e: Problem) -> Found | None:
    """A tab used to indent."""
    text = e.lines.text(e.line)
    indent = text[:len(text) - len(text.lstrip(" \t"))]
    if e.char() != "\t" and "\t" not in indent and "tab" not in e.problem:
        return None
    column = text.index("\t") + 1 if "\t" in text else e.column
    return said("hier staat een tab; spring in met spaties, geen tabs (vervang de tab door "
                "evenveel spaties als de regels erboven gebruiken)", "there is a tab here; "
                "indent with spaces, not tabs (replace the tab with as many spaces as the "
                "lines above use)", e.line, column)


def deeper(e: Problem) -> Found | None:
    """A key indented further than the key above it (`mapping values are not allowed`)."""
    if "mapping values are not allowed" not in e.problem:
        return None
    lines, column = e.lines, e.lines.indent(e.line)
    above = lines.above(e.line)
    if above is None:
        return said("deze regel springt verder in dan de regels erboven",
                    "this line is indented further than the lines above", e.line, column)
    key, other, upper = key_name(lines, e.line), key_name(lines, above), lines.key_column(above)
    return said(f"deze regel springt verder in dan de regel erboven; zet {quoted(key)} recht "
                f"onder {quoted(other)} (kolom {upper})", f"this line is indented further "
                f"than the line above; put {quoted(key)} straight below {quoted(other)} "
                f"(column {upper})", e.line, column)


def top_indented(e: Problem) -> Found | None:
    """The file's first key indented (` format: 1`) while a later top-level key is not: the
    top level is as deep as its first key, so the later key seemed a second document."""
    first = next((n for n in range(1, e.line) if e.lines.text(n).strip()
                  and not e.lines.text(n).lstrip().startswith("#")), None)
    if "document start" not in e.problem or first is None or e.lines.indent(first) <= 1:
        return None
    key = quoted(key_name(e.lines, first))
    return said(f"de eerste sleutel ({key}) springt in; zet de sleutels van het hoogste niveau "
                f"(zoals 'format' en 'network') in kolom 1, zoals "
                f"{quoted(key_name(e.lines, e.line))} op regel {e.line}",
                f"the first key ({key}) is indented; put the keys of the "
                f"top level (such as 'format' and 'network') in column 1, like "
                f"{quoted(key_name(e.lines, e.line))} on line {e.line}", first, 1)


def expected_key(e: Problem) -> Found | None:
    """Where a mapping's next key should be: text after a quoted value, a list item that is
    indented wrongly or has no list, a key indented less than the one above."""
    if "block mapping" not in e.context and "expected key" not in e.problem:
        return None
    lines, column, text = e.lines, e.lines.indent(e.line), e.lines.text(e.line)
    if e.column > column:  # in the middle of the line
        if text[:e.column - 1].rstrip().endswith(('"', "'")):
            return said("na de waarde tussen aanhalingstekens staat nog tekst; zet de hele "
                        "waarde tussen de aanhalingstekens, of haal ze weg", "there is more "
                        "text after the quoted value; put the whole value inside the quotes, "
                        "or remove them", e.line, e.column)
        body = item_text(text)
        colon = COLON.search(body)
        value = body[colon.end():].lstrip() if colon else ""
        if value[:1] in _SPECIAL_START and value:  # `phone: *31 6`, read as an alias
            return quote_it(lines, e.line, len(text) - len(value) + 1)
        return None
    if text.lstrip().startswith("-"):
        dash = dash_above(lines, e.line)
        if dash is not None and dash[1] != column:
            return misaligned_item(e.line, column, dash)
        return said("hier staat een lijstitem ('- ') waar een sleutel hoort; haal '- ' weg, of "
                    "zet het onder de sleutel van een lijst (zoals 'members:'), verder "
                    "ingesprongen dan die sleutel", "a list item ('- ') stands where a key "
                    "belongs; remove the '- ', or put it below the key of a list (such as "
                    "'members:'), indented further than that key", e.line, column)
    above = lines.above(e.line) or e.line
    key, other, upper = key_name(lines, e.line), key_name(lines, above), lines.key_column(above)
    return said(f"deze regel springt niet even ver in als de regel erboven ({quoted(other)} "
                f"begint in kolom {upper}, {quoted(key)} in kolom {column}); zet sleutels op "
                f"hetzelfde niveau recht onder elkaar", f"this line is not indented as far as "
                f"the line above ({quoted(other)} starts in column {upper}, {quoted(key)} in "
                f"column {column}); put keys of the same level straight below each other",
                e.line, column)


#: The rules, most specific first; the first that recognises the problem says it.
_RULES = (values.quote_closed_later, tab, values.unclosed_quote, values.backslash,
          values.unclosed_bracket, values.missing_colon, glued_dash,
          values.colon_in_value, deeper, top_indented,
          list_after_key, values.special_start, first_without_dash,
          missing_dash, expected_key)


def explain(exc: yaml.MarkedYAMLError, text: str, last: yaml.Event | None, in_list: str
            ) -> Found:
    """What went wrong, and where, for a syntax error the parser raised after giving event
    `last`; `in_list` is the path of the list it was reading (`members`), else ""."""
    lines = Lines(text)
    mark = exc.problem_mark or exc.context_mark
    line, column = lines.clamp(mark.line + 1, mark.column + 1) if mark else (1, 1)
    start = exc.context_mark
    opened = lines.clamp(start.line + 1, start.column + 1) if start else (line, column)
    problem = Problem(lines, line, column, opened, exc.context or "", exc.problem or "", last,
                      in_list)
    for rule in _RULES:
        found = rule(problem)
        if found is not None:
            return found
    return said("het bestand is hier niet te lezen; controleer de inspringing, de dubbele "
                "punten en de aanhalingstekens op deze regel en de regel erboven",
                "the file cannot be read here; check the indentation, the colons and the "
                "quotes on this line and the line above", line, column)


def detail(exc: yaml.MarkedYAMLError) -> str:
    """The parser's own words, on one line, with the places it names (for `--debug`)."""
    parts = []
    for words, mark in ((exc.context, exc.context_mark), (exc.problem, exc.problem_mark)):
        if words:
            where = f" (line {mark.line + 1}, column {mark.column + 1})" if mark else ""
            parts.append(f"{words}{where}")
    return "; ".join(parts) or "syntax error"
