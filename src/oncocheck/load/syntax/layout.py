"""Syntax errors in the layout of the file: tabs, keys indented wrongly, an indented first key,
a list item where a key belongs, text after a quoted value (list items: `items`)."""

from __future__ import annotations

from oncocheck.load.syntax.items import dash_above, misaligned_item
from oncocheck.load.syntax.reading import Found, Problem, item_text, key_name, said
from oncocheck.load.syntax.values import COLON, quote_it
from oncocheck.load.visible import quoted

_SPECIAL_START = "@`%&*!|>"  # a value cannot start with these unquoted


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
