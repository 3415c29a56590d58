"""The project's promises about itself: README commands, CI script, packaging."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from paths import ROOT



def test_ci_runs_the_readmes_test_command() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = re.findall(r"```sh\n(.+?)\n```", readme)
    assert len(commands) >= 2 and "oncocheck check examples/" in commands[0]
    assert commands[1] in (ROOT / ".ci/run").read_text(encoding="utf-8")


def test_rule_files_cite_their_source_and_changelog_exists() -> None:
    for rule_file in (ROOT / "criteria").glob("*/*.yaml"):
        text = rule_file.read_text(encoding="utf-8")
        assert text.count("source: https://") >= 13, rule_file
    assert (ROOT / "CHANGELOG.md").read_text().startswith("# Changelog")


@pytest.mark.slow
def test_the_wheel_ships_the_schemas_and_templates(tmp_path: Path) -> None:
    """The package data the code reads with importlib.resources is in the built wheel."""
    from hatchling.builders.wheel import WheelBuilder

    [wheel] = WheelBuilder(str(ROOT)).build(directory=str(tmp_path), versions=["standard"])
    names = set(zipfile.ZipFile(wheel).namelist())
    for shipped in ("oncocheck/render/report.schema.json", "oncocheck/render/impact.schema.json",
                    "oncocheck/network/schema_help.yaml", "oncocheck/render/templates/base.html",
                    "oncocheck/criteria/vocabulary.yaml"):
        assert shipped in names, shipped
