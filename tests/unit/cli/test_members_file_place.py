"""Findings on the members (1a, 1b, 2a) are placed where the members are named (issue 21,
point 11): at the `members_file:` line when they all come from the spreadsheet, at `members:`
when the file lists members itself, never at line 1, in SARIF, GitHub annotations and GitLab
Code Quality alike."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from one_command import CliRunner

from oncocheck.cli.app import app
from paths import EXAMPLES

MEMBER_CRITERIA = {"1a", "1b", "2a"}
SHEET = ("naam,discipline,verwijsgids\nA. de Vries,fysiotherapeut,ja\n"
         "B. Jansen,huisarts,nee\nC. Smit,dietist,nee\n")


def _network(folder: Path, inline: bool) -> tuple[Path, int]:
    """The compliant example with its members moved to `leden.csv` (one member kept under
    `members:` when `inline`), so 1a, 1b and 2a fail; and the line the findings belong on."""
    text = (EXAMPLES / "compliant" / "voorbeeldstad.yaml").read_text("utf-8")
    start = text.index("\nmembers:") + 1
    end = start + re.search(r"\n(?=[a-z_]+:)", text[start:]).end()
    members = "members:\n  - name: D. Bos\n    discipline: fysiotherapeut\n" if inline else ""
    text = text[:start] + "members_file: leden.csv\n" + members + text[end:]
    (folder / "leden.csv").write_text(SHEET, "utf-8")
    (folder / "netwerk.yaml").write_text(text, "utf-8")
    key = "members:" if inline else "members_file:"
    line = next(i for i, row in enumerate(text.splitlines(), 1) if row.startswith(key))
    return folder / "netwerk.yaml", line


def _places(fmt: str, out: str) -> dict[str, tuple[int, int | None]]:
    """Criterion -> (line, column) of its finding in a report of format `fmt`."""
    if fmt == "sarif":
        return {r["ruleId"]: (r["locations"][0]["physicalLocation"]["region"]["startLine"],
                              r["locations"][0]["physicalLocation"]["region"]["startColumn"])
                for r in json.loads(out)["runs"][0]["results"]}
    if fmt == "codequality":
        return {i["check_name"]: (i["location"]["lines"]["begin"], None)
                for i in json.loads(out)}
    found = re.findall(r"^::\w+ file=[^,]+,line=(\d+),col=(\d+),title=\S+ ([\w-]+)%3A", out,
                       re.MULTILINE)
    return {criterion: (int(line), int(column)) for line, column, criterion in found}


@pytest.mark.parametrize("inline", [False, True], ids=["sheet-only", "sheet-and-members"])
@pytest.mark.parametrize("fmt", ["sarif", "github", "codequality"])
def test_member_findings_land_on_the_line_naming_the_members(tmp_path: Path, fmt: str,
                                                             inline: bool) -> None:
    network, line = _network(tmp_path, inline)
    result = CliRunner().invoke(app, ["check", str(network), "-f", fmt, "--lang", "en"])
    assert result.exit_code == 1, result.output
    places = _places(fmt, result.stdout)
    assert MEMBER_CRITERIA <= set(places), places
    for criterion in MEMBER_CRITERIA:
        assert places[criterion][0] == line, (criterion, places[criterion])
        assert places[criterion][1] in (1, None), (criterion, places[criterion])
