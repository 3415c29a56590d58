"""Validate a parsed YAML `Source` against a pydantic model, with errors people can act on.

Each pydantic error location is translated through the source's position map into
`line:column`, and into a path like `members[2].discipline`; unknown keys and values get a
"did you mean" from the model's own fields and choices.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from oncocheck.errors import LoadFailed
from oncocheck.load.source import Source, about, member, member_index
from oncocheck.load.visible import quoted, shortened
from oncocheck.load.words import belongs, did_you_mean, fields_at
from oncocheck.report import LoadError, Text

M = TypeVar("M", bound=BaseModel)
MAX_ERRORS = 100  # more help nobody; listing 100,000 errors would take minutes and megabytes
_QUOTED = re.compile(r"'([^']*)'")


def validate(model: type[M], source: Source, context: dict[str, Any] | None = None) -> M:
    """The model built from `source.data`, or LoadFailed listing every problem."""
    if not isinstance(source.data, dict):
        found_nl, found_en = _kind(source.data)
        raise LoadFailed([LoadError(
            Text("het bestand moet sleutels met waarden bevatten (sleutel: waarde), niet "
                 f"{found_nl}",
                 f"the file must hold keys with values (key: value), not {found_en}"), "", 1, 1)])
    try:
        return model.model_validate(source.data, context=context)
    except ValidationError as exc:
        errors = exc.errors()
        shown = [_translate(model, source, e) for e in errors[:MAX_ERRORS]]
        raise LoadFailed(shown, len(errors) - len(shown)) from exc


def capped(errors: Sequence[LoadError], omitted: int = 0) -> LoadFailed:
    """At most MAX_ERRORS of `errors` (in order), counting the rest with `omitted` (errors that
    were counted but never listed): the one cap for a file's load errors, whatever made them."""
    return LoadFailed(list(errors[:MAX_ERRORS]), omitted + max(0, len(errors) - MAX_ERRORS))


def _translate(model: type[BaseModel], source: Source, error: Any) -> LoadError:
    parts = _data_path(source.data, error["loc"], error["type"])
    path = _render(parts)
    kind = error["type"]
    if kind == "extra_forbidden":
        options = fields_at(model, error["loc"][:-1])
        nl_tail, en_tail = did_you_mean(str(parts[-1]), options)
        text = belongs(model, source.data, parts) or Text(
            f"onbekende sleutel {quoted(parts[-1])}{nl_tail}",
            f"unknown key {quoted(parts[-1])}{en_tail}")
        line, column = source.where(path, prefer_key=True)
    elif kind == "missing":
        text = Text(f"verplichte sleutel {quoted(parts[-1])} ontbreekt; voeg die toe",
                    f"required key {quoted(parts[-1])} is missing; add it")
        line, column = source.where(_render(parts[:-1]), prefer_key=True)
    elif kind == "list_type" and isinstance(error.get("input"), dict):
        text = _not_a_list(path)
        line, column = source.where(path)
    else:
        text = _message(error)
        line, column = source.where(path)
    return LoadError(_about_member(source, path, text), _render(parts, shown=True), line, column,
                     source.source_of(path))


def _not_a_list(path: str) -> Text:
    """Keys with values where a list belongs: the `- ` before each item was left out."""
    if path == "members":
        return Text("verwacht een lijst van leden, niet sleutels met waarden: zet '- ' voor "
                    "elk lid", "expected a list of members, not keys with values: put '- ' "
                    "before each member")
    return Text("verwacht een lijst, niet sleutels met waarden: zet '- ' voor elk item",
                "expected a list, not keys with values: put '- ' before each item")


def _about_member(source: Source, path: str, text: Text) -> Text:
    """`text` naming the member it is about, for people: `lid 1, 'P. de Boer': …`."""
    index = member_index(path)
    if index is None:
        return text
    members = source.data.get("members") if isinstance(source.data, dict) else None
    data = members[index] if isinstance(members, list) and index < len(members) else None
    return about(member(index, data, source.sheet if source.source_of(path) else None), text)


