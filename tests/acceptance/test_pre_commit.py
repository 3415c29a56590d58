"""The pre-commit hooks, tried for real with `pre-commit try-repo` in a temporary git
repository, and docs/ci.md's `.pre-commit-config.yaml` run by `pre-commit run` as a user's
repository would run it.

pre-commit builds the hook's environment from this checkout with pip; that works offline when
pip can find oncocheck's dependencies (here: the machine's local package index). The test skips
only when that install fails for want of a network, and says so.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
import yaml
from paths import ROOT

pytestmark = pytest.mark.slow  # `pytest -m "not slow"` is the quick loop

PRE_COMMIT = Path(sys.executable).with_name("pre-commit")
OFFLINE = ("No matching distribution", "Could not find a version", "NewConnectionError",
           "Temporary failure in name resolution", "Network is unreachable")


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


def _try_repo(work: Path, home: Path, *files: str,
              hook: str = "oncocheck") -> subprocess.CompletedProcess[str]:
    return _pre_commit(work, home, "try-repo", str(ROOT), hook, "--files", *files)


def _pre_commit(work: Path, home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "NO_COLOR": "1"}
    done = subprocess.run([str(PRE_COMMIT), *args], cwd=work, env=env, capture_output=True,
                          text=True, timeout=600, check=False)
    log = done.stdout + done.stderr + _log(home)
    if "An unexpected error has occurred" in log and any(s in log for s in OFFLINE):
        pytest.skip("pre-commit could not install the hook environment without a network")
    return done


def _log(home: Path) -> str:
    log = home / "pre-commit.log"
    return log.read_text(encoding="utf-8", errors="replace") if log.exists() else ""


@pytest.mark.skipif(shutil.which("git") is None or not (ROOT / ".git").exists(),
                    reason="needs git and a git checkout of oncocheck")
def test_hook_passes_a_compliant_network_and_fails_one_without_dietitian(tmp_path: Path) -> None:
    work, home = tmp_path / "netwerken", tmp_path / "pre-commit-home"
    shutil.copytree(ROOT / "examples" / "compliant", work)
    source = (work / "voorbeeldstad.yaml").read_text(encoding="utf-8")
    # The hook judges on today's date, so keep criterion 7 (website updated this year) met.
    fresh = source.replace("website_updated: 2026-09-01", f"website_updated: {date.today()}")
    (work / "voorbeeldstad.yaml").write_text(fresh, encoding="utf-8")
    without = fresh.replace("discipline: Diëtist", "discipline: ergotherapeut") \
        .replace("discipline: dietist", "discipline: ergotherapeut")
    (work / "zonder-dietist.yaml").write_text(without, encoding="utf-8")
    _git(work, "init", "-q")
    _git(work, "add", "-A")

    # other YAML a repository holds: the hook skips it rather than failing it as invalid
    (work / ".github" / "workflows").mkdir(parents=True)
    (work / ".github" / "workflows" / "ci.yml").write_text("on: push\njobs: {}\n",
                                                           encoding="utf-8")
    (work / ".pre-commit-config.yaml").write_text("repos: []\n", encoding="utf-8")
    _git(work, "add", "-A")

    passed = _try_repo(work, home, "voorbeeldstad.yaml", ".pre-commit-config.yaml",
                       ".github/workflows/ci.yml")
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "oncocheck (LOPPSOZ)" in passed.stdout and "Passed" in passed.stdout

    failed = _try_repo(work, home, "voorbeeldstad.yaml", "zonder-dietist.yaml")
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "Failed" in failed.stdout and "zonder-dietist.yaml" in failed.stdout
    assert "1b" in failed.stdout and "voorbeeldstad.yaml" not in failed.stdout.split("Failed")[1]


NEEDS_GIT = pytest.mark.skipif(shutil.which("git") is None or not (ROOT / ".git").exists(),
                               reason="needs git and a git checkout of oncocheck")


def _fresh(path: Path) -> str:
    """The compliant example, judged on today's date (criterion 7 wants this year's update)."""
    source = path.read_text(encoding="utf-8")
    return source.replace("website_updated: 2026-09-01", f"website_updated: {date.today()}")


def _snapshot(target: Path) -> str:
    """This checkout as it is now (also what is not committed yet) in a git repository of its
    own, committed: the repository and commit a `.pre-commit-config.yaml` can name."""
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others",
                             "--exclude-standard"], cwd=ROOT, capture_output=True, check=True)
    for name in filter(None, listed.stdout.decode("utf-8", "surrogateescape").split("\0")):
        source = ROOT / name
        if source.is_file() and not source.is_symlink():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    _git(target, "init", "-q")
    _git(target, "add", "-A")
    _git(target, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-m", "s")
    return subprocess.run(["git", "rev-parse", "HEAD"], cwd=target, capture_output=True,
                          text=True, check=True).stdout.strip()


def _docs_config() -> dict:
    docs = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    configs = [yaml.safe_load(block) for block in re.findall(r"```yaml\n(.*?)```", docs, re.S)
               if block.startswith("repos:")]
    assert len(configs) == 1
    return configs[0]


@NEEDS_GIT
def test_the_docs_pre_commit_config(tmp_path: Path) -> None:
    """Both hooks as docs/ci.md configures them (one environment for both): `oncocheck` on
    the compliant networks, `oncocheck-validate` passing a network in formation that meets few
    criteria; then each fails on what it is for."""
    config = _docs_config()
    (repo,) = config["repos"]
    assert (repo["repo"], repo["rev"]) == ("https://github.com/oncocheck/oncocheck", "v0.1.0")
    manifest = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert {h["id"] for h in repo["hooks"]} <= {h["id"] for h in manifest}
    assert {h["id"] for h in repo["hooks"]} == {"oncocheck", "oncocheck-validate"}

    source = tmp_path / "oncocheck-source"
    repo["repo"], repo["rev"] = str(source), _snapshot(source)
    work, home = tmp_path / "work", tmp_path / "pre-commit-home"
    (work / "netwerken").mkdir(parents=True)
    (work / "in-oprichting").mkdir()
    (work / "netwerken" / "voorbeeldstad.yaml").write_text(
        _fresh(ROOT / "examples" / "compliant" / "voorbeeldstad.yaml"), encoding="utf-8")
    shutil.copy(ROOT / "examples" / "in-oprichting" / "nieuw-netwerk.yaml", work / "in-oprichting")
    (work / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    (work / "other.yaml").write_text("not: a network\n", encoding="utf-8")  # outside `files:`
    _git(work, "init", "-q")
    _git(work, "add", "-A")

    passed = _pre_commit(work, home, "run", "--all-files")
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert passed.stdout.count("Passed") == 2

    # a network that is not compliant, and one in formation that cannot be read
    (work / "netwerken" / "zonder.yaml").write_text(
        _fresh(ROOT / "examples" / "compliant" / "voorbeeldstad.yaml")
        .replace("discipline: Diëtist", "discipline: ergotherapeut")
        .replace("discipline: dietist", "discipline: ergotherapeut"), encoding="utf-8")
    shutil.copy(ROOT / "examples" / "invalid" / "discipline-typo.yaml",
                work / "in-oprichting" / "typo.yaml")
    _git(work, "add", "-A")
    failed = _pre_commit(work, home, "run", "--all-files")
    assert failed.returncode == 1
    compliance, validate = failed.stdout.split("oncocheck validate (LOPPSOZ)")
    assert "Failed" in compliance and "- exit code: 1" in compliance  # not compliant
    assert "zonder.yaml" in compliance and "1b" in compliance
    assert "Failed" in validate and "- exit code: 2" in validate  # cannot be read
    assert "typo.yaml" in validate and "dietis" in validate
