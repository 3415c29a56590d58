"""No English in a Dutch run, and no Dutch in an English one: every command and every format
for people, run on the bundled examples, shows no word of the other language outside quoted
input (and, in English, the coordinators' own Dutch words), code-font keys, file names and the
fixed syntax of a format (JSON is English by contract, cli.md; a GitHub
workflow command's `file=`, a SARIF `text`, a JUnit `testcase`).

The words looked for are those of tests/support/english.py (the English word table's words
the Dutch one does not use, and common English words). The same runs in English are the
control: they must find these words, so the test can fail."""

from __future__ import annotations

import json
import re
import shutil
import typing
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
import typer.main
import yaml
from one_command import CliRunner

from oncocheck.checks.kinds import CheckKind
from oncocheck.cli.app import app
from languages import dutch_in, english_in
from paths import EXAMPLES


def _commands(command: object) -> set[str]:
    """Every command name: help may name a command as it is typed (`bij check en impact`)."""
    subs = getattr(command, "commands", {})
    return set(subs).union(*(_commands(sub) for sub in subs.values()))


COMMANDS = _commands(typer.main.get_command(app))


def _typed(help_text: str) -> set[str]:
    """What a user types, which help names as it is: commands, and the choices an option's
    `<error|warning>` shows."""
    return COMMANDS.union(*(set(m.split("|")) for m in re.findall(r"<([\w|]+)>", help_text)))


