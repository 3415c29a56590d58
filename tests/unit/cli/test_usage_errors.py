"""Click's usage errors in the language of the run, with oncocheck's "bedoelt u"
(tests/cases/usage.yaml), and a bad ONCOCHECK_LANG."""

from __future__ import annotations

import pytest
import yaml
from one_command import CliRunner

from oncocheck.cli.app import app
from paths import CASES

TABLE = yaml.safe_load((CASES / "usage.yaml").read_text(encoding="utf-8"))
RUNS = {"nl": ([], {}), "en-env": ([], {"ONCOCHECK_LANG": "en"}),
        "en-option": (["--lang", "en"], {})}
#: What Click says in English; none of it may reach a Dutch run.
CLICK_WORDS = ("Error", "Usage", "Try ", "No such", "Missing", "Invalid", "not one of",
               "Did you mean", "Got unexpected", "requires an argument")


def _run(args: list[str], env: dict[str, str]):  # noqa: ANN202 - a click Result
    return CliRunner().invoke(app, args, env={"COLUMNS": "80", **env})


@pytest.mark.parametrize("run", list(RUNS))
@pytest.mark.parametrize("case", TABLE, ids=[c["id"] for c in TABLE])
def test_usage_error(case: dict, run: str) -> None:
    before, env = RUNS[run]
    result = _run([*before, *case["args"]], env)
    lang = run[:2]
    lines = result.stderr.splitlines()
    assert result.exit_code == 2, result.output
    assert len(lines) == 3, result.stderr
    head = {"nl": "oncocheck: fout: ", "en": "oncocheck: error: "}[lang]
    assert lines[0].startswith(head), lines[0]
    for fragment in case[lang]:
        assert fragment in lines[0]
    usage, more = {"nl": ("Gebruik: oncocheck", "Meer hulp: oncocheck"),
                   "en": ("Usage: oncocheck", "More help: oncocheck")}[lang]
    assert lines[1].startswith(usage) and lines[2].startswith(more) and \
        lines[2].endswith(" --help")
    assert result.stdout == ""
    if lang == "nl":
        assert not [w for w in CLICK_WORDS if w in result.stderr], result.stderr


def test_a_bad_oncocheck_lang_is_a_usage_error_in_both_languages() -> None:
    result = _run(["criteria", "list"], {"ONCOCHECK_LANG": "frans"})
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr == (
        "oncocheck: fout: ONCOCHECK_LANG='frans' is geen taal van oncocheck; zet "
        "ONCOCHECK_LANG op nl of en, of haal de variabele weg / ONCOCHECK_LANG='frans' is not "
        "a language oncocheck knows; set ONCOCHECK_LANG to nl or en, or remove the variable\n")


@pytest.mark.parametrize("value", ["en", "EN", " en ", "en_GB.UTF-8", "en-US"])
def test_oncocheck_lang_is_read_as_people_set_it(value: str) -> None:
    result = _run(["criteria", "list", "--as-of", "2026-01-01"], {"ONCOCHECK_LANG": value})
    assert result.exit_code == 0 and "← in force (as of 2026-01-01)" in result.stdout


def test_lang_on_the_command_line_wins_over_oncocheck_lang() -> None:
    result = _run(["criteria", "list", "--as-of", "2026-01-01", "--lang", "nl"],
                  {"ONCOCHECK_LANG": "en"})
    assert "← van kracht (peildatum 2026-01-01)" in result.stdout
    # also over a bad one: that value is then not used, so not an error
    result = _run(["criteria", "list", "--as-of", "2026-01-01", "--lang", "en"],
                  {"ONCOCHECK_LANG": "klingon"})
    assert result.exit_code == 0 and "← in force" in result.stdout


def test_oncocheck_lang_sets_the_language_of_every_command(tmp_path) -> None:  # noqa: ANN001
    result = _run(["init", str(tmp_path / "netwerk.yaml")], {"ONCOCHECK_LANG": "en"})
    assert result.exit_code == 0 and result.stdout.startswith("Template written: ")
    assert "name: " in (tmp_path / "netwerk.yaml").read_text(encoding="utf-8")


def test_a_group_without_a_command_shows_its_help() -> None:
    result = _run(["criteria"], {})
    assert result.exit_code == 2 and result.stderr.startswith("Gebruik: oncocheck criteria")
