"""The command line: the only module that knows about arguments, exit codes, stdout and stderr.

Heavy modules (pydantic models, renderers) are imported inside the commands that need them,
so `oncocheck --version` stays quick.
"""

from __future__ import annotations

import errno
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
from oncocheck.render import REPORT_FORMATS

if TYPE_CHECKING:
    from oncocheck.cli.targets import Target
    from oncocheck.report import CriteriaSetInfo, CriterionInfo, Report

app = typer.Typer(name="oncocheck", no_args_is_help=True, add_completion=False,
                  pretty_exceptions_enable=False, rich_markup_mode=None,
                  help="Check an oncology care network file against the LOPPSOZ criteria.")
criteria_app = typer.Typer(no_args_is_help=True, help="The bundled criteria sets.")
app.add_typer(criteria_app, name="criteria")

Format = StrEnum("Format", {name: name for name in REPORT_FORMATS})  # type: ignore[misc]


class Lang(StrEnum):
    """Language of texts for people."""

    nl = "nl"
    en = "en"


_debug = "--debug" in sys.argv


def _version(value: bool) -> None:
    if value:
        emit(f"oncocheck {__version__}\n")
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


def emit(text: str) -> None:
    """Write `text` to stdout now; a stdout that fails raises (see `oncocheck.cli.process`)."""
    sys.stdout.write(text)
    sys.stdout.flush()


def say(line: str) -> None:
    """One line on stderr; a stderr that fails too leaves nothing to tell it on."""
    with suppress(OSError, ValueError):
        sys.stderr.write(line + "\n")
        sys.stderr.flush()


def fail(text, lang: str = "nl") -> NoReturn:  # noqa: ANN001 - a report Text
    """Print a usage problem on stderr and exit with code 2."""
    word = "fout" if lang != "en" else "error"
    say(f"oncocheck: {word}: {text.get(lang)}")
    raise typer.Exit(2)


def parse_as_of(value: Optional[str], lang: str) -> date | None:
    """The --as-of date, written as in a network file (YYYY-MM-DD exactly); None when not
    given."""
    from oncocheck.load.fields import iso_date
    from oncocheck.report import Text
    from oncocheck.load.words import quoted

    if value is None:
        return None
    parsed = iso_date(value)
    if parsed is None:
        fail(Text(f"--as-of verwacht een datum als 2026-11-23 (JJJJ-MM-DD), niet {quoted(value)}",
                  f"--as-of expects a date like 2026-11-23 (YYYY-MM-DD), not {quoted(value)}"),
             lang)
    return parsed


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
    from oncocheck.run.decide import choose
    from oncocheck.errors import UsageError
    from oncocheck.cli.targets import plan
    from oncocheck.run.batch import network_files
    from oncocheck.cli.process import release
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
    except MemoryError as exc:
        release(exc)  # and the batch's data, which this frame would keep through unwinding:
        files = inputs = targets = report = None  # noqa: F841
        raise
    raise typer.Exit(report.exit_code(strict or fail_on is FailOn.warning))


def rule_files(*specs: Optional[str]) -> list[Path]:
    """The rule files named on the command line (`--criteria FILE` and the like): inputs, so
    no report may be written over them."""
    from oncocheck.rules.bundled import is_path

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
    from oncocheck.cli import progress
    from oncocheck.run.workers import default_jobs
    from oncocheck.run.batch import run

    if not progress.wanted():
        return run(paths, choice, jobs or default_jobs(), files=files, prepare=prepare)
    with progress.Progress("controleren" if lang != "en" else "checking") as bar:
        return run(paths, choice, jobs or default_jobs(), bar, files, prepare)


def _named(report: Report, targets: list[Target]) -> list[Path]:
    """The spreadsheets and documents the checked files name; no report may replace one."""
    from oncocheck.cli.write import refuse_inputs

    named = [Path(p) for p in dict.fromkeys(
        p for brief in report.results.briefs for p in brief.references)]
    for target in targets:
        if target.path is not None and not target.site:
            refuse_inputs(target.path, named)
    return named


