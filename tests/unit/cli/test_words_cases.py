"""The words of a run for people (tests/cases/words.yaml): each case's command in Dutch and in
English, with the fragments each language's output must hold and those neither may."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from one_command import CliRunner

from oncocheck.cli.app import app
from paths import ROOT

CASES = yaml.safe_load((ROOT / "tests/cases/words.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_a_message_says_it_in_the_words_of_its_language(case: dict[str, Any], lang: str,
                                                         tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    for name, text in case.get("files", {}).items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    args = case["args"] + (["--lang", "en"] if lang == "en" else [])
    result = CliRunner().invoke(app, args)
    assert result.exit_code == case["exit"], result.output
    assert "Traceback" not in result.output
    for fragment in case[lang]:
        assert fragment in result.output, f"{fragment!r} not in:\n{result.output}"
    for fragment in case.get("absent", []):
        assert fragment not in result.output, f"{fragment!r} in:\n{result.output}"
