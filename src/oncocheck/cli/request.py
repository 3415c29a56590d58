"""`oncocheck check` as request → run → report → deliver, without the command line.

`check` (cli/check.py) only turns its options into a frozen `Request`. `checked` runs it: the
files checked into a Report (with `--compare` the second version beside it), where its
reports go and the inputs no report may replace. `deliver_checked` writes the reports; `once`
is one round of both (of `--watch`, too), and `exit_code` the run's documented exit code.

A progress bar for long batches is drawn on stderr, only for a person watching a terminal:
nothing when stderr is not a terminal (piped, redirected, a CI log) or when `CI` is set, and
nothing for a batch that ends within DELAY seconds; it disappears when the batch ends.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from types import TracebackType
from typing import IO, Any, Optional

from oncocheck.cli.deliver import Output, deliver, named_inputs, step_summary, tell_written
from oncocheck.cli.files import find_root, network_inputs
from oncocheck.cli.options import STATE, FailOn, as_of_date
from oncocheck.cli.targets import Target, plan
from oncocheck.cli import watch as watch_mode
from oncocheck.cli.watch import live_output, on_screen, refuse_stdin
from oncocheck.errors import UsageError, release
from oncocheck.report import Report, Text
from oncocheck.run.decide import Choice, choose

DELAY = 0.5  # seconds before a progress bar is worth showing


@dataclass(frozen=True, slots=True)
class Request:
    """What one `check` asks for: its options, `--strict` already folded into `fail_on`."""

    paths: tuple[str, ...]
    criteria: str | None = None
    as_of: str | None = None  # as typed: it is read (and refused) in each round
    fmt: str | None = None
    output: Path | None = None
    reports: tuple[str, ...] = ()
    lang: str = "nl"
    fail_on: FailOn | None = None
    quiet: bool = False
    compare: str | None = None
    jobs: int | None = None
    stdin_filename: str | None = None
    base_dir: Path | None = None
    ignore: tuple[str, ...] = ()  # warning ids accepted
    exclude: tuple[str, ...] = ()  # globs a folder walk leaves out
    settings: str | None = None  # the settings file that applied, as shown
    networks_only: bool = False  # a named YAML file that is no network is skipped too


@dataclass(frozen=True, slots=True)
class Checked:
    """A request run: its Report, where the reports go, and every input read or named."""

    report: Report
    targets: list[Target]
    inputs: list[Path]


def fail_on(strict: bool, chosen: FailOn | None) -> FailOn | None:
    """`--fail-on` with `--strict` folded in; UsageError when the two disagree."""
    if strict and chosen not in (None, FailOn.warning):
        raise UsageError(Text("--strict betekent --fail-on warning; kies een van beide",
                              "--strict means --fail-on warning; choose one of the two"))
    return FailOn.warning if strict else chosen


def checked(request: Request, watching: bool = False) -> Checked:
    """The request's files checked; its report targets planned (and refused) first. A person
    `watching` always sees the report on the screen."""
    day, today = as_of_date(request.as_of), date.today()
    choices = [choose(request.criteria, day, today)]
    if request.compare is not None:
        choices.append(choose(request.compare, day, today))
    choices = [replace(c, ignore=frozenset(request.ignore)) for c in choices]
    paths = list(request.paths)
    files = network_inputs(paths, request.stdin_filename, request.exclude,
                           request.networks_only)
    root = find_root(paths, request.base_dir)
    inputs = [p for p, _ in files] + rule_files(request.criteria, request.compare)
    targets = plan(request.fmt, request.output, request.reports, inputs, len(files))
    if watching:
        targets = on_screen(targets)
    rows = any(t.fmt == "html" for t in targets)  # only the site lists each file's members
    choices = [replace(c, members=rows) for c in choices]
    report, *other = run_batch(files, choices, request.jobs, request.lang)
    if other:
        refuse_same_version(report, choices[1])
        report = replace(report, compare=other[0])
    report = replace(report, root=root, settings=request.settings)
    return Checked(report, targets, inputs + named_inputs(report.results.briefs, targets))


def deliver_checked(request: Request, done: Checked, watching: bool = False) -> None:
    """Write every report of `done`, then say where on stderr; a CI step's summary is of its
    one run, not of every round a person saves, so none while `watching`."""
    written = report_output(done.report, request.lang, request.quiet)
    summary = [] if watching else step_summary(done.report, request.lang, done.targets)
    tell_written(deliver(live_output(written) if watching else written, done.targets,
                         done.inputs, summary), done.report, request.lang)


def once(request: Request, watching: bool = False) -> Checked:
    """One round: the request run and its reports delivered."""
    done: Checked | None = None
    try:
        done = checked(request, watching)
        deliver_checked(request, done, watching)
        return done
    except MemoryError as exc:
        release(exc)  # and the batch's data, which this frame would keep through unwinding:
        done = None  # noqa: F841
        raise


def watch(request: Request) -> int:
    """Check, then again whenever an input changes, until Ctrl-C: exit code 0."""
    paths = list(request.paths)
    refuse_stdin(paths)
    rounds: list[Checked] = []  # the last round: its HTML is written once more at the end

    def one_round() -> list[Path]:
        rounds[:] = [once(request, True)]
        return rounds[0].inputs

    # looked up in its module at each call, where tests put a watcher that needs no files
    return watch_mode.keep_watching(one_round, paths, request.lang,
                                    last=lambda: _settled(request, rounds))


def _settled(request: Request, rounds: list[Checked]) -> None:
    """The last round's HTML written once more, as a page that no longer reloads itself."""
    for done in rounds:
        pages = [t for t in done.targets if t.fmt == "html" and t.path is not None]
        if pages:
            deliver(report_output(done.report, request.lang, request.quiet), pages, done.inputs)


