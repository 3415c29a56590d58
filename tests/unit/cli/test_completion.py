"""Shell completion: the scripts `--show-completion` prints and `--install-completion` installs,
and what a completion request (the environment variables the scripts set) gets back."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from oncocheck.cli.app import app
from oncocheck.render import formats_of
from oncocheck.rules.bundled import labels

VAR = "_ONCOCHECK_COMPLETE"


def _bash(words: str) -> list[str]:
    """What bash's completion function gets for the command line `words` (the last word is
    the one being completed; a trailing space starts a new one)."""
    parts = words.split(" ")
    env = {VAR: "complete_bash", "COMP_WORDS": words, "COMP_CWORD": str(len(parts) - 1)}
    result = CliRunner().invoke(app, [], env=env, prog_name="oncocheck")
    assert result.exit_code == 0, result.output
    return result.output.split()


def test_formats_languages_and_commands_complete() -> None:
    assert _bash("oncocheck check --format ") == list(formats_of("check"))
    assert _bash("oncocheck check -f j") == ["json", "junit"]
    assert _bash("oncocheck check --lang ") == ["nl", "en"]
    assert _bash("oncocheck cr") == ["criteria"]
    assert "--stdin-filename" in _bash("oncocheck check --st")


@pytest.mark.parametrize("option", ["check --criteria", "check --compare", "impact --from",
                                    "impact --to", "criteria show", "criteria diff loppsoz"])
def test_criteria_versions_complete_to_the_bundled_ones(option: str) -> None:
    assert _bash(f"oncocheck {option} ") == ["loppsoz", *labels()]
    assert _bash(f"oncocheck {option} loppsoz@2") == labels()


@pytest.mark.parametrize("words", ["oncocheck check exa", "oncocheck check --criteria ./",
                                   "oncocheck check -o rapp", "oncocheck init net"])
def test_paths_are_left_to_the_shells_file_completion(words: str) -> None:
    assert _bash(words) == []  # the script's `complete -o default` then completes files


def test_zsh_and_fish_get_the_help_with_each_value() -> None:
    env = {VAR: "complete_zsh", "_TYPER_COMPLETE_ARGS": "oncocheck check --criteria loppsoz@"}
    zsh = CliRunner().invoke(app, [], env=env, prog_name="oncocheck").output
    assert '"loppsoz@2024":"geldt vanaf 2024-02-06"' in zsh  # in the language of the run
    env["ONCOCHECK_LANG"] = "en"
    zsh = CliRunner().invoke(app, [], env=env, prog_name="oncocheck").output
    assert '"loppsoz@2024":"in force from 2024-02-06"' in zsh
    env.update({VAR: "complete_fish", "_TYPER_COMPLETE_FISH_ACTION": "get-args"})
    fish = CliRunner().invoke(app, [], env=env, prog_name="oncocheck").output
    assert "loppsoz@2021\tin force from 2021-01-01" in fish.splitlines()
    env = {VAR: "complete_zsh", "_TYPER_COMPLETE_ARGS": "oncocheck check exa"}
    assert CliRunner().invoke(app, [], env=env, prog_name="oncocheck").output.strip() == "_files"


@pytest.fixture
def shell_named(monkeypatch: pytest.MonkeyPatch) -> None:
    """Typer's switch for naming the shell instead of detecting it (read when the command
    line is built, so set before `invoke`)."""
    monkeypatch.setenv("_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION", "1")


@pytest.mark.usefixtures("shell_named")
def test_show_completion_prints_each_shells_script() -> None:
    bash = CliRunner().invoke(app, ["--show-completion", "bash"], prog_name="oncocheck")
    assert bash.exit_code == 0
    assert "complete -o default -F _oncocheck_completion oncocheck" in bash.output
    assert f"{VAR}=complete_bash $1" in bash.output
    zsh = CliRunner().invoke(app, ["--show-completion", "zsh"], prog_name="oncocheck")
    assert "#compdef oncocheck" in zsh.output and f"{VAR}=complete_zsh" in zsh.output
    fish = CliRunner().invoke(app, ["--show-completion", "fish"], prog_name="oncocheck")
    assert fish.output.startswith("complete --command oncocheck")


@pytest.mark.usefixtures("shell_named")
def test_install_completion_writes_into_the_users_shell_setup(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    script = tmp_path / ".bash_completions" / "oncocheck.sh"
    english = CliRunner().invoke(app, ["--install-completion", "bash", "--lang", "en"],
                                 prog_name="oncocheck")
    assert english.output == (f"bash completion installed in {script}; it takes effect once "
                              "you restart the terminal.\n")
    done = CliRunner().invoke(app, ["--install-completion", "bash"], prog_name="oncocheck")
    assert done.exit_code == 0 and done.output == (
        f"De aanvulling voor bash staat in {script}; die werkt zodra u de terminal opnieuw "
        "start.\n")
    assert "_oncocheck_completion" in script.read_text(encoding="utf-8")
    assert str(script) in (tmp_path / ".bashrc").read_text(encoding="utf-8")


@pytest.mark.slow
def test_bash_itself_completes_with_the_script_it_is_shown() -> None:
    """A real bash: `--show-completion` detects it as the shell it runs in, the script is
    sourced, and its function called the way bash calls it on Tab."""
    folder = Path(sys.executable).parent
    if not (folder / "oncocheck").exists():
        pytest.skip(f"the oncocheck command is not installed in {folder}")
    script = ('source <(oncocheck --show-completion) && '
              'COMP_WORDS=(oncocheck check --criteria loppsoz@) && COMP_CWORD=3 && '
              '_oncocheck_completion oncocheck && printf "%s\\n" "${COMPREPLY[@]}" && '
              'complete -p oncocheck')
    env = {**os.environ, "PATH": f"{folder}{os.pathsep}{os.environ.get('PATH', '')}"}
    env.pop("_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION", None)
    done = subprocess.run(["bash", "--norc", "-c", script], capture_output=True, text=True,
                          env=env, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [*labels(),
                                        "complete -o default -F _oncocheck_completion oncocheck"]


def test_explain_completes_criterion_ids_of_the_version_asked_for() -> None:
    """`explain <Tab>` offers the criterion ids (of `--criteria` when given); nothing for an
    unknown version rather than a trace."""
    from datetime import date

    from oncocheck.rules.bundled import find

    ids = [c.id for c in find("loppsoz", date.today()).criteria]
    assert _bash("oncocheck explain ") == ids
    assert _bash("oncocheck explain 2") == [i for i in ids if i.startswith("2")] != []
    older = [c.id for c in find(labels("loppsoz")[0], date.today()).criteria]
    assert _bash(f"oncocheck explain --criteria {labels('loppsoz')[0]} ") == older
    assert _bash("oncocheck explain --criteria loppsoz@1900 ") == []
