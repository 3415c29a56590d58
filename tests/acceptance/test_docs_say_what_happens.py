"""What the documentation says oncocheck does with files is what it does (issue 21, points 9
and 10): a document that counts is read for its digest, and no example sends a report to
GitHub's job summary file, which oncocheck adds to by itself."""

from __future__ import annotations

import json
import re
from pathlib import Path

from one_command import CliRunner

from oncocheck.cli.app import app
from oncocheck.load.store import MAX_DOCUMENT_BYTES
from paths import EXAMPLES, ROOT

#: Every text that shows people how to run oncocheck.
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md")), ROOT / "action.yml"]
# A command that writes to the job summary file: `--report FMT=`, `--output`/`-o` or a shell
# redirection naming $GITHUB_STEP_SUMMARY (also as ${GITHUB_STEP_SUMMARY}, quoted or not)
_INTO_SUMMARY = re.compile(
    r"(--report[ =]\w+=|--output[ =]|-o |>>? ?)[\"']?\$\{?GITHUB_STEP_SUMMARY")


def _sentences(path: Path) -> list[str]:
    return re.split(r"(?<=[.;])\s", " ".join(path.read_text("utf-8").split()))


def test_the_docs_say_a_document_that_counts_is_read_for_its_digest() -> None:
    """They said documents are "never opened", while each one that counts is read in full
    for the report's digest; now they say so, with the limit the code has."""
    result = CliRunner().invoke(app, ["check", str(EXAMPLES / "compliant" / "voorbeeldstad.yaml"),
                                      "-f", "json"])
    inputs = json.loads(result.stdout)["results"][0]["inputs"]
    assert [i for i in inputs if i["role"] == "document" and i["sha256"]]  # read, whole
    limit = f"{MAX_DOCUMENT_BYTES // 2**20} MiB"
    for path in (ROOT / "README.md", ROOT / "docs" / "security.md"):
        sentences = _sentences(path)
        never = [s for s in sentences if "document" in s.lower() and "never opened" in s]
        assert all("not count" in s for s in never), (path.name, never)
        assert any("SHA-256" in s and limit in s and "read" in s for s in sentences), path.name


def test_no_example_writes_a_report_to_the_job_summary_file() -> None:
    """`--report markdown=$GITHUB_STEP_SUMMARY` replaced the file, losing what earlier
    commands of the step had added; oncocheck appends its own job summary when the variable is
    set, so no text suggests writing there."""
    assert _INTO_SUMMARY.search("--report markdown=$GITHUB_STEP_SUMMARY")  # the pattern bites
    assert _INTO_SUMMARY.search('--format markdown >> "$GITHUB_STEP_SUMMARY"')
    for path in DOCS:
        found = _INTO_SUMMARY.search(path.read_text("utf-8"))
        assert found is None, (path.name, found and found.group())
