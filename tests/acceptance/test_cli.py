"""End to end: the `check` command over the examples, exit codes, formats and criteria choice."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from one_command import CliRunner

from oncocheck.cli.app import app
from paths import ROOT

EXAMPLES = ROOT / "examples"
AS_OF = ["--as-of", "2026-11-23"]
runner = CliRunner()


def run(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, [*args])
    assert "Traceback" not in result.output
    return result.exit_code, result.output


@pytest.mark.parametrize(("example", "code"), [
    ("compliant/voorbeeldstad.yaml", 0),
    ("in-oprichting/nieuw-netwerk.yaml", 1),
    ("not-compliant/geen-dietist.yaml", 1),
    ("not-compliant/verwijsgids-55.yaml", 1),
    ("not-compliant/bv.yaml", 1),
    ("not-compliant/provinciaal.yaml", 1),
    ("invalid/discipline-typo.yaml", 2),
    ("invalid/duplicate-key.yaml", 2),
])
def test_example_exit_codes(example: str, code: int) -> None:
    assert run("check", str(EXAMPLES / example), *AS_OF)[0] == code


def test_directory_batch_reports_every_file_in_path_order() -> None:
    code, out = run("check", str(EXAMPLES), *AS_OF, "--format", "json")
    assert code == 2
    report = json.loads(out)
    files = [r["file"] for r in report["results"]]
    assert files == sorted(files) and len(files) == 8
    assert report["summary"] == {"files": 8, "compliant": 1, "not_compliant": 5, "invalid": 2,
                                 "criteria": {"loppsoz@2024": 6}, "as_of": {"2026-11-23": 6}}


def test_55_percent_example_is_compliant_under_2021_only() -> None:
    path = str(EXAMPLES / "not-compliant/verwijsgids-55.yaml")
    assert run("check", path, *AS_OF, "--criteria", "loppsoz@2021")[0] == 0
    assert run("check", path, *AS_OF, "--criteria", "loppsoz@2024")[0] == 1


@pytest.mark.parametrize(("as_of", "version"), [
    ("2023-12-31", "2021"), ("2024-02-05", "2021"), ("2024-02-06", "2024"), ("2026-11-23", "2024")])
def test_version_in_force_on_as_of(as_of: str, version: str) -> None:
    path = str(EXAMPLES / "not-compliant/verwijsgids-55.yaml")  # a file without a pin
    report = json.loads(run("check", path, "--as-of", as_of, "--format", "json")[1])
    assert report["criteria"]["version"] == version
    assert report["results"][0]["criteria"] == {"set": "loppsoz", "version": version}


def test_pin_to_a_superseded_version_is_judged_by_the_version_in_force(tmp_path: Path) -> None:
    text = (EXAMPLES / "compliant/voorbeeldstad.yaml").read_text(encoding="utf-8")
    pinned = tmp_path / "pinned.yaml"
    pinned.write_text(text.replace("criteria: loppsoz@2024", "criteria: loppsoz@2021"))
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs/visie-2025.md").write_text("visie")
    code, out = run("check", str(pinned), *AS_OF, "--format", "json")
    result = json.loads(out)["results"][0]
    assert result["criteria"]["version"] == "2024" and code == 0
    warning = result["findings"][-1]
    assert warning["criterion"] == "criteria-pin" and warning["severity"] == "warning"
    assert "prepared for loppsoz@2021, but is judged by loppsoz@2024" in warning["message"]
    assert run("check", str(pinned), *AS_OF, "--strict")[0] == 1
    # Before 2024-02-06 the declared version is the one in force: no warning.
    early = json.loads(run("check", str(pinned), "--as-of", "2024-01-01", "--format", "json")[1])
    assert early["results"][0]["criteria"]["version"] == "2021"
    assert all(f["criterion"] != "criteria-pin" for f in early["results"][0]["findings"])


def test_criteria_option_overrides_the_pin() -> None:
    path = str(EXAMPLES / "compliant/voorbeeldstad.yaml")
    report = json.loads(run("check", path, *AS_OF, "--criteria", "loppsoz@2021", "-f", "json")[1])
    assert report["results"][0]["criteria"]["version"] == "2021"


def test_users_own_rule_file(tmp_path: Path) -> None:
    rules = (ROOT / "criteria/loppsoz/2024.yaml").read_text(encoding="utf-8")
    own = tmp_path / "strenger.yaml"
    own.write_text(rules.replace('version: "2024"', 'version: "2027-test"')
                   .replace("threshold: 0.60", "threshold: 0.70"))
    path = str(EXAMPLES / "compliant/voorbeeldstad.yaml")
    code, out = run("check", path, *AS_OF, "--criteria", str(own), "-f", "json")
    assert code == 1
    two_a = json.loads(out)["results"][0]["findings"][2]
    assert two_a["status"] == "not_met" and "at least 70% required" in two_a["message"]


def test_broken_rule_file_names_file_line_and_column(tmp_path: Path) -> None:
    rules = (ROOT / "criteria/loppsoz/2024.yaml").read_text(encoding="utf-8")
    own = tmp_path / "kapot.yaml"
    own.write_text(rules.replace("      minimum: 5", "      minimun: 5"))
    line = rules.splitlines().index("      minimum: 5") + 1
    code, out = run("check", str(EXAMPLES / "compliant"), *AS_OF, "--criteria", str(own))
    assert code == 2
    assert f"kapot.yaml:{line}:7: criteria[0].check.minimun: onbekende sleutel 'minimun'; " \
           "bedoelt u 'minimum'?" in out


def test_unknown_discipline_id_in_rule_file_fails_at_load(tmp_path: Path) -> None:
    rules = (ROOT / "criteria/loppsoz/2024.yaml").read_text(encoding="utf-8")
    own = tmp_path / "kapot.yaml"
    own.write_text(rules.replace("- [dietist]", "- [dietis]"))
    code, out = run("criteria", "show", str(own), "--lang", "en")
    assert code == 2 and "unknown discipline id 'dietis'" in out


def test_json_is_deterministic() -> None:
    first = run("check", str(EXAMPLES), *AS_OF, "-f", "json")[1]
    second = run("check", str(EXAMPLES), *AS_OF, "-f", "json")[1]
    assert first == second


def test_output_written_atomically_and_never_over_an_input(tmp_path: Path) -> None:
    target = tmp_path / "out" / "report.json"
    code = run("check", str(EXAMPLES / "compliant"), *AS_OF, "-f", "json", "-o", str(target))[0]
    assert code == 0
    assert json.loads(target.read_text())["summary"]["compliant"] == 1
    victim = tmp_path / "netwerk.yaml"
    original = (EXAMPLES / "compliant/voorbeeldstad.yaml").read_text(encoding="utf-8")
    victim.write_text(original)
    code, out = run("check", str(victim), *AS_OF, "-o", str(victim))
    assert code == 2 and "invoerbestand" in out
    assert victim.read_text() == original


def test_english_console_and_plain_text_when_not_a_terminal() -> None:
    code, out = run("check", str(EXAMPLES / "not-compliant/bv.yaml"), *AS_OF, "--lang", "en")
    assert code == 1
    assert "✘ NOT COMPLIANT" in out and "✘ not met" in out and "for profit: legal form bv" in out
    assert "\x1b[" not in out


def test_missing_criteria_say_what_to_add() -> None:
    out = run("check", str(EXAMPLES / "in-oprichting"), *AS_OF)[1]
    assert "? ontbreekt" in out and "voeg de website toe (`network.website`)" in out


def test_usage_errors_exit_2() -> None:
    assert run("check", str(EXAMPLES), "--as-of", "23-11-2026")[0] == 2
    assert run("check", str(EXAMPLES), "--criteria", "loppsoz@1999")[0] == 2
    assert run("check", str(EXAMPLES), "--format", "pdf")[0] == 2
    assert run("check", str(EXAMPLES / "does-not-exist.yaml"))[0] == 2


def test_criteria_list_show_and_explain() -> None:
    code, out = run("criteria", "list", *AS_OF)
    assert code == 0 and "loppsoz@2021" in out and "loppsoz@2024" in out and "van kracht" in out
    code, out = run("criteria", "show", "loppsoz@2021", "--lang", "en")
    assert code == 0 and "at least 50% of the members" in out and "10   Contact point" in out
    assert "threshold=" not in out  # the check in words, not its parameters as Python
    code, out = run("explain", "2a")
    assert code == 0 and "controle (`verwijsgids_share`): minstens 60%" in out
    assert "Zo controleert oncocheck dit:" in out
    assert run("explain", "11")[0] == 2


def test_python_dash_m_and_version() -> None:
    """One child process for `python -m oncocheck`; the version in this process."""
    assert run("--version") == (0, "oncocheck 0.1.0\n")
    env = {**os.environ, "NO_COLOR": "1"}
    done = subprocess.run([sys.executable, "-m", "oncocheck", "check", str(EXAMPLES / "invalid"),
                           *AS_OF], capture_output=True, text=True, env=env, check=False)
    assert done.returncode == 2 and "bedoelt u 'diëtist'?" in done.stdout


def test_jinja2_is_not_imported_at_start_up() -> None:
    code = ("import sys, oncocheck.cli.app; "
            "print('jinja2' in sys.modules, 'pydantic' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["False", "False"]


@pytest.mark.parametrize(("extra_env", "coloured"), [({}, True), ({"NO_COLOR": "1"}, False)])
def test_colour_on_a_terminal_honours_no_color(extra_env: dict, coloured: bool) -> None:
    """The colour is chosen per run from the environment (in this process: CliRunner sets it)."""
    env = {"NO_COLOR": None, "FORCE_COLOR": "1", "TERM": "xterm-256color", **extra_env}
    done = runner.invoke(app, ["check", str(EXAMPLES / "not-compliant/bv.yaml"), *AS_OF],
                         env=env)
    assert done.exit_code == 1
    colour_codes = re.findall(r"\x1b\[(?:\d+;)*(?:3[0-8]|9[0-7])(?:;\d+)*m", done.stdout)
    assert bool(colour_codes) is coloured
    assert "✘ niet voldaan" in re.sub(r"\x1b\[[\d;]*m", "", done.stdout)
