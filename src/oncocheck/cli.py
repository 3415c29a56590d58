"""The command line: the only module that knows about arguments, exit codes, stdout and stderr.

Heavy modules (pydantic models, renderers) are imported inside the commands that need them,
so `oncocheck --version` stays quick.
"""

from __future__ import annotations

import os
import sys
import traceback
from collections.abc import Iterable
from contextlib import suppress
from dataclasses import replace
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn, Optional

import typer

from oncocheck import __version__
from oncocheck.render import FORMATS

if TYPE_CHECKING:
    from oncocheck.outputs import Target
    from oncocheck.report import Report

app = typer.Typer(name="oncocheck", no_args_is_help=True, add_completion=False,
                  pretty_exceptions_enable=False, rich_markup_mode=None,
                  help="Check an oncology care network file against the LOPPSOZ criteria.")
criteria_app = typer.Typer(no_args_is_help=True, help="The bundled criteria sets.")
app.add_typer(criteria_app, name="criteria")

Format = StrEnum("Format", {name: name for name in FORMATS})  # type: ignore[misc]


class Lang(StrEnum):
    """Language of texts for people."""

    nl = "nl"
    en = "en"


_debug = "--debug" in sys.argv


def _version(value: bool) -> None:
    if value:
        typer.echo(f"oncocheck {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Show the version and exit.")] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks of internal "
                                        "errors.")] = False,
) -> None:
    """oncocheck: check oncology care network files (oncologiezorgnetwerken) against the
    LOPPSOZ quality criteria."""
    global _debug
    _debug = _debug or debug


def fail(text, lang: str = "nl") -> NoReturn:  # noqa: ANN001 - a report Text
    """Print a usage problem on stderr and exit with code 2."""
    word = "fout" if lang != "en" else "error"
    typer.echo(f"oncocheck: {word}: {text.get(lang)}", err=True)
    raise typer.Exit(2)


def parse_as_of(value: Optional[str], lang: str) -> date | None:
    """The --as-of date, or None when not given."""
    from oncocheck.report import Text

    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        fail(Text(f"--as-of verwacht een datum als 2026-11-23, niet '{value}'",
                  f"--as-of expects a date like 2026-11-23, not '{value}'"), lang)


class FailOn(StrEnum):
    """Which problems make `check` fail."""

    error = "error"
    warning = "warning"


@app.command()
def check(
    paths: Annotated[list[str], typer.Argument(help="Network files, or directories to search "
                                               "for *.yaml / *.yml.")],
    criteria: Annotated[Optional[str], typer.Option(
        "--criteria", metavar="SET[@VERSION]|FILE",
        help="Criteria to apply (default: the version in force on each file's as-of date; "
        "a file's own `criteria:` only declares what it was prepared for).")] = None,
    as_of: Annotated[Optional[str], typer.Option(
        "--as-of", metavar="YYYY-MM-DD", help="Date to judge every file on (default: each "
        "file's `submitted:` date, else today).")] = None,
    fmt: Annotated[Optional[Format], typer.Option(
        "--format", "-f", help="Output format (default console).")] = None,
    output: Annotated[Optional[Path], typer.Option(
        "--output", "-o", help="Write the report here instead of stdout.")] = None,
    reports: Annotated[Optional[list[str]], typer.Option(
        "--report", metavar="FORMAT=PATH", help="Also write this format to PATH (- is stdout); "
        "repeatable, e.g. --report sarif=oncocheck.sarif --report junit=junit.xml.")] = None,
    lang: Annotated[Lang, typer.Option("--lang", help="Language of texts.")] = Lang.nl,
    fail_on: Annotated[Optional[FailOn], typer.Option(
        "--fail-on", help="Fail on errors only (default) or on warnings too.")] = None,
    strict: Annotated[bool, typer.Option("--strict",
                                         help="Same as --fail-on warning.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Console: only the summary and "
                                        "the problems (not met, missing, load errors).")] = False,
    compare: Annotated[Optional[str], typer.Option(
        "--compare", metavar="SET@VERSION|FILE",
        help="Also check under this criteria version and show both side by side.")] = None,
    jobs: Annotated[Optional[int], typer.Option(
        "--jobs", "-j", min=1, metavar="N", help="Check files in N processes (default: the "
        "number of cores; 1 checks in this process). The output is the same for any N.")
    ] = None,
) -> None:
    """Check network files; exit 0 compliant, 1 not compliant, 2 invalid or usage error."""
    from oncocheck.decide import choose
    from oncocheck.errors import UsageError
    from oncocheck.outputs import plan
    from oncocheck.pipeline import network_files
    from oncocheck.report import Text

    if strict and fail_on is FailOn.error:
        fail(Text("--strict betekent --fail-on warning; kies een van beide",
                  "--strict means --fail-on warning; choose one of the two"), lang.value)
    try:
        day, today = parse_as_of(as_of, lang), date.today()
        choice = choose(criteria, day, today)
        other = choose(compare, day, today) if compare is not None else None
        files = list(network_files(paths))
        inputs = [p for p, _ in files] + rule_files(criteria, compare)
        targets = plan(fmt.value if fmt else None, output, reports or [], inputs)
        prepare = "json" if any(t.fmt == "json" for t in targets) else None
        report = _run(paths, choice, jobs, lang.value, files, prepare)
        if other is not None:
            _refuse_same_version(report, other)
            report = replace(report, compare=_run(paths, other, jobs, lang.value, files))
        _deliver(report, targets, [*inputs, *_named(report, targets)], lang.value, quiet)
    except UsageError as exc:
        fail(exc.text, lang.value)
    raise typer.Exit(report.exit_code(strict or fail_on is FailOn.warning))


