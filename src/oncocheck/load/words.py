"""Words as people type them, and what a load error says about them: normalisation, "did you
mean", the pattern an editor uses for the same matching (JSON Schema), Word's curly quotes
around a value (`curly`), and where a key written at the wrong indentation belongs (`belongs`).
"""

from __future__ import annotations

import difflib
import functools
import re
import types
import typing
import unicodedata
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from oncocheck.load.visible import quoted
from oncocheck.report import LoadError, Text

if TYPE_CHECKING:
    from pydantic import BaseModel

_SEPARATORS = re.compile(r"[\s\-_]+")
SUGGEST_MAX_LENGTH = 64  # difflib is quadratic; nobody mistypes a 64-letter discipline


@functools.lru_cache(maxsize=4096)  # a 100,000-member file repeats a few dozen spellings
def normalise(text: str) -> str:
    """Lower case, accents removed, runs of spaces/hyphens/underscores made one space.

    `Diëtist`, `dietist`, `POH-GGZ`, `poh ggz` and `poh_ggz` all normalise alike.
    """
    decomposed = unicodedata.normalize("NFKD", text)
    plain = decomposed if decomposed.isascii() else \
        "".join(c for c in decomposed if not unicodedata.combining(c))  # most names: ASCII
    return _SEPARATORS.sub(" ", plain.casefold()).strip()


def closest(word: str, options: Iterable[str]) -> str | None:
    """The option nearest to `word`, or None when nothing is near enough to suggest."""
    if len(word) > SUGGEST_MAX_LENGTH:
        return None
    choices = {normalise(o): o for o in options}
    found = difflib.get_close_matches(normalise(word), list(choices), n=1, cutoff=0.6)
    return choices[found[0]] if found else None


def did_you_mean(word: str, options: Iterable[str]) -> tuple[str, str]:
    """The Dutch and English "did you mean" tail for `word`, or two empty strings."""
    best = closest(word, options)
    if best is None:
        return "", ""
    return f"; bedoelt u '{best}'?", f"; did you mean '{best}'?"


@functools.cache  # each closed list of words asks, as pydantic builds a model's validator
def _letter_classes() -> dict[str, str]:
    """For each letter a-z, every Latin-1/Latin Extended-A character `normalise` maps to it."""
    groups: dict[str, str] = {}
    for code in [*range(0x41, 0x5B), *range(0x61, 0x7B), *range(0xC0, 0x180)]:
        base = normalise(chr(code))
        if len(base) == 1 and "a" <= base <= "z":
            groups[base] = groups.get(base, "") + chr(code)
    return groups


_ECMA_SPECIAL = set("\\^$.|?*+()[]{}/")


def spelling_pattern(spellings: Iterable[str]) -> str:
    """An ECMA-262 regular expression (for JSON Schema, where `(?i)` does not exist) matching the
    texts that `normalise` maps to one of `spellings`: any case, common accents (precomposed or
    combining), and spaces, hyphens and underscores alike, also around the word."""
    letters = _letter_classes()
    separator, marks = r"[\s_-]", r"[\u0300-\u036f]*"

    def one(word: str) -> str:
        out = ""
        for char in normalise(word):
            if char == " ":
                out += separator + "+"
            elif char in letters:
                out += f"[{letters[char]}]{marks}"
            else:
                out += ("\\" + char) if char in _ECMA_SPECIAL else char
        return out

    alternatives = sorted({one(word) for word in spellings})
    return f"^{separator}*(?:{'|'.join(alternatives)}){separator}*$"


# Word's curly quotes around a value (`phone: “033 461 2233”`, `“3”: …`): YAML reads them as part
# of the text, so the value would be kept with them or not be recognised. Such a value (or key)
# is a load error that names them and gives the line without them.
#: The quotes Word and other word processors put around a text: opening and closing.
OPENING = frozenset("“”„‘’‚«»")
_CLOSING = frozenset("”“’‘»«")
#: What may not start a plain YAML value, and what may not stand in one.
_SPECIAL_START = frozenset("-?:,[]{}#&*!|>'\"%@`")


def curly(text: str) -> bool:
    """Whether `text` (a plain scalar) is wrapped whole in curly quotes."""
    return len(text) > 1 and text[0] in OPENING and text[-1] in _CLOSING


def curly_error(text: str, key: str | None, is_key: bool, path: str, line: int,
                column: int) -> LoadError:
    """The error for a `curly` scalar: which quotes, and the line to write instead (`key`: the
    key the value stands under, None in a list)."""
    inner = text[1:-1].strip()
    plain = inner if _plain_safe(inner) else '"' + inner.replace('"', "'") + '"'
    write = f"{plain}:" if is_key else (f"{key}: {plain}" if key else plain)
    marks = f"{text[0]} {text[-1]}"
    what = ("de sleutel", "the key") if is_key else ("de waarde", "the value")
    return LoadError(Text(
        f"{what[0]} staat tussen gekrulde aanhalingstekens ({marks}), zoals Word ze zet; YAML "
        f"leest die als deel van de tekst. Haal ze weg: schrijf {quoted(write)}",
        f"{what[1]} is between curly quotes ({marks}), as Word writes them; YAML reads them "
        f"as part of the text. Remove them: write {quoted(write)}"), path, line, column)


def _plain_safe(text: str) -> bool:
    """Whether `text` can be written without quotes and read back as the same text."""
    return bool(text) and text[0] not in _SPECIAL_START and ": " not in text and \
        " #" not in text and not text.endswith(":")


# Where a key belongs in a model: the fields at a place in the data, and, for a key that is
# unknown where it stands but known one level in or out, where to move it (a key written at
# the wrong indentation: `structural:` at the level of `- name:`, an unindented `name:` under
# `network:`).


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
    from pydantic import BaseModel  # here: the command line starts without pydantic

    return isinstance(candidate, type) and issubclass(candidate, BaseModel)
