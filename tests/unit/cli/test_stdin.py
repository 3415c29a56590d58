"""`oncocheck check -`: one network file from standard input, named by --stdin-filename (in
messages, and as the folder relative paths start from) or else `<stdin>` in the current folder."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest
from one_command import CliRunner

from oncocheck.cli.app import app
from oncocheck.load.text import MAX_FILE_BYTES
from paths import ROOT

COMPLIANT = ROOT / "examples" / "compliant" / "voorbeeldstad.yaml"
TYPO = ROOT / "examples" / "invalid" / "discipline-typo.yaml"
AS_OF = ["--as-of", "2026-11-23", "--lang", "en"]


def run(*args: str, stdin: bytes | str = b"") -> tuple[int, str]:
    result = CliRunner().invoke(app, ["check", *args, *AS_OF], input=stdin)
    assert "Traceback" not in result.output
    return result.exit_code, result.output


def test_named_stdin_reports_exactly_as_the_file_itself() -> None:
    for fmt in ("json", "sarif", "junit", "console"):
        given = run("-", "--stdin-filename", str(COMPLIANT), "-f", fmt,
                    stdin=COMPLIANT.read_bytes())
        assert given == run(str(COMPLIANT), "-f", fmt), fmt  # documents found in its folder
        assert given[0] == 0


def test_errors_name_the_file_by_its_stdin_filename_with_line_and_column() -> None:
    code, out = run("-", "--stdin-filename", "netwerken/zuid.yaml", stdin=TYPO.read_bytes())
    assert code == 2
    assert "netwerken/zuid.yaml:43:17: members[1].discipline: member 2, " in out
    assert "unknown discipline 'dietis'; did you mean 'diëtist'?" in out


def test_nameless_stdin_is_stdin_in_the_current_folder(monkeypatch: pytest.MonkeyPatch,
                                                       tmp_path: Path) -> None:
    monkeypatch.chdir(COMPLIANT.parent)
    code, out = run("-", "-f", "json", stdin=COMPLIANT.read_text(encoding="utf-8"))
    [result] = json.loads(out)["results"]
    assert code == 0 and result["file"] == "<stdin>"
    assert not [f for f in result["findings"] if f["criterion"] == "document-not-found"]
    monkeypatch.chdir(tmp_path)  # where docs/visie-2025.md is not
    code, out = run("-", "-f", "json", stdin=COMPLIANT.read_bytes())
    missing = [f for f in json.loads(out)["results"][0]["findings"]
               if f["criterion"] == "document-not-found"]
    assert code == 0 and missing and missing[0]["location"]["line"] == 20


def test_stdin_is_bounded_and_decoded_like_a_file() -> None:
    code, out = run("-", stdin=b"a" * (MAX_FILE_BYTES + 1))
    assert code == 2 and "<stdin>: the file is larger than the limit of 16 MiB" in out
    code, out = run("-", stdin="format: 1\n".encode("utf-16"))
    assert code == 2 and "<stdin>:1:1: the file is saved as UTF-16" in out
    code, out = run("-", stdin=b"")
    assert code == 2 and "<stdin>:1:1:" in out


@pytest.mark.parametrize(("args", "message"), [
    (["-", str(COMPLIANT)], "`-` reads one network file from standard input; give no other "
                            "paths with it"),
    ([str(COMPLIANT), "--stdin-filename", "x.yaml"], "--stdin-filename goes with `-`"),
    (["-", "--stdin-filename", " "], "--stdin-filename is empty"),
])
def test_usage_errors(args: list[str], message: str) -> None:
    code, out = run(*args, stdin=COMPLIANT.read_bytes())
    assert code == 2 and message in out


def test_no_report_over_the_file_stdin_stands_for(tmp_path: Path) -> None:
    named = tmp_path / "netwerk.yaml"
    named.write_bytes(COMPLIANT.read_bytes())
    code, out = run("-", "--stdin-filename", str(named), "-o", str(named),
                    stdin=COMPLIANT.read_bytes())
    assert code == 2 and "is an input file" in out
    assert named.read_bytes() == COMPLIANT.read_bytes()


def _child(stdin: int | None, close_stdin: bool = False) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "oncocheck", "check", "-", *AS_OF],
                          stdin=stdin, capture_output=True, timeout=60, check=False,
                          preexec_fn=(lambda: os.close(0)) if close_stdin else None)


@pytest.mark.slow
def test_a_terminal_or_closed_stdin_is_a_message_not_a_wait() -> None:
    leader, follower = pty.openpty()
    try:
        done = _child(follower)
    finally:
        os.close(leader)
        os.close(follower)
    assert done.returncode == 2 and done.stderr.decode() == (
        "oncocheck: error: `-` reads a network file from standard input, but that is a "
        "terminal; send the file in (oncocheck check - < netwerk.yaml) or give its path\n")
    done = _child(None, close_stdin=True)
    assert done.returncode == 2 and b"but it is closed" in done.stderr, done.stderr