def _data_path(data: Any, loc: tuple[Any, ...], kind: str) -> list[Any]:
    """The part of a pydantic location that names real places in the data (drops union tags)."""
    parts: list[Any] = []
    for index, element in enumerate(loc):
        last = index == len(loc) - 1
        if isinstance(data, dict) and element in data:
            parts.append(element)
            data = data[element]
        elif isinstance(data, list) and isinstance(element, int) and element < len(data):
            parts.append(element)
            data = data[element]
        elif last and kind in ("missing", "extra_forbidden"):
            parts.append(element)
    return parts


def _render(parts: list[Any], shown: bool = False) -> str:
    """`members[2].discipline`; `shown`: with a long key cut as a quoted value is (a key the
    model does not know may be a thousand characters)."""
    out = ""
    for part in parts:
        key = shortened(part) if shown and isinstance(part, str) else part
        out += f"[{part}]" if isinstance(part, int) else (f".{key}" if out else str(key))
    return out


def _message(error: Any) -> Text:
    kind, ctx, value = error["type"], error.get("ctx") or {}, error.get("input")
    if kind == "oncocheck":
        return Text(ctx["nl"], ctx["en"])
    if kind in ("literal_error", "enum"):
        choices = _QUOTED.findall(str(ctx.get("expected", "")))
        nl_tail, en_tail = did_you_mean(str(value), choices)
        listed = ", ".join(choices)
        return Text(f"{quoted(value)} is geen geldige waarde (kies uit: {listed}){nl_tail}",
                    f"{quoted(value)} is not a valid value (choose from: {listed}){en_tail}")
    found_nl, found_en = _kind(value)
    expected = {
        "dict_type": ("sleutels met waarden (sleutel: waarde)", "keys with values (key: value)"),
        "model_type": ("sleutels met waarden (sleutel: waarde)", "keys with values (key: value)"),
        "model_attributes_type": ("sleutels met waarden", "keys with values"),
        "list_type": ("een lijst (regels die beginnen met '- ')", "a list (lines starting '- ')"),
        "string_type": ("tekst", "text"),
        "int_parsing": ("een geheel getal", "a whole number"),
        "int_type": ("een geheel getal", "a whole number"),
        "int_parsing_size": ("een kleiner getal", "a smaller number"),
        "string_too_short": ("tekst die niet leeg is", "text that is not empty"),
        "too_short": ("iets dat niet leeg is", "something that is not empty"),
    }.get(kind)
    if expected:
        return Text(f"verwacht {expected[0]}, niet {found_nl}",
                    f"expected {expected[1]}, not {found_en}")
    if kind in ("string_too_long", "too_long") and isinstance(value, str):
        most, size = ctx.get("max_length"), f"{len(value):,}"
        return Text(f"te lang: hoogstens {most} tekens, niet {size.replace(',', '.')}",
                    f"too long: at most {most} characters, not {size}")
    if kind == "union_tag_invalid":  # an unknown `kind:` of check
        listed = ", ".join(_QUOTED.findall(str(ctx.get("expected_tags", ""))))
        nl_tail, en_tail = did_you_mean(str(ctx.get("tag")), _QUOTED.findall(listed))
        return Text(f"{quoted(ctx.get('tag'))} is geen geldige waarde (kies uit: {listed})"
                    f"{nl_tail}", f"{quoted(ctx.get('tag'))} is not a valid value (choose "
                    f"from: {listed}){en_tail}")
    said = _QUOTED.sub(lambda m: quoted(m.group(1)), error["msg"])  # input it quotes, cut
    return Text(f"ongeldige waarde: {said}", f"invalid value: {said}")


def _kind(value: Any) -> tuple[str, str]:
    if isinstance(value, dict):
        return "sleutels met waarden", "keys with values"
    if isinstance(value, list):
        return "een lijst", "a list"
    if value is None or value == "":
        return "een lege waarde", "an empty value"
    return f"{quoted(value)}", f"{quoted(value)}"
