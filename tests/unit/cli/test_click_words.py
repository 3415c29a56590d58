"""No word of Click's or Typer's own English reaches a Dutch run, held to the installed Typer.

The words are read from the source of the Click inside Typer and of Typer itself (every string
that is not a docstring: messages, headings, "Usage:"), so a newer Typer with a new or reworded
message is looked for as it is. The runs are made from the command tree: every usage error
parsing can find (an unknown option or command, a missing argument or command, an option
without its value, a flag given one, a value that is no choice or number, an argument too
many) and every `--help`. The control: Click itself says each of those errors with one of the
words looked for, and the same help in English shows them.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import typer.main
from typer.testing import CliRunner

from oncocheck.cli import helptext
from oncocheck.cli.app import app

#: Where Typer and its Click say what a user sees (its help, its usage errors).
SOURCES = ("core.py", "_coercion.py", "_param_types.py", "_click/core.py",
           "_click/exceptions.py", "_click/parser.py", "_click/formatting.py",
           "_click/decorators.py")


def _english() -> set[str]:
    """Capitalised runs of English words in Typer's and its Click's strings (`No such option`,
    `Usage`, `Show this message and exit`), docstrings left out."""
    found: set[str] = set()
    for name in SOURCES:
        tree = ast.parse((Path(typer.__file__).parent / name).read_text(encoding="utf-8"))
        docs = {id(n.body[0].value) for n in ast.walk(tree)
                if isinstance(n, (ast.Module, ast.ClassDef, ast.FunctionDef))
                and n.body and isinstance(n.body[0], ast.Expr)}
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) \
                    and id(node) not in docs:
                found |= {w for w in re.findall(r"[A-Z][a-z]+(?: [a-z]+)*", node.value)
                          if len(w) >= 3}
    return found


ENGLISH = _english()


def _in(text: str) -> set[str]:
    return {w for w in ENGLISH if re.search(rf"\b{re.escape(w)}\b", text)}


def _commands(command: Any, path: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], Any]]:
    yield path, command
    for name, sub in getattr(command, "commands", {}).items():
        yield from _commands(sub, (*path, name))


def _misuses(path: tuple[str, ...], command: Any) -> Iterator[list[str]]:
    """Command lines that are usage errors of `command`, found while parsing."""
    yield [*path, "--no-such-option"]
    group = hasattr(command, "commands")
    if group:
        yield [*path, "zz"]  # no such command
        yield [*path, "--lang", "nl"]  # no command
    options = [p for p in command.params if p.param_type_name == "option"]
    arguments = [p for p in command.params if p.param_type_name == "argument"]
    for option in options:
        name = max(option.opts, key=len)
        if option.is_flag:
            yield [*path, f"{name}=x"]
        else:
            yield [*path, name]
            if helptext._choices(option) or helptext._is_number(option):
                yield [*path, name, "zz"]
    if group:
        return
    if any(p.required for p in command.params):
        yield list(path)
    if all(a.nargs > 0 for a in arguments):
        yield [*path, *["x"] * (sum(a.nargs for a in arguments) + 1)]


def _cases() -> list[list[str]]:
    """`_misuses` of every command; an option many commands share (`--lang`) once."""
    cases: dict[tuple[str, ...], list[str]] = {}
    for path, command in _commands(typer.main.get_command(app)):
        for args in _misuses(path, command):
            after = tuple(args[len(path):])
            cases.setdefault(after if after and path else tuple(args), args)
    return list(cases.values())


@pytest.fixture(scope="module")
def elsewhere(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("elders")


@pytest.mark.parametrize("args", _cases(), ids=" ".join)
def test_a_usage_error_in_dutch_has_none_of_clicks_words(args: list[str], elsewhere: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(elsewhere)  # were a command to run after all, it writes nothing here
    with pytest.raises(helptext.errors.UsageError) as raised:
        typer.main.get_command(app).main(args, prog_name="oncocheck", standalone_mode=False)
    if not isinstance(raised.value, helptext.Misused):  # the control: Click's own message
        assert _in(raised.value.format_message()), raised.value.format_message()
    result = CliRunner().invoke(app, args, env={"COLUMNS": "80"})
    assert result.exit_code == 2 and result.stderr.startswith("oncocheck: fout: "), result.output
    assert not _in(result.output), (_in(result.output), result.output)


PATHS = [path for path, _ in _commands(typer.main.get_command(app))]


@pytest.mark.parametrize("path", PATHS, ids=lambda p: " ".join(p) or "oncocheck")
def test_help_in_dutch_has_none_of_clicks_words(path: tuple[str, ...]) -> None:
    dutch, english = (CliRunner().invoke(app, [*path, "--help", "--lang", lang]).output
                      for lang in ("nl", "en"))
    assert {"Usage", "Options", "Show this message and exit"} <= _in(english)  # the control
    assert not _in(dutch), (_in(dutch), dutch)
