"""`oncocheck check`: check network files and write the reports asked for.

Exit 0 when every file is compliant (with --strict: and has no warnings), 1 when one is not,
2 when one could not be loaded or the command was used wrongly (see `cli.app.main`). With
`--fail-on invalid` only a file that cannot be loaded fails the run, with the same code 2: a
network in formation may be incomplete, but its file must be readable. Under GitHub Actions
(`$GITHUB_STEP_SUMMARY`) a job summary is added to the step's summary file.

The options are layered: the command line over the settings file over the defaults. A list
given on the command line (`--report`, `--exclude`, `--ignore`) replaces the file's, as every
other option does. `--show-settings` prints what applies and where it comes from.
"""

from __future__ import annotations

import os
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer

from oncocheck.cli.options import (LANG_ENV, STATE, AsOfOption, CheckPathsArgument, FailOn,
                                   JobsOption, Lang, LangOption, OutputOption,
                                   criteria_versions, say)
from oncocheck.render import formats_of

if TYPE_CHECKING:
    from oncocheck.cli.settings import Settings

Format = StrEnum("Format", {name: name for name in formats_of("check")})  # type: ignore[misc]

HELP = say(
    """Controleer netwerkbestanden aan de criteria.

    Per bestand het oordeel, en per criterium wat het bestand laat zien en wat er te doen is.
    Een aanvraagpakket wordt gelezen als één netwerk, uit het pakket zelf, en elk bestand erin
    wordt vergeleken met het manifest. Afsluitcode 0: elk bestand voldoet; 1: een bestand
    voldoet niet; 2: een bestand kon niet worden gelezen, of de opdracht is verkeerd gebruikt.""",
    """Check network files against the criteria.

    For each file the verdict, and per criterion what the file shows and what to do. An
    application package is read as one network, from the package alone, and every file in it
    is verified against its manifest. Exit code 0: every file is compliant; 1: a file is not
    compliant; 2: a file could not be read, or the command was used wrongly.""")


def check(
    ctx: typer.Context,
    paths: CheckPathsArgument = ["."],  # noqa: B006 - Typer copies it; never changed
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
            "Controleer ook onder deze criteriaversie en toon wat verandert: eerst hoeveel "
            "bestanden een ander oordeel krijgen, welke en waarom (de criteria die omslaan); "
            "de console toont daarna alleen de bestanden die veranderen of niet te lezen zijn "
            "(het rapport van elk bestand: zonder --compare, of --format html of markdown).",
            "Also check under this criteria version and show what changes: first how many "
            "files change verdict, which and why (the criteria that move); the console then "
            "shows only the files that change or cannot be read (every file's report: without "
            "--compare, or --format html or markdown)."))] = None,
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
    ignore: Annotated[Optional[list[str]], typer.Option(
        "--ignore", metavar=say("WAARSCHUWINGS_ID", "WARNING_ID"), help=say(
            "Accepteer deze soort waarschuwing (bv. plan-closable): niet getoond, niet geteld "
            "voor --fail-on warning; mag vaker. Nooit een criterium.",
            "Accept this kind of warning (e.g. plan-closable): not shown, not counted for "
            "--fail-on warning; repeatable. Never a criterion."))] = None,
    exclude: Annotated[Optional[list[str]], typer.Option(
        "--exclude", metavar="GLOB", help=say(
            "Laat in een map wat hierop past weg (een naam, bv. archief, of een pad vanaf de "
            "map, bv. oud/*.yaml); mag vaker.",
            "Leave out of a folder what matches (a name, e.g. archief, or a path from the "
            "folder, e.g. oud/*.yaml); repeatable."))] = None,
    list_files: Annotated[bool, typer.Option("--list-files", help=say(
        "Toon welke bestanden gecontroleerd worden, en waarom een YAML-bestand wordt "
        "overgeslagen; controleer niets.", "Show which files would be checked, and why a "
        "YAML file is skipped; check nothing."))] = False,
    networks_only: Annotated[bool, typer.Option("--networks-only", help=say(
        "Sla ook een genoemd YAML-bestand zonder `format` of `network` bovenaan over, zoals "
        "in een map (voor pre-commit).", "Skip a named YAML file without `format` or "
        "`network` at the top too, as in a folder (for pre-commit)."))] = False,
    config: Annotated[Optional[Path], typer.Option(
        "--config", metavar=say("BESTAND", "FILE"), help=say(
            "Lees de instellingen uit dit bestand (standaard: het dichtstbijzijnde "
            ".oncocheck.yaml of pyproject.toml met [tool.oncocheck], vanaf de huidige map "
            "omhoog).", "Read the settings from this file (default: the nearest "
            ".oncocheck.yaml or pyproject.toml with [tool.oncocheck], from the current folder "
            "up)."))] = None,
    no_config: Annotated[bool, typer.Option("--no-config", help=say(
        "Lees geen instellingenbestand.", "Read no settings file."))] = False,
    show_settings: Annotated[bool, typer.Option("--show-settings", help=say(
        "Toon welke instellingen gelden en waar ze vandaan komen; controleer niets.",
        "Show which settings apply and where they come from; check nothing."))] = False,
) -> None:
    """Check network files (`--help` shows `HELP`). The work is `cli.request`'s: this only
    makes the request, the command line over the settings file (`layered`) over the defaults."""
    from oncocheck.cli import request as checking
    from oncocheck.cli.settings import only_warnings, settings

    only_warnings(tuple(ignore or ()), None)
    found = settings(config, no_config)
    values, origins = layered({
        "lang": str(lang) if lang_given(ctx) else None, "fmt": fmt.value if fmt else None,
        "output": output, "reports": tuple(reports or ()),
        "fail_on": checking.fail_on(strict, fail_on), "base_dir": base_dir,
        "exclude": tuple(exclude or ()), "ignore": tuple(ignore or ()), "jobs": jobs,
        "quiet": quiet}, found)
    ask = checking.Request(tuple(paths), criteria, as_of, compare=compare,
                           stdin_filename=stdin_filename, settings=found.file,
                           networks_only=networks_only, **values)
    if show_settings or list_files:
        from oncocheck.cli.faults import emit
        from oncocheck.cli.files import listing

        emit(shown(values, origins, found, ask.lang) if show_settings
             else listing(ask.paths, ask.exclude, ask.networks_only, ask.lang))
        raise typer.Exit(0)
    if watch:
        raise typer.Exit(checking.watch(ask))
    raise typer.Exit(checking.exit_code(checking.once(ask).report, ask.fail_on))