def rule_files(*specs: Optional[str]) -> list[Path]:
    """The rule files named on the command line (`--criteria FILE` and the like): inputs, so
    no report may be written over them."""
    from oncocheck.criteria import is_path

    return [Path(s.strip()) for s in specs if s is not None and is_path(s.strip())]


def _refuse_same_version(report: Report, other) -> None:  # noqa: ANN001 - a decide.Choice
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


def _run(paths: list[str], choice, jobs: Optional[int], lang: str,  # noqa: ANN001
         files: list, prepare: Optional[str] = None) -> Report:  # noqa: ANN001
    """The pipeline with the chosen number of processes and, for a person watching, a bar
    (`choice` a decide.Choice, `files` network_files(paths), `prepare` see pipeline.run)."""
    from oncocheck import progress
    from oncocheck.parallel import default_jobs
    from oncocheck.pipeline import run

    if not progress.wanted():
        return run(paths, choice, jobs or default_jobs(), files=files, prepare=prepare)
    with progress.Progress("controleren" if lang != "en" else "checking") as bar:
        return run(paths, choice, jobs or default_jobs(), bar, files, prepare)


def _named(report: Report, targets: list[Target]) -> list[Path]:
    """The spreadsheets and documents the checked files name; no report may replace one."""
    from oncocheck.output import refuse_inputs

    named = [Path(p) for p in dict.fromkeys(
        p for brief in report.results.briefs for p in brief.references)]
    for target in targets:
        if target.path is not None and not target.site:
            refuse_inputs(target.path, named)
    return named


def _site(report: Report, lang: str) -> dict[str, str]:
    from oncocheck.render.html import render_site

    return render_site(report, lang)


def _deliver(report: Report, targets: list[Target], inputs: list[Path], lang: str,
             quiet: bool) -> None:
    """Render every target, then write files, then stdout. Formats that stream (JSON) are
    rendered while they are written, the others before anything is written."""
    from oncocheck.output import write_atomic, write_site
    from oncocheck.render import chunks
    from oncocheck.render.console import render as console_text

    def text(fmt: str) -> Iterable[str]:
        return (console_text(report, lang, quiet=quiet),) if fmt == "console" else \
            chunks(report, fmt, lang)

    files = [(t.path, text(t.fmt)) for t in targets if t.path is not None and not t.site]
    sites = [(t.path, _site(report, lang)) for t in targets if t.site]
    for path, content in files:
        write_atomic(path, content)
    for path, pages in sites:
        write_site(path, pages, inputs)
    try:
        for target in (t for t in targets if t.path is None):
            if target.fmt == "console":
                _print_console(report, lang, quiet)
            else:
                for piece in text(target.fmt):
                    sys.stdout.write(piece)
        sys.stdout.flush()  # a full disk or a closed pipe shows here, not as a crash at exit
    except OSError as exc:
        raise _stdout_failed(exc) from exc


