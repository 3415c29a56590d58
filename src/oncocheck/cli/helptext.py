"""`--help` in the language of the run: the help texts written with `options.say`, and the
words Click and Typer put around them ("Usage:", "Options", "[default: …]").

Typer builds a fresh Click command tree for every run, copying each help text into it; the
group that runs the commands puts the tree in the language of the run (`localise_tree`, once
the language is chosen, before anything is parsed). The commands of oncocheck are of the
classes below (`App` makes them so for every command registered on it): they format help
with `Formatter`, which says Click's own words in that language.

Not a gettext catalogue: the Click inside Typer (its private copy, Typer 0.29) says "Usage:",
"Show this message and exit." and every usage error as plain English, not through gettext.
tests/unit/cli/test_click_words.py holds this module and `usage` to the installed Typer.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import typer
from typer.core import TyperCommand, TyperGroup

from oncocheck.cli.options import STATE, in_language, say
from oncocheck.cli.usage import errors, extra_arguments, unknown_command

USAGE = say("Gebruik:", "Usage:")
SECTIONS = [say("Argumenten", "Arguments"), say("Opties", "Options"),
            say("Opdrachten", "Commands")]
CLICK_WORDS = [say("Toon deze hulp en stop.", "Show this message and exit."),
               say("[OPTIES]", "[OPTIONS]"), say("OPDRACHT [ARGUMENTEN]...", "COMMAND [ARGS]...")]
#: The parts of Click's `[default: x; required]` after a help text, by their English start.
EXTRAS = {"default: ": ("standaard: ", "default: "), "required": ("verplicht", "required"),
          "env var: ": ("omgevingsvariabele: ", "env var: "), "x>=": ("minstens ", "at least ")}
_EXTRAS = re.compile(r"\[([^\[\]]*)\]$")
_TYPE_NAME = re.compile(r" <[^<>]*>$")  # Typer's `<str>` after an argument's name


def _extra(part: str, language: str) -> str:
    for start, words in EXTRAS.items():
        if part.startswith(start):
            return words[language == "en"] + part[len(start):]
    return part


def with_extras(text: str, language: str) -> str:
    """A help text with Click's bracketed extras at its end (`[default: nl]`) in `language`."""
    found = _EXTRAS.search(text)
    if found is None:
        return in_language(text, language) or ""
    head = in_language(text[:found.start()].rstrip(), language) or ""
    extras = "; ".join(_extra(p, language) for p in found[1].split("; "))
    return f"{head}  [{extras}]" if head else f"[{extras}]"


_HelpFormatter: Any = typer.Context.formatter_class  # Click's, from Typer's copy of Click


class Formatter(_HelpFormatter):
    """Click's help formatter, saying its own words in the language of the run."""

    #: Below Typer's heading `Arguments`: Typer follows each argument's name with its type.
    arguments = False

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        """The usage line, headed `Gebruik:` in Dutch."""
        usage = in_language(USAGE, STATE["lang"])
        super().write_usage(prog, args, f"{usage} " if prefix is None else prefix)

    def write_heading(self, heading: str) -> None:
        """A section heading (`Opties`)."""
        self.arguments = heading == "Arguments"
        super().write_heading(in_language(heading, STATE["lang"]) or heading)

    def write_dl(self, rows: Sequence[tuple[str, str]], col_max: int = 30,
                 col_spacing: int = 2) -> None:
        """The options, arguments (by their name alone, without Typer's `<str>`) or commands
        with their help and extras in the language."""
        super().write_dl([(_TYPE_NAME.sub("", name) if self.arguments else name,
                           with_extras(text, STATE["lang"])) for name, text in rows],
                         col_max, col_spacing)


class Context(typer.Context):
    """A context that formats help with `Formatter`."""

    formatter_class = Formatter


def localise(command: Any, language: str) -> None:
    """Put `command`'s own texts and its parameters' in `language` (Click's `--help` option,
    made as help is formatted, is put in it by `Formatter`)."""
    for name in ("help", "short_help", "epilog", "options_metavar", "subcommand_metavar"):
        if isinstance(getattr(command, name, None), str):
            setattr(command, name, in_language(getattr(command, name), language))
    for param in command.params:
        param.help = in_language(param.help, language)
        if isinstance(param.metavar, str):
            param.metavar = in_language(param.metavar, language)


def localise_tree(command: Any, language: str) -> None:
    """`localise` for `command` and every command below it."""
    localise(command, language)
    for sub in getattr(command, "commands", {}).values():
        localise_tree(sub, language)


class Localised:
    """What oncocheck's commands and groups add to Typer's: help in the run's language, and
    usage errors oncocheck can say in its own words."""

    context_class: Any = Context  # a Click Context class (Typer's own copy of Click, or Click)

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        """Click's parsing, but arguments a command does not take refused in oncocheck's words
        (`usage.extra_arguments`), and a usage error raised without naming the command
        (`--criteria` without its value) told it, so its message can say what it expects."""
        allowed, ctx.allow_extra_args = ctx.allow_extra_args, True
        try:
            rest: list[str] = super().parse_args(ctx, args)  # type: ignore[misc]
        except errors.UsageError as exc:
            if exc.ctx is None:
                exc.ctx, exc.cmd = ctx, ctx.command
            raise
        finally:
            ctx.allow_extra_args = allowed
        if rest and not allowed and not ctx.resilient_parsing:
            raise extra_arguments(rest, ctx)
        return rest


class Command(Localised, TyperCommand):
    """A command of oncocheck (see the module's docstring)."""


class Group(Localised, TyperGroup):
    """A group of commands of oncocheck; a command it does not have is a usage error in
    oncocheck's words."""

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        """The command named first in `args`; an unknown one is `usage.unknown_command`."""
        name = args[0]
        if (self.get_command(ctx, name) is None and not name.startswith("-")
                and not ctx.resilient_parsing):
            raise unknown_command(name, list(self.commands), ctx)
        return super().resolve_command(ctx, args)


class App(typer.Typer):
    """A Typer app whose groups and commands are oncocheck's (`Group`, `Command`) unless a
    registration names another class."""

    def __init__(self, *args: Any, cls: type[TyperGroup] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, cls=cls or Group, **kwargs)

    def command(self, *args: Any, cls: type[TyperCommand] | None = None,
                **kwargs: Any) -> Any:
        """As Typer's, with `Command` as the default class."""
        return super().command(*args, cls=cls or Command, **kwargs)
