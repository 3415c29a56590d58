"""A YAML syntax error said the way a coordinator can fix it: at the line where the mistake is,
in Dutch and English, with what to change.

The parser says where it got stuck, which is often a line after the mistake (a missing colon is
noticed at the next key), and says it in its own words ("did not find expected key"). `explain`
reads the parser's problem together with the lines around it and names the usual mistakes
(`values`: quotes, brackets, colons; `layout`: tabs, indentation, list items). The parser's
words are kept as the error's `detail`, shown with `--debug`.
"""

from __future__ import annotations

import yaml

from oncocheck.load.syntax import items, layout, values
from oncocheck.load.syntax.reading import Found, Lines, Problem, said

#: The rules, most specific first; the first that recognises the problem says it.
_RULES = (values.quote_closed_later, layout.tab, values.unclosed_quote, values.backslash,
          values.unclosed_bracket, values.missing_colon, items.glued_dash,
          values.colon_in_value, layout.deeper, layout.top_indented,
          items.list_after_key, values.special_start, items.first_without_dash,
          items.missing_dash, layout.expected_key)


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
