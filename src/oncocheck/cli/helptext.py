"""Click's and Typer's own words in the language of the run: `--help` ("Usage:", "Options",
"[default: …]" around the help texts written with `options.say`) and every usage error Click
finds while parsing, said again with oncocheck's "bedoelt u".

Typer builds a fresh Click command tree for every run, copying each help text into it; the
group that runs the commands puts the tree in the language of the run (`localise_tree`, before
anything is parsed, from whichever language it was in). The commands of oncocheck are of the
classes below (`App` makes them so), and format help with `Formatter`. Not a gettext
catalogue: the Click inside Typer (its private copy, Typer 0.29) says "Usage:", "Show this
message and exit." and every usage error as plain English, not through gettext.
tests/unit/cli/test_click_words.py holds this module to the installed Typer.
"""

from __future__ import annotations

import importlib
import os
import re
from collections.abc import Sequence
from typing import Any

import typer
from typer.core import TyperCommand, TyperGroup

from oncocheck.cli.options import STATE, in_language, say
from oncocheck.load.visible import quoted
from oncocheck.load.words import did_you_mean
from oncocheck.report import Text

#: Click's exceptions, from the Click that Typer uses (its own copy since Typer 0.22).
errors: Any = importlib.import_module(typer.BadParameter.__module__)

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

    arguments = False  # below Typer's heading `Arguments`: each name followed by its type

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
        """The rows with their help in the language; an argument without Typer's `<str>`."""
        super().write_dl([(_TYPE_NAME.sub("", name) if self.arguments else name,
                           with_extras(text, STATE["lang"])) for name, text in rows],
                         col_max, col_spacing)


class Context(typer.Context):
    """A context that formats help with `Formatter`."""

    formatter_class = Formatter


def localise_tree(command: Any, language: str) -> None:
    """Put the texts of `command`, its parameters and every command below it in `language`.

    From either language (`in_language` knows each text by both wordings), so one built tree
    can serve runs in Dutch and English in turn, saying what a fresh one says (the tests reuse
    one: tests/unit/cli/test_one_command.py)."""
    for name in ("help", "short_help", "epilog", "options_metavar", "subcommand_metavar"):
        if isinstance(getattr(command, name, None), str):
            setattr(command, name, in_language(getattr(command, name), language))
    for param in command.params:
        param.help = in_language(param.help, language)
        if isinstance(param.metavar, str):
            param.metavar = in_language(param.metavar, language)
    for sub in getattr(command, "commands", {}).values():
        localise_tree(sub, language)


class Localised:
    """What oncocheck's commands and groups add to Typer's: help in the run's language, and
    usage errors oncocheck can say in its own words."""

    context_class: Any = Context  # a Click Context class (Typer's own copy of Click, or Click)

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        """Click's parsing, but extra arguments refused in oncocheck's words, and a usage error
        raised without its command (`--criteria` without a value) told it, for `message`."""
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
    """A group of commands of oncocheck; an unknown command is refused in oncocheck's words."""

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        """The command named first in `args`; an unknown one is `unknown_command`."""
        name = args[0]
        if (self.get_command(ctx, name) is None and not name.startswith("-")
                and not ctx.resilient_parsing):
            raise unknown_command(name, list(self.commands), ctx)
        return super().resolve_command(ctx, args)


class App(typer.Typer):
    """A Typer app whose groups and commands are oncocheck's (`Group`, `Command`)."""

    def __init__(self, *args: Any, cls: type[TyperGroup] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, cls=cls or Group, **kwargs)

    def command(self, *args: Any, cls: type[TyperCommand] | None = None,
                **kwargs: Any) -> Any:
        """As Typer's, with `Command` as the default class."""
        return super().command(*args, cls=cls or Command, **kwargs)


class Misused(errors.UsageError):
    """A usage error oncocheck words itself (an unknown command, extra arguments)."""

    def __init__(self, text: Text, ctx: Any = None) -> None:
        super().__init__(text.en, ctx)
        self.text = text


def unknown_command(name: str, known: Sequence[str], ctx: Any) -> Misused:
    """`oncocheck chek`: no such command, and the nearest one."""
    nl_tail, en_tail = did_you_mean(name, known)
    listed = ", ".join(known)
    return Misused(Text(f"onbekende opdracht {quoted(name)}{nl_tail} (wel: {listed})",
                        f"no such command {quoted(name)}{en_tail} (there are: {listed})"), ctx)


def extra_arguments(extra: Sequence[str], ctx: Any) -> Misused:
    """`oncocheck explain 2a 2b`: arguments the command does not take."""
    shown = " ".join(quoted(a) for a in extra)
    command = ctx.command_path
    if len(extra) == 1:
        return Misused(Text(f"{command} neemt geen argument meer: {shown} is te veel",
                            f"{command} takes no further argument: {shown} is one too many"),
                       ctx)
    return Misused(Text(f"{command} neemt geen argumenten meer: {shown} zijn te veel",
                        f"{command} takes no further arguments: {shown} are too many"), ctx)


def _name(param: Any) -> str:
    """An option by its long name (`--format`), an argument by its placeholder (`PAD`)."""
    if param.param_type_name == "argument":
        return param.metavar or param.name.upper()
    return max(param.opts, key=len)


def _described(param: Any) -> tuple[str, str]:
    """` (wat de parameter is)`: its help text, as a part of a sentence, in both languages."""
    described = []
    for lang in ("nl", "en"):
        text = (in_language(param.help, lang) or "").strip().rstrip(".")
        described.append(f" ({text[:1].lower()}{text[1:]})" if text else "")
    return described[0], described[1]


