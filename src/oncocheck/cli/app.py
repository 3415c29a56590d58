"""The application: the commands put together, and `main`, where every run ends.

Heavy modules (pydantic models, renderers) are imported inside the commands that need them,
so `oncocheck --version` stays quick. The language of the run is chosen first (`--lang`, else
ONCOCHECK_LANG, else Dutch), so help and Click's own messages are in it too. A usage error
of any command ends here, in the group that runs them, as its message and exit code 2
(`faults.usage` for oncocheck's own, `faults.misused` for those Click finds); every other
fault reaches `main` (`faults.end`).
"""

from __future__ import annotations

import copy
import gc
import os
import sys
from collections.abc import Sequence
from contextlib import suppress
from typing import Annotated, Any

import typer
from typer._coercion import RuntimeParam, build_runtime_param

from oncocheck import __version__
from oncocheck.cli import faults
from oncocheck.cli import check as checking
from oncocheck.cli import rules
from oncocheck.cli.check import check
from oncocheck.cli.faults import emit
from oncocheck.cli.helptext import App, Group, localise_tree
from oncocheck.cli.impact import HELP as IMPACT_HELP
from oncocheck.cli.impact import impact
from oncocheck.cli.network import INIT_HELP, SCHEMA_HELP, init, schema
from oncocheck.cli.pack import PACK_HELP, pack
from oncocheck.cli.options import STATE, Lang, LangOption, chosen_lang, say
from oncocheck.cli.faults import StdoutFailed, prepare
from oncocheck.cli.rounds import HELP as ROUNDS_HELP
from oncocheck.cli.rounds import rounds
from oncocheck.cli.rules import criteria_diff, criteria_list, criteria_show, disciplines, explain
from oncocheck.cli.helptext import errors as click_errors
from oncocheck.errors import UsageError


class Commands(Group):
    """The command group: the language of the run is chosen before anything is parsed, and a
    usage error of any command becomes its message and exit 2."""

    def main(self, args: Sequence[str] | None = None, prog_name: str | None = None,
             complete_var: str | None = None, standalone_mode: bool = True,
             windows_expand_args: bool = True, **extra: Any) -> Any:
        """Run the command line `args` (default: the process's)."""
        given, args = args, list(sys.argv[1:] if args is None else args)
        try:
            STATE["lang"] = chosen_lang(args)
        except UsageError as exc:  # a bad ONCOCHECK_LANG
            faults.usage(exc, "nl")
        localise_tree(self, STATE["lang"])
        for param in self.params:
            if param.name == "install_completion":  # Typer's option, which says it in English
                param.callback = install_completion
        for command in [self, *getattr(self, "commands", {}).values()]:
            for param in command.params:
                param._runtime_param = _Given(param.type_descriptor.parameter_info,
                                              param.type_descriptor.annotation)
        try:  # `given`: with None, Click reads sys.argv and on Windows expands `*.yaml` itself
            code = super().main(given, prog_name, complete_var, standalone_mode=False,
                                windows_expand_args=windows_expand_args, **extra)
        except click_errors.UsageError as exc:
            if not standalone_mode:
                raise
            faults.misused(exc, args, STATE["lang"])
        if not standalone_mode:
            return code
        sys.exit(code if isinstance(code, int) else 0)

    def invoke(self, ctx: Any) -> Any:  # a Click Context (of Typer's copy of Click, or Click)
        """Run the command; its UsageError becomes the message and exit 2."""
        try:
            return super().invoke(ctx)
        except UsageError as exc:
            faults.usage(exc, STATE["lang"])


class _Given(RuntimeParam):
    """Typer's coercion of an option, built (a pydantic TypeAdapter) only for a value given:
    an option left out is None or () without it, as in Typer's own (`check` has 22)."""

    def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
        built = build_runtime_param(param.type_descriptor)
        return built._coerce_value(value, param=param, ctx=ctx)


# Typer's own options for shell completion, in Dutch too (their English is Typer's, verbatim)
say("Installeer de aanvulling (completion) voor de huidige shell.",
    "Install completion for the current shell.")
say("Toon de aanvulling (completion) voor de huidige shell, om die te kopiëren of de "
    "installatie aan te passen.",
    "Show completion for the current shell, to copy it or customize the installation.")
