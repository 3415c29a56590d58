"""Batches: the same output whatever --jobs is, a killed worker costs only its file, results
packed in a large batch, the pool only where it pays, the progress bar."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from one_command import CliRunner

from oncocheck.cli import request as progress
from oncocheck.run import batch as batches
from oncocheck.run import file, pool
from oncocheck.run.batch import check as check_batch
from oncocheck.cli.app import app
from oncocheck.run.decide import choose
from oncocheck.report import Brief, Packed, Results, Verdict
from paths import ROOT

EXAMPLES = ROOT / "examples"
AS_OF = ["--as-of", "2026-11-23"]
sys.path.insert(0, str(ROOT / "benchmarks"))
from generate import generate  # noqa: E402

runner = CliRunner()
FILES = batches.POOL_FROM + 31  # in the batch: a pool of processes checks it by default


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """More generated files than a batch checks in one process by default, plus one invalid
    file."""
    folder = tmp_path_factory.mktemp("batch")
    generate(folder, FILES - 1)
    (folder / "netwerk-kapot.yaml").write_text("format: 1\nnetwork: [\n", encoding="utf-8")
    return folder


def _output(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["check", *args, *AS_OF])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, result.output


@pytest.mark.parametrize("fmt", ["json", "console", "junit", "sarif", "markdown", "github"])
def test_examples_give_the_same_bytes_with_one_or_two_jobs(fmt: str) -> None:
    one = _output(str(EXAMPLES), "-f", fmt, "--jobs", "1")
    two = _output(str(EXAMPLES), "-f", fmt, "--jobs", "2")
    assert one == two
    assert one[0] == 2 and "geen-dietist" in one[1]


def test_a_generated_batch_gives_the_same_bytes_with_one_or_two_jobs(batch: Path) -> None:
    one = _output(str(batch), "-f", "json", "--jobs", "1")
    two = _output(str(batch), "-f", "json", "--jobs", "2")
    assert one == two
    assert one[0] == 2  # the broken file makes the run invalid, and is in the report
    assert one[1].count('"verdict": "invalid"') == 1
    assert one[1].count('"file": ') == FILES


def test_a_site_is_the_same_with_one_or_two_jobs(tmp_path: Path) -> None:
    for jobs in ("1", "2"):
        code, _ = _output(str(EXAMPLES), "-f", "html", "-o", str(tmp_path / jobs), "-j", jobs)
        assert code == 2
    pages = sorted(p.name for p in (tmp_path / "1").iterdir())
    assert pages == sorted(p.name for p in (tmp_path / "2").iterdir()) and "index.html" in pages
    for name in pages:
        assert (tmp_path / "1" / name).read_bytes() == (tmp_path / "2" / name).read_bytes()


def test_a_large_batch_keeps_its_results_packed_and_reads_them_back(
        batch: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    options = choose(None, date(2026, 11, 23), date(2026, 11, 23))
    kept = check_batch([str(batch)], options, jobs=2)
    monkeypatch.setattr(batches, "PACK_AFTER", 10)
    packed = check_batch([str(batch)], options, jobs=2)
    assert all(isinstance(r, Packed) for r in packed.results._results)
    assert not any(isinstance(r, Packed) for r in kept.results._results)
    assert packed.results == kept.results and packed.results.briefs == kept.results.briefs
    assert packed.results[-1].verdict is Verdict.INVALID
    assert packed.summary == kept.summary and packed.summary["files"] == FILES
    assert packed.summary["invalid"] == 1 and packed.exit_code() == 2


def test_packed_results_read_back_in_order_by_index_and_slice(report) -> None:  # noqa: ANN001
    packed = Results(Packed.of(r) for r in report.results)
    assert list(packed) == list(report.results) and len(packed) == len(report.results)
    assert packed[-1] == report.results[-1]
    assert packed[::-1] == tuple(reversed(list(report.results)))
    assert packed.briefs == tuple(Brief.of(r) for r in report.results)
    with pytest.raises(IndexError):
        packed[len(report.results)]


def test_the_pool_is_used_only_where_it_pays_and_capped(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pool, "cores", lambda: 2)
    assert batches.workers(None, batches.POOL_FROM - 1) == 1  # this process is quicker
    assert batches.workers(None, batches.POOL_FROM) == 2  # every core
    assert batches.workers(3, 10) == 3 and batches.workers(1, 10_000) == 1  # as asked
    assert batches.workers(1_000_000, 6) == 6  # at most one per file (cli.md)
    assert batches.workers(1_000_000, 10_000) == 8  # and four per core


def test_progress_is_only_for_a_terminal_outside_ci() -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    assert progress.wanted(Terminal(), {"TERM": "xterm"})
    assert not progress.wanted(Terminal(), {"CI": "true"})
    assert not progress.wanted(Terminal(), {"TERM": "dumb"})
    assert not progress.wanted(io.StringIO(), {})


def test_progress_draws_once_the_batch_takes_a_moment(monkeypatch: pytest.MonkeyPatch) -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    quick, slow = Terminal(), Terminal()
    with progress.Progress("checking", quick) as bar:
        bar.start(3)
        bar.advance()
    monkeypatch.setattr(progress, "DELAY", 0.0)
    with progress.Progress("checking", slow) as bar:
        bar.start(3)
        for _ in range(3):
            bar.advance()
    assert quick.getvalue() == ""
    assert "checking" in slow.getvalue()


def test_no_progress_bar_when_stderr_is_piped(batch: Path, tmp_path: Path) -> None:
    environ = {k: v for k, v in os.environ.items() if k != "CI"}
    done = subprocess.run([sys.executable, "-m", "oncocheck", "check", str(batch), "-f", "json",
                           "-o", str(tmp_path / "report.json"), *AS_OF], capture_output=True,
                          text=True,
                          env=environ, timeout=120, check=False)
    # only the one line that says where the report went: no bar, no carriage returns
    assert done.returncode == 2 and "\r" not in done.stderr
    assert done.stderr.startswith("oncocheck: rapport geschreven: ")
    assert done.stderr.count("\n") == 1


def test_jobs_must_be_a_positive_number() -> None:
    code, output = _output(str(EXAMPLES), "--jobs", "0")
    assert code == 2 and "--jobs" in output


@pytest.mark.skipif(sys.platform != "linux", reason="workers inherit the patch by fork")
@pytest.mark.parametrize("death, message", [
    (lambda: os.kill(os.getpid(), signal.SIGKILL),
     "the checking process was stopped by the system (signal 9; out of memory?)"),
    (lambda: os._exit(9), "the checking process ended unexpectedly (exit code 9)")])
def test_a_worker_that_dies_costs_only_the_file_it_was_checking(
        batch: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture,
        death, message: str) -> None:  # noqa: ANN001 - a function that ends the process
    from oncocheck.cli import app as cli

    real = file.check_one
    fatal = {"netwerk-00003.yaml", "netwerk-00077.yaml"}

    def dies(path: Path, display: str, choices: object):  # noqa: ANN202 - as check_one
        if path.name in fatal:
            death()  # what the kernel's out-of-memory killer does to a worker
        return real(path, display, choices)

    monkeypatch.setattr(file, "check_one", dies)  # workers are forked with it on Linux
    monkeypatch.setattr(sys, "argv", ["oncocheck", "check", str(batch), "-j", "2",
                                      "-f", "json", "--lang", "en", *AS_OF])
    with pytest.raises(SystemExit) as stopped:
        cli.main()
    out, err = capsys.readouterr()
    assert stopped.value.code == 2 and err == ""
    results = {Path(r["file"]).name: r for r in json.loads(out)["results"]}
    assert len(results) == FILES  # every file is in the report
    for name in fatal:
        assert results[name]["verdict"] == "invalid"
        assert results[name]["errors"][0]["message"] == message + "; this file was not checked"
    assert results["netwerk-00004.yaml"]["verdict"] != "invalid"
    assert sum(r["verdict"] == "invalid" for r in results.values()) == 3  # and the broken one
