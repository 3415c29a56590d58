"""SARIF for GitHub code scanning, checked by Microsoft's SARIF multitool with GitHub's
ingestion rules (`validate --rule-kind "Sarif;Ghas"`), on a batch run from a subfolder of a
git repository made in the test; and the fingerprints kept when lines move.

The multitool is an npm package (tests/node); `node_tool` skips without it, which fails
under CI=true.
"""

from __future__ import annotations

import json
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest
from node_tools import node_tool
from one_command import CliRunner

from oncocheck.cli.app import app
from paths import ROOT

pytestmark = pytest.mark.slow  # an npm tool in a child process

EXAMPLES = ROOT / "examples"


def _validate(sarif: Path, out: Path) -> list[dict]:
    """The multitool's findings on `sarif` (its own SARIF log), with GitHub's rules on."""
    tool = node_tool("sarif-multitool")
    # the npm wrapper (bin.js) hands its arguments on through a shell: quote every one for it
    args = ["validate", "--rule-kind", "Sarif;Ghas", str(sarif), "--output", str(out),
            "--log", "ForceOverwrite"]
    done = subprocess.run([str(tool), *map(shlex.quote, args)], capture_output=True, text=True,
                          timeout=300, check=False)
    assert out.exists(), done.stdout + done.stderr
    run = json.loads(out.read_text(encoding="utf-8-sig"))["runs"][0]
    assert run["invocations"][0]["executionSuccessful"], done.stdout + done.stderr
    return run["results"]


def _problems(results: list[dict], level: str) -> list[str]:
    return [f"{r['ruleId']}: {r['message'].get('text', r['message'])}" for r in results
            if r.get("level", "warning") == level]


@pytest.fixture(scope="module")
def repository(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A git repository with the examples (valid, not compliant, invalid) in `sub/netwerken`."""
    if shutil.which("git") is None:
        pytest.skip("needs git (apt-get install git)")
    repo = tmp_path_factory.mktemp("repo")
    shutil.copytree(EXAMPLES, repo / "sub" / "netwerken")
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True)
    return repo


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_github_rules_find_nothing_in_a_batch_from_a_subfolder(
        repository: Path, tmp_path: Path, lang: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(repository / "sub")
    sarif, settings = tmp_path / "oncocheck.sarif", tmp_path / ".oncocheck.yaml"
    settings.write_text("fail-on: error\n", encoding="utf-8")  # named in the run properties
    result = CliRunner().invoke(app, ["check", "netwerken", "--as-of", "2026-11-23", "--lang",
                                      lang, "--format", "sarif", "--output", str(sarif),
                                      "--config", str(settings)])
    assert result.exit_code == 2  # the invalid examples: load errors are results too
    log = json.loads(sarif.read_text(encoding="utf-8"))
    run = log["runs"][0]
    assert run["properties"]["settingsFile"].endswith(".oncocheck.yaml")
    assert {r["ruleId"] for r in run["results"]} >= {"load-error", "1b", "plan-closable"}
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            for r in run["results"]}
    assert all(u.startswith("sub/netwerken/") for u in uris)
    for uri in uris:  # the repository-relative paths name real files
        assert (repository / uri).is_file()
    found = _validate(sarif, tmp_path / "validation.sarif")
    assert _problems(found, "error") == []
    assert _problems(found, "warning") == []


def test_the_multitool_does_report_what_github_refuses(repository: Path, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """A control: the same log with the rules' help and full descriptions taken away (as
    they were for load-error and warnings) gives GitHub's GH2012 errors."""
    monkeypatch.chdir(repository / "sub")
    result = CliRunner().invoke(app, ["check", "netwerken", "--as-of", "2026-11-23", "-f",
                                      "sarif"])
    log = json.loads(result.stdout)
    for rule in log["runs"][0]["tool"]["driver"]["rules"]:
        if rule["id"] == "load-error":
            del rule["help"], rule["fullDescription"]
    broken = tmp_path / "broken.sarif"
    broken.write_text(json.dumps(log), encoding="utf-8")
    errors = _problems(_validate(broken, tmp_path / "validation.sarif"), "error")
    assert errors and all(e.startswith("GH2012") for e in errors)


def test_fingerprints_survive_lines_moving(repository: Path, tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """Three comment lines added at the top of every file: the alerts move down, their
    fingerprints stay."""
    moved = tmp_path / "repo"
    shutil.copytree(repository, moved)
    for path in (moved / "sub" / "netwerken").rglob("*.yaml"):
        path.write_text("# een\n# twee\n# drie\n" + path.read_text(encoding="utf-8"),
                        encoding="utf-8")

    def results(repo: Path) -> list[dict]:
        monkeypatch.chdir(repo / "sub")
        out = CliRunner().invoke(app, ["check", "netwerken", "--as-of", "2026-11-23", "-f",
                                       "sarif"]).stdout
        return json.loads(out)["runs"][0]["results"]

    before, after = results(repository), results(moved)
    lines = [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in before]
    assert [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in after] == [
        line + 3 for line in lines]
    assert [r["partialFingerprints"] for r in after] == [r["partialFingerprints"]
                                                         for r in before]
