"""GitHub's job summary for a large batch: 2,000 generated network files checked by the
command line with `$GITHUB_STEP_SUMMARY` set, as in a GitHub Actions step. The summary stays
under GitHub's 1 MiB, keeps the totals and says which detail it left out."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from paths import ROOT

pytestmark = pytest.mark.slow  # 2,000 files in a child process

EXAMPLES = sorted((ROOT / "examples").glob("*/*.yaml"))
MIB = 1024 * 1024


def test_two_thousand_files_stay_under_one_mib_with_the_totals(tmp_path: Path) -> None:
    folder = tmp_path / "netwerken"
    folder.mkdir()
    for i in range(2000):
        example = EXAMPLES[i % len(EXAMPLES)]
        (folder / f"n{i:04d}-{example.parent.name}-{example.name}").write_text(
            example.read_text(encoding="utf-8"), encoding="utf-8")
    summary = tmp_path / "step_summary.md"
    summary.write_text("Stap 1: voorbereid\n", encoding="utf-8")
    env = {**os.environ, "GITHUB_STEP_SUMMARY": str(summary)}
    done = subprocess.run([sys.executable, "-m", "oncocheck", "check", "netwerken", "--as-of",
                           "2026-11-23", "--format", "github"], env=env, capture_output=True,
                          text=True, timeout=600, check=False, cwd=tmp_path)
    assert done.returncode == 2, done.stderr  # some examples are invalid
    assert done.stdout.count("\n::error ") + done.stdout.startswith("::error ") == 10
    size = summary.stat().st_size
    assert 900_000 < size < MIB, size  # filled up to, and kept under, GitHub's limit
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("Stap 1: voorbereid\n## oncocheck · Kwaliteitstoets: overzicht\n")
    per = 2000 // len(EXAMPLES)
    invalid = per * sum(p.parent.name == "invalid" for p in EXAMPLES)
    compliant = per * sum(p.parent.name == "compliant" for p in EXAMPLES)
    assert f"| 2000 | {compliant} | {2000 - compliant - invalid} | {invalid} |" in text
    rows = [line for line in text.splitlines()
            if line.startswith("| ") and " | netwerken/n" in line]
    assert len(rows) == 2000  # a row per file: only the detail was cut
    assert "Details weggelaten om onder de grens van GitHub (1 MiB per samenvatting) te " \
           "blijven: " in text.splitlines()[-1]