class _Visible(HTMLParser):
    """The text of an HTML page a reader sees (no style, script or attributes)."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self._hidden += tag in ("style", "script")
        self.parts += [v for k, v in attrs if k in ("title", "alt", "aria-label") and v]

    def handle_endtag(self, tag: str) -> None:
        self._hidden -= tag in ("style", "script")

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.parts.append(data)


def _html(text: str) -> str:
    parser = _Visible()
    parser.feed(text)
    return "\n".join(parser.parts)


def _sarif(text: str) -> str:
    def texts(node: object) -> Iterator[str]:
        if isinstance(node, dict):
            for key, value in node.items():
                if key in ("text", "markdown") and isinstance(value, str):
                    yield value
                else:
                    yield from texts(value)
        elif isinstance(node, list):
            for item in node:
                yield from texts(item)
    return "\n".join(texts(json.loads(text)))


def _junit(text: str) -> str:
    root = ET.fromstring(text)
    return "\n".join([e.get("message", "") for e in root.iter()] +
                     [e.text or "" for e in root.iter() if e.tag != "property"])


def _github(text: str) -> str:
    return "\n".join(re.sub(r"^::\w+[^:]*::", "", line) for line in text.splitlines())


def _folder(path: Path) -> str:
    return "\n".join(_html(p.read_text(encoding="utf-8")) for p in sorted(path.rglob("*.html")))


@pytest.fixture(scope="module")
def examples(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("voorbeelden")
    shutil.copytree(EXAMPLES, folder / "examples")
    return folder / "examples"


def _runs(examples: Path, out: Path, lang: str) -> Iterator[tuple[str, str]]:
    """(name, oncocheck's prose) of every command and format for people."""
    def run(*args: str, code: int = 0) -> str:
        result = CliRunner().invoke(app, [*args, "--lang", lang], env={"COLUMNS": "300"})
        assert result.exit_code == code, (args, result.output)
        return result.output
    ex = str(examples)
    for fmt, read in (("console", str), ("markdown", str), ("github", _github),
                      ("junit", _junit), ("sarif", _sarif)):
        yield f"check -f {fmt}", read(run("check", ex, "-f", fmt, code=2))
    yield "check -q", run("check", ex, "-q", code=2)
    yield "check --compare", run("check", ex, "--compare", "loppsoz@2021", code=2)
    site = out / f"site-{lang}"
    yield "check -f html", run("check", ex, "-f", "html", "-o", f"{site}/", code=2) + \
        _folder(site)
    for version in ("loppsoz@2021", "loppsoz@2024"):
        for criterion in ("1a", "1b", "2a", "2b", "3", "4", "5", "6", "7", "8", "9", "10"):
            yield f"explain {criterion} ({version})", run("explain", criterion,
                                                          "--criteria", version)
    yield "criteria list", run("criteria", "list")
    for version in ("loppsoz@2021", "loppsoz@2024"):
        yield f"criteria show {version}", run("criteria", "show", version)
    yield "criteria diff", run("criteria", "diff", "loppsoz@2021", "loppsoz@2024")
    impact = ["impact", ex, "--from", "loppsoz@2021", "--to", "loppsoz@2024", "--sweep", "2a"]
    yield "impact", run(*impact)
    yield "impact -f html", _html(run(*impact, "-f", "html"))
    template = out / f"netwerk-{lang}.yaml"
    yield "init", run("init", str(template)) + template.read_text(encoding="utf-8")
    yield "check (template)", run("check", str(template), code=1)
    for path in (("check",), ("explain",), ("impact",), ("init",), ("schema",),
                 ("criteria", "list"), ("criteria", "show"), ("criteria", "diff"), ()):
        yield f"{' '.join(path)} --help", run(*path, "--help")
    yield "usage error", run("check", ex, "--formaat", "html", code=2)


@pytest.fixture(scope="module")
def dutch_runs(examples: Path, tmp_path_factory: pytest.TempPathFactory) -> list[tuple[str, str]]:
    return list(_runs(examples, tmp_path_factory.mktemp("uit"), "nl"))


def test_a_dutch_run_has_no_english(dutch_runs: list[tuple[str, str]]) -> None:
    found = {name: words for name, text in dutch_runs
             if (words := english_in(text, _typed(text) if "--help" in name else set()))}
    assert not found, f"English in a Dutch run: {found}"


@pytest.fixture(scope="module")
def english_runs(examples: Path, tmp_path_factory: pytest.TempPathFactory) -> list[tuple[str, str]]:
    return list(_runs(examples, tmp_path_factory.mktemp("out"), "en"))


def test_the_same_runs_in_english_are_found(english_runs: list[tuple[str, str]]) -> None:
    """The control: the words looked for are there in an English run, command by command."""
    for name, text in english_runs:
        assert english_in(text), f"{name}: no English found in an English run"


def _input_words() -> set[str]:
    """Every word the coordinators wrote in the examples (names, notes, plan items)."""
    def texts(node: object) -> Iterator[str]:
        if isinstance(node, dict):
            for value in node.values():
                yield from texts(value)
        elif isinstance(node, list):
            for item in node:
                yield from texts(item)
        elif isinstance(node, str):
            yield node
    words: set[str] = set()
    for path in EXAMPLES.rglob("*.yaml"):
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except yaml.YAMLError:  # the invalid examples: their words are input all the same
            data = path.read_text(encoding="utf-8")
        words |= {w.lower() for t in texts(data) for w in re.findall(r"[A-Za-zëéïö]+", t)}
    return words


def test_an_english_run_has_no_dutch(english_runs: list[tuple[str, str]]) -> None:
    typed, written = {"nl"}, _input_words()
    found = {name: words for name, text in english_runs
             if (words := dutch_in(text, written | typed))}
    assert not found, f"Dutch in an English run: {found}"


def test_the_dutch_runs_are_found(dutch_runs: list[tuple[str, str]]) -> None:
    """The control: Dutch is found in the Dutch runs, outside the input's words."""
    written = _input_words()
    for name, text in dutch_runs:
        assert dutch_in(text, written), f"{name}: no Dutch found in a Dutch run"


def test_every_check_kind_says_how_it_checks_in_each_language() -> None:
    """Also a kind the bundled criteria do not use: its `HOW` has no word of the other language."""
    kinds = typing.get_args(typing.get_args(CheckKind)[0])
    assert len(kinds) >= 10
    for kind in kinds:
        assert not english_in(kind.HOW.nl), (kind.__name__, english_in(kind.HOW.nl))
        assert not dutch_in(kind.HOW.en), (kind.__name__, dutch_in(kind.HOW.en))