def _options(ctx: Any) -> list[str]:
    return [o for p in ctx.command.get_params(ctx) if p.param_type_name == "option"
            for o in (*p.opts, *p.secondary_opts)]


def _param(ctx: Any, option: str) -> Any:
    return next((p for p in ctx.command.get_params(ctx)
                 if option in (*getattr(p, "opts", ()), *getattr(p, "secondary_opts", ()))),
                None)


def given(param: Any, args: Sequence[str]) -> str | None:
    """The value the command line (or the environment) gave `param`, as typed."""
    value = None
    for index, arg in enumerate(args):
        for opt in getattr(param, "opts", ()):
            if arg == opt and index + 1 < len(args):
                value = args[index + 1]
            elif arg.startswith(f"{opt}=") and opt.startswith("--"):
                value = arg[len(opt) + 1:]
            elif len(opt) == 2 and arg.startswith(opt) and len(arg) > 2:
                value = arg[2:]
    envvar = getattr(param, "envvar", None)
    if value is None and isinstance(envvar, str):
        value = os.environ.get(envvar)
    return value


def _choices(param: Any) -> list[str]:
    found = getattr(getattr(param, "type_descriptor", None), "choices", None) \
        or getattr(getattr(param, "type", None), "choices", None) or ()
    return [str(getattr(c, "value", c)) for c in found]


def _is_number(param: Any) -> bool:
    annotation = getattr(getattr(param, "type_descriptor", None), "annotation", None)
    return annotation is int or getattr(getattr(param, "type", None), "name", "") == "integer"


def _bad_value(exc: Any, args: Sequence[str]) -> Text:
    param = exc.param
    name, value = _name(param), given(param, args)
    shown = quoted(value) if value is not None else ""
    choices = _choices(param)
    if choices:
        nl_tail, en_tail = did_you_mean(value, choices) if value else ("", "")
        listed = ", ".join(choices)
        return Text(f"{shown or 'deze waarde'} is geen mogelijke waarde van {name} (kies uit: "
                    f"{listed}){nl_tail}", f"{shown or 'this'} is not a value {name} takes "
                    f"(choose from: {listed}){en_tail}")
    if _is_number(param):
        low = getattr(param, "min", None)
        nl, en = (f" van minstens {low}", f" of at least {low}") if low is not None else ("", "")
        nl, en = (f"{nl}, niet {shown}", f"{en}, not {shown}") if shown else (nl, en)
        return Text(f"{name} verwacht een geheel getal{nl}", f"{name} expects a whole number{en}")
    return Text(f"ongeldige waarde voor {name}" + (f": {shown}" if shown else "")
                + f" ({exc.message})", exc.format_message())


#: How people ask for help where another program would understand it (`-h`, `/?`, `--hulp`):
#: too far from `--help` for the nearest-word match, and always meant as `--help`.
_ASKING_FOR_HELP = {"h", "?", "help", "hulp", "hlp"}


def message(exc: Any, args: Sequence[str]) -> Text:
    """What was wrong, in both languages; `args` are the run's command-line arguments."""
    if isinstance(exc, Misused):
        return exc.text
    ctx = exc.ctx
    if isinstance(exc, errors.NoSuchOption):
        nl_tail, en_tail = did_you_mean(exc.option_name, _options(ctx)) if ctx else ("", "")
        if exc.option_name.lstrip("-/") in _ASKING_FOR_HELP:
            nl_tail, en_tail = "; bedoelt u '--help'?", "; did you mean '--help'?"
        return Text(f"onbekende optie {quoted(exc.option_name)}{nl_tail}",
                    f"no such option {quoted(exc.option_name)}{en_tail}")
    if isinstance(exc, errors.MissingParameter) and exc.param is not None:
        name, (nl, en) = _name(exc.param), _described(exc.param)
        if exc.param.param_type_name == "argument":
            return Text(f"{name} ontbreekt{nl}", f"{name} is missing{en}")
        return Text(f"de optie {name} ontbreekt{nl}; die is verplicht",
                    f"the option {name} is missing{en}; it is required")
    if isinstance(exc, errors.BadParameter) and exc.param is not None:
        return _bad_value(exc, args)
    if isinstance(exc, errors.BadOptionUsage) and ctx is not None:
        param = _param(ctx, exc.option_name)
        if param is not None and getattr(param, "is_flag", False):
            return Text(f"{exc.option_name} neemt geen waarde", f"{exc.option_name} takes no value")
        metavar = f" ({param.metavar})" if param is not None and param.metavar else ""
        return Text(f"{exc.option_name} verwacht een waarde{metavar}",
                    f"{exc.option_name} expects a value{metavar}")
    if getattr(ctx, "command", None) is not None and hasattr(ctx.command, "commands"):
        listed = ", ".join(ctx.command.commands)  # a group's own usage error: no command
        return Text(f"geen opdracht gegeven (kies uit: {listed})",
                    f"no command given (choose from: {listed})")
    return Text(f"onjuist gebruik: {exc.format_message()}", exc.format_message())


def hint(exc: Any, lang: str) -> list[str]:
    """The command's usage line and where to find more help (nothing without a command)."""
    ctx = exc.ctx
    if ctx is None:
        return []
    more = ("Meer hulp: {}", "More help: {}")[lang == "en"]
    return [ctx.get_usage(), more.format(f"{ctx.command_path} --help")]
