"""The report's records (`report.record`) are equal, hashed and shown as the dataclasses
Python generates, with methods that all records share."""

from __future__ import annotations

import pickle
from dataclasses import fields, is_dataclass, make_dataclass, replace
from typing import Any

import pytest

from oncocheck import report as records
from oncocheck.report import Brief, Packed, Report, Results, Root, moves


def _found(value: Any, into: list[Any]) -> list[Any]:
    """Every record in `value`, itself included, depth first."""
    if is_dataclass(value) and not isinstance(value, type):
        into.append(value)
        for part in fields(value):
            _found(getattr(value, part.name), into)
    elif isinstance(value, tuple | list | Results):
        for item in value:
            _found(item, into)
    return into


def _generated(value: Any) -> Any:
    """`value` as an instance of a dataclass Python generated, with the same fields."""
    names = [f.name for f in fields(value)]
    twin = make_dataclass(type(value).__name__, names, frozen=True, slots=True)
    return twin(*(getattr(value, name) for name in names))


def _every_record(report: Report) -> list[Any]:
    first, second = report.results[0], report.results[1]
    compared = replace(second, findings=second.findings[:1])
    extra = [*moves(compared, second), Brief.of(first), Packed.of(first), Root("/a", "/a/b")]
    return _found(report, []) + _found(extra, [])


def test_records_are_equal_hashed_and_shown_as_generated_dataclasses(report: Report) -> None:
    found = _every_record(report)
    kinds = {type(r) for r in found}
    assert kinds == {v for v in vars(records).values() if isinstance(v, type)
                     and is_dataclass(v) and v.__module__ == records.__name__}
    for value in found:
        twin = _generated(value)
        assert repr(value) == repr(twin)
        try:
            assert hash(value) == hash(twin)
        except TypeError:  # a field that is a dict (a finding's observed values)
            with pytest.raises(TypeError):
                hash(value)
        same, other = replace(value), replace(value, **{fields(value)[0].name: object()})
        assert value == same and same == value and not value != same
        assert value != other and other != value and not value == other
        assert value != twin and value.__eq__(twin) is NotImplemented
        assert pickle.loads(pickle.dumps(value)) == value


def test_a_record_that_contains_itself_is_shown_without_end() -> None:
    looped, twin = records.Text("a", "b"), _generated(records.Text("a", "b"))
    for value in looped, twin:
        object.__setattr__(value, "nl", [value])
    assert repr(looped) == repr(twin) == "Text(nl=[...], en='b')"
