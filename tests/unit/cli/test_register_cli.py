"""A round archived in one run: `--format json` with `--report csv=...` and `--report xlsx=...`;
the workbook's bytes go to files and pipes, never to a terminal."""

from __future__ import annotations

import csv
import io
import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from one_command import CliRunner

from oncocheck.cli.app import app
from oncocheck.cli.targets import is_terminal, plan
from oncocheck.errors import UsageError
from paths import ROOT
from workbook import formulas, rows

EXAMPLES = ROOT / "examples"
AS_OF = ["--as-of", "2026-11-23"]
AS_ROOT = os.geteuid() == 0
REFUSED = "xlsx is a file, not text for the screen"


def run(*args: str):  # noqa: ANN201 - a click Result
    return CliRunner().invoke(app, ["check", str(EXAMPLES), *AS_OF, "--lang", "en", *args])


def test_json_and_both_registers_from_one_check(tmp_path: Path) -> None:
    out = tmp_path / "ronde-2026"
    result = run("--format", "json", "--output", str(out / "ronde.json"), "--report",
                 f"csv={out / 'register.csv'}", "--report", f"xlsx={out / 'register.xlsx'}")
    assert result.exit_code == 2, result.output  # the invalid examples
    report = json.loads((out / "ronde.json").read_text("utf-8"))
    table = list(csv.reader(io.StringIO((out / "register.csv").read_text("utf-8-sig"),
                                        newline="")))
    sheet = rows((out / "register.xlsx").read_bytes())
    assert len(table) == len(sheet) == len(report["results"]) + 1
    assert [r[0] for r in table[1:]] == [r[0] for r in sheet[1:]] == [
        r["file"] for r in report["results"]]
    network_sha = [next(i["sha256"] for i in r["inputs"] if i["role"] == "network")
                   for r in report["results"]]
    assert [r[-1] for r in table[1:]] == [r[-1] for r in sheet[1:]] == network_sha
    assert formulas((out / "register.xlsx").read_bytes()) == []


def test_the_workbook_to_a_pipe_is_the_same_bytes(tmp_path: Path) -> None:
    piped = run("--format", "xlsx").stdout_bytes
    run("--format", "xlsx", "--output", str(tmp_path / "r.xlsx"))
    assert piped.startswith(b"PK\x03\x04") and piped == (tmp_path / "r.xlsx").read_bytes()


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize("fmt, output, reports", [
    ("xlsx", None, []), (None, None, ["xlsx=-"]), ("xlsx", "/dev/stdout", [])])
def test_the_workbook_is_refused_on_a_terminal(monkeypatch: pytest.MonkeyPatch,
                                               fmt: str | None, output: str | None,
                                               reports: list[str]) -> None:
    monkeypatch.setattr(sys, "stdout", _Terminal())
    with pytest.raises(UsageError) as caught:
        plan(fmt, None if output is None else Path(output), reports, [], 0)
    assert "--output register.xlsx" in caught.value.text.en
    assert "--output register.xlsx" in caught.value.text.nl
    assert plan("csv", None, [], [], 0)[0].fmt == "csv"  # text is fine on a terminal


def test_a_terminal_named_as_the_output_is_refused() -> None:
    master, slave = os.openpty()
    try:
        # this process's own descriptor of a terminal it opened (not a name under /dev)
        tty = Path(f"/proc/self/fd/{slave}")
        assert is_terminal(tty)
        result = run("--format", "xlsx", "--output", str(tty))
        assert result.exit_code == 2 and REFUSED in result.output
        os.set_blocking(master, False)
        with pytest.raises(BlockingIOError):
            os.read(master, 100)  # nothing was written to it
    finally:
        os.close(master)
        os.close(slave)


def test_a_device_is_asked_whether_it_is_a_terminal(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    if not AS_ROOT:
        pytest.skip("making a device node needs root (os.mknod); run as root to check it")
    null = tmp_path / "leeg"  # a null device of the test's own, in its own folder
    os.mknod(null, stat.S_IFCHR | 0o600, os.makedev(1, 3))
    assert not is_terminal(null)
    assert run("--format", "xlsx", "--output", str(null)).exit_code == 2  # the examples
    assert not is_terminal(tmp_path / "er-niet") and not is_terminal(tmp_path)
    fifo = tmp_path / "pijp"
    os.mkfifo(fifo)
    assert not is_terminal(fifo)  # never opened here: that would wait for a reader
    monkeypatch.setattr(os, "isatty", lambda fd: True)  # as a terminal's device would say
    assert is_terminal(null)
    result = run("--format", "xlsx", "--output", str(null))
    assert result.exit_code == 2 and REFUSED in result.output


@pytest.mark.slow  # a child process on a terminal of its own
def test_a_terminal_stdout_gets_a_message_and_no_bytes(tmp_path: Path) -> None:
    master, slave = os.openpty()
    try:
        done = subprocess.run(
            [sys.executable, "-m", "oncocheck", "check", str(EXAMPLES), "-f", "xlsx",
             "--lang", "en"], stdout=slave, stderr=subprocess.PIPE, timeout=60,
            env={**os.environ, "CI": "", "TERM": "dumb"})
        os.set_blocking(master, False)
        try:
            shown = os.read(master, 65536)
        except BlockingIOError:
            shown = b""
    finally:
        os.close(master)
        os.close(slave)
    assert done.returncode == 2
    assert REFUSED in done.stderr.decode()
    assert b"PK" not in shown


@pytest.mark.skipif(not Path("/dev/stdout").exists(), reason="no /dev/stdout on this system")
def test_a_report_to_dev_stdout_is_stdout() -> None:
    """`/dev/stdout` is `-` by another name: written as stdout, and the console report it
    replaces is left out as for `--report json=-`."""
    assert plan(None, None, ["json=/dev/stdout"], [], 1) == plan(None, None, ["json=-"], [], 1)
    assert plan("json", Path("/dev/stdout"), [], [], 1)[0].path is None
