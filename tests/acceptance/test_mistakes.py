"""Coordinators' mistakes in a network file through the command line (tests/cases/mistakes.yaml):
a Dutch message at the line of the mistake that says what to change, the English one with
--lang en, and the parser's own words only with --debug."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from one_command import CliRunner

from oncocheck.cli.app import app
from paths import ROOT

CASES = yaml.safe_load((ROOT / "tests/cases/mistakes.yaml").read_text(encoding="utf-8"))
#: What the YAML parser says in its own words; none of it may reach a report without --debug.
PARSER_WORDS = ("could not find expected", "did not find expected", "mapping values are not",
                "while scanning", "while parsing", "found character", "unexpected end of",
                "expected <block end>", "sequence entries are not allowed")


def check(folder: Path, case: dict[str, Any], *options: str, debug: bool = False) -> str:
    """The output of `oncocheck [--debug] check netwerk.yaml OPTIONS` for the case's file."""
    (folder / "netwerk.yaml").write_bytes(case["file"].encode(case.get("encoding", "utf-8")))
    result = CliRunner().invoke(app, [*(["--debug"] if debug else []), "check", "netwerk.yaml",
                                      "--as-of", "2026-11-23", *options])
    assert result.exit_code == 2, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert "Traceback" not in result.output
    return result.output


# Dutch, the default, in the quick loop; English in the full run (the quick loop reads the
# hostile corpus in English).
@pytest.mark.parametrize("lang", ["nl", pytest.param("en", marks=pytest.mark.slow)])
@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_a_mistake_is_said_at_its_line(case: dict[str, Any], lang: str, tmp_path: Path,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    place = f"netwerk.yaml:{case['line']}:{case['column']}: "
    out = check(tmp_path, case, *(("--lang", "en") if lang == "en" else ()))
    lines = [line for line in out.splitlines() if place in line]
    assert lines, f"no message at {place}\n{out}"
    assert case[lang] in lines[0], f"{case[lang]!r} not in {lines[0]!r}"
    assert not [w for w in PARSER_WORDS if w in out], out


@pytest.mark.parametrize("case", [c for c in CASES if "parser" in c],
                         ids=[c["id"] for c in CASES if "parser" in c])
def test_the_parsers_own_words_only_with_debug(case: dict[str, Any], tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    out = check(tmp_path, case, debug=True)
    assert case["nl"] in out
    [detail] = [line for line in out.splitlines() if line.strip().startswith("debug:")]
    assert case["parser"] in detail, out
