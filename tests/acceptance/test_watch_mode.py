"""`check --watch` as a person uses it: a process that checks again after each edit of the
network file or its members sheet, rewrites its reports, and ends cleanly on Ctrl-C."""

from __future__ import annotations

import contextlib
import json
import os
import select
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
        self.readers = [threading.Thread(target=self._read, args=(stream, into), daemon=True)
                        for stream, into in ((self.proc.stderr, self.lines),
                                             (self.proc.stdout, self.out))]
        for reader in self.readers:
            reader.start()

    def end(self, signum: int) -> None:
        """Send `signum`, and wait for the process to end and its output to be read."""
        self.proc.send_signal(signum)
        self.proc.wait(timeout=TIMEOUT)
        for reader in self.readers:
            reader.join(TIMEOUT)

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
        child.end(signal.SIGINT)
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


@pytest.mark.parametrize("signum, code", [(signal.SIGTERM, 143), (signal.SIGHUP, 129)])
def test_a_stopping_signal_while_watching_is_no_ctrl_c(tmp_path: Path, signum: int,
                                                      code: int) -> None:
    """watchfiles turns every signal into KeyboardInterrupt; SIGTERM still ends as stopped."""
    network = tmp_path / "netwerk.yaml"
    network.write_text((ROOT / "examples/compliant/voorbeeldstad.yaml").read_text("utf-8"),
                       encoding="utf-8")
    child = Child(tmp_path, "check", "netwerk.yaml", "--watch", "--lang", "en", "-q")
    try:
        child.wait_for(1)
        time.sleep(0.3)  # in watchfiles' wait
        child.end(signum)
    finally:
        child.proc.kill()
    errors = "".join(child.lines)
    assert child.proc.returncode == code, errors
    assert f"oncocheck: error: stopped by {signal.Signals(signum).name}" in errors
    assert "Traceback" not in errors and "stopped watching" not in errors


@pytest.mark.skipif(not hasattr(os, "fork"), reason="a terminal (pty) needs fork")
def test_on_a_terminal_the_screen_is_redrawn_and_ctrl_c_ends_it(tmp_path: Path) -> None:
    import pty

    network = tmp_path / "netwerk.yaml"
    text = (ROOT / "examples/compliant/voorbeeldstad.yaml").read_text(encoding="utf-8")
    network.write_text(text, encoding="utf-8")
    pid, fd = pty.fork()
    if pid == 0:  # the child: oncocheck on the terminal, Ctrl-C as a terminal sends it
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        os.chdir(tmp_path)
        os.execv(sys.executable, [sys.executable, "-m", "oncocheck", "check", "netwerk.yaml",
                                  "--watch", "-q", "--as-of", "2026-11-23"])
    screen = Screen(fd)
    try:
        screen.wait_for(b"Ctrl-C stopt", 1)
        network.write_text(text + "\n", encoding="utf-8")
        screen.wait_for(b"Ctrl-C stopt", 2)
        os.write(fd, b"\x03")  # Ctrl-C typed
        screen.wait_for(b"gestopt met kijken", 1)
        _, status = os.waitpid(pid, 0)
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
        os.close(fd)
    assert os.waitstatus_to_exitcode(status) == 0
    drawn = screen.seen.decode("utf-8", "replace")
    assert "Traceback" not in drawn
    first, second = drawn.split("\x1b[H\x1b[2J\x1b[3J")  # cleared once, before round two
    assert "1 bestand: 1 voldoet" in first and "1 bestand: 1 voldoet" in second
    assert "gewijzigd: netwerk.yaml; opnieuw controleren" in second


class Screen:
    """What a program on the terminal `fd` has shown so far."""

    def __init__(self, fd: int) -> None:
        self.fd, self.seen = fd, b""

    def wait_for(self, text: bytes, times: int) -> None:
        deadline = time.monotonic() + TIMEOUT
        while self.seen.count(text) < times:
            assert time.monotonic() < deadline, self.seen.decode("utf-8", "replace")
            ready, _, _ = select.select([self.fd], [], [], 0.1)
            if ready:
                try:
                    self.seen += os.read(self.fd, 65536)
                except OSError:  # the child is gone (EIO)
                    return
