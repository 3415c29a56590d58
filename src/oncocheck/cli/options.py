"""What the commands share: the options declared once, the language of the run, and what they
remember for `main`.

`STATE` holds what `main` needs when a command ends in an error: the language of the run
(chosen before Click parses anything, `chosen_lang`, and updated as `--lang` is read) and
whether `--debug` was given. Help texts are written in both languages with `say`; which one
`--help` shows is decided as the help is formatted (`oncocheck.cli.helptext`).

Shell completion: formats and languages complete by themselves (they are choices); for a path
the functions here offer nothing, and the completion scripts fall back to the shell's own file
completion. A completion runs the program at every Tab, so what is offered is cheap to find,
and a failure offers nothing rather than a trace.
"""

from __future__ import annotations

import inspect
import os
from collections.abc import Mapping, Sequence
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from oncocheck.errors import UsageError
from oncocheck.load.visible import quoted
from oncocheck.report import Text

STATE: dict[str, Any] = {"lang": "nl", "debug": False}
#: Sets the default of every `--lang` (`--lang` on the command line wins).
LANG_ENV = "ONCOCHECK_LANG"

#: Every text written with `say`, by its Dutch and by its English wording: (nl, en).
_PAIRS: dict[str, tuple[str, str]] = {}


class Lang(StrEnum):
    """Language of texts for people."""

    nl = "nl"
    en = "en"


def say(nl: str, en: str) -> str:
    """A help text for people, written in both languages (`help=say("Nederlands", "English")`).

    Gives the Dutch text, and remembers the pair: Typer copies help texts into the Click
    commands it builds (tidied by `inspect.cleandoc`), so the language is chosen where the
    help is formatted, by looking the text up (`in_language`), not here at import time."""
    pair = (inspect.cleandoc(nl), inspect.cleandoc(en))
    for text in pair:
        if _PAIRS.setdefault(text, pair) != pair:
            raise ValueError(f"two help texts read {text!r} with different translations")
    return nl


def in_language(text: str | None, lang: str) -> str | None:
    """`text` (written with `say`, in either language) in `lang`; any other text as it is."""
    if not text:
        return text
    pair = _PAIRS.get(inspect.cleandoc(text))
    return text if pair is None else pair[lang == "en"]


def _language(value: str) -> str | None:
    """`nl` or `en` for a value as people set it (`EN`, `en_GB.UTF-8`), else None."""
    word = value.strip().lower()
    for mark in "_-.@":
        word = word.partition(mark)[0]
    return word if word in ("nl", "en") else None


def env_lang(environ: Mapping[str, str] | None = None, strict: bool = True) -> str:
    """The language ONCOCHECK_LANG asks for (`nl` when unset or empty). UsageError for a value
    that is no language of oncocheck, unless not `strict` (then `nl`)."""
    value = (os.environ if environ is None else environ).get(LANG_ENV, "")
    if not value.strip():
        return "nl"
    found = _language(value)
    if found is None and strict:
        nl = (f"{LANG_ENV}={quoted(value)} is geen taal van oncocheck; zet {LANG_ENV} op nl of "
              f"en, of haal de variabele weg")
        en = (f"{LANG_ENV}={quoted(value)} is not a language oncocheck knows; set {LANG_ENV} "
              f"to nl or en, or remove the variable")
        raise UsageError(Text(f"{nl} / {en}", en))
    return found or "nl"


def chosen_lang(args: Sequence[str], environ: Mapping[str, str] | None = None,
                strict: bool = True) -> str:
    """The language of a run: the last `--lang` of the command line, else ONCOCHECK_LANG,
    else Dutch. Read before Click parses the arguments, so `--help` and Click's own messages
    are in it too; a `--lang` value that is no language is left to Click to refuse."""
    given, seen = None, False
    for index, arg in enumerate(args):
        if arg == "--":
            break
        if arg == "--lang" and index + 1 < len(args):
            given, seen = _language(args[index + 1]) or given, True
        elif arg.startswith("--lang="):
            given, seen = _language(arg.partition("=")[2]) or given, True
    return given or env_lang(environ, strict and not seen)


def _remember(ctx: typer.Context, value: Lang) -> Lang:
    """The language of the command: as given to it, else the run's (`chosen_lang`: a `--lang`
    before the command, else ONCOCHECK_LANG, else Dutch)."""
    source = ctx.get_parameter_source("lang")
    if source is None or source.name == "DEFAULT":
        value = Lang(STATE["lang"])
    STATE["lang"] = value.value
    return value


class FailOn(StrEnum):
    """Which problems make `check` fail: criteria not met (`error`, the default), also warnings
    (`warning`), or only files that cannot be loaded (`invalid`, for networks in formation)."""

    error = "error"
    warning = "warning"
    invalid = "invalid"


