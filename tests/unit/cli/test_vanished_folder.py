"""A working folder removed after the shell went into it (issue 21): absolute paths still work,
every relative one is a clear message and exit 2, never exit 3 (`os.getcwd` fails then, and
so does everything that makes a relative path absolute)."""

from __future__ import annotations

import shutil
import threading
import time
from pathlib import Path

import pytest
from paths import EXAMPLES, ROOT
from one_command import CliRunner

from oncocheck.cli import faults
from oncocheck.cli.app import app
from oncocheck.cli.watch import keep_watching

GONE = {"nl": "de map waarin oncocheck gestart is bestaat niet meer",
        "en": "the folder oncocheck was started in no longer exists"}
TIMEOUT = 20


@pytest.fixture
def inputs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder of inputs (a network with its document, a rounds report), and a working
    folder that is removed once the run is in it."""
    folder = tmp_path / "in"
    shutil.copytree(EXAMPLES / "compliant", folder)
    shutil.copy(ROOT / "tests/fixtures/rounds/old.json", folder / "old.json")
    (folder / "leden.csv").write_text("naam,discipline,organisatie\n", encoding="utf-8")
    gone = tmp_path / "gone"
    gone.mkdir()
    monkeypatch.chdir(gone)
    gone.rmdir()
    return folder


def invoke(args: list[str], lang: str, stdin: str = "") -> tuple[int, str]:
    result = CliRunner().invoke(app, [*args, "--lang", lang], input=stdin)
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception)
    return result.exit_code, result.output


NET = "{in}/voorbeeldstad.yaml"
AS_OF = ["--as-of", "2026-11-23"]
# (the command line, with {in} the inputs' folder; the exit code; what the output says first,
# or None: nothing about the working folder)
CASES = [
    pytest.param(["check", NET, *AS_OF], 0, None, id="absolute-file"),
    pytest.param(["check", NET, "-f", "sarif", *AS_OF], 0, None, id="absolute-file-sarif"),
    pytest.param(["check", "{in}", "-f", "json", "-o", "{in}/r.json", *AS_OF], 0, None,
                 id="absolute-folder-and-output"),
    pytest.param(["check", NET, "--base-dir", "{in}", "-f", "sarif"], 0, None,
                 id="absolute-base-dir"),
    pytest.param(["check", NET, "--compare", "loppsoz@2021"], 0, None, id="compare"),
    pytest.param(["impact", NET, "--from", "loppsoz@2021", "--to", "loppsoz@2024"], 0, None,
                 id="impact"),
    pytest.param(["init", "{in}/nieuw.yaml"], 0, None, id="init-absolute"),
    pytest.param(["rounds", "{in}/old.json", "{in}/old.json"], 0, None, id="rounds-absolute"),
    pytest.param(["check", "voorbeeldstad.yaml"], 2, "voorbeeldstad.yaml: ", id="relative-file"),
    pytest.param(["check", "."], 2, ".: ", id="the-folder-itself"),
    pytest.param(["check", NET, "-o", "r.json"], 2, "--output r.json: ", id="relative-output"),
    pytest.param(["check", NET, "--report", "json=r.json"], 2, "--report r.json: ",
                 id="relative-report"),
    pytest.param(["check", NET, "-f", "html", "-o", "site/"], 2, "--output site: ",
                 id="relative-site"),
    pytest.param(["check", NET, "--base-dir", "."], 2, "--base-dir .: ",
                 id="relative-base-dir"),
    pytest.param(["check", NET, "--criteria", "regels.yaml"], 2, "regels.yaml: ",
                 id="relative-rule-file"),
    pytest.param(["init"], 2, "init netwerk.yaml: ", id="init-default"),
    pytest.param(["init", "{in}/nieuw.yaml", "--from-sheet", "leden.csv"], 2,
                 "--from-sheet leden.csv: ", id="init-relative-sheet"),
    pytest.param(["rounds", "old.json", "{in}/old.json"], 2, "old.json: ",
                 id="rounds-relative"),
    pytest.param(["criteria", "show", "regels.yaml"], 2, "regels.yaml: ",
                 id="criteria-show-relative"),
]


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize(("args", "code", "said"), CASES)
def test_a_removed_working_folder(inputs: Path, args: list[str], code: int, said: str | None,
                                  lang: str) -> None:
    before = sorted(p.name for p in inputs.iterdir())
    got, out = invoke([a.replace("{in}", str(inputs)) for a in args], lang)
    assert got == code, out
    if said is None:
        assert GONE[lang] not in out
        return
    assert f"{said}{GONE[lang]}" in out or f"({GONE[lang]}" in out and said in out, out
    assert GONE["en" if lang == "nl" else "nl"] not in out
    assert sorted(p.name for p in inputs.iterdir()) == before  # nothing written


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_network_on_standard_input_names_its_sheet_from_a_removed_folder(
        inputs: Path, lang: str) -> None:
    text = "format: 1\nmembers_file: leden.csv\nnetwork:\n  name: X\n"
    got, out = invoke(["check", "-", "--stdin-filename", "net.yaml"], lang, stdin=text)
    assert got == 2
    sheet = "kan de ledenlijst leden.csv niet openen" if lang == "nl" else (
        "cannot open the members list leden.csv")
    assert f"{sheet} ({GONE[lang]}" in out, out


def test_an_unforeseen_relative_path_is_the_same_message_not_exit_3(
        inputs: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as ended:
        faults.end(FileNotFoundError(2, "No such file or directory"), "en")
    assert ended.value.code == 2
    assert capsys.readouterr().err == f"oncocheck: error: {GONE['en']}; change to a folder " \
        "that exists or give an absolute path\n"


class Rounds:
    """A stand-in for the rounds of `check --watch`: counts them, returns the files read."""

    def __init__(self, *files: Path | str) -> None:
        self.files, self.calls = list(files), 0

    def __call__(self) -> list[Path | str]:
        self.calls += 1
        return self.files

    def wait_for(self, calls: int) -> None:
        deadline = time.monotonic() + TIMEOUT
        while self.calls < calls:
            assert time.monotonic() < deadline, f"{self.calls} rounds, {calls} expected"
            time.sleep(0.02)


@pytest.mark.parametrize("relative", [False, True])
def test_watching_goes_on_when_its_working_folder_is_removed(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        relative: bool) -> None:
    here, there = tmp_path / "here", tmp_path / "there"
    here.mkdir()
    there.mkdir()
    network = (here if relative else there) / "netwerk.yaml"
    network.write_text("a: 1\n", encoding="utf-8")
    monkeypatch.chdir(here)
    rounds = Rounds("netwerk.yaml" if relative else network)
    stop, codes = threading.Event(), []
    thread = threading.Thread(target=lambda: codes.append(
        keep_watching(rounds, [str(rounds.files[0])], "en", stop)), daemon=True)
    thread.start()
    rounds.wait_for(1)
    time.sleep(0.3)
    shutil.rmtree(here)  # with a relative name, the file watched goes with it: a change
    if not relative:
        network.write_text("a: 2\n", encoding="utf-8")
    rounds.wait_for(2)
    time.sleep(0.3)
    stop.set()
    thread.join(TIMEOUT)
    assert codes == [0], "the watch ended in an exception"
    err = capsys.readouterr().err
    assert "changed: " in err and "netwerk.yaml; checking again" in err
    assert err.count("oncocheck: watching") >= 2
