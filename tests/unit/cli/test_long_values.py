"""Input quoted in a message is cut at 60 characters by every command
(tests/cases/long_values.yaml):
a 200,000-character value is never repeated whole (cli.md, "Text from any input is shown
safely")."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from paths import CASES, EXAMPLES, ROOT
from one_command import CliRunner

from oncocheck.cli.app import app
from oncocheck.load.visible import QUOTE_MAX_LENGTH

TABLE = yaml.safe_load((CASES / "long_values.yaml").read_text(encoding="utf-8"))
LONG, KEY = "x" * 200_000, "x" * 1_000


def _filled(text: str) -> str:
    return text.replace("{LONG}", LONG).replace("{KEY}", KEY)


def _file(case: dict[str, Any], folder: Path) -> Path:
    path = folder / "invoer.yaml"
    if "rules" in case:
        old, new = case["rules"]
        bundled = (ROOT / "criteria/loppsoz/2024.yaml").read_text(encoding="utf-8")
        assert old in bundled, old
        path.write_text(bundled.replace(old, _filled(new), 1), encoding="utf-8")
    else:
        path.write_text(_filled(case.get("file", "")), encoding="utf-8")
    return path


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("case", TABLE, ids=[c["id"] for c in TABLE])
def test_a_long_value_is_quoted_cut(case: dict[str, Any], lang: str, tmp_path: Path,
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    shutil.copy(EXAMPLES / "compliant" / "voorbeeldstad.yaml", tmp_path / "netwerk.yaml")
    given = str(_file(case, tmp_path))
    args = [_filled(a).replace("{FILE}", given) for a in case["args"]]
    result = CliRunner().invoke(app, [*args, "--lang", lang])
    out = result.output
    assert result.exit_code == 2, out[:2000]
    assert result.exception is None or isinstance(result.exception, SystemExit), out[:2000]
    assert case[lang] in out, out[:2000]
    assert re.search(f"'[^'\\n]{{{QUOTE_MAX_LENGTH - 1}}}…'", out), out[:2000]  # cut, quoted
    assert "x" * QUOTE_MAX_LENGTH not in out, out[:2000]
