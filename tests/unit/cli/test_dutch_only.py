"""No English in a Dutch run: every command and every format for people, run on the bundled
examples with the default language, shows no English word outside quoted input, code-font keys,
file names and the fixed syntax of a format (JSON is English by contract, cli.md; a GitHub
workflow command's `file=`, a SARIF `text`, a JUnit `testcase`).

The English words looked for are those of the English word table (render/words.py) that the
Dutch table does not use, and a list of common English words; words that are Dutch too
(`of`, `over`, `plan`, `is`, …) are not counted. The same runs in English are the control: they
must find these words, so the test can fail."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
import typer.main
from typer.testing import CliRunner

from oncocheck.cli.app import app
from oncocheck.render.words import WORDS
from paths import EXAMPLES

COMMON = set("""the and to are not with this that for from has have was were be by on at an which
what when where who will would should must can could does did been their there these those it
its if or but yes only also more most any each every all some file files member members network
networks check checked met missing error errors warning warnings load found share threshold
counted left out listed given declared present updated days since least none other than such how
why because then into about after before under without within add say recorded shows whether
website required profession professions stated agreement agreements number meetings year
description minimum maximum days valid invalid compliant verdict criterion criteria summary
contact contacts structural profit legal form area phone name email""".split())
#: Words that read the same in Dutch: never evidence of English.
DUTCH_TOO = set("""of over plan in is de een van op te met niet als er en dat die voor per
minimum maximum document website discipline disciplines criteria criterium e mail status
score index telefoon form contact update set""".split())


def _english_words() -> set[str]:
    def tokens(index: int) -> set[str]:
        return {w for pair in WORDS.values() for w in re.findall(r"[a-z]+", str(pair[index]).lower())}
    return (tokens(1) - tokens(0) | COMMON) - DUTCH_TOO


ENGLISH = _english_words()


def _commands(command: object) -> set[str]:
    """Every command name: help may name a command as it is typed (`bij check en impact`)."""
    subs = getattr(command, "commands", {})
    return set(subs).union(*(_commands(sub) for sub in subs.values()))


COMMANDS = _commands(typer.main.get_command(app))


def _typed(help_text: str) -> set[str]:
    """What a user types, which help names as it is: commands, and the choices an option's
    `<error|warning>` shows."""
    return COMMANDS.union(*(set(m.split("|")) for m in re.findall(r"<([\w|]+)>", help_text)))

#: What is not oncocheck's own prose: code font, quoted input, file names, data paths, URLs.
NOT_PROSE = re.compile(r"`[^`]*`|'[^']*'|\"[^\"]*\"|https?://\S+|\S*/\S*|\S+\.(?:ya?ml|csv|xlsx|"
                       r"html|md|pdf|json|sarif|xml)\b|\b[a-z_]+(?:\[\d+\])?(?:\.[a-z_]+)+\S*"
                       r"|\b[a-z]+_[a-z_]+\b|--[a-z-]+|\b[a-z]+@\d+|^[\s#]*(?:- )?[a-z_]+:"
                       r"|\boncocheck [a-z]+|\b[a-z]+(?:-[a-z]+)+(?= \((?:regel|line))"
                       r"|\((?:members|network)\b[^)]*\)", re.MULTILINE)


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
    lang_args = ["--lang", lang]
    def run(*args: str) -> str:
        result = CliRunner().invoke(app, [*args, *lang_args], env={"COLUMNS": "300"})
        assert result.exit_code in (0, 1, 2) and result.exception is None or \
            isinstance(result.exception, SystemExit), result.output
        return result.output
    ex = str(examples)
    for fmt, read in (("console", str), ("markdown", str), ("github", _github),
                      ("junit", _junit), ("sarif", _sarif)):
        yield f"check -f {fmt}", read(run("check", ex, "-f", fmt))
    yield "check -q", run("check", ex, "-q")
    yield "check --compare", run("check", ex, "--compare", "loppsoz@2021")
    site = out / f"site-{lang}"
    yield "check -f html", run("check", ex, "-f", "html", "-o", f"{site}/") + _folder(site)
    for criterion in ("1a", "1b", "2a", "2b", "3a", "3b", "4a", "4b", "5a"):
        yield f"explain {criterion}", run("explain", criterion)
    yield "criteria list", run("criteria", "list")
    for version in ("loppsoz@2021", "loppsoz@2024"):
        yield f"criteria show {version}", run("criteria", "show", version)
    yield "criteria diff", run("criteria", "diff", "loppsoz@2021", "loppsoz@2024")
    impact = ["impact", ex, "--from", "loppsoz@2021", "--to", "loppsoz@2024", "--sweep", "2a"]
    yield "impact", run(*impact)
    yield "impact -f html", _html(run(*impact, "-f", "html"))
    template = out / f"netwerk-{lang}.yaml"
    yield "init", run("init", str(template)) + template.read_text(encoding="utf-8")
    yield "check (template)", run("check", str(template))
    for path in (("check",), ("explain",), ("impact",), ("init",), ("schema",),
                 ("criteria", "list"), ("criteria", "show"), ("criteria", "diff"), ()):
        yield f"{' '.join(path)} --help", run(*path, "--help")
    yield "usage error", run("check", ex, "--formaat", "html")


def _english_in(text: str, typed: set[str] = frozenset()) -> list[str]:
    """The English words in `text`, outside what is not prose and the words in `typed`."""
    prose = NOT_PROSE.sub(" ", text.replace("\\[", "[").replace("\\]", "]"))
    return sorted({w for w in re.findall(r"[A-Za-z]+", prose)
                   if len(w) > 1 and w.lower() in ENGLISH and w not in typed})


@pytest.fixture(scope="module")
def dutch_runs(examples: Path, tmp_path_factory: pytest.TempPathFactory) -> list[tuple[str, str]]:
    return list(_runs(examples, tmp_path_factory.mktemp("uit"), "nl"))


def test_a_dutch_run_has_no_english(dutch_runs: list[tuple[str, str]]) -> None:
    found = {name: words for name, text in dutch_runs
             if (words := _english_in(text, _typed(text) if "--help" in name else set()))}
    assert not found, f"English in a Dutch run: {found}"


def test_the_same_runs_in_english_are_found(examples: Path,
                                            tmp_path_factory: pytest.TempPathFactory) -> None:
    """The control: the words looked for are there in an English run, command by command."""
    for name, text in _runs(examples, tmp_path_factory.mktemp("out"), "en"):
        assert _english_in(text), f"{name}: no English found in an English run"
