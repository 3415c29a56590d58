"""Where a key belongs in a model: the fields at a place in the data, and, for a key that is
unknown where it stands but known one level in or out, where to move it (a key written at the
wrong indentation: `structural:` at the level of `- name:`, an unindented `name:` under
`network:`)."""

from __future__ import annotations

import types
import typing
from typing import Any

from pydantic import BaseModel

from oncocheck.load.visible import quoted
from oncocheck.report import Text


def belongs(model: type[BaseModel], data: Any, parts: list[Any]) -> Text | None:
    """Where the unknown key at `parts` (its parents' keys and indexes, then itself) belongs,
    said as what to do; None when it is known neither in the mapping above it nor in one
    its nearest known key before it opens."""
    key, parents = parts[-1], parts[:-1]
    above = _at(data, parents)
    if not isinstance(key, str) or not isinstance(above, dict):
        return None
    inward = _inward(model, above, parents, key)
    if inward is not None:
        return inward
    for depth in range(len(parents) - 1, -1, -1):  # one level out, then further
        if key in fields_at(model, tuple(parents[:depth])):
            owner = next((p for p in reversed(parents[:depth]) if isinstance(p, str)), None)
            return _outward(key, owner)
    return None


def _inward(model: type[BaseModel], above: dict[str, Any], parents: list[Any],
            key: str) -> Text | None:
    """`key` belongs under the nearest known key written before it (`network:` left empty
    because the keys below it were not indented, or a list of contacts)."""
    known = fields_at(model, tuple(parents))
    earlier = list(above)[:list(above).index(key)]
    before = next((k for k in reversed(earlier) if k in known), None)
    if before is None:
        return None
    where = (*parents, before)
    if key in fields_at(model, where):
        return Text(f"sleutel {quoted(key)} is niet ingesprongen: hij hoort onder "
                    f"'{before}:'; spring in onder '{before}:'", f"key {quoted(key)} is not "
                    f"indented: it belongs under '{before}:'; indent it under '{before}:'")
    if key in fields_at(model, (*where, 0)):
        items = above.get(before)
        last = items[-1] if isinstance(items, list) and items else None
        first = next(iter(last), None) if isinstance(last, dict) else None
        line_up = (f" tot onder '{first}:' van het item erboven" if first else "",
                   f" to line up with '{first}:' of the item above" if first else "")
        return Text(f"sleutel {quoted(key)} hoort bij een item van '{before}:'; spring in"
                    f"{line_up[0]}", f"key {quoted(key)} belongs to an item of '{before}:'; "
                    f"indent it{line_up[1]}")
    return None


def _outward(key: str, owner: str | None) -> Text:
    """`key` belongs one or more levels out: under `owner`, or at the top (None)."""
    if owner is None:
        return Text(f"sleutel {quoted(key)} is te ver ingesprongen: hij hoort helemaal links, "
                    "zonder spaties ervoor", f"key {quoted(key)} is indented too far: it "
                    "belongs at the far left, with no spaces before it")
    return Text(f"sleutel {quoted(key)} is te ver ingesprongen: hij hoort onder '{owner}:'; "
                f"zet hem recht onder de andere sleutels van '{owner}:'",
                f"key {quoted(key)} is indented too far: it belongs under '{owner}:'; line it "
                f"up with the other keys of '{owner}:'")


def _at(data: Any, parts: list[Any]) -> Any:
    for part in parts:
        if isinstance(data, dict) and part in data:
            data = data[part]
        elif isinstance(data, list) and isinstance(part, int) and part < len(data):
            data = data[part]
        else:
            return None
    return data


def fields_at(model: type[BaseModel], loc: tuple[Any, ...]) -> list[str]:
    """The field names of the model found by following `loc` from `model` (for suggestions)."""
    current: Any = model
    for element in loc:
        current = _step(current, element)
        if current is None:
            return []
    return list(current.model_fields) if _is_model(current) else []


def _step(annotation: Any, element: Any) -> Any:
    for candidate in _unwrap(annotation):
        if _is_model(candidate) and isinstance(element, str):
            if element in candidate.model_fields:
                return candidate.model_fields[element].annotation
            kind = candidate.model_fields.get("kind")
            if kind is not None and element in typing.get_args(kind.annotation):
                return candidate
        elif typing.get_origin(candidate) in (list, dict) and not _is_model(candidate):
            return typing.get_args(candidate)[-1]
    return None


def _unwrap(annotation: Any) -> list[Any]:
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        return [a for arg in typing.get_args(annotation) for a in _unwrap(arg)]
    return [annotation]


def _is_model(candidate: Any) -> bool:
    return isinstance(candidate, type) and issubclass(candidate, BaseModel)
