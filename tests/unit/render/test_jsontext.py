"""The JSON reports' fast encoder writes exactly what the standard library writes (issue 17: no
report changes by a byte), on the real reports and on any JSON-shaped data."""

from __future__ import annotations

import json
from pathlib import Path

import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from oncocheck.cli.app import app
from oncocheck.render import json as jsontext
from paths import ROOT
from one_command import CliRunner


def _stdlib(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)


_LEAVES = (st.none() | st.booleans() | st.integers() | st.text()
           | st.floats(allow_nan=False, allow_infinity=False))
_DATA = st.recursive(_LEAVES, lambda inner: st.lists(inner, max_size=4)
                     | st.dictionaries(st.text(max_size=8), inner, max_size=4), max_leaves=30)


@settings(max_examples=4 * settings().max_examples, deadline=None)  # 400, quick 80
@given(_DATA)
def test_any_json_data_is_written_as_the_standard_library_writes_it(data: object) -> None:
    assert jsontext.dumps(data) == _stdlib(data)


@pytest.mark.parametrize("value", [1e-05, 2.5e-05, 1e-07, 1e16, -1.5e300, 5e-324, 0.0001,
                                   0.636, 0.65, -0.0, 2**64, -(2**63) - 1, "\ud800",
                                   {"1e-5 in a name": 1}, {1: "key not a string"}])
def test_the_corners_where_orjson_differs_or_refuses_fall_back(value: object) -> None:
    try:
        fast = orjson.dumps(value, option=orjson.OPT_INDENT_2).decode()
    except TypeError:
        fast = None  # refused: the standard library's text is used
    assert jsontext.dumps(value) == _stdlib(value)
    if value in (1e-05, 2.5e-05, 1e-07):
        assert fast != _stdlib(value)  # a real difference the fallback covers, not a no-op


def test_a_digest_or_a_number_in_a_string_keeps_the_fast_path() -> None:
    """Every report holds sha256 digests (`...e119e9...`): they must not send each file's
    JSON to the standard library's encoder, many times slower."""
    data = {"sha256": "51a31fd416a4f0c3e119e9b9f5e71b6e4", "note": "1e5 mg", "share": 0.636,
            "list": ["2e-5", 3]}
    text = orjson.dumps(data, option=orjson.OPT_INDENT_2).decode()
    assert jsontext._floats_agree(data) and jsontext.dumps(data) == text


def test_the_reports_of_the_examples_and_a_batch_are_byte_identical(tmp_path: Path) -> None:
    batch = tmp_path / "batch"
    batch.mkdir()
    source = (ROOT / "examples/compliant/voorbeeldstad.yaml").read_text(encoding="utf-8")
    for i in range(40):  # a generated batch: the same network under other names and postcodes
        (batch / f"n{i:02}.yaml").write_text(
            source.replace("Voorbeeldstad", f"Voorbeeldstad {i}\u00e9"), encoding="utf-8")
    runner = CliRunner()
    for target in (ROOT / "examples", batch):
        for command in (["check", str(target)], ["impact", str(target), "--from", "loppsoz@2021",
                                                 "--to", "loppsoz@2024", "--sweep", "2a"]):
            result = runner.invoke(app, [*command, "--format", "json"])
            assert result.exit_code in (0, 1, 2), result.output
            assert result.stdout == _stdlib(json.loads(result.stdout)) + "\n"


@pytest.mark.parametrize("share", [1e-05, 0.636])
def test_a_result_whose_observed_share_orjson_writes_otherwise_is_written_as_the_stdlib_does(
        share: float) -> None:
    """A result's text looks for floats only in its observed values (`piece`): there too."""
    from oncocheck.report import FileResult, Finding, Severity, Status, Text, Verdict

    finding = Finding("2a", Severity.ERROR, Status.NOT_MET, Text("t", "t"), Text("m", "m"),
                      {"share": share, "members": [{"share": share}]})
    result = FileResult("n.yaml", Verdict.NOT_COMPLIANT, "N", findings=(finding,))
    assert jsontext.piece(result) == _stdlib(jsontext._result(result)).replace("\n", "\n    ")
