"""`oncocheck check`: check network files and write the reports asked for.

Exit 0 when every file is compliant (with --strict: and has no warnings), 1 when one is not,
2 when one could not be loaded or the command was used wrongly (see `cli.app.main`). With
`--fail-on invalid` only a file that cannot be loaded fails the run, with the same code 2: a
network in formation may be incomplete, but its file must be readable. Under GitHub Actions
(`$GITHUB_STEP_SUMMARY`) a job summary is added to the step's summary file.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from oncocheck.cli.complete import criteria_versions
from oncocheck.cli.options import (AsOfOption, FailOn, JobsOption, Lang, LangOption, OutputOption,
                                   PathsArgument, as_of_date, say)
from oncocheck.render import formats_of

if TYPE_CHECKING:
    from oncocheck.report import Report
    from oncocheck.run.decide import Choice

Format = StrEnum("Format", {name: name for name in formats_of("check")})  # type: ignore[misc]

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
        "--criteria", metavar=say("SET[@VERSIE]|BESTAND", "SET[@VERSION]|FILE"),
        autocompletion=criteria_versions, help=say(
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
        "Wat de controle laat mislukken: eisen die niet voldaan zijn (error, standaard), ook "
        "waarschuwingen (warning), of alleen bestanden die niet gelezen kunnen worden "
        "(invalid, voor netwerken in oprichting).",
        "What makes the check fail: criteria not met (error, the default), warnings too "
        "(warning), or only files that cannot be loaded (invalid, for networks in "
        "formation)."))] = None,
    strict: Annotated[bool, typer.Option("--strict", help=say(
        "Hetzelfde als --fail-on warning: ook waarschuwingen laten de controle falen.",
        "Same as --fail-on warning."))] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help=say(
        "Console: alleen de samenvatting en de problemen (niet voldaan, ontbreekt, "
        "laadfouten).", "Console: only the summary and the problems (not met, missing, load "
        "errors)."))] = False,
    compare: Annotated[Optional[str], typer.Option(
        "--compare", metavar=say("SET@VERSIE|BESTAND", "SET@VERSION|FILE"),
        autocompletion=criteria_versions, help=say(
            "Controleer ook onder deze criteriaversie en toon beide naast elkaar.",
            "Also check under this criteria version and show both side by side."))] = None,
    jobs: JobsOption = None,
    stdin_filename: Annotated[Optional[str], typer.Option(
        "--stdin-filename", metavar=say("NAAM", "NAME"), help=say(
            "Bij `-` (het netwerkbestand van de standaardinvoer): de naam van dat bestand, in "
            "de meldingen en als map voor relatieve paden (members_file, documenten). Zonder "
            "deze optie: <stdin>, in de huidige map.",
            "With `-` (the network file on standard input): that file's name, used in the "
            "messages and as the folder for relative paths (members_file, documents). Without "
            "it: <stdin>, in the current folder."))] = None,
    base_dir: Annotated[Optional[Path], typer.Option(
        "--base-dir", metavar=say("MAP", "DIR"), help=say(
            "De map waar de paden in SARIF, GitLab- en GitHub-rapporten vanaf gaan (standaard: "
            "de hoofdmap van de git-repository met de bestanden).",
            "The folder that paths in SARIF, GitLab and GitHub reports start from (default: "
            "the top folder of the git repository holding the files)."))] = None,
    watch: Annotated[bool, typer.Option("--watch", help=say(
        "Blijf kijken: controleer opnieuw zodra het netwerkbestand, de ledenlijst of een "
        "genoemd document verandert, en schrijf de rapporten opnieuw. Ctrl-C stopt.",
        "Keep watching: check again whenever the network file, its members sheet or a named "
        "document changes, and write the reports again. Ctrl-C stops."))] = False,
) -> None:
    """Check network files; exit 0 compliant, 1 not compliant, 2 invalid or usage error
    (`--help` shows `HELP`)."""
    from oncocheck.cli.ci import find_root, step_summary
    from oncocheck.cli.deliver import deliver, named_inputs
    from oncocheck.cli.stdin import network_inputs
    from oncocheck.cli.targets import plan
    from oncocheck.cli.watch import keep_watching, live_output, on_screen, refuse_stdin
    from oncocheck.errors import UsageError
    from oncocheck.report import Text
    from oncocheck.run.decide import choose
    from oncocheck.run.memory import release

    if strict and fail_on not in (None, FailOn.warning):
        raise UsageError(Text("--strict betekent --fail-on warning; kies een van beide",
                              "--strict means --fail-on warning; choose one of the two"))

    finish: list[Callable[[], object]] = []  # the last round's HTML, written without reloading

    def once(watching: bool = False) -> tuple[Report, list[Path]]:
        """One check of every file, its reports written; with the inputs it read."""
        try:
            day, today = as_of_date(as_of), date.today()
            choices = [choose(criteria, day, today)]
            if compare is not None:
                choices.append(choose(compare, day, today))
            files, root = network_inputs(paths, stdin_filename), find_root(paths, base_dir)
            inputs = [p for p, _ in files] + rule_files(criteria, compare)
            targets = plan(fmt.value if fmt else None, output, reports or [], inputs, len(files))
            if watching:
                targets = on_screen(targets)
            report, *other = run_batch(files, choices, jobs, str(lang),
                                       [t.fmt for t in targets])
            if other:
                refuse_same_version(report, choices[1])
                report = replace(report, compare=other[0])
            report = replace(report, root=root)
            inputs += named_inputs(report.results.briefs, targets)
            written = report_output(report, str(lang), quiet)
            summary = [] if watching else step_summary(report, str(lang), targets)  # a CI
            # step's summary is of its one run, not of every round a person saves
            tell(deliver(live_output(written) if watching else written, targets, inputs,
                         summary), report, str(lang))
            pages = [t for t in targets if t.fmt == "html" and t.path is not None]
            finish[:] = [lambda: deliver(written, pages, inputs)] if watching else []
        except MemoryError as exc:
            release(exc)  # and the batch's data, which this frame would keep through unwinding:
            files, inputs, targets, report = [], [], [], None  # noqa: F841
            raise
        return report, inputs

    if watch:
        refuse_stdin(paths)
        raise typer.Exit(keep_watching(lambda: once(True)[1], paths, str(lang),
                                       last=lambda: [write() for write in finish]))
    report = once()[0]
    raise typer.Exit(exit_code(report, FailOn.warning if strict else fail_on))


def exit_code(report: Report, fail_on: Optional[FailOn]) -> int:
    """The documented exit code; with `--fail-on invalid` 2 for a file that cannot be loaded
    and 0 otherwise (never 1)."""
    if fail_on is FailOn.invalid:
        return 2 if report.summary["invalid"] else 0
    return report.exit_code(fail_on is FailOn.warning)


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
    from oncocheck.cli.options import STATE

    debug = bool(STATE["debug"])  # `--debug`: a syntax error also in the parser's own words
    return Output(lambda fmt: (render.render(report, fmt, lang, quiet, debug),),
                  lambda console: render.draw(report, lang, console, quiet, debug),
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
