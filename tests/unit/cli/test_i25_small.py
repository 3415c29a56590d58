"""Issue 25's small points: `-o json` is refused as a format given as a path, and the console
format does not turn into GitHub annotations under GitHub Actions (docs/ci.md)."""

from __future__ import annotations

from pathlib import Path

import pytest
from paths import ROOT
from one_command import CliRunner

from oncocheck.cli.app import app
from oncocheck.render import formats_of

NETWORK = ROOT / "examples" / "compliant" / "voorbeeldstad.yaml"
AS_OF = ["--as-of", "2026-11-23"]


def run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    """Exit code, stdout and stderr of `oncocheck ARGS`."""
    result = CliRunner().invoke(app, list(args), env=env)
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("name", ["json", "sarif", "html"])
@pytest.mark.parametrize("lang, meant", [("nl", "bedoelde u --format"),
                                         ("en", "did you mean --format")])
def test_a_format_name_as_output_path_is_a_usage_error(tmp_path: Path, monkeypatch:
                                                       pytest.MonkeyPatch, name: str, lang: str,
                                                       meant: str) -> None:
    monkeypatch.chdir(tmp_path)
    code, stdout, stderr = run("check", str(NETWORK), *AS_OF, "-o", name, "--lang", lang)
    assert code == 2 and stdout == ""
    assert f"{meant} {name}?" in stderr and name in formats_of("check")
    assert list(tmp_path.iterdir()) == []  # nothing written


def test_with_format_a_file_named_like_a_format_is_written(tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert run("check", str(NETWORK), *AS_OF, "--format", "console", "-o", "json")[0] == 0
    assert "voorbeeldstad" in (tmp_path / "json").read_text(encoding="utf-8")
    assert run("check", str(NETWORK), *AS_OF, "-o", "json.out")[0] == 0  # not a format name


def test_console_stays_console_under_github_actions() -> None:
    plain = run("check", str(NETWORK), *AS_OF, env={"GITHUB_ACTIONS": ""})
    actions = run("check", str(NETWORK), *AS_OF, env={"GITHUB_ACTIONS": "true"})
    assert actions == plain and "::" not in actions[1]
    github = run("check", str(NETWORK), *AS_OF, "--format", "github",
                 env={"GITHUB_ACTIONS": "true"})[1]
    assert github.startswith("::") or "::notice" in github
