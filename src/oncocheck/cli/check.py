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

HELP = say(
    """Controleer netwerkbestanden aan de criteria.

    Per bestand het oordeel, en per criterium wat het bestand laat zien en wat er te doen is.
    Afsluitcode 0: elk bestand voldoet; 1: een bestand voldoet niet; 2: een bestand kon niet
    worden gelezen, of de opdracht is verkeerd gebruikt.""",
    """Check network files against the criteria.

    For each file the verdict, and per criterion what the file shows and what to do. Exit
    code 0: every file is compliant; 1: a file is not compliant; 2: a file could not be read,
    or the command was used wrongly.""")


def check(
    paths: PathsArgument,
    criteria: Annotated[Optional[str], typer.Option(
        "--criteria", metavar=say("SET[@VERSIE]|BESTAND", "SET[@VERSION]|FILE"), help=say(
            "De criteria om toe te passen (standaard: de versie die geldt op de peildatum van "
            "elk bestand; `criteria:` in een bestand zegt alleen waarvoor het is opgesteld).",
            "Criteria to apply (default: the version in force on each file's as-of date; a "
            "file's own `criteria:` only declares what it was prepared for)."))] = None,
    as_of: AsOfOption = None,
    fmt: Annotated[Optional[Format], typer.Option("--format", "-f", help=say(
        "Uitvoerformaat (standaard console).", "Output format (default console)."))] = None,
    output: OutputOption = None,
    reports: Annotated[Optional[list[str]], typer.Option(
        "--report", metavar=say("FORMAAT=PAD", "FORMAT=PATH"), help=say(
            "Schrijf ook dit formaat naar PAD (- is het scherm, stdout); mag vaker, bv. "
            "--report sarif=oncocheck.sarif --report junit=junit.xml.",
            "Also write this format to PATH (- is stdout); repeatable, e.g. --report "
            "sarif=oncocheck.sarif --report junit=junit.xml."))] = None,
    lang: LangOption = Lang.nl,
    fail_on: Annotated[Optional[FailOn], typer.Option("--fail-on", help=say(
        "Faal alleen op eisen die niet voldaan zijn (error, standaard) of ook op "
        "waarschuwingen (warning).", "Fail on errors only (default) or on warnings "
        "too."))] = None,
    strict: Annotated[bool, typer.Option("--strict", help=say(
        "Hetzelfde als --fail-on warning: ook waarschuwingen laten de controle falen.",
        "Same as --fail-on warning."))] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help=say(
        "Console: alleen de samenvatting en de problemen (niet voldaan, ontbreekt, "
        "laadfouten).", "Console: only the summary and the problems (not met, missing, load "
        "errors)."))] = False,
    compare: Annotated[Optional[str], typer.Option(
        "--compare", metavar=say("SET@VERSIE|BESTAND", "SET@VERSION|FILE"), help=say(
            "Controleer ook onder deze criteriaversie en toon beide naast elkaar.",
            "Also check under this criteria version and show both side by side."))] = None,
    jobs: JobsOption = None,
) -> None:
    """Check network files; exit 0 compliant, 1 not compliant, 2 invalid or usage error
    (`--help` shows `HELP`)."""
    from oncocheck.cli.deliver import deliver, named_inputs
    from oncocheck.cli.targets import plan
    from oncocheck.errors import UsageError
    from oncocheck.report import Text
    from oncocheck.run.decide import choose
    from oncocheck.run.memory import release
    from oncocheck.run.walk import network_files

    if strict and fail_on is FailOn.error:
        raise UsageError(Text("--strict betekent --fail-on warning; kies een van beide",
                              "--strict means --fail-on warning; choose one of the two"))
    try:
        day, today = as_of_date(as_of), date.today()
        choices = [choose(criteria, day, today)]
        if compare is not None:
            choices.append(choose(compare, day, today))
        files = list(network_files(paths))
        inputs = [p for p, _ in files] + rule_files(criteria, compare)
        targets = plan(fmt.value if fmt else None, output, reports or [], inputs)
        report, *other = run_batch(files, choices, jobs, str(lang),
                                   [t.fmt for t in targets])
        if other:
            refuse_same_version(report, choices[1])
            report = replace(report, compare=other[0])
        inputs += named_inputs(report.results.briefs, targets)
        deliver(report_output(report, str(lang), quiet), targets, inputs)
    except MemoryError as exc:
        release(exc)  # and the batch's data, which this frame would keep through unwinding:
        files = inputs = targets = report = None  # noqa: F841
        raise
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
