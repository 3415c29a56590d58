"""A coordinator's round trip on Windows, in Excel, in Dutch (tests/cases/round_trip.yaml,
issue 24): each case's folder of files, its command, and what it must say in each language."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from one_command import CliRunner

from oncocheck.cli.app import app
from paths import CASES

TABLE = yaml.safe_load((CASES / "round_trip.yaml").read_text(encoding="utf-8"))
#: A network that meets every criterion but 1a, 1b and 2a until its members are added.
NETWORK = """format: 1
network:
  name: Netwerk Zuid
  website: https://www.netwerkzuid.nl
  website_updated: 2026-06-01
  website_lists_verwijsgids_members: ja
  legal_form: stichting
  area: {scope: gemeente}
  vision: {summary: Zorg dichtbij huis.}
  participation_agreement: {min_meetings_per_year: 4}
  contact_point: {name: J. Bakker, email: info@netwerkzuid.nl}
  hospital_contacts: [{name: Ziekenhuis, structural: ja}]
  gp_contacts: [{name: Huisartsen, structural: ja}]
"""


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("case", TABLE, ids=[c["id"] for c in TABLE])
def test_round_trip(case: dict[str, Any], lang: str, tmp_path: Path,
                    monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "sensitive").touch()  # found as SENSITIVE only where case is ignored
    for name, text in case["files"].items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text.replace("<<network>>", NETWORK), encoding="utf-8")
    if case.get("case_sensitive_only") and (tmp_path / "SENSITIVE").exists():
        pytest.skip("this system's folders ignore case: the file is found")
    monkeypatch.chdir(tmp_path)
    args = [*(["--lang", "en"] if lang == "en" else []), *case["args"]]
    if case["args"][0] == "check":
        args += ["--as-of", "2026-11-23"]
    result = CliRunner().invoke(app, args, env={"COLUMNS": "200"})
    out = result.output
    assert result.exit_code == case["exit"], out
    assert result.exception is None or isinstance(result.exception, SystemExit), out
    for fragment in case[lang]:
        assert fragment in out, f"{fragment!r} not in\n{out}"
    for fragment in case.get("not", []):
        assert fragment not in out, f"{fragment!r} in\n{out}"
