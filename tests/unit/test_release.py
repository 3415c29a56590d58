"""The release the documentation installs exists: docs/ci.md and the README install oncocheck
from the repository at a tag, so that tag must be this version's and the CHANGELOG must have its
release section (issue 15, point 9). Whether the tag itself exists is a fact about a repository's
refs, not about this tree (a clone of one branch has no tags), so README "Releasing" makes it a
step of the release, not a test."""

from __future__ import annotations

import re
import tomllib

from oncocheck import __version__
from paths import ROOT

VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["version"]
TAG = f"v{VERSION}"


def test_the_package_says_the_version_pyproject_gives() -> None:
    assert __version__ == VERSION


def test_every_install_line_and_hook_names_this_versions_tag() -> None:
    docs = (ROOT / "docs" / "ci.md").read_text("utf-8")
    pinned = set(re.findall(r"oncocheck@(v[0-9][^\s\"']*)", docs))
    pinned |= set(re.findall(r"rev: (\S+)", docs))
    assert pinned == {TAG}
    assert "==" + VERSION not in docs  # no package index has it


def test_the_changelog_has_a_section_for_this_release_under_unreleased() -> None:
    changelog = (ROOT / "CHANGELOG.md").read_text("utf-8")
    heads = re.findall(r"^## \[([^\]]+)\](?: - (\d{4}-\d{2}-\d{2}))?$", changelog, re.M)
    assert heads[0] == ("Unreleased", "")
    assert (VERSION, heads[1][1]) == heads[1] and heads[1][1], heads
    assert f"[{VERSION}]: " in changelog and f"/releases/tag/{TAG}" in changelog

