"""docs/handleiding.md, the coordinators' guide, does what it says.

Every `oncocheck` command in it runs, in guide order, in a folder holding the files the guide
told the reader to make: no traceback, the exit code the guide documents, Dutch output, and the
output lines the guide shows. The install commands name the release of this version; the
criteria table and the list of disciplines agree with the bundled data.
"""

from __future__ import annotations

import json
import re
import shlex
import signal
import subprocess
import sys
import time
import tomllib
from pathlib import Path

import pytest
from handleiding import GUIDE, Step, blocks, make, section, steps
from one_command import CliRunner

from oncocheck.cli.app import app
from oncocheck.rules.bundled import bundled, vocabulary
from paths import ROOT

TEXT = GUIDE.read_text(encoding="utf-8")
WALK = steps(TEXT)
#: Words of English reports that Dutch has not: one of them means a text was left untranslated.
ENGLISH = {"the", "and", "not", "with", "which", "file", "files", "compliant", "missing",
           "written", "member", "members", "criterion", "usage", "error", "warning"}
DUTCH = {"de", "het", "een", "voldoet", "voldoen", "bestand", "criterium", "geschreven", "leden"}


def dutch(output: str) -> None:
    """A text of more than a few words is Dutch: Dutch words in it and no English ones."""
    words = {w.lower() for w in re.findall(r"\w+", output)}
    if len(words) > 4:
        assert words & DUTCH and not words & ENGLISH, (sorted(words & ENGLISH), output)


def shown(expected: str, output: str) -> None:
    """Each line the guide shows is in the output (`…` is any text; spacing may differ)."""
    flat = " ".join(output.split())
    for line in expected.splitlines():
        pattern = ".*?".join(re.escape(" ".join(p.split())) for p in line.split("…"))
        assert re.search(pattern, flat), f"the guide shows {line!r}; the output is:\n{output}"


def said(output: str) -> str:
    """The output without the other spellings `disciplines` lists (`ook: physiotherapist, …`
    and its wrapped lines): names a file may use, in either language, not text to translate."""
    return re.sub(r"^  ook: .*\n(?:    .*\n)*", "", output, flags=re.M)


def run(folder: Path, step: Step, monkeypatch: pytest.MonkeyPatch) -> str:
    """Run a command as the reader types it, in `folder`; its output."""
    monkeypatch.chdir(folder)
    result = CliRunner().invoke(app, shlex.split(step.text)[1:])
    assert "Traceback" not in result.output, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert result.exit_code == step.code, (step.text, result.output)
    dutch(said(result.output))
    return result.output