LangOption = Annotated[Lang, typer.Option(
    "--lang", callback=_remember, case_sensitive=False, show_default=False,
    help=say("Taal van de teksten: nl (standaard) of en. ONCOCHECK_LANG=en maakt Engels de "
             "standaard voor elke opdracht.",
             "Language of the texts: nl (default) or en. ONCOCHECK_LANG=en makes English the "
             "default for every command."))]
AsOfOption = Annotated[Optional[str], typer.Option(
    "--as-of", metavar=say("JJJJ-MM-DD", "YYYY-MM-DD"), help=say(
        "De dag waarop wordt beoordeeld. Standaard: bij check en impact de datum "
        "`submitted:` van elk bestand, anders vandaag; bij de andere opdrachten vandaag.",
        "The day to judge on. Default: for check and impact each file's `submitted:` date, "
        "else today; for the other commands today."))]
JobsOption = Annotated[Optional[int], typer.Option(
    "--jobs", "-j", min=1, metavar="N", help=say(
        "Controleer de bestanden in N processen (standaard: het aantal processorkernen; 1 "
        "controleert in dit proces). De uitvoer is voor elke N gelijk.",
        "Check files in N processes (default: the number of cores; 1 checks in this "
        "process). The output is the same for any N."))]
OutputOption = Annotated[Optional[Path], typer.Option(
    "--output", "-o", metavar=say("PAD", "PATH"), help=say(
        "Schrijf het rapport naar dit bestand in plaats van naar het scherm (stdout).",
        "Write the report here instead of stdout."))]
#: What a path may name, for every command that checks a batch (`run.walk.network_files`).
_PATHS = ("Netwerkbestanden, aanvraagpakketten (.zip, van `oncocheck pack`), of mappen waarin "
          "naar *.yaml / *.yml en pakketten wordt gezocht",
          "Network files, application packages (.zip, from `oncocheck pack`), or directories "
          "to search for *.yaml / *.yml and packages")
PathsArgument = Annotated[list[str], typer.Argument(
    metavar=say("PAD", "PATH"), help=say(f"{_PATHS[0]}.", f"{_PATHS[1]}."))]
#: `check`'s paths: without one, the current folder, as linters do (cli.md).
CheckPathsArgument = Annotated[list[str], typer.Argument(
    metavar=say("PAD", "PATH"), show_default=False, help=say(
        f"{_PATHS[0]}; zonder PAD de huidige map.", f"{_PATHS[1]}; without PATH the current "
        "folder."))]


def as_of_date(value: Optional[str]) -> date | None:
    """The --as-of date, written as in a network file (YYYY-MM-DD exactly); None when not
    given. UsageError for anything else."""
    from oncocheck.load.fields import iso_date

    if value is None:
        return None
    parsed = iso_date(value)
    if parsed is None:
        raise UsageError(Text(
            f"--as-of verwacht een datum als 2026-11-23 (JJJJ-MM-DD), niet {quoted(value)}",
            f"--as-of expects a date like 2026-11-23 (YYYY-MM-DD), not {quoted(value)}"))
    return parsed


def criteria_versions(incomplete: str) -> list[tuple[str, str]]:
    """The bundled sets and `set@version`s that begin with what is typed, each with when it is
    in force; nothing for what looks like a rule file's path."""
    from oncocheck.rules.bundled import bundled, is_path

    if is_path(incomplete):
        return []
    try:
        versions = bundled()
    except UsageError:  # a broken bundled file: `check` itself will say so
        return []
    english = env_lang(strict=False) == "en"  # the language of the run: ONCOCHECK_LANG
    offered = [(r.set, "the version in force on the as-of date" if english
                else "de versie die op de peildatum geldt") for r in versions]
    offered += [(r.ref.label, f"in force from {r.valid_from}" if english
                 else f"geldt vanaf {r.valid_from}") for r in versions]
    return [(value, text) for value, text in dict(offered).items()
            if value.startswith(incomplete)]


def criterion_ids(ctx: Any, incomplete: str) -> list[tuple[str, str]]:
    """The criterion ids of the version `explain` will read (its `--criteria`, else the one
    in force today) that begin with what is typed, each with its title."""
    from oncocheck.rules.bundled import find, is_path

    spec = (ctx.params.get("criteria") or "loppsoz").strip()
    try:
        rules = None if is_path(spec) else find(spec, date.today())
    except UsageError:  # an unknown version: `explain` itself will say so
        return []
    english = env_lang(strict=False) == "en"
    criteria = rules.criteria if rules is not None else []
    return [(c.id, c.title.en if english else c.title.nl) for c in criteria
            if c.id.lower().startswith(incomplete.lower())]