def exit_code(report: Report, fail_on: Optional[FailOn]) -> int:
    """The documented exit code; with `--fail-on invalid` 2 for a file that cannot be loaded
    and 0 otherwise (never 1)."""
    if fail_on is FailOn.invalid:
        return 2 if report.summary["invalid"] else 0
    return report.exit_code(fail_on is FailOn.warning)


def run_batch(files: list, choices: Sequence[Choice], jobs: Optional[int],
              lang: str) -> tuple[Report, ...]:
    """`run.batch.run`, with a progress bar for a person watching."""
    from oncocheck.run.batch import run

    if not wanted():
        return run(files, choices, jobs)
    with Progress("controleren" if lang != "en" else "checking") as bar:
        return run(files, choices, jobs, bar)


def report_output(report: Report, lang: str, quiet: bool) -> Output:
    """Every format of the report, as `deliver` writes them."""
    from oncocheck import render

    debug = bool(STATE["debug"])  # `--debug`: a syntax error also in the parser's own words
    return Output(lambda fmt: render.pieces(report, fmt, lang, quiet, debug),
                  lambda console: render.draw(report, lang, console, quiet, debug),
                  lambda: render.site(report, lang))


def rule_files(*specs: Optional[str]) -> list[Path]:
    """The rule files named on the command line (`--criteria FILE` and the like): inputs, so
    no report may be written over them."""
    from oncocheck.rules.bundled import is_path

    return [Path(s.strip()) for s in specs if s is not None and is_path(s.strip())]


def refuse_same_version(report: Report, other: Choice) -> None:
    """UsageError when `--compare` names the version that already judges every file."""
    against = other.default().ref
    applied = {ref for ref, _ in report.applied} or {report.criteria}
    if applied == {against}:
        raise UsageError(Text(
            f"--compare {against.label} is de versie die de bestanden al beoordeelt; kies een "
            "andere versie om mee te vergelijken",
            f"--compare {against.label} is the version that already judges the files; choose "
            "another version to compare with"))


def wanted(stream: IO[str] | None = None, environ: dict[str, str] | None = None) -> bool:
    """Whether a bar may be drawn on `stream` (default stderr)."""
    stream = stream if stream is not None else sys.stderr
    environ = environ if environ is not None else dict(os.environ)
    if environ.get("CI", "").strip().lower() not in ("", "0", "false", "no"):
        return False
    if environ.get("TERM") == "dumb":
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError, OSError):
        return False


class Progress:
    """Counts finished files; draws a rich bar once the run has taken DELAY seconds."""

    def __init__(self, label: str, stream: IO[str] | None = None) -> None:
        self.label, self.total, self.done = label, 0, 0
        self._stream = stream if stream is not None else sys.stderr
        self._started = time.monotonic()
        self._bar: Any = None
        self._task: Any = None

    def start(self, total: int) -> None:
        """The batch has `total` files; the clock starts now."""
        self.total, self._started = total, time.monotonic()

    def advance(self) -> None:
        """One more file finished."""
        self.done += 1
        if self._bar is None and time.monotonic() - self._started >= DELAY:
            self._show()
        if self._bar is not None:
            self._bar.update(self._task, completed=self.done)

    def _show(self) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeRemainingColumn
        from rich.progress import Progress as Bar

        console = Console(file=self._stream, stderr=True)
        self._bar = Bar(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                        TimeRemainingColumn(), console=console, transient=True)
        self._bar.start()
        self._task = self._bar.add_task(self.label, total=self.total, completed=self.done)

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        if self._bar is not None:
            self._bar.stop()
