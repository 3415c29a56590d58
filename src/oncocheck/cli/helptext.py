"""`--help` in the language of the run: the help texts written with `options.say`, and the
words Click and Typer put around them ("Usage:", "Options", "[default: …]").

Typer builds a fresh Click command tree for every run, copying each help text into it. The
commands of oncocheck are of the classes below (`App` makes them so for every command
registered on it), which put each text in the language of the run (`STATE["lang"]`, chosen
before anything is parsed) when help or usage is formatted, and format it with
`Formatter`, which says Click's own words in that language. Nothing is decided at import time,
so one process can show help in both languages (the tests do).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
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
          "env var: ": ("omgevingsvariabele: ", "env var: ")}
_EXTRAS = re.compile(r"\[([^\[\]]*)\]$")
_AT_LEAST = re.compile(r"x>=(\d+)")
_TYPE_NAME = re.compile(r" <[^<>]*>$")  # Typer's `<str>` after an argument's name


def lang() -> str:
    """The language of the run."""
    return STATE["lang"]


def _extra(part: str, language: str) -> str:
    minimum = _AT_LEAST.fullmatch(part)
    if minimum:
        return f"minstens {minimum[1]}" if language != "en" else f"at least {minimum[1]}"
    for start, words in EXTRAS.items():
        if part.startswith(start):
            return words[language == "en"] + part[len(start):]
    return part


def with_extras(text: str, language: str) -> str:
    """A help text with Click's bracketed extras at its end (`[default: nl]`) in `language`."""
    found = _EXTRAS.search(text)
    if found is None:
        return in_language(text, language) or ""
    head = text[:found.start()].rstrip()
    extras = "; ".join(_extra(p, language) for p in found[1].split("; "))
    head = in_language(head, language) or ""
    return f"{head}  [{extras}]" if head else f"[{extras}]"


_HelpFormatter: Any = typer.Context.formatter_class  # Click's, from Typer's copy of Click


class Formatter(_HelpFormatter):
    """Click's help formatter, saying its own words in the language of the run."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        """The usage line, headed `Gebruik:` in Dutch."""
        super().write_usage(prog, args, f"{in_language(USAGE, lang())} " if prefix is None
                            else prefix)

    def write_heading(self, heading: str) -> None:
        """A section heading (`Opties`)."""
        super().write_heading(in_language(heading, lang()) or heading)

    def write_dl(self, rows: Sequence[tuple[str, str]], col_max: int = 30,
                 col_spacing: int = 2) -> None:
        """The options, arguments or commands with their help and extras in the language."""
        super().write_dl([(name, with_extras(text, lang())) for name, text in rows],
                         col_max, col_spacing)


class Context(typer.Context):
    """A context that formats help with `Formatter`."""

    formatter_class = Formatter


def _params(command: Any) -> Iterator[Any]:
    yield from command.params
    help_option = getattr(command, "_help_option", None)
    if help_option is not None:
        yield help_option


def localise(command: Any, language: str) -> None:
    """Put `command`'s own texts and its parameters' in `language` (both ways, so a command
    can be shown in one language after the other)."""
    for name in ("help", "short_help", "epilog", "options_metavar", "subcommand_metavar"):
        if isinstance(getattr(command, name, None), str):
            setattr(command, name, in_language(getattr(command, name), language))
    for param in _params(command):
        param.help = in_language(param.help, language)
        if isinstance(param.metavar, str):
            param.metavar = in_language(param.metavar, language)


def localise_tree(command: Any, language: str) -> None:
    """`localise` for `command` and every command below it."""
    localise(command, language)
    for sub in getattr(command, "commands", {}).values():
        localise_tree(sub, language)


class Localised:
    """What oncocheck's commands and groups add to Typer's: help in the run's language."""

    context_class: Any = Context  # a Click Context class (Typer's own copy of Click, or Click)

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        """The usage line, its placeholders in the language."""
        localise(self, lang())
        super().format_usage(ctx, formatter)  # type: ignore[misc]

    def format_help(self, ctx: Any, formatter: Any) -> None:
        """The whole help page in the language."""
        localise(self, lang())
        super().format_help(ctx, formatter)  # type: ignore[misc]

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        """Click's parsing; a usage error it raises without naming the command (`--criteria`
        without its value) is told the command, so its message can say what it expects."""
        try:
            return super().parse_args(ctx, args)  # type: ignore[misc]
        except errors.UsageError as exc:
            if exc.ctx is None:
                exc.ctx, exc.cmd = ctx, ctx.command
            raise

    def format_options(self, ctx: Any, formatter: Any) -> None:
        """Arguments and options; an argument by its name alone, without Typer's `<str>`."""
        args, opts = [], []
        for param in self.get_params(ctx):  # type: ignore[attr-defined]
            record = param.get_help_record(ctx)
            if record is None:
                continue
            if param.param_type_name == "argument":
                args.append((_TYPE_NAME.sub("", record[0]), record[1]))
            else:
                opts.append(record)
        for title, rows in ((SECTIONS[0], args), (SECTIONS[1], opts)):
            if rows:
                with formatter.section(title):
                    formatter.write_dl(rows)
        if isinstance(self, TyperGroup):
            self.format_commands(ctx, formatter)


class Command(Localised, TyperCommand):
    """A command of oncocheck (see the module's docstring); arguments it does not take are a
    usage error in oncocheck's words."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        """Click's parsing, but extra arguments refused by `usage.extra_arguments`."""
        allowed, ctx.allow_extra_args = ctx.allow_extra_args, True
        try:
            rest = super().parse_args(ctx, args)
        finally:
            ctx.allow_extra_args = allowed
        if rest and not allowed and not ctx.resilient_parsing:
            raise extra_arguments(rest, ctx)
        return rest


class Group(Localised, TyperGroup):
    """A group of commands of oncocheck; its list of commands in the language too."""

    def format_commands(self, ctx: Any, formatter: Any) -> None:
        """The commands with their short help in the language."""
        for sub in self.commands.values():
            localise(sub, lang())
        super().format_commands(ctx, formatter)

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
