"""`check --watch`'s loop (in this process, stopped by an event) and what it writes.

Whether a round follows is decided by the files' `stat` on each wake-up of the watcher, and
watchfiles wakes the loop also without an event (once a second): its events make a round come
sooner, never decide it. So most tests here replace it with `Ticks`, a watcher that wakes the
loop every few milliseconds, and wait for ticks instead of sleeping; one test keeps the real
watcher (a file saved by renaming over it), and tests/acceptance/test_watch_mode.py runs the
real thing in a child process.
"""

from __future__ import annotations

import os
import threading
import time
from time import sleep as time_sleep
from pathlib import Path

import pytest
from one_command import CliRunner

from oncocheck.cli.app import app
from oncocheck.cli.deliver import Output
from oncocheck.cli.targets import Target
from oncocheck.cli.watch import keep_watching, live_output, on_screen
from oncocheck.errors import UsageError
from oncocheck.render import render, site
from oncocheck.report import Text
from paths import EXAMPLES
from sample_report import sample_report

TIMEOUT = 20
REFRESH = '<meta http-equiv="refresh" content="2">'


class Rounds:
    """A stand-in for one check: counts its calls and returns the files it "read"."""

    def __init__(self, *files: Path, fail_on: int = 0) -> None:
        self.files, self.calls, self.fail_on = list(files), 0, fail_on

    def __call__(self) -> list[Path]:
        self.calls += 1
        if self.calls == self.fail_on:
            raise UsageError(Text("kapot", "broken"))
        return self.files

    def wait_for(self, calls: int) -> None:
        deadline = time.monotonic() + TIMEOUT
        while self.calls < calls:
            assert time.monotonic() < deadline, f"{self.calls} rounds, {calls} expected"
            time.sleep(0.02)


class Ticks:
    """A stand-in for `watchfiles.watch`: wakes the loop every 5 ms until the stop event,
    counting its wake-ups, and notes the folders it was asked to watch."""

    def __init__(self) -> None:
        self.count, self.dirs = 0, list[tuple[str, ...]]()

    def __call__(self, *dirs: str, stop_event: threading.Event | None = None,
                 **options: object):  # noqa: ANN204 - a generator like watchfiles.watch
        self.dirs.append(dirs)
        while stop_event is None or not stop_event.is_set():
            self.count += 1
            yield set()
            time.sleep(0.005)

    def wait(self, more: int = 10) -> None:
        """Until the loop has been woken `more` times more (and found nothing, or a round)."""
        deadline, until = time.monotonic() + TIMEOUT, self.count + more
        while self.count < until:
            assert time.monotonic() < deadline, "the watch loop is not waiting"
            time.sleep(0.005)


@pytest.fixture
def ticks(monkeypatch: pytest.MonkeyPatch) -> Ticks:
    import watchfiles

    fake = Ticks()
    monkeypatch.setattr(watchfiles, "watch", fake)
    return fake


def watching(rounds: Rounds, paths: list[str]) -> tuple[threading.Event, list[int]]:
    """`keep_watching` in a thread; the event stops it, the list gets its exit code."""
    stop, codes = threading.Event(), []
    thread = threading.Thread(target=lambda: codes.append(
        keep_watching(rounds, paths, "nl", stop)), daemon=True)
    thread.start()
    stop.thread = thread  # type: ignore[attr-defined]
    return stop, codes


def stopped(stop: threading.Event, codes: list[int]) -> int:
    stop.set()
    stop.thread.join(TIMEOUT)  # type: ignore[attr-defined]
    assert codes, "the watch did not stop"
    return codes[0]


def test_an_edit_of_a_file_read_starts_a_new_round(tmp_path: Path, capsys, ticks: Ticks
                                                   ) -> None:
    network, other = tmp_path / "netwerk.yaml", tmp_path / "rapport.json"
    network.write_text("a: 1\n", encoding="utf-8")
    rounds = Rounds(network)
    stop, codes = watching(rounds, [str(network)])
    rounds.wait_for(1)
    ticks.wait()
    other.write_text("{}", encoding="utf-8")  # a file beside it that no round read
    ticks.wait()
    assert rounds.calls == 1
    network.write_text("a: 2\n", encoding="utf-8")
    rounds.wait_for(2)
    assert stopped(stop, codes) == 0
    assert ticks.dirs[0] == (str(tmp_path),)  # told about the file's folder
    err = capsys.readouterr().err
    assert f"kijkt naar {network}; bij elke wijziging volgt een nieuwe controle" in err
    assert "gewijzigd: " in err and "netwerk.yaml; opnieuw controleren" in err


