"""Click's usage errors in words for people, in both languages, with oncocheck's "bedoelt u".

Click (inside Typer) raises a usage error for an unknown option or command, a missing
argument, a value that is not one of the choices or not a number, extra arguments. Its
messages are English; `message` says each one again from the exception's own facts (the
parameter, the option name), and the command group ends the run with it (`faults.misused`).
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Sequence
from typing import Any

import typer

from oncocheck.cli.options import in_language
from oncocheck.load.visible import quoted
from oncocheck.load.words import did_you_mean
from oncocheck.report import Text

#: Click's exceptions, from the Click that Typer uses (its own copy since Typer 0.22).
errors: Any = importlib.import_module(typer.BadParameter.__module__)


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
        nl_min, en_min = (f" van minstens {low}", f" of at least {low}") if low is not None \
            else ("", "")
        return Text(f"{name} verwacht een geheel getal{nl_min}" + (f", niet {shown}" if shown
                                                                   else ""),
                    f"{name} expects a whole number{en_min}" + (f", not {shown}" if shown
                                                                else ""))
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
