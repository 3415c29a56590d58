"""The one Click command the tests reuse (tests/support/one_command.py) says exactly what a
command Typer builds afresh says, run after run, as the languages alternate: help, usage errors
(Click's and oncocheck's own) and a check, in Dutch and English, by `--lang` and by
ONCOCHECK_LANG."""

from __future__ import annotations

from pathlib import Path

import pytest
import typer.main
import typer.testing
from one_command import CliRunner, command

from oncocheck.cli.app import app

EXAMPLE = str(Path(__file__).resolve().parents[3] / "examples/compliant/voorbeeldstad.yaml")
RUNS = [["--help"], ["check", "--help"], ["criteria", "show", "--help"], ["criteria"],
        ["check", "--formaat", "json"], ["chek"], ["check", "--jobs", "nul", EXAMPLE],
        ["check", EXAMPLE, "--as-of", "2026-11-23"]]
WIDE = {"COLUMNS": "80"}


def _said(runner: typer.testing.CliRunner, args: list[str], lang: str, by_env: bool) -> tuple:
    env = {**WIDE, "ONCOCHECK_LANG": lang} if by_env else WIDE
    result = runner.invoke(app, args if by_env else [*args, "--lang", lang], env=env)
    return result.exit_code, result.stdout, result.stderr


def test_the_reused_command_says_what_a_fresh_one_says() -> None:
    """Each run in Dutch, English, Dutch, English on the reused command (a text left in the
    previous run's language would show), against Typer's own runner building it anew."""
    reused, fresh = CliRunner(), typer.testing.CliRunner()
    for by_env in (False, True):
        for args in RUNS:
            said = [_said(reused, args, lang, by_env) for lang in ("nl", "en", "nl", "en")]
            assert said == [_said(fresh, args, lang, by_env) for lang in ("nl", "en")] * 2
            assert said[0] != said[1], f"{args}: the same in both languages"


def test_the_command_is_built_once(monkeypatch: pytest.MonkeyPatch) -> None:
    command()
    built: list[object] = []
    monkeypatch.setattr(typer.main, "get_group", lambda *a, **k: built.append(a))
    for lang in ("nl", "en"):
        assert CliRunner().invoke(app, ["criteria", "list", "--lang", lang]).exit_code == 0
    assert not built
