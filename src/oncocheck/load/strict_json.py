"""JSON read as untrusted input (a report read back by `oncocheck rounds`): what Python's json
module lets through, or refuses in its own words, is refused with a reason and a place.

Refused: NaN and Infinity (not JSON), a number too large for a float (`1e999999` would be read
as infinity), an integer of more than MAX_DIGITS digits (Python refuses 4,300 digits, naming
`sys.set_int_max_str_digits()`), and a key written twice in one object (json keeps the last
without a word). The text is parsed by the fast C parser with these checks in its hooks; only
when one fails is it parsed again by the pure-Python scanner, which knows where each value
starts, to say where.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from json.decoder import JSONArray, JSONObject  # type: ignore[attr-defined]  # pure Python,
from json.scanner import py_make_scanner  # type: ignore[attr-defined]  # not in typeshed
from typing import Any

from oncocheck.load.visible import quoted
from oncocheck.report import Text

MAX_DIGITS = 100  # far more than any count in a report; far below Python's own limit

Scan = Callable[[str, int], tuple[Any, int]]


class Refused(ValueError):
    """Why the JSON is refused (`text`), and where: `at`, an index into it, once known."""

    def __init__(self, nl: str, en: str) -> None:
        super().__init__(en)
        self.text = Text(nl, en)
        self.at: int | None = None


def loads(text: str) -> Any:
    """The value of the JSON `text`. json.JSONDecodeError for text that is no JSON; Refused
    (with `at` where the second parse finds it) for what the module docstring lists."""
    try:
        return json.loads(text, **_HOOKS)
    except Refused as refused:
        try:
            _Locating().decode(text)
        except RecursionError:  # deeper than the Python scanner goes: no place to give
            raise refused from None
        raise  # the second parse always refuses it too; never let it pass


class _Locating(json.JSONDecoder):
    """The pure-Python scanner (slower; used only once something is refused), through
    which every refused value learns where it starts."""

    def __init__(self) -> None:
        super().__init__(**_HOOKS)
        self.parse_object, self.parse_array = _object, _array
        scan = py_make_scanner(self)
        self.scan_once = lambda s, idx: _at(scan, s, idx)


def place(text: str, at: int) -> tuple[int, int]:
    """The 1-based line and column of index `at` in `text`, as json.JSONDecodeError counts."""
    return text.count("\n", 0, at) + 1, at - text.rfind("\n", 0, at)


def _int(digits: str) -> int:
    if len(digits) > MAX_DIGITS:
        raise Refused(f"een getal van {len(digits):,} cijfers is te lang".replace(",", "."),
                      f"a number of {len(digits):,} digits is too long")
    return int(digits)


def _float(number: str) -> float:
    value = float(number)
    if not math.isfinite(value):
        raise Refused(f"het getal {quoted(number)} valt buiten het bereik (het zou als "
                      "oneindig gelezen worden)", f"the number {quoted(number)} is out of "
                      "range (it would be read as infinity)")
    return value


def _constant(name: str) -> None:
    raise Refused(f"{name} is geen getal in JSON", f"{name} is not a number in JSON")


def _twice(key: str) -> Refused:
    return Refused(f"de sleutel {quoted(key)} staat twee keer in hetzelfde object",
                   f"the key {quoted(key)} appears twice in the same object")


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) < len(pairs):  # rare: only then look for the key
        raise _twice(_first_double([key for key, _ in pairs])[0])
    return result


def _first_double(keys: list[str]) -> tuple[str, int]:
    """The first key that was seen before, and its index."""
    seen: set[str] = set()
    for index, key in enumerate(keys):
        if key in seen:
            return key, index
        seen.add(key)
    raise ValueError("no key appears twice")


_HOOKS: dict[str, Any] = {"parse_int": _int, "parse_float": _float,
                          "parse_constant": _constant, "object_pairs_hook": _pairs}


def _at(scan: Scan, s: str, idx: int) -> tuple[Any, int]:
    """`scan` at `idx`; a Refused from a value starting there learns its place."""
    try:
        return scan(s, idx)
    except Refused as exc:
        if exc.at is None:
            exc.at = idx
        raise


def _array(s_and_end: tuple[str, int], scan: Scan) -> tuple[list[Any], int]:
    return JSONArray(s_and_end, lambda s, idx: _at(scan, s, idx))


def _object(s_and_end: tuple[str, int], strict: bool, scan: Scan, object_hook: Any,
            object_pairs_hook: Any, memo: dict[str, str] | None = None) -> tuple[Any, int]:
    """An object, with the place of a key written twice: the start of its value is known,
    and the key is the string before the `:` there."""
    starts: list[int] = []

    def each(s: str, idx: int) -> tuple[Any, int]:
        starts.append(idx)
        return _at(scan, s, idx)

    pairs, end = JSONObject(s_and_end, strict, each, None, list, memo)
    try:
        return _pairs(pairs), end
    except Refused as refused:
        refused.at = _key_start(s_and_end[0], starts[_first_double([k for k, _ in pairs])[1]])
        raise


def _key_start(s: str, value: int) -> int:
    """Where the key of the value at `value` starts: its opening quote, the last one before
    the `:` that is not escaped."""
    at = s.rfind('"', 0, s.rfind('"', 0, s.rfind(":", 0, value)))
    while at > 0 and _escaped(s, at):
        at = s.rfind('"', 0, at)
    return at


def _escaped(s: str, at: int) -> bool:
    """Whether the character at `at` follows an odd number of backslashes."""
    before = at
    while before > 0 and s[before - 1] == "\\":
        before -= 1
    return (at - before) % 2 == 1