def test_the_walk_runs_every_command_as_the_guide_says(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """The walk from `init` to a compliant network, packed, sent and checked by the reviewer
    (watching is tested apart: it waits)."""
    output, ran = "", []
    for step in WALK:
        if step.kind in ("write", "sheet", "copy"):
            make(tmp_path, step)
        elif step.kind == "see":
            shown(step.text, output)
        elif "--watch" not in step.text:
            output = run(tmp_path, step, monkeypatch)
            ran.append(step.text)
    assert "oncocheck init --from-sheet leden.xlsx" in ran and len(ran) >= 5
    assert [s.code for s in WALK if s.text == "oncocheck check netwerk.yaml"] == [1, 0]
    assert (tmp_path / "rapport.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert {"oncocheck disciplines", "oncocheck pack netwerk.yaml --output aanvraag.zip",
            "oncocheck check aanvraag.zip"} <= set(ran)
    reviewed = json.loads((tmp_path / "ronde-2027.json").read_text(encoding="utf-8"))["results"]
    assert [(r["file"], r["verdict"]) for r in reviewed] == \
        [("ronde-2027/aanvraag.zip:netwerk.yaml", "compliant")], reviewed
    assert (tmp_path / "register-2027.xlsx").stat().st_size > 0


@pytest.mark.slow  # a child process that waits for edits until Ctrl-C
@pytest.mark.parametrize("command", [s.text for s in WALK if "--watch" in s.text])
def test_watching_as_the_guide_says_stops_on_ctrl_c(tmp_path: Path, command: str) -> None:
    """The files made up to the command, then the command itself: it checks, says in Dutch that
    it is watching, and Ctrl-C ends it with the exit code the guide documents."""
    for step in WALK[:[s.text for s in WALK].index(command)]:
        if step.kind in ("write", "sheet"):
            make(tmp_path, step)
    code = next(s.code for s in WALK if s.text == command)
    child = subprocess.Popen(
        [sys.executable, "-m", "oncocheck", *shlex.split(command)[1:]], cwd=tmp_path,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8",
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    assert child.stderr is not None
    deadline, said = time.monotonic() + 30, ""
    while "kijkt naar" not in said:
        assert time.monotonic() < deadline and child.poll() is None, said
        said += child.stderr.readline()
    child.send_signal(signal.SIGINT)
    out, err = child.communicate(timeout=30)
    assert child.returncode == code, said + err
    assert "Traceback" not in out + said + err
    dutch(out + said + err)
    if "html=rapport.html" in command:
        assert "Voldoet" in (tmp_path / "rapport.html").read_text(encoding="utf-8")


def test_every_command_block_documents_exit_codes_and_runs_only_known_commands() -> None:
    """No `oncocheck` line of a code block (other than shown output) escapes the walk."""
    commands = [s for s in WALK if s.kind == "run"]
    typed = [line for language, _, lines in blocks(TEXT) if language not in ("text", "table")
             for line in lines if line.lstrip().startswith("oncocheck ")]
    assert [s.text for s in commands] == typed
    known = {"check", "init", "explain", "criteria", "--version", "pack", "disciplines"}
    assert {shlex.split(s.text)[1] for s in commands} <= known


def test_install_commands_name_the_release_of_this_version() -> None:
    """The release's source archive, so that no coordinator needs Git (nor, on a Mac, Apple's
    developer tools, which Git would ask for)."""
    version = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["version"]
    archive = f"https://github.com/oncocheck/oncocheck/archive/refs/tags/v{version}.zip"
    installs = re.findall(r'(?:uv tool|pipx) install ("[^"]*"|[^\s`]+)', TEXT)
    assert len(installs) >= 3 and set(installs) == {f'"oncocheck @ {archive}"'}, installs
    assert "git+" not in TEXT and "Git" not in TEXT.split("## 2.")[0]
    assert "https://www.python.org/downloads/" in TEXT and "**Add python.exe to PATH**" in TEXT
    assert f"`oncocheck {version}`" in TEXT  # what `oncocheck --version` shows


def _latest() -> tuple[str, list[list[str]]]:
    """The newest bundled version's label, and the guide's criteria table (cells per row)."""
    rules = max(bundled(), key=lambda r: r.valid_from)
    rows = [[c.strip() for c in line.strip("|").split("|")] for line in section(TEXT, "criteria")]
    return f"{rules.set}@{rules.version}", rows[2:]


def test_the_criteria_table_is_the_newest_bundled_version() -> None:
    """Ids and titles in order, and every check parameter in the row's own words."""
    label, rows = _latest()
    rules = max(bundled(), key=lambda r: r.valid_from)
    assert f"de criteria van {label}" in TEXT and f"criteria {label}" in TEXT
    assert [(r[0], r[1]) for r in rows] == [(c.id, c.said("title").nl) for c in rules.criteria]
    for row, criterion in zip(rows, rules.criteria, strict=True):
        said = " ".join(row[2:])
        for name, value in criterion.check.model_dump(exclude={"kind"}).items():
            for word in _words(name, value):
                assert word in said, (criterion.id, name, word, said)


def _words(name: str, value: object) -> list[str]:
    """How the guide's table says a check parameter."""
    labels = {d.id: d.nl for d in vocabulary().disciplines}
    if name == "minimum":
        return [f"minstens {value}"]
    if name == "threshold":
        return [f"{round(float(value) * 100)}%"]  # type: ignore[arg-type]
    if name == "max_age_days":
        return [f"{value} dagen"]
    if name == "groups":
        return [labels[d] for group in value for d in group]  # type: ignore[attr-defined]
    if name in ("field", "alternatives"):
        return [f"`{v}" for v in ([value] if isinstance(value, str) else value)]  # type: ignore[union-attr]
    if name in ("non_profit_forms", "profit_forms", "local", "too_wide"):
        return list(value)  # type: ignore[call-overload]
    if name == "represented" and not value:
        return []
    raise AssertionError(f"the guide's table test does not know the parameter {name!r}")


def test_the_list_of_disciplines_is_the_vocabulary() -> None:
    """Every name in the guide's list is accepted, and every discipline is in it."""
    listed = " ".join(section(TEXT, "disciplines")).split(" (")[0]
    names = [n.strip() for n in listed.split(",")]
    words = vocabulary()
    resolved = [words.resolve(name) for name in names]
    assert [n for n, d in zip(names, resolved, strict=True) if d is None] == []
    assert [d.id for d in resolved if d] == words.ids


def test_the_guide_shows_its_images_and_the_readme_links_it() -> None:
    for image in re.findall(r"!\[[^]]+\]\((img/[^)]+)\)", TEXT):
        assert (ROOT / "docs" / image).is_file(), image
    readme = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    assert any("(docs/handleiding.md)" in line for line in readme[:3])


@pytest.mark.parametrize("key", ["document", "members_file"])
def test_a_path_with_backslashes_is_found_as_the_guide_says(tmp_path: Path, key: str,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """The guide's own examples, `document: stukken\\visie.docx` and `members_file:
    map\\leden.xlsx`, written unquoted as it shows them, find their files."""
    written = re.search(rf"`{key}: (\w+\\[\w.]+)`", TEXT)
    assert written, f"the guide shows no {key} with a backslash"
    path = tmp_path / written[1].replace("\\", "/")
    path.parent.mkdir()
    sheet = next(s for s in WALK if s.kind == "sheet")
    make(path.parent, Step("sheet", path.name, body=sheet.body)) if key == "members_file" \
        else path.write_bytes(b"visie")
    where = f"  vision:\n    {key}: {written[1]}\n" if key == "document" \
        else f"{key}: {written[1]}\n"
    network = "format: 1\nnetwork:\n  name: Netwerk\n" + where
    (tmp_path / "netwerk.yaml").write_text(network, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["check", "netwerk.yaml", "--format", "json"])
    report = json.loads(result.stdout)["results"][0]
    assert report["verdict"] != "invalid", report["errors"]
    status = {f["criterion"]: f["status"] for f in report["findings"]}
    assert status["4" if key == "document" else "1a"] == "met", report["findings"]


def _variant(grid: str, how: str) -> str:
    """The guide's Excel grid changed the way the guide says is fine."""
    head, rule, *rows = grid.splitlines()
    cells = [row.strip("|").split("|") for row in rows]
    if how == "title row":  # "Ledenlijst 2026" in row 1, the rest one row down
        cells = [[" 1 ", " Ledenlijst 2026 ", *[" "] * (len(cells[0]) - 2)]] + \
                [[f" {int(c[0]) + 1} ", *c[1:]] for c in cells]
    elif how == "other column":
        cells = [[*c, " telefoon " if c[0].strip() == "1" else " 036 123 4567 "] for c in cells]
    elif how == "English headers":
        cells[0] = [c.replace("naam", "name").replace("organisatie", "organisation")
                    for c in cells[0]]
    return "\n".join([head, rule, *("|" + "|".join(c) + "|" for c in cells)]) + "\n"


@pytest.mark.parametrize("how", ["title row", "other column", "English headers"])
def test_the_members_sheet_may_differ_as_the_guide_says(tmp_path: Path, how: str,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """A title above the column names, another column, English column names: the guide's
    network stays compliant, every member read."""
    assert {"title row": "Een titel boven de kolomkoppen mag", "other column":
            "Andere kolommen (telefoon", "English headers": "(`naam` of `name`)"}[how] in TEXT
    for step in WALK:
        if step.kind == "sheet":
            make(tmp_path, Step("sheet", step.text, body=_variant(step.body, how)))
        elif step.kind == "write":
            make(tmp_path, step)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["check", "netwerk.yaml", "--format", "json"])
    assert result.exit_code == 0, result.stdout
    found = json.loads(result.stdout)["results"][0]["findings"]
    assert next(f for f in found if f["criterion"] == "2a")["observed"]["eligible"] == 5


def test_the_verdicts_and_statuses_the_guide_explains_are_those_of_the_report(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Every verdict and status in the guide's two tables, with its sign, is in the console
    report of the examples (in capitals or not), and the page shows the advice under the
    heading the guide names."""
    explained = re.findall(r"^\| ([✔✘⊘?] [^|]+?) \|", TEXT, re.M)
    assert len(explained) == 6, explained
    monkeypatch.chdir(ROOT)
    console = CliRunner().invoke(app, ["check", "examples/", "--as-of", "2026-11-23"]).output
    for word in explained:
        assert word.lower() in console.lower(), word
    page = CliRunner().invoke(app, ["check", "examples/not-compliant/verwijsgids-55.yaml",
                                    "--format", "html", "--as-of", "2026-11-23"]).output
    assert "Wat te doen" in page and "**Wat te doen**" in TEXT
