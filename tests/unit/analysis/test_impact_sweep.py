"""`impact --sweep 2a` against a draft that changes which disciplines count for 2a: each
version's threshold stands on that version's own count, which is its own 2a result.

The draft keeps loppsoz@2024's 60% but no longer counts occupational therapists
(ergotherapeut) for 2a, so the shares of the fixtures (tests/impact/) change, and with them
the number of networks meeting 60%.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from one_command import CliRunner

from oncocheck.cli.app import app
from paths import ROOT

FILES = str(ROOT / "tests/impact")
DAY = ["--as-of", "2026-11-23"]
DRAFT = ('extends: loppsoz@2024\nversion: concept-ergo\n'
         'vocabulary: {ergotherapeut: {verwijsgids: "no"}}\n')


def run(*args: str) -> str:
    result = CliRunner().invoke(app, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.stdout


def meeting_2a(version: str) -> int:
    """Networks whose 2a is met when `check` judges the fixtures under `version`."""
    data = json.loads(run("check", FILES, "--criteria", version, *DAY, "--format", "json"))
    return sum(1 for r in data["results"] for f in r["findings"]
               if f["criterion"] == "2a" and f["status"] == "met")


@pytest.fixture(scope="module")
def draft(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("draft") / "concept-ergo.yaml"
    path.write_text(DRAFT, encoding="utf-8")
    return str(path)


@pytest.fixture(scope="module")
def counts(draft: str) -> tuple[int, int]:
    """The 2a results under loppsoz@2024 and under the draft, which differ (else no test)."""
    found = meeting_2a("loppsoz@2024"), meeting_2a(draft)
    assert found[0] != found[1]
    return found


def impact(draft: str, *args: str) -> str:
    return run("impact", FILES, "--from", "loppsoz@2024", "--to", draft, *DAY, "--sweep", "2a",
               *args)


def test_json_gives_each_version_its_own_count(draft: str, counts: tuple[int, int]) -> None:
    sweep = json.loads(impact(draft, "--format", "json"))["sweep"]
    at_60 = next(p for p in sweep["points"] if p["threshold"] == 60)
    assert (at_60["networks_from"], at_60["networks"]) == counts
    assert sweep["at_thresholds"] == {"from": {"threshold": 60.0, "networks": counts[0]},
                                      "to": {"threshold": 60.0, "networks": counts[1]}}


def test_console_marks_each_threshold_on_its_own_count(draft: str,
                                                       counts: tuple[int, int]) -> None:
    row = next(line for line in impact(draft).splitlines() if line.startswith("60%"))
    cells = [cell.strip() for cell in row.split("│")]
    assert cells[1:3] == [f"{counts[0]} ← drempel", f"{counts[1]} ← drempel"]


def test_the_chart_lines_name_their_own_counts(draft: str, counts: tuple[int, int]) -> None:
    page = impact(draft, "--format", "html")
    assert f"loppsoz@2024 60%: {counts[0]}" in page
    assert f"({Path(draft).as_posix()}) 60%: {counts[1]}" in page
