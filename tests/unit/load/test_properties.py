"""Properties that hold for any input (hypothesis): random YAML and mutated examples never
make oncocheck raise; they give a result whose load errors point inside the file, and a JSON
report of the cli.md shape. Bounded so the whole module runs in well under a minute.
"""

from __future__ import annotations

import atexit
import json
import os
import re
import shutil
import tempfile
from datetime import date
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from oncocheck.run.decide import choose
from oncocheck.run.batch import check as run
from oncocheck.render import render
from oncocheck.report import Verdict
from json_reports import validate_report
from paths import ROOT

pytestmark = pytest.mark.slow  # `pytest -m "not slow"` is the quick loop

EXAMPLES = sorted((ROOT / "examples").glob("*/*.yaml"))
OPTIONS = choose(None, date(2026, 11, 23), date(2026, 11, 23))
BREAKS = re.compile(rb"\r\n|\r|\n|\xc2\x85|\xe2\x80[\xa8\xa9]")
FOLDER = Path(tempfile.mkdtemp(prefix="oncocheck-properties-"))
atexit.register(shutil.rmtree, FOLDER, ignore_errors=True)
# CI runs the same 120 examples per property every time (no flaky failures); for a long,
# random run set ONCOCHECK_PROPERTY_EXAMPLES (docs/security.md lists the one we did).
LONG = int(os.environ.get("ONCOCHECK_PROPERTY_EXAMPLES", "0"))
BOUNDED = settings(max_examples=LONG or 120, deadline=None, derandomize=not LONG,
                   database=None, suppress_health_check=[HealthCheck.too_slow])


def check_bytes(data: bytes, name: str = "netwerk.yaml") -> dict:
    """Check `data` as a network file (beside the examples' documents); the JSON report."""
    path = FOLDER / name
    (FOLDER / "docs").mkdir(exist_ok=True)
    path.write_bytes(data)
    report = run([str(path)], OPTIONS)
    result = report.results[0]
    lines = len(BREAKS.split(data))
    for error in result.errors:
        assert error.message.nl and error.message.en
        assert error.line is None or 1 <= error.line <= lines, (error, lines)
        assert error.column is None or error.column >= 1
    assert (result.verdict is Verdict.INVALID) == bool(result.errors)
    if result.verdict is not Verdict.INVALID:
        assert len(result.findings) >= 12
    out = json.loads(render(report, "json", "en"))
    validate_report(out)
    return out


# Plain YAML values: what a person could write by hand, nested a few levels.
scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False),
                    st.text(max_size=20), st.dates().map(str))
keys = st.one_of(st.sampled_from(["format", "network", "name", "members", "discipline",
                                  "verwijsgids", "notes", "plan", "area", "scope"]),
                 st.text(min_size=1, max_size=10))
values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=4)
                      | st.dictionaries(keys, inner, max_size=4), max_leaves=20)


@BOUNDED
@given(st.dictionaries(keys, values, max_size=6), st.booleans())
def test_random_yaml_documents(document: dict, network_first: bool) -> None:
    if network_first:
        document = {"format": 1, "network": {"name": "Netwerk"}, **document}
    check_bytes(yaml.safe_dump(document, allow_unicode=True).encode("utf-8"))


@BOUNDED
@given(st.text(alphabet=st.sampled_from(list(":-[]{}&*!|>'\"#%@`,? \n\tabc01é\u00a0")),
               max_size=200))
def test_random_yaml_like_text(text: str) -> None:
    check_bytes(text.encode("utf-8"))


def _lines(example: int) -> list[bytes]:
    return EXAMPLES[example % len(EXAMPLES)].read_bytes().splitlines(keepends=True)


def _mutate(lines: list[bytes], kind: str, where: int, extra: str) -> bytes:
    """One mutation of an example's lines at line `where` (wrapped to the file)."""
    at = where % len(lines)
    line = lines[at]
    if kind == "delete":
        lines = lines[:at] + lines[at + 1:]
    elif kind == "duplicate":
        lines = lines[: at + 1] + [line] + lines[at + 1:]
    elif kind == "retype" and b":" in line:
        key = line.split(b":", 1)[0]
        new = ["[1, 2]", "{a: b}", "12345678901234567890", "ja", "~", "''", "- x"][at % 7]
        lines = lines[:at] + [key + b": " + new.encode() + b"\n"] + lines[at + 1:]
    elif kind == "unicode":
        cut = where % (len(line) + 1)
        lines = lines[:at] + [line[:cut] + extra.encode("utf-8") + line[cut:]] + lines[at + 1:]
    data = b"".join(lines)
    if kind == "truncate":
        data = data[: where % (len(data) + 1)]
    return data


@BOUNDED
@given(example=st.integers(0, 100), kind=st.sampled_from(
    ["delete", "duplicate", "retype", "unicode", "truncate"]), where=st.integers(0, 10_000),
    extra=st.text(min_size=1, max_size=8))
def test_mutated_examples(example: int, kind: str, where: int, extra: str) -> None:
    check_bytes(_mutate(_lines(example), kind, where, extra))


@BOUNDED
@given(example=st.integers(0, 100),
       cuts=st.lists(st.tuples(st.sampled_from(["delete", "duplicate", "retype", "unicode"]),
                               st.integers(0, 10_000)), min_size=2, max_size=6))
def test_examples_mutated_several_times(example: int, cuts: list[tuple[str, int]]) -> None:
    lines = _lines(example)
    for kind, where in cuts:
        lines = _mutate(lines, kind, where, "ë\u200b𝄞").splitlines(keepends=True) or [b"\n"]
    check_bytes(b"".join(lines))


def test_a_duplicated_key_is_found_at_its_line() -> None:
    """The mutation tests can pass vacuously if every mutation is harmless: this one cannot."""
    lines = _lines(0)
    at = next(i for i, line in enumerate(lines) if line.startswith(b"  name:"))
    out = check_bytes(_mutate(lines, "duplicate", at, ""))
    (error,) = out["results"][0]["errors"]
    assert "duplicate key 'name'" in error["message"] and error["line"] == at + 2
