"""`check` with several outputs in one run, `--fail-on`/`--strict`, and `--quiet`."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from paths import ROOT
from junitparser import JUnitXml
from sarif_schema import sarif_validator
from one_command import CliRunner

from oncocheck.cli.app import app

EXAMPLES = ROOT / "examples"
AS_OF = ["--as-of", "2026-11-23"]


def run(*args: str) -> tuple[int, str, str]:
    """Exit code, stdout and stderr of `oncocheck ARGS`."""
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_one_check_many_renderings(tmp_path: Path) -> None:
    out = tmp_path / "out"
    code, stdout, _ = run("check", str(EXAMPLES), *AS_OF, "--format", "github",
                          "--report", f"sarif={out / 'o.sarif'}", "--report",
                          f"junit={out / 'junit.xml'}", "--report", f"json={out / 'r.json'}")
    assert code == 2  # the invalid examples
    assert stdout.startswith("::error ") and "::notice title=oncocheck::8 " in stdout
    single = run("check", str(EXAMPLES), *AS_OF, "--format", "json")[1]
    assert (out / "r.json").read_text(encoding="utf-8") == single
    sarif = json.loads((out / "o.sarif").read_text(encoding="utf-8"))
    assert not list(sarif_validator().iter_errors(sarif))
    junit = JUnitXml.fromstring((out / "junit.xml").read_bytes())
    assert [s.name for s in junit] == [r["file"] for r in json.loads(single)["results"]]
    assert (sum(s.errors for s in junit), sum(s.failures for s in junit)) == (2, 14)


def test_a_report_to_stdout_replaces_the_default_console(tmp_path: Path) -> None:
    code, stdout, _ = run("check", str(EXAMPLES / "compliant"), *AS_OF, "--report", "json=-")
    assert code == 0 and json.loads(stdout)["summary"]["compliant"] == 1


@pytest.mark.parametrize("args", [
    ["--report", "json={d}/a.json", "--report", "sarif={d}/./a.json"],
    ["--format", "json", "--report", "github=-"],
    ["--output", "{d}/x", "--report", "junit={d}/x"],
    ["--report", "xml={d}/a.xml"],
    ["--report", "junit"],
    ["--strict", "--fail-on", "error"],
])
def test_usage_errors_write_nothing(tmp_path: Path, args: list[str]) -> None:
    target = tmp_path / "out"
    target.mkdir()
    code, stdout, stderr = run("check", str(EXAMPLES), *AS_OF,
                               *[a.format(d=target) for a in args])
    assert code == 2 and stdout == "" and stderr.startswith("oncocheck: fout: ")
    assert list(target.iterdir()) == []


def test_never_writes_over_an_input(tmp_path: Path) -> None:
    network = tmp_path / "netwerk.yaml"
    shutil.copy(EXAMPLES / "compliant" / "voorbeeldstad.yaml", network)
    before = network.read_bytes()
    code, _, stderr = run("check", str(tmp_path), *AS_OF, "--report", f"json={network}")
    assert code == 2 and "invoerbestand" in stderr and network.read_bytes() == before


@pytest.fixture
def warned(tmp_path: Path) -> Path:
    """A compliant network with one warning (a member listed twice)."""
    shutil.copytree(EXAMPLES / "compliant", tmp_path / "n")
    path = tmp_path / "n" / "voorbeeldstad.yaml"
    text = path.read_text(encoding="utf-8")
    twice = "  - name: I. Bos\n    discipline: dietist\n    verwijsgids: ja\n"
    assert twice in text
    path.write_text(text.replace(twice, twice * 2), encoding="utf-8")
    return path


@pytest.mark.parametrize(("flags", "code"), [([], 0), (["--fail-on", "error"], 0),
                                             (["--fail-on", "warning"], 1), (["--strict"], 1)])
def test_fail_on(warned: Path, flags: list[str], code: int) -> None:
    assert run("check", str(warned), *AS_OF, "--format", "json", *flags)[0] == code


def test_quiet_shows_only_problems_and_the_summary(warned: Path) -> None:
    compliant = str(EXAMPLES / "compliant")
    code, stdout, _ = run("check", compliant, str(EXAMPLES / "not-compliant" / "bv.yaml"),
                          *AS_OF, "--quiet", "--lang", "en")
    assert code == 1
    assert "voorbeeldstad.yaml" not in stdout and "bv.yaml" in stdout
    assert "✔ met" not in stdout and "✘ not met" in stdout
    assert stdout.rstrip().endswith("as of 2026-11-23)")
    loud = run("check", compliant, *AS_OF, "--lang", "en")[1]
    assert "✔ met" in loud
    warned_out = run("check", str(warned), *AS_OF, "--quiet", "--lang", "en")[1]
    assert "duplicate-member" in warned_out and "✔ met" not in warned_out
    # no criterion is left to show, so no table either: not even its head
    assert "Criterion" not in warned_out and "┃" not in warned_out and "━" not in warned_out
