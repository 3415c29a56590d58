"""`--help` of every command and group, in Dutch (the default) and in English (`--lang en`,
or ONCOCHECK_LANG=en), against golden files (tests/golden/help/), in one process: the
language is chosen per run, not when the modules are imported."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import typer.main
from golden_files import assert_golden
from typer.testing import CliRunner

from oncocheck.cli.app import app
from oncocheck.cli.helptext import Localised
from oncocheck.cli.options import in_language

WIDE = {"COLUMNS": "80"}  # Click wraps help to the terminal; the golden files to 80 columns


def _paths(command, path: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
    yield path
    for name, sub in getattr(command, "commands", {}).items():
        yield from _paths(sub, (*path, name))


def _commands(command, path: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], object]]:
    yield path, command
    for name, sub in getattr(command, "commands", {}).items():
        yield from _commands(sub, (*path, name))


TREE = typer.main.get_command(app)
PATHS = list(_paths(TREE))


def _help(path: tuple[str, ...], lang: str, env: dict[str, str] | None = None) -> str:
    args = [*path, "--help"] + (["--lang", lang] if lang == "en" and env is None else [])
    result = CliRunner().invoke(app, args, env={**WIDE, **(env or {})})
    assert result.exit_code == 0, result.output
    return result.output


def _name(path: tuple[str, ...]) -> str:
    return "-".join(path) or "oncocheck"


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("path", PATHS, ids=_name)
def test_help_of_every_command(path: tuple[str, ...], lang: str) -> None:
    assert_golden(f"help/{_name(path)}-{lang}.txt", _help(path, lang))


@pytest.mark.parametrize("path", PATHS, ids=_name)
def test_oncocheck_lang_sets_the_language_of_help(path: tuple[str, ...]) -> None:
    english = _help(path, "en", {"ONCOCHECK_LANG": "en"})
    assert english == _help(path, "en")
    assert english.startswith("Usage: ") and "Options:" in english
    assert _help(path, "nl").startswith("Gebruik: ")


def test_languages_alternate_in_one_process() -> None:
    """The same command tree shown in Dutch, English, Dutch: nothing sticks."""
    runs = [_help(("check",), lang) for lang in ("nl", "en", "nl", "en")]
    assert runs[0] == runs[2] and runs[1] == runs[3] and runs[0] != runs[1]
    assert "Toon deze hulp en stop." in runs[0] and "Show this message and exit." in runs[1]


@pytest.mark.parametrize("path", PATHS, ids=_name)
def test_every_help_text_is_written_in_both_languages(path: tuple[str, ...]) -> None:
    command = dict(_commands(TREE))[path]
    texts = [command.help] + [p.help for p in command.params]
    for text in texts:
        assert text, f"{_name(path)}: a command or parameter without a help text"
        assert in_language(text, "nl") != in_language(text, "en"), (
            f"{_name(path)}: {text!r} is not written with `say(nl, en)`")


def test_every_command_is_one_of_oncochecks() -> None:
    """A command registered another way would show Click's English words in a Dutch run."""
    for path, command in _commands(TREE):
        assert isinstance(command, Localised), f"{_name(path)} is not a helptext.Command/Group"