def _deliver(report: Report, targets: list[Target], inputs: list[Path], lang: str,
             quiet: bool) -> None:
    """Render every target, then write files, then stdout. Formats that stream (JSON) are
    rendered while they are written, the others before anything is written."""
    from oncocheck.cli.write import write_report, write_site
    from oncocheck.render import chunks, site

    def text(fmt: str) -> Iterable[str]:
        return chunks(report, fmt, lang, quiet)

    files = [(t.path, text(t.fmt)) for t in targets if t.path is not None and not t.site]
    sites = [(t.path, site(report, lang)) for t in targets if t.site]
    for path, content in files:
        write_report(path, content)
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
    except OSError as exc:  # a stdout that `process.prepare` did not wrap (tests)
        from oncocheck.cli.process import StdoutFailed

        raise StdoutFailed(exc) from exc


def _print_console(report, lang: str, quiet: bool = False) -> None:  # noqa: ANN001 - a Report
    from oncocheck.render import draw, render

    print_console(lambda console: draw(report, lang, console, quiet),
                  lambda: render(report, "console", lang, quiet))


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
    from oncocheck.render.criteria import list_text
    from oncocheck.rules.bundled import bundled, in_force

    day = parse_as_of(as_of, lang) or date.today()
    current = [in_force(name, day).ref for name in dict.fromkeys(r.set for r in bundled())]
    emit(list_text([r.info() for r in bundled()], current, day, lang.value))


@criteria_app.command("show")
def criteria_show(
    spec: Annotated[str, typer.Argument(metavar="SET[@VERSION]")] = "loppsoz",
    as_of: Annotated[Optional[str], typer.Option("--as-of", metavar="YYYY-MM-DD")] = None,
    lang: Annotated[Lang, typer.Option("--lang")] = Lang.nl,
) -> None:
    """Every criterion of a version: id, text, severity, check and remediation."""
    from oncocheck.errors import UsageError
    from oncocheck.render.criteria import show_text
    from oncocheck.rules.bundled import find

    try:
        text = show_text(find(spec, parse_as_of(as_of, lang) or date.today()).info(), lang.value)
    except UsageError as exc:
        fail(exc.text, lang.value)
    emit(text)


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
    from oncocheck.errors import UsageError
    from oncocheck.render.criteria import diff_json, diff_text
    from oncocheck.rules import bundled as criteria_sets
    from oncocheck.rules.diff import diff

    try:
        on = parse_as_of(as_of, lang) or date.today()
        a, b = criteria_sets.find(old, on), criteria_sets.find(new, on)
    except UsageError as exc:
        fail(exc.text, lang.value)
    changes = diff(a, b)
    text = diff_json(a.info(), b.info(), changes) if fmt is DiffFormat.json else \
        diff_text(a.info(), b.info(), changes, lang.value)
    emit(text)


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
    from oncocheck.render.criteria import explain_text

    try:
        info, found = _criterion_info(criterion, criteria or "loppsoz",
                                      parse_as_of(as_of, lang) or date.today())
        text = explain_text(info, found, lang.value)
    except UsageError as exc:
        fail(exc.text, lang.value)
    emit(text)


def _criterion_info(criterion_id: str, spec: str,
                    day: date) -> tuple[CriteriaSetInfo, CriterionInfo | None]:
    """The version meant by `spec` and its criterion `criterion_id` (any case, spaces
    around), as records; UsageError naming the ids there are when it has no such criterion."""
    from oncocheck.errors import UsageError
    from oncocheck.load.words import did_you_mean
    from oncocheck.report import Text
    from oncocheck.rules.bundled import find

    rule_file = find(spec, day)
    found, info = rule_file.criterion(criterion_id), rule_file.info()
    if found is None:
        ids = [c.id for c in rule_file.criteria]
        nl_tail, en_tail = did_you_mean(criterion_id, ids)
        raise UsageError(Text(
            f"{rule_file.ref.label} heeft geen criterium '{criterion_id}' (wel: "
            f"{', '.join(ids)}){nl_tail}",
            f"{rule_file.ref.label} has no criterion '{criterion_id}' (it has: "
            f"{', '.join(ids)}){en_tail}"))
    return info, info.criterion(found.id)


@app.command()
def schema() -> None:
    """The JSON Schema (draft 2020-12) of the network file, for editors and CI."""
    from oncocheck.network.schema import schema_text

    emit(schema_text())


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
    from oncocheck.network.template import write_template

    try:
        text = write_template(path, lang.value, force, from_sheet).get(lang.value)
    except UsageError as exc:
        fail(exc.text, lang.value)
    emit(text)


