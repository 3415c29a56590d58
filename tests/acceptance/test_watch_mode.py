"""`check --watch` as a person uses it: a process that checks again after each edit of the
network file or its members sheet, rewrites its reports, and ends cleanly on Ctrl-C."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from paths import ROOT

pytestmark = pytest.mark.slow  # a child process that waits for edits
TIMEOUT = 30  # seconds for any one step; the whole test takes a few


class Child:
    """`oncocheck ARGS` in `cwd`, its stderr read line by line as it comes."""

    def __init__(self, cwd: Path, *args: str) -> None:
        self.lines: list[str] = []
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "oncocheck", *args], cwd=cwd, stdout=subprocess.PIPE,
            stderr=subprocess.PIPE, text=True, encoding="utf-8",
            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))  # also from `&`
        self.out: list[str] = []
        threading.Thread(target=self._read, args=(self.proc.stderr, self.lines),
                         daemon=True).start()
        threading.Thread(target=self._read, args=(self.proc.stdout, self.out),
                         daemon=True).start()

    @staticmethod
    def _read(stream: object, into: list[str]) -> None:
        for line in stream:  # type: ignore[attr-defined]
            into.append(line)

    def rounds(self) -> int:
        """How many checks have finished and are waiting for the next change."""
        return sum("watching" in line for line in self.lines)

    def wait_for(self, rounds: int) -> None:
        deadline = time.monotonic() + TIMEOUT
        while self.rounds() < rounds:
            assert self.proc.poll() is None, "".join(self.lines)
            assert time.monotonic() < deadline, "".join(self.lines)
            time.sleep(0.05)


def test_watch_checks_again_after_each_edit_and_stops_on_ctrl_c(tmp_path: Path) -> None:
    network = tmp_path / "netwerk.yaml"
    text = (ROOT / "examples/compliant/voorbeeldstad.yaml").read_text(encoding="utf-8")
    network.write_text(text + "members_file: leden.csv\n", encoding="utf-8")
    sheet = tmp_path / "leden.csv"
    sheet.write_text("naam,discipline\nA. Extra,diëtist\n", encoding="utf-8")
    child = Child(tmp_path, "check", "netwerk.yaml", "--watch", "--lang", "en",
                  "--as-of", "2026-11-23", "--report", "json=out/rapport.json",
                  "--report", "html=out/rapport.html")
    try:
        child.wait_for(1)
        first = json.loads((tmp_path / "out/rapport.json").read_text(encoding="utf-8"))
        assert first["results"][0]["verdict"] != "invalid"
        sheet.write_text("naam,discipline\nA. Extra,fysio therapeut\n", encoding="utf-8")
        child.wait_for(2)
        second = json.loads((tmp_path / "out/rapport.json").read_text(encoding="utf-8"))
        assert second["results"][0]["verdict"] == "invalid"  # the sheet's typo, seen
        assert any("changed: leden.csv; checking again" in line for line in child.lines)
        network.write_text(text.replace("Oncologiezorgnetwerk Voorbeeldstad", "Netwerk Nieuw"),
                           encoding="utf-8")  # without the sheet: valid again
        child.wait_for(3)
        assert any("changed: netwerk.yaml; checking again" in line for line in child.lines)
        third = json.loads((tmp_path / "out/rapport.json").read_text(encoding="utf-8"))
        assert third["results"][0]["network"] == "Netwerk Nieuw"
        page = (tmp_path / "out/rapport.html").read_text(encoding="utf-8")
        assert "Netwerk Nieuw" in page and '<meta http-equiv="refresh" content="2">' in page
        child.proc.send_signal(signal.SIGINT)
        child.proc.wait(timeout=TIMEOUT)
    finally:
        child.proc.kill()
    errors = "".join(child.lines)
    assert child.proc.returncode == 0 and "Traceback" not in errors, errors
    assert errors.rstrip().endswith("oncocheck: stopped watching")
    console = "".join(child.out)  # not a terminal: each round's report follows the last
    assert console.count("1 file: ") == 3
    assert "unknown discipline 'fysio therapeut'" in console
    assert console.rindex("Netwerk Nieuw") > console.rindex("fysio therapeut")
    assert "\x1b" not in console  # no screen clearing without a terminal
    assert sheet.read_text(encoding="utf-8") == "naam,discipline\nA. Extra,fysio therapeut\n"
