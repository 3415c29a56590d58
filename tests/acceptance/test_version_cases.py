"""Which version and date judge a file, through the command line (tests/cases/versions.yaml)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from one_command import CliRunner

from oncocheck.cli.app import app
from paths import ROOT

CASES = yaml.safe_load((ROOT / "tests/cases/versions.yaml").read_text(encoding="utf-8"))
TODAY = date.today().isoformat()


def forged_rules() -> str:
    """The bundled loppsoz@2024 rule file with the dietitian requirement of 1b taken out: a
    rule file that calls itself loppsoz@2024 and lets a network without a dietitian pass."""
    text = (ROOT / "criteria/loppsoz/2024.yaml").read_text(encoding="utf-8")
    forged = text.replace("        - [dietist]\n", "")
    assert forged != text
    return forged


def network_file(spec: dict[str, Any]) -> str:
    """An example network file with some keys set or removed (see the table's header)."""
    data = yaml.safe_load((ROOT / "examples" / spec["from"]).read_text(encoding="utf-8"))
    data.pop("submitted", None)  # the case chooses the date (`set: {submitted: ...}`), or today
    for target, changes in ((data, spec.get("set")), (data["network"], spec.get("network"))):
        for key, value in (changes or {}).items():
            if value is None:
                target.pop(key, None)
            else:
                target[key] = value
    ordered = {k: data[k] for k in ("format", "criteria", "submitted") if k in data}
    return yaml.safe_dump({**ordered, **data}, allow_unicode=True, sort_keys=False)


def make(folder: Path, files: dict[str, Any]) -> dict[str, bytes]:
    """Create the case's files; their bytes, to check later that nothing changed them."""
    made = {}
    for name, spec in files.items():
        text = forged_rules() if spec == "FORGED" else (
            spec if isinstance(spec, str) else network_file(spec))
        (folder / name).write_text(text, encoding="utf-8")
        made[name] = (folder / name).read_bytes()
    return made


def today(value: Any) -> Any:
    """`value` with "TODAY" replaced by today's date, everywhere."""
    if isinstance(value, str):
        return value.replace("TODAY", TODAY)
    if isinstance(value, list):
        return [today(v) for v in value]
    if isinstance(value, dict):
        return {k: today(v) for k, v in value.items()}
    return value


def contains(actual: Any, expected: Any, where: str = "") -> None:
    """Assert that `expected` is a subset of `actual` (lists by position; a result's
    `findings` by criterion id)."""
    if isinstance(expected, dict):
        assert isinstance(actual, dict), f"{where}: expected an object, got {actual!r}"
        for key, value in expected.items():
            if key == "findings" and isinstance(actual.get(key), list):
                found = {f["criterion"]: f for f in actual[key]}
                for cid, subset in value.items():
                    assert str(cid) in found, f"{where}.findings: no {cid} in {sorted(found)}"
                    contains(found[str(cid)], subset, f"{where}.findings.{cid}")
                continue
            if key == "criteria" and value == {}:
                assert actual.get(key) == {}, f"{where}.criteria: {actual.get(key)!r}"
                continue
            assert key in actual, f"{where}: no key {key!r} in {sorted(actual)}"
            contains(actual[key], value, f"{where}.{key}")
    elif isinstance(expected, list):
        assert isinstance(actual, list) and len(actual) >= len(expected), f"{where}: {actual!r}"
        for i, value in enumerate(expected):
            contains(actual[i], value, f"{where}[{i}]")
    else:
        assert actual == expected, f"{where}: {actual!r} != {expected!r}"


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_version_case(case: dict[str, Any], tmp_path: Path,
                      monkeypatch: pytest.MonkeyPatch) -> None:
    made = make(tmp_path, case["files"])
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, today(case["args"]))
    out = result.output
    assert "Traceback" not in out and result.exception is None or isinstance(
        result.exception, SystemExit), out
    assert result.exit_code == case["exit"], out[-3000:]
    for fragment in today(case.get("says", [])):
        assert fragment in out, f"{fragment!r} not in:\n{out[-4000:]}"
    if "json" in case:
        contains(json.loads(result.stdout), today(case["json"]), "report")
    for name in case.get("unchanged", []):
        assert (tmp_path / name).read_bytes() == made[name], name
    for name, fragments in today(case.get("written", {})).items():
        text = (tmp_path / name).read_text(encoding="utf-8")
        for fragment in fragments:
            assert fragment in text, f"{fragment!r} not in {name}"
