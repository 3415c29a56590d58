"""The pre-commit hook, tried for real with `pre-commit try-repo` in a temporary git repository.

pre-commit builds the hook's environment from this checkout with pip; that works offline when
pip can find oncocheck's dependencies (here: the machine's local package index). The test skips
only when that install fails for want of a network, and says so.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from paths import ROOT

pytestmark = pytest.mark.slow  # `pytest -m "not slow"` is the quick loop

PRE_COMMIT = Path(sys.executable).with_name("pre-commit")
OFFLINE = ("No matching distribution", "Could not find a version", "NewConnectionError",
           "Temporary failure in name resolution", "Network is unreachable")


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


def _try_repo(work: Path, home: Path, *files: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "NO_COLOR": "1"}
    done = subprocess.run([str(PRE_COMMIT), "try-repo", str(ROOT), "oncocheck", "--files", *files],
                          cwd=work, env=env, capture_output=True, text=True, timeout=600,
                          check=False)
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

    passed = _try_repo(work, home, "voorbeeldstad.yaml")
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "oncocheck (LOPPSOZ)" in passed.stdout and "Passed" in passed.stdout

    failed = _try_repo(work, home, "voorbeeldstad.yaml", "zonder-dietist.yaml")
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "Failed" in failed.stdout and "zonder-dietist.yaml" in failed.stdout
    assert "1b" in failed.stdout and "voorbeeldstad.yaml" not in failed.stdout.split("Failed")[1]
