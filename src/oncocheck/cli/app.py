"""The application: the commands put together, and `main`, where every run ends.

Heavy modules (pydantic models, renderers) are imported inside the commands that need them,
so `oncocheck --version` stays quick. A UsageError from any command ends here, in the group
that runs them, as its message and exit code 2 (`faults.usage`); every other fault reaches
`main` (`faults.end`).
"""

from __future__ import annotations

import gc
import os
import sys
from contextlib import suppress
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from oncocheck import __version__
from oncocheck.cli import faults
from oncocheck.cli.check import check
from oncocheck.cli.deliver import emit
from oncocheck.cli.impact import impact
from oncocheck.cli.network import init, schema
from oncocheck.cli.options import STATE
from oncocheck.cli.process import StdoutFailed, prepare
from oncocheck.cli.rounds import rounds
from oncocheck.cli.rules import criteria_diff, criteria_list, criteria_show, explain
from oncocheck.errors import UsageError


class Commands(TyperGroup):
    """The command group: a UsageError of any command becomes its message and exit 2."""

    def invoke(self, ctx: typer.Context) -> Any:
        try:
            return super().invoke(ctx)
        except UsageError as exc:
            faults.usage(exc, STATE["lang"])


app = typer.Typer(name="oncocheck", cls=Commands, no_args_is_help=True, add_completion=True,
                  pretty_exceptions_enable=False, rich_markup_mode=None,
                  help="Check an oncology care network file against the LOPPSOZ criteria.")
criteria_app = typer.Typer(no_args_is_help=True, help="The bundled criteria sets.")
app.add_typer(criteria_app, name="criteria")


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
    STATE["debug"] = debug


app.command()(check)
app.command()(impact)
app.command()(rounds)
app.command()(explain)
app.command()(schema)
app.command()(init)
criteria_app.command("list")(criteria_list)
criteria_app.command("show")(criteria_show)
criteria_app.command("diff")(criteria_diff)


def main() -> None:
    """Entry point: run the app; whatever goes wrong ends as `faults` documents."""
    prepare()
    _tune_collector()
    lang = faults.argv_lang()
    memory = faults.line(lang, faults.OUT_OF_MEMORY).encode("utf-8", "replace") + b"\n"
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
        starved = faults.end(exc, lang)
    if starved:
        try:
            os.write(2, memory)
        except OSError:
            pass
        os._exit(3)  # no clean-up needing memory is left: half-written outputs are removed


#: Allocations between young-generation collections (Python's default is 700). Parsing a
#: network file allocates tens of thousands of short-lived objects and few cycles, so the
#: default collects hundreds of times per file for nothing (benchmarks/README.md).
COLLECT_AFTER = 50_000


def _tune_collector() -> None:
    """Freeze what start-up made (modules, classes, the app: they live as long as the process,
    and forked workers then share them without touching their pages) and collect rarely."""
    gc.freeze()
    gc.set_threshold(COLLECT_AFTER, *gc.get_threshold()[1:])