#: Each key of a settings file and the `Request` field it sets (`strict` folds into fail-on).
FIELDS = {"lang": "lang", "format": "fmt", "output": "output", "report": "reports",
          "fail-on": "fail_on", "base-dir": "base_dir", "exclude": "exclude",
          "ignore": "ignore", "jobs": "jobs", "quiet": "quiet"}
COMMAND_LINE = "command line"


def lang_given(ctx: Any) -> bool:
    """Whether the language was chosen on the command line (here or before the command) or
    by ONCOCHECK_LANG: then the settings file's `lang` does not apply."""
    contexts = [ctx, getattr(ctx, "parent", None)]
    sources = [c.get_parameter_source("lang") for c in contexts if c is not None]
    given = any(s is not None and s.name != "DEFAULT" for s in sources)
    return given or bool(os.environ.get(LANG_ENV, "").strip())


def layered(given: dict[str, Any], found: Settings) -> tuple[dict[str, Any], dict[str, str]]:
    """The request's fields from the command line's `given` (None, False or () when not
    given) over `found`'s, and where each comes from (`command line` or `file:line:col`)."""
    values, origins = {}, {}
    for key, name in FIELDS.items():
        if given.get(name) not in (None, False, ()):
            values[name], origins[key] = given[name], COMMAND_LINE
        elif key in found.values:
            values[name], origins[key] = _as_field(key, found), found.places[key]
    if "fail_on" not in values and found.values.get("strict"):
        values["fail_on"], origins["fail-on"] = FailOn.warning, found.places["strict"]
    if "lang" in values:
        STATE["lang"] = values["lang"]  # the language of an error from here on
    return values, origins


def _as_field(key: str, found: Settings) -> Any:
    """A settings file's value as its Request field holds it."""
    value = found.values[key]
    if key == "fail-on":
        if found.values.get("strict") and value != "warning":
            from oncocheck.cli.settings import fault

            raise fault(found.places[key], "strict betekent fail-on: warning; kies een van "
                         "beide", "strict means fail-on: warning; choose one of the two")
        return FailOn(value)
    return tuple(str(v) for v in value) if isinstance(value, list) else value


def shown(values: dict[str, Any], origins: dict[str, str], found: Settings, lang: str) -> str:
    """`--show-settings`: the settings file, then each key with its value and origin."""
    english = lang == "en"
    default = "default" if english else "standaard"
    head = ("settings file: " if english else "instellingenbestand: ") + (
        found.file or ("none" if english else "geen"))
    lines = [head]
    for key, name in FIELDS.items():
        value = values.get(name)
        if isinstance(value, tuple):
            value = ", ".join(value) if value else None
        origin = origins.get(key, default)
        if origin == COMMAND_LINE and not english:
            origin = "opdrachtregel"
        lines.append(f"{key} = {_text(value)}  ({origin})")
    return "\n".join(lines) + "\n"


def _text(value: Any) -> str:
    from oncocheck.load.visible import printable

    if value is None:
        return "-"
    return printable(value.as_posix() if isinstance(value, Path) else str(value))