def test_a_file_saved_by_renaming_over_it_is_seen(tmp_path: Path) -> None:
    """How editors save: a new file renamed over the old one (another inode)."""
    network = tmp_path / "netwerk.yaml"
    network.write_text("a: 1\n", encoding="utf-8")
    rounds = Rounds(network)
    stop, codes = watching(rounds, [str(network)])
    rounds.wait_for(1)
    spare = tmp_path / ".netwerk.yaml.swp"
    spare.write_text("a: 1\n", encoding="utf-8")
    spare.replace(network)
    rounds.wait_for(2)
    network.write_text("a: 3\n", encoding="utf-8")  # and the new file is watched in turn
    rounds.wait_for(3)
    assert stopped(stop, codes) == 0


def test_a_new_yaml_file_in_a_folder_given_starts_a_round(tmp_path: Path, ticks: Ticks
                                                          ) -> None:
    rounds = Rounds(tmp_path)  # as `check` lists a folder without network files
    stop, codes = watching(rounds, [str(tmp_path)])
    rounds.wait_for(1)
    (tmp_path / "notities.txt").write_text("x", encoding="utf-8")
    ticks.wait()
    assert rounds.calls == 1
    (tmp_path / "nieuw.yml").write_text("a: 1\n", encoding="utf-8")
    rounds.wait_for(2)
    assert stopped(stop, codes) == 0


def test_a_usage_error_ends_the_first_round_and_is_shown_in_later_ones(
        tmp_path: Path, capsys, ticks: Ticks) -> None:
    network = tmp_path / "netwerk.yaml"
    network.write_text("a: 1\n", encoding="utf-8")
    with pytest.raises(UsageError):
        keep_watching(Rounds(network, fail_on=1), [str(network)], "nl")
    rounds = Rounds(network, fail_on=2)
    stop, codes = watching(rounds, [str(network)])
    rounds.wait_for(1)
    network.write_text("a: 2\n", encoding="utf-8")
    rounds.wait_for(2)
    ticks.wait()
    network.write_text("a: 3\n", encoding="utf-8")  # still watched after the error
    rounds.wait_for(3)
    assert stopped(stop, codes) == 0
    assert "oncocheck: fout: kapot" in capsys.readouterr().err


def test_html_in_watch_mode_reloads_itself_and_only_then() -> None:
    report = sample_report()
    output = Output(lambda fmt: iter([render(report, fmt, "nl")]), lambda console: None,
                    lambda: site(report, "nl"))
    live = live_output(output)
    page = "".join(live.text("html"))
    assert page.count(REFRESH) == 1 and page.index(REFRESH) < page.index("<title>")
    assert page.replace(REFRESH + "\n", "") == render(report, "html", "nl")
    assert REFRESH not in "".join(live.text("json"))
    pages = live.site()
    assert pages.keys() == site(report, "nl").keys()
    assert all(p.count(REFRESH) == 1 for p in pages.values())
    assert REFRESH not in render(report, "html", "nl")  # without --watch: no reload
    assert not any(REFRESH in p for p in site(report, "nl").values())


def test_a_console_report_is_added_when_every_report_goes_to_a_file() -> None:
    to_file = [Target("html", Path("rapport.html"))]
    assert on_screen(to_file) == [Target("console", None), *to_file]
    on_stdout = [Target("json", None), *to_file]
    assert on_screen(on_stdout) == on_stdout


def test_standard_input_cannot_be_watched() -> None:
    result = CliRunner().invoke(app, ["check", "-", "--watch"])
    assert result.exit_code == 2
    assert "--watch kijkt naar bestanden; standaardinvoer (-) kan niet" in result.output


def test_without_notifications_a_change_is_still_seen(tmp_path: Path, monkeypatch) -> None:
    """When watchfiles cannot watch a folder (gone, unreadable), the files are looked at once
    a second."""
    import watchfiles

    def refused(*paths, **options):
        raise PermissionError(13, "Permission denied")
        yield

    monkeypatch.setattr(watchfiles, "watch", refused)
    monkeypatch.setattr("oncocheck.cli.watch.time.sleep", lambda _: time_sleep(0.01))
    network = tmp_path / "netwerk.yaml"
    network.write_text("a: 1\n", encoding="utf-8")
    rounds = Rounds(network)
    stop, codes = watching(rounds, [str(network)])
    rounds.wait_for(1)
    network.write_text("a: 22\n", encoding="utf-8")
    rounds.wait_for(2)
    assert stopped(stop, codes) == 0