app = App(name="oncocheck", cls=Commands, no_args_is_help=True, add_completion=True,
          pretty_exceptions_enable=False, rich_markup_mode=None, help=say(
              "Controleer de bestanden van oncologiezorgnetwerken aan de kwaliteitscriteria "
              "van LOPPSOZ.",
              "Check oncology care network files against the LOPPSOZ quality criteria."))
criteria_app = App(no_args_is_help=True, rich_markup_mode=None, help=say(
    "De criteriaversies die oncocheck kent, en hun criteria.",
    "The criteria versions oncocheck knows, and their criteria."))
app.add_typer(criteria_app, name="criteria")


def _version(value: bool) -> None:
    if value:
        emit(f"oncocheck {__version__}\n")
        raise typer.Exit()


def install_completion(ctx: Any, param: Any, value: bool | str) -> None:
    """`--install-completion [SHELL]`: Typer's (which says what it did in English, not through
    gettext), saying it in the language of the run."""
    if not value or ctx.resilient_parsing:
        return
    from typer.completion import install

    shell, path = install(shell=value) if isinstance(value, str) else install()
    emit((f"De aanvulling voor {shell} staat in {path}; die werkt zodra u de terminal opnieuw "
          f"start.\n", f"{shell} completion installed in {path}; it takes effect once you "
          f"restart the terminal.\n")[STATE["lang"] == "en"])
    raise typer.Exit()


@app.callback()
def root(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True, help=say(
        "Toon het versienummer en stop.", "Show the version and exit."))] = False,
    debug: Annotated[bool, typer.Option("--debug", help=say(
        "Toon bij een interne fout de traceback (voor wie oncocheck onderhoudt).",
        "Show tracebacks of internal errors."))] = False,
    lang: LangOption = Lang.nl,
) -> None:
    """oncocheck: check oncology care network files (oncologiezorgnetwerken) against the
    LOPPSOZ quality criteria (the help text is the app's, above, in both languages). A
    `--lang` here is the language of the command that follows, unless it has its own."""
    STATE["debug"] = debug


@criteria_app.callback()
def criteria(lang: LangOption = Lang.nl) -> None:
    """The criteria commands; a `--lang` here is the language of the one that follows, unless
    it has its own."""


app.command(help=checking.HELP)(check)
app.command(help=IMPACT_HELP)(impact)
app.command(help=ROUNDS_HELP)(rounds)
app.command(help=rules.EXPLAIN_HELP)(explain)
app.command(help=rules.DISCIPLINES_HELP)(disciplines)
app.command(help=SCHEMA_HELP)(schema)
app.command(help=INIT_HELP)(init)
app.command(help=PACK_HELP)(pack)
criteria_app.command("list", help=rules.LIST_HELP)(criteria_list)
criteria_app.command("show", help=rules.SHOW_HELP)(criteria_show)
criteria_app.command("diff", help=rules.DIFF_HELP)(criteria_diff)


def only(args: list[str]) -> typer.Typer:
    """The app with only the command `args` start with, if they do: Typer builds each command
    it has (every option's parser) on every run, a tenth of a one-file check."""
    name = args[0] if args else ""
    named = [c for c in app.registered_commands if name == (c.name or typer.main.get_command_name(
        getattr(c.callback, "__name__", "")))]
    groups = [g for g in app.registered_groups if g.name == name]
    if not named and not groups:
        return app  # help, an option first, or an unknown command: Click needs them all
    pruned = copy.copy(app)
    pruned.registered_commands, pruned.registered_groups = named, groups
    return pruned


def main() -> None:
    """Entry point: run the app; whatever goes wrong ends as `faults` documents."""
    prepare()
    lang = faults.argv_lang()
    memory = faults.line(lang, faults.OUT_OF_MEMORY).encode("utf-8", "replace") + b"\n"
    starved = False
    try:
        try:
            only(sys.argv[1:])(prog_name="oncocheck")
        finally:
            with suppress(StdoutFailed):  # a stdout that fails now failed in the command
                sys.stdout.flush()
            gc.freeze()  # the collector need not go over all that the exit frees anyway
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