from oncocheck.cli.impact import impact  # noqa: E402 - it uses the helpers above

app.command()(impact)


def main() -> None:
    """Entry point: run the app. Whatever goes wrong ends in one line on stderr and a
    documented exit code: 2 for a problem of the environment (stdout, file descriptors),
    3 for out of memory and for a bug in oncocheck (a short message; `--debug` shows the
    traceback of a bug), 128 + N after signal N, and 141 (the exit of a filter killed by
    SIGPIPE) without a message when stdout's reader went away (`| head`)."""
    from oncocheck.cli.process import StdoutFailed, prepare

    prepare()
    lang = _argv_lang()
    memory = _line(lang, _OUT_OF_MEMORY).encode("utf-8", "replace") + b"\n"
    starved = False
    try:
        try:
            app(prog_name="oncocheck")
        finally:
            with suppress(StdoutFailed):  # a stdout that fails now failed in the command
                sys.stdout.flush()
    except SystemExit:
        raise
    except MemoryError:
        starved = True  # nothing more here: the failed run's data is only freed past `except`
    except BaseException as exc:  # noqa: BLE001 - the one place that turns faults into exits
        starved = _fault(exc, lang)
    if starved:
        try:
            os.write(2, memory)
        except OSError:
            pass
        os._exit(3)  # no clean-up needing memory is left: half-written outputs are removed


def _fault(exc: BaseException, lang: str) -> bool:
    """Exit as `main` documents for `exc`; True (not exiting) when it means out of memory."""
    from oncocheck.cli.process import StdoutFailed, Terminated, is_broken_pipe, out_of_memory

    if isinstance(exc, StdoutFailed):
        if is_broken_pipe(exc):  # the quiet end of a filter whose reader has had enough
            sys.exit(141)
        say(_line(lang, _stdout_text(exc)))
        sys.exit(2)
    if isinstance(exc, Terminated):
        say(_line(lang, _STOPPED, exc.args[0]))
        sys.exit(128 + exc.signum)
    if isinstance(exc, KeyboardInterrupt):
        sys.exit(130)
    if isinstance(exc, OSError) and exc.errno in (errno.EMFILE, errno.ENFILE):
        say(_line(lang, _DESCRIPTORS, exc.strerror or ""))
        sys.exit(2)
    if out_of_memory(exc):  # also a Rust panic in pydantic-core when an allocation failed
        return True
    _internal_error()


_OUT_OF_MEMORY = ("te weinig geheugen; controleer minder of kleinere bestanden tegelijk, of "
                  "gebruik minder --jobs", "out of memory; check fewer or smaller files at a "
                  "time, or use fewer --jobs")
_STOPPED = ("gestopt door {}", "stopped by {}")
_DESCRIPTORS = ("te weinig bestandsdescriptors ({}); verhoog de limiet (ulimit -n) of gebruik "
                "minder --jobs", "too few file descriptors ({}); raise the limit (ulimit -n) "
                "or use fewer --jobs")


def _line(lang: str, text: tuple[str, str], *values: str) -> str:
    word = "fout" if lang != "en" else "error"
    return f"oncocheck: {word}: {text[lang == 'en'].format(*values)}"


def _stdout_text(exc) -> tuple[str, str]:  # noqa: ANN001 - a process.StdoutFailed
    if exc.errno == errno.EBADF:
        return ("kan het rapport niet naar de standaarduitvoer schrijven: die is gesloten",
                "cannot write the report to standard output: it is closed")
    return (f"kan het rapport niet naar de standaarduitvoer schrijven ({exc.reason})",
            f"cannot write the report to standard output ({exc.reason})")


def _argv_lang() -> str:
    """The --lang of the command line, for messages given outside a command."""
    args = sys.argv[1:]
    for index, arg in enumerate(args):
        if arg == "--lang" and args[index + 1:index + 2] == ["en"] or arg == "--lang=en":
            return "en"
    return "nl"


def _internal_error() -> NoReturn:
    if _debug:
        traceback.print_exc()
    say("oncocheck: interne fout / internal error. Dit is een fout in oncocheck, niet in uw "
        "bestand; meld het met de opdracht die u gaf (zonder netwerkgegevens). Run again "
        "with --debug for the traceback.")
    sys.exit(3)
