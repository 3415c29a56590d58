"""`oncocheck check`: check network files and write the reports asked for.

Exit 0 when every file is compliant (with --strict: and has no warnings), 1 when one is not,
2 when one could not be loaded or the command was used wrongly (see `cli.app.main`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from oncocheck.cli.options import (AsOfOption, FailOn, JobsOption, Lang, LangOption, OutputOption,
                                   PathsArgument, as_of_date, say)
from oncocheck.render import REPORT_FORMATS

if TYPE_CHECKING:
    from oncocheck.report import Report
    from oncocheck.run.decide import Choice

Format = StrEnum("Format", {name: name for name in REPORT_FORMATS})  # type: ignore[misc]


def check(
    paths: PathsArgument,
    criteria: Annotated[Optional[str], typer.Option(
        "--criteria", metavar="SET[@VERSION]|FILE",
        help="Criteria to apply (default: the version in force on each file's as-of date; "
        "a file's own `criteria:` only declares what it was prepared for).")] = None,
    as_of: AsOfOption = None,
    fmt: Annotated[Optional[Format], typer.Option(
        "--format", "-f", help="Output format (default console).")] = None,
    output: OutputOption = None,
    reports: Annotated[Optional[list[str]], typer.Option(
        "--report", metavar="FORMAT=PATH", help="Also write this format to PATH (- is stdout); "
        "repeatable, e.g. --report sarif=oncocheck.sarif --report junit=junit.xml.")] = None,
    lang: LangOption = Lang.nl,
    fail_on: Annotated[Optional[FailOn], typer.Option(
        "--fail-on", help="Fail on errors only (default) or on warnings too.")] = None,
    strict: Annotated[bool, typer.Option("--strict",
                                         help="Same as --fail-on warning.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Console: only the summary and "
                                        "the problems (not met, missing, load errors).")] = False,
    compare: Annotated[Optional[str], typer.Option(
        "--compare", metavar="SET@VERSION|FILE",
        help="Also check under this criteria version and show both side by side.")] = None,
    jobs: JobsOption = None,
    watch: Annotated[bool, typer.Option("--watch", help=say(
        "Blijf kijken: controleer opnieuw zodra het netwerkbestand, de ledenlijst of een "
        "genoemd document verandert, en schrijf de rapporten opnieuw. Ctrl-C stopt.",
        "Keep watching: check again whenever the network file, its members sheet or a named "
        "document changes, and write the reports again. Ctrl-C stops."))] = False,
) -> None:
    """Check network files; exit 0 compliant, 1 not compliant, 2 invalid or usage error."""
    from oncocheck.cli.deliver import deliver, named_inputs
    from oncocheck.cli.targets import plan
    from oncocheck.cli.watch import keep_watching, live_output, on_screen, refuse_stdin
    from oncocheck.errors import UsageError
    from oncocheck.report import Text
    from oncocheck.run.decide import choose
    from oncocheck.run.memory import release
    from oncocheck.run.walk import network_files

    if strict and fail_on is FailOn.error:
        raise UsageError(Text("--strict betekent --fail-on warning; kies een van beide",
                              "--strict means --fail-on warning; choose one of the two"))

    def once(watching: bool = False) -> tuple[Report, list[Path]]:
        """One check of every file, its reports written; with the inputs it read."""
        try:
            day, today = as_of_date(as_of), date.today()
            choices = [choose(criteria, day, today)]
            if compare is not None:
                choices.append(choose(compare, day, today))
            files = list(network_files(paths))
            inputs = [p for p, _ in files] + rule_files(criteria, compare)
            targets = plan(fmt.value if fmt else None, output, reports or [], inputs)
            if watching:
                targets = on_screen(targets)
            report, *other = run_batch(files, choices, jobs, str(lang),
                                       [t.fmt for t in targets])
            if other:
                refuse_same_version(report, choices[1])
                report = replace(report, compare=other[0])
            inputs += named_inputs(report.results.briefs, targets)
            written = report_output(report, str(lang), quiet)
            tell(deliver(live_output(written) if watching else written, targets, inputs),
                 report, str(lang))
        except MemoryError as exc:
            release(exc)  # and the batch's data, which this frame would keep through unwinding:
            files = inputs = targets = report = None  # noqa: F841
            raise
        return report, inputs

    if watch:
        refuse_stdin(paths)
        raise typer.Exit(keep_watching(lambda: once(True)[1], paths, str(lang)))
    report = once()[0]
    raise typer.Exit(report.exit_code(strict or fail_on is FailOn.warning))


def run_batch(files: list, choices: Sequence[Choice], jobs: Optional[int], lang: str,
              formats: Sequence[str] = ()) -> tuple[Report, ...]:
    """`run.batch.run` with the chosen number of processes and, for a person watching, a
    progress bar."""
    from oncocheck.cli import progress
    from oncocheck.run.batch import run
    from oncocheck.run.workers import default_jobs

    jobs = jobs or default_jobs()
    if not progress.wanted():
        return run(files, choices, jobs, formats=formats)
    with progress.Progress("controleren" if lang != "en" else "checking") as bar:
        return run(files, choices, jobs, bar, formats)


def report_output(report: Report, lang: str, quiet: bool):  # noqa: ANN201 - a deliver.Output
    """Every format of the report, as `deliver` writes them."""
    from oncocheck import render
    from oncocheck.cli.deliver import Output

    return Output(lambda fmt: render.chunks(report, fmt, lang, quiet),
                  lambda console: render.draw(report, lang, console, quiet),
                  lambda: render.site(report, lang))


def tell(written: list, report: Report, lang: str) -> None:
    """One line on stderr for the reports written to files: where, and the verdicts."""
    from oncocheck.cli.deliver import say, written_line
    from oncocheck.render.summary import summary_line

    line = written_line(written, summary_line(report, lang), lang)
    if line is not None:
        say(line)


def rule_files(*specs: Optional[str]) -> list[Path]:
    """The rule files named on the command line (`--criteria FILE` and the like): inputs, so
    no report may be written over them."""
    from oncocheck.rules.bundled import is_path

    return [Path(s.strip()) for s in specs if s is not None and is_path(s.strip())]


def refuse_same_version(report: Report, other: Choice) -> None:
    """UsageError when `--compare` names the version that already judged every file."""
    from oncocheck.errors import UsageError
    from oncocheck.report import Text

    against = other.default().ref
    applied = {ref for ref, _ in report.applied} or {report.criteria}
    if applied == {against}:
        raise UsageError(Text(
            f"--compare {against.label} is de versie die de bestanden al beoordeelt; kies een "
            "andere versie om mee te vergelijken",
            f"--compare {against.label} is the version that already judges the files; choose "
            "another version to compare with"))
