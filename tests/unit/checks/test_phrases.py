"""A key written without a value says "vul … in"; a key left out says "voeg … toe"; both name
the key in words first, with the key in code font after (checks/phrases.py)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from oncocheck.run.decide import choose
from oncocheck.run.file import check_file
from paths import CASES

AS_OF = date(2026, 11, 23)
BASE = (CASES / "base.yaml").read_text(encoding="utf-8")


def _finding(tmp_path: Path, key: str, value: str | None, criterion: str):  # noqa: ANN202
    """Criterion's finding for the base network with `key` written empty ("") or left out."""
    line = re.compile(rf"^  {key}:.*$", re.MULTILINE)
    assert line.search(BASE), key
    path = tmp_path / "netwerk.yaml"
    path.write_text(line.sub(f"  {key}:" if value == "" else "", BASE), encoding="utf-8")
    result = check_file(path, "netwerk.yaml", [choose("loppsoz@2024", AS_OF, AS_OF)])[0]
    assert not result.errors, result.errors
    return next(f for f in result.findings if f.criterion == criterion)


@pytest.mark.parametrize(("value", "message", "todo"), [
    ("", "de website is niet ingevuld (`network.website`)",
     "vul de website in (`network.website`)"),
    (None, "de website ontbreekt (`network.website`)",
     "voeg de website toe (`network.website`)")])
def test_an_empty_or_missing_website(tmp_path: Path, value: str | None, message: str,
                                     todo: str) -> None:
    finding = _finding(tmp_path, "website", value, "7")
    assert finding.status.value == "missing"
    assert finding.message.nl == message and finding.remediation.nl == todo
    english = {"": ("the website is not filled in", "fill in the website"),
               None: ("the website is missing", "add the website")}[value]
    assert finding.message.en.startswith(english[0])
    assert finding.remediation.en.startswith(english[1])


@pytest.mark.parametrize(("value", "verb"), [("", "vul `{key}` in"), (None, "voeg `{key}` toe")])
def test_an_empty_or_missing_yes_no(tmp_path: Path, value: str | None, verb: str) -> None:
    key = "network.website_lists_verwijsgids_members"
    finding = _finding(tmp_path, "website_lists_verwijsgids_members", value, "2b")
    assert finding.status.value == "missing"
    assert finding.remediation.nl.startswith("geef met ja of nee aan of de website toont")
    assert finding.remediation.nl.endswith(f"({verb.format(key=key)})")
