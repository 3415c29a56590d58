"""A JSON report of oncocheck (`check --format json`) read back, for `oncocheck rounds`.

A report from the archive is input like any other: read bounded, from a regular file, as
UTF-8 (`load.text`); JSON errors at their line and column; the shape `rounds` needs checked
by the models below (keys it does not need are ignored, as later versions may add keys);
every text shown through `visible`. Anything else is a LoadFailed that says what the file is
not, never a traceback.

What Python's json module lets through, or refuses in its own words, is refused with a reason
and a place (`loads`): NaN and Infinity (not JSON), a number too large for a float (`1e999999`
would be read as infinity), an integer of more than MAX_DIGITS digits (Python refuses 4,300
digits, naming `sys.set_int_max_str_digits()`), and a key written twice in one object (json
keeps the last without a word). The text is parsed by the fast C parser with these checks in
its hooks; only when one fails is it parsed again by the pure-Python scanner, which knows where
each value starts, to say where.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from dataclasses import replace
from json.decoder import JSONArray, JSONObject  # type: ignore[attr-defined]  # pure Python,
from json.scanner import py_make_scanner  # type: ignore[attr-defined]  # not in typeshed
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from oncocheck.errors import LoadFailed, load_error
from oncocheck.load.fields import IsoDate
from oncocheck.load.source import Source
from oncocheck.load.text import read_text
from oncocheck.load.validate import validate
from oncocheck.load.visible import quoted, visible
from oncocheck.report import Text

#: What a report is and how to make one, said when a file is not one.
_NOT_A_REPORT = ("dit is geen JSON-rapport van oncocheck (maak er een met `oncocheck check "
                 "--format json`)", "this is not a JSON report of oncocheck (make one with "
                 "`oncocheck check --format json`)")

#: What to do with a report oncocheck would not have written.
_AGAIN = ("maak het rapport opnieuw met `oncocheck check --format json`",
          "make the report again with `oncocheck check --format json`")

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


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) < len(pairs):  # rare: only then look for the key
        key = _first_double([key for key, _ in pairs])[0]
        raise Refused(f"de sleutel {quoted(key)} staat twee keer in hetzelfde object",
                      f"the key {quoted(key)} appears twice in the same object")
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


Shown = Annotated[str, AfterValidator(lambda text: visible(text, multiline=False))]


class _Read(BaseModel):
    """A part of a report as read back: frozen, and keys it does not name are ignored."""

    model_config = ConfigDict(extra="ignore", frozen=True, strict=False)


class PastTool(_Read):
    """`tool`: the oncocheck that made the report."""

    name: Literal["oncocheck"]
    version: Shown


class PastCriteria(_Read):
    """A criteria version as a report names it (`file`: a rule file given by path)."""

    set: Shown
    version: Shown
    file: Shown | None = None


class PastFinding(_Read):
    """One finding: only what a round's comparison looks at."""

    criterion: Annotated[Shown, Field(min_length=1, max_length=64)]
    severity: Literal["error", "warning"]
    status: Literal["met", "not_met", "missing"]


class PastResult(_Read):
    """One file's result."""

    file: Shown
    network: Shown | None
    verdict: Literal["compliant", "not_compliant", "invalid"]
    criteria: PastCriteria | None = None
    as_of: IsoDate | None = None
    findings: list[PastFinding]


class PastReport(_Read):
    """A whole report: who made it, every file's result (the top-level `criteria` and `as_of`
    are not read: since schema version 2 they are null for a batch judged under several)."""

    tool: PastTool
    results: list[PastResult]


def read_report(path: Path) -> PastReport:
    """The report in the file at `path`; LoadFailed (at a line and column where JSON gives
    one) for a file that cannot be read, is not JSON, or is not an oncocheck report."""
    text = read_text(path)
    try:
        data = loads(text)
    except json.JSONDecodeError as exc:
        raise load_error(f"geen geldige JSON: {exc.msg}", f"not valid JSON: {exc.msg}", "",
                         exc.lineno, exc.colno) from exc
    except Refused as exc:  # NaN, 1e999999, 5,000 digits, a key twice
        at = exc.at  # as json.JSONDecodeError counts lines and columns
        line, column = (None, None) if at is None else (
            text.count("\n", 0, at) + 1, at - text.rfind("\n", 0, at))
        raise load_error(f"geen geldige JSON: {exc.text.nl}; {_AGAIN[0]}",
                         f"not valid JSON: {exc.text.en}; {_AGAIN[1]}", "", line,
                         column) from exc
    except RecursionError as exc:
        raise load_error("geen rapport: de JSON is te diep genest",
                         "not a report: the JSON is nested too deeply") from exc
    tool = data.get("tool") if isinstance(data, dict) else None
    if not isinstance(tool, dict) or tool.get("name") != "oncocheck" or "results" not in data:
        raise load_error(*_NOT_A_REPORT)
    try:
        return validate(PastReport, Source(data))
    except LoadFailed as exc:  # JSON has no positions to give: the path says where
        raise LoadFailed([replace(e, line=None, column=None) for e in exc.listed],
                         exc.omitted) from exc