def _stdout_failed(exc: OSError):  # noqa: ANN202 - a UsageError, imported late
    """The error for a report that could not go to stdout; later writes go nowhere."""
    from oncocheck.errors import UsageError
    from oncocheck.report import Text

    with suppress(OSError, ValueError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    reason = exc.strerror or type(exc).__name__
    return UsageError(Text(f"kan het rapport niet naar de standaarduitvoer schrijven ({reason})",
                           f"cannot write the report to standard output ({reason})"))


def _print_console(report, lang: str, quiet: bool = False) -> None:  # noqa: ANN001 - a Report
    from oncocheck.render.console import render, write

    print_console(lambda console: write(report, lang, console, quiet=quiet),
                  lambda: render(report, lang, quiet=quiet))


def print_console(draw, plain) -> None:  # noqa: ANN001 - (Console) -> None, () -> str
    """A console report: drawn by rich (coloured) on a terminal, else written as plain text."""
    from rich.console import Console

    console = Console(highlight=False)
    if console.is_terminal:
        draw(console)
    else:
        sys.stdout.write(plain())


@criteria_app.command("list")
def criteria_list(
    as_of: Annotated[Optional[str], typer.Option("--as-of", metavar="YYYY-MM-DD")] = None,
    lang: Annotated[Lang, typer.Option("--lang")] = Lang.nl,
) -> None:
    """The bundled criteria sets and versions, with their in-force dates."""
    from oncocheck.explain import list_text

    typer.echo(list_text(parse_as_of(as_of, lang) or date.today(), lang.value), nl=False)


@criteria_app.command("show")
def criteria_show(
    spec: Annotated[str, typer.Argument(metavar="SET[@VERSION]")] = "loppsoz",
    as_of: Annotated[Optional[str], typer.Option("--as-of", metavar="YYYY-MM-DD")] = None,
    lang: Annotated[Lang, typer.Option("--lang")] = Lang.nl,
) -> None:
    """Every criterion of a version: id, text, severity, check and remediation."""
    from oncocheck.errors import UsageError
    from oncocheck.explain import show_text

    try:
        typer.echo(show_text(spec, parse_as_of(as_of, lang) or date.today(), lang.value),
                   nl=False)
    except UsageError as exc:
        fail(exc.text, lang.value)


class DiffFormat(StrEnum):
    """Output of `criteria diff`."""

    console = "console"
    json = "json"


@criteria_app.command("diff")
def criteria_diff(
    old: Annotated[str, typer.Argument(metavar="A", help="e.g. loppsoz@2021")],
    new: Annotated[str, typer.Argument(metavar="B", help="e.g. loppsoz@2024")],
    fmt: Annotated[DiffFormat, typer.Option("--format", "-f")] = DiffFormat.console,
    as_of: Annotated[Optional[str], typer.Option("--as-of", metavar="YYYY-MM-DD")] = None,
    lang: Annotated[Lang, typer.Option("--lang")] = Lang.nl,
) -> None:
    """What changed between two criteria versions, criterion by criterion."""
    from oncocheck import criteria as criteria_sets
    from oncocheck.diffreport import diff_json, diff_text
    from oncocheck.errors import UsageError

    try:
        on = parse_as_of(as_of, lang) or date.today()
        a, b = criteria_sets.find(old, on), criteria_sets.find(new, on)
    except UsageError as exc:
        fail(exc.text, lang.value)
    text = diff_json(a, b) if fmt is DiffFormat.json else diff_text(a, b, lang.value)
    typer.echo(text, nl=False)


@app.command()
def explain(
    criterion: Annotated[str, typer.Argument(metavar="ID", help="A criterion id, e.g. 2a.")],
    criteria: Annotated[Optional[str], typer.Option("--criteria",
                                                    metavar="SET[@VERSION]")] = None,
    as_of: Annotated[Optional[str], typer.Option("--as-of", metavar="YYYY-MM-DD")] = None,
    lang: Annotated[Lang, typer.Option("--lang")] = Lang.nl,
) -> None:
    """One criterion in full, with how oncocheck checks it."""
    from oncocheck.errors import UsageError
    from oncocheck.explain import explain_text

    try:
        typer.echo(explain_text(criterion, criteria or "loppsoz",
                                parse_as_of(as_of, lang) or date.today(), lang.value), nl=False)
    except UsageError as exc:
        fail(exc.text, lang.value)


@app.command()
def schema() -> None:
    """The JSON Schema (draft 2020-12) of the network file, for editors and CI."""
    from oncocheck.schema import schema_text

    sys.stdout.write(schema_text())


@app.command()
def init(
    path: Annotated[Path, typer.Argument(help="Where to write the template.")] = Path(
        "netwerk.yaml"),
    lang: Annotated[Lang, typer.Option("--lang", help="Language of the template.")] = Lang.nl,
    force: Annotated[bool, typer.Option("--force", help="Replace an existing file.")] = False,
    from_sheet: Annotated[Optional[Path], typer.Option(
        "--from-sheet", metavar="SHEET", help="Members spreadsheet (.xlsx or .csv) for "
        "`members_file`; created with only its column names when it does not exist.")] = None,
) -> None:
    """Write a commented network file template; never overwrites without --force."""
    from oncocheck.errors import UsageError
    from oncocheck.template import write_template

    try:
        typer.echo(write_template(path, lang.value, force, from_sheet).get(lang.value), nl=False)
    except UsageError as exc:
        fail(exc.text, lang.value)


from oncocheck.cli_impact import impact  # noqa: E402 - it uses the helpers above

app.command()(impact)


def main() -> None:
    """Entry point: run the app; an unexpected error becomes a short message and exit 3."""
    try:
        app(prog_name="oncocheck")
    except SystemExit:
        raise
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception:  # noqa: BLE001 - the one place that turns bugs into exit code 3
        if _debug:
            traceback.print_exc()
        sys.stderr.write(
            "oncocheck: interne fout / internal error. Dit is een fout in oncocheck, niet in uw "
            "bestand; meld het met de opdracht die u gaf (zonder netwerkgegevens). Run again "
            "with --debug for the traceback.\n")
        sys.exit(3)
