"""Issue 25: every report names the settings file that applied and counts the warnings
`--ignore` left out: SARIF (run properties), JUnit (suite properties), GitHub (a notice) and
the workbook (a sheet); a run with neither gives what it gave before."""

from __future__ import annotations

import json
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import xmlschema
from paths import ROOT, TESTS
from sarif_schema import sarif_validator
from one_command import CliRunner
from workbook import opened, rows

from oncocheck.cli.app import app

NETWORK = ROOT / "examples" / "compliant" / "voorbeeldstad.yaml"  # one warning: a document


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The current folder: the network and a settings file that ignores its one warning."""
    shutil.copy(NETWORK, tmp_path)
    (tmp_path / ".oncocheck.yaml").write_text("ignore: [document-not-found]\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _report(fmt: str, *args: str) -> bytes:
    """The report of `fmt` (written to a file, as the workbook must be)."""
    out = Path(f"report.{fmt}")
    result = CliRunner().invoke(app, ["check", "voorbeeldstad.yaml", "--as-of", "2026-11-23",
                                      "--format", fmt, "--output", str(out), *args],
                                env={"ONCOCHECK_LANG": ""})
    assert result.exit_code == 0, result.output
    return out.read_bytes()


def _junit_properties(data: bytes) -> dict[str, str]:
    suite = ET.fromstring(data).find("testsuite")
    assert suite is not None
    return {p.get("name", ""): p.get("value", "") for p in suite.iter("property")}


def test_sarif_and_junit_name_the_settings_file_and_the_ignored_warnings(folder: Path) -> None:
    log = json.loads(_report("sarif"))
    sarif_validator().validate(log)
    run = log["runs"][0]["properties"]
    assert run["settingsFile"] == ".oncocheck.yaml"
    assert run["summary"]["ignored"] == {"document-not-found": 1}
    junit = _report("junit")
    xmlschema.XMLSchema(str(TESTS / "schemas" / "jenkins-junit-10.xsd")).validate(junit.decode())
    properties = _junit_properties(junit)
    assert properties["settings"] == ".oncocheck.yaml"
    assert properties["ignored"] == "document-not-found (1)"
    run = json.loads(_report("sarif", "--no-config"))["runs"][0]["properties"]
    assert "settingsFile" not in run and "ignored" not in run["summary"]
    assert {"settings", "ignored"}.isdisjoint(_junit_properties(_report("junit", "--no-config")))


def test_github_says_it_in_one_notice_before_the_totals(folder: Path) -> None:
    lines = _report("github").decode().splitlines()
    assert lines[-2] == ("::notice title=oncocheck::instellingen: .oncocheck.yaml · "
                         "genegeerde waarschuwingen: document-not-found (1)")
    assert lines[-1].startswith("::notice title=oncocheck::1 bestand: 1 voldoet")
    assert not any(line.startswith("::warning") for line in lines)  # the one ignored
    plain = _report("github", "--no-config").decode().splitlines()
    assert [line[2:].split(" ", 1)[0] for line in plain] == ["warning", "notice"]
    assert plain[-1] == lines[-1]


def test_the_workbook_has_a_settings_sheet_in_the_runs_language(folder: Path) -> None:
    assert rows(_report("xlsx"), "Instellingen") == [
        ["Instelling", "Waarde", "Aantal"],
        ["Instellingenbestand", ".oncocheck.yaml", None],
        ["Genegeerde waarschuwing", "document-not-found", 1]]
    assert rows(_report("xlsx", "--lang", "en"), "Settings")[2] == [
        "Warning ignored", "document-not-found", 1]
    assert opened(_report("xlsx", "--no-config")).sheetnames == ["Register", "Criteria"]
