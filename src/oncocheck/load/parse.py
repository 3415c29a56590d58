"""Read a YAML file safely into plain data, with the position of every key and value.

Every scalar stays text (pydantic converts where a model wants a number, date or boolean), so
`phone: 0612345670` keeps its leading zero and `no` never turns into false by accident. The
document is built from the parser's events in one loop (no recursion), which also lets us reject
duplicate keys, non-standard tags and merge keys, and bound size, depth and alias expansion.
"""

from __future__ import annotations

import yaml

from oncocheck.errors import LoadFailed, load_error
from oncocheck.load.builder import Builder
from oncocheck.load.source import Source
from oncocheck.load.text import position
from oncocheck.load.visible import visible
from oncocheck.report import LoadError

try:  # the C parser is several times faster; fall back to pure Python where it is missing
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_DEPTH = 64
MAX_NODES = 1_000_000  # values after aliases; 100,000 members of 6 fields are 700,000


def parse(text: str) -> Source:
    """Parse YAML text into a Source; raise LoadFailed with a position on any problem."""
    builder = Builder(max_depth=MAX_DEPTH, max_nodes=MAX_NODES)
    try:
        loader = _Loader(text)
        try:
            builder.build(loader.get_event)
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        raise _syntax_error(exc, text, builder, builder.last) from exc
    except yaml.reader.ReaderError as exc:
        line, column = position(text, exc.position)
        raise load_error(f"teken dat niet is toegestaan (#x{exc.character:04x})",
                         f"a character that is not allowed (#x{exc.character:04x})",
                         builder.here(), line, column) from exc
    except yaml.YAMLError as exc:
        raise load_error(f"YAML-fout: {exc}", f"YAML error: {exc}", builder.here(), 1,
                         1) from exc
    except RecursionError as exc:  # pragma: no cover - the builder is iterative
        raise load_error("te diep genest", "nested too deeply", builder.here(), 1, 1) from exc
    if builder.curly:
        raise LoadFailed(builder.curly)
    return Source(builder.result(), builder.values, builder.keys)


def _too_deep_at(text: str, limit: int) -> tuple[int, int] | None:
    """Where flow brackets (`[`, `{`) first nest deeper than `limit`, outside quotes and
    comments; None when they never do (the depth came from block indentation)."""
    depth, quote, comment, line, start = 0, "", False, 1, 0
    previous = "\n"
    for index, char in enumerate(text):
        if char == "\n":
            line, start, comment = line + 1, index + 1, False
        elif comment:
            pass
        elif quote:
            if char == quote and not (quote == '"' and previous == "\\"):
                quote = ""
        elif char in "'\"" and previous in " \t\n[{,:":  # a quote that starts a scalar
            quote = char
        elif char == "#" and previous in " \t\n":
            comment = True
        elif char in "[{":
            depth += 1
            if depth > limit:
                return line, index - start + 1
        elif char in "]}":
            depth = max(depth - 1, 0)
        previous = char
    return None


def _syntax_error(exc: yaml.MarkedYAMLError, text: str, builder: Builder,
                  last: yaml.Event | None) -> LoadFailed:
    from oncocheck.load.syntax.explain import detail, explain  # only for a file that needs it

    mark = exc.problem_mark or exc.context_mark
    problem = exc.problem or exc.context or "syntax error"
    said = visible(detail(exc), multiline=False)
    if "maximum nesting depth" in problem:
        # libyaml (PyYAML >= 6.0.2) has its own, higher bound, which it can reach while it
        # scans ahead of the events the builder counts: say it in the loader's words, at the
        # bracket that went past the loader's bound
        depth = builder.max_depth
        end = mark.index + 1 if mark else len(text)
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        line, column = _too_deep_at(text[:end], depth) or (line, column)
        return load_error(f"te diep genest (meer dan {depth} niveaus)",
                          f"nested too deeply (more than {depth} levels)", builder.here(),
                          line, column, said)
    message, line, column = explain(exc, text, last, builder.open_list())
    # a syntax error lies somewhere in the innermost open mapping or list: name that one
    return LoadFailed([LoadError(message, builder.container(), line, column, detail=said)])
