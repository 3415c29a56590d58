"""Syntax errors in a list's items: a dash without its space, a list on its key's line, an item
indented differently from the one above, a member without its `- `."""

from __future__ import annotations

import re

from oncocheck.load.syntax.reading import COMMENT, Found, Lines, Problem, key_name, said
from oncocheck.load.visible import quoted

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
