"""The code's own guards, as CI runs them: ruff finds nothing, and mypy (with the settings in
pyproject.toml) finds nothing for Linux, Windows and macOS. `--platform` type-checks the code as
each system's Python sees it, so a POSIX-only call that is not guarded by a `sys.platform`
check fails here on any machine."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from paths import ROOT

pytestmark = pytest.mark.slow  # child processes; mypy's first run takes some seconds
#: One folder; in it a cache per platform (mypy starts over when the platform changes).
CACHE = ROOT / ".mypy_cache"
PLATFORMS = ("linux", "win32", "darwin")


def _run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *command], cwd=ROOT, capture_output=True,
                          text=True, timeout=900, check=False)


def test_ruff_finds_nothing() -> None:
    done = _run("ruff", "check", "--no-fix", "src", "tests", "benchmarks", "tools")
    assert done.returncode == 0, f"ruff check:\n{done.stdout}{done.stderr}"


@pytest.mark.parametrize("platform", PLATFORMS)
def test_mypy_finds_nothing(platform: str) -> None:
    done = _run("mypy", "--platform", platform, "--cache-dir", str(CACHE / platform),
                "src/oncocheck")
    assert done.returncode == 0, f"mypy --platform {platform}:\n{done.stdout}{done.stderr}"


def test_mypy_refuses_an_unguarded_posix_call_for_windows(tmp_path: Path) -> None:
    probe = tmp_path / "probe.py"
    probe.write_text("import os, sys\nif sys.platform != 'win32':\n    os.getuid()\n"
                     "os.mkfifo('x')\n", encoding="utf-8")
    # a cache of its own: the run of src/oncocheck for win32 may use its folder at the same time
    done = _run("mypy", "--platform", "win32", "--cache-dir", str(CACHE / "probe"), str(probe))
    assert done.returncode == 1 and done.stdout.count("error:") == 1, done.stdout
    assert 'probe.py:4: error: Module has no attribute "mkfifo"' in done.stdout