def test_a_document_named_with_backslashes_is_watched_where_it_is_read(tmp_path: Path,
                                                                       ticks: Ticks) -> None:
    (tmp_path / "docs").mkdir()
    document = tmp_path / "docs" / "visie.md"
    document.write_text("visie\n", encoding="utf-8")
    rounds = Rounds(f"{tmp_path}/docs\\visie.md")  # as `named_files` gives `docs\visie.md`
    stop, codes = watching(rounds, [])
    rounds.wait_for(1)
    ticks.wait()  # the round has ended
    document.write_text("nieuwe visie\n", encoding="utf-8")
    rounds.wait_for(2)
    assert stopped(stop, codes) == 0
    assert ticks.dirs[-1] == (str(tmp_path / "docs"),)


def test_a_file_first_read_in_a_round_and_written_meanwhile_is_checked_again(
        tmp_path: Path, ticks: Ticks) -> None:
    """The members sheet is known only once the network file is read: saved while that
    round runs, it is still checked again."""
    sheet = tmp_path / "leden.csv"
    sheet.write_text("naam\n", encoding="utf-8")
    an_hour_ago = time.time_ns() - 3600 * 10**9
    os.utime(sheet, ns=(an_hour_ago, an_hour_ago))  # older than the round

    class Slow(Rounds):
        def __call__(self) -> list[Path]:
            files = super().__call__()
            if self.calls == 1:
                sheet.write_text("naam\nA\n", encoding="utf-8")  # saved during round 1
            return files

    rounds = Slow(sheet)
    stop, codes = watching(rounds, [])
    rounds.wait_for(2)
    ticks.wait()
    assert rounds.calls == 2  # and no more: round 2 saw it as it is
    assert stopped(stop, codes) == 0


@pytest.mark.parametrize("watch", [True, False])
def test_watch_mode_adds_nothing_to_githubs_job_summary(tmp_path: Path, monkeypatch,
                                                        watch: bool) -> None:
    """A job summary is one step's run; rounds a person saves are not added to it each time
    (and without --watch the same check adds its summary once)."""
    import oncocheck.cli.watch as watching_module

    summary = tmp_path / "summary.md"
    summary.write_text("voor\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))

    def two_rounds(once, paths, lang, stop=None, last=None) -> int:
        once()
        once()
        return 0

    monkeypatch.setattr(watching_module, "keep_watching", two_rounds)
    example = EXAMPLES / "compliant" / "voorbeeldstad.yaml"
    args = ["check", str(example), "--as-of", "2026-11-23"] + (["--watch"] if watch else [])
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    text = summary.read_text("utf-8")
    if watch:
        assert text == "voor\n"
    else:
        assert text.startswith("voor\n") and "Voorbeeldstad" in text


def test_the_html_written_when_watching_stops_no_longer_reloads(tmp_path: Path,
                                                                monkeypatch) -> None:
    """While watching, the page reloads itself every 2 seconds; the watch's last write (at
    Ctrl-C or its end) leaves a page that does not, and the other reports as they were."""
    import oncocheck.cli.watch as watching_module

    seen: list[str] = []
    page, data = tmp_path / "rapport.html", tmp_path / "rapport.json"

    def one_round(watched, before, stop) -> None:  # noqa: ANN001 - as `_wait` takes them
        seen.append(page.read_text("utf-8"))
        return None  # the watch ends, as at Ctrl-C

    monkeypatch.setattr(watching_module, "_wait", one_round)
    example = EXAMPLES / "compliant" / "voorbeeldstad.yaml"
    result = CliRunner().invoke(app, ["check", str(example), "--as-of", "2026-11-23", "--watch",
                                      "--report", f"html={page}", "--report", f"json={data}"])
    assert result.exit_code == 0, result.output
    assert len(seen) == 1 and REFRESH in seen[0]
    final = page.read_text("utf-8")
    assert REFRESH not in final and "http-equiv" not in final
    assert final == seen[0].replace(REFRESH + "\n", "")
