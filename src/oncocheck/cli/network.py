"""`oncocheck init` and `oncocheck schema`: a network file to start from, and the JSON Schemas
(the network file's, and with --report or --impact a JSON report's).

`init` never overwrites a file without --force, and never writes over the spreadsheet it is
given; the template itself is data (`oncocheck.network.template`).
"""

from __future__ import annotations

import shlex
from pathlib import Path
from typing import Annotated, Optional

import typer

from oncocheck.cli.faults import emit
from oncocheck.cli.options import Lang, LangOption, say
from oncocheck.cli.write import refuse_existing, refuse_inputs, refuse_vanished, write_report
from oncocheck.errors import UsageError
from oncocheck.load.visible import quoted
from oncocheck.network.template import (COLUMNS_EN, COLUMNS_NL, sheet_reference, template,
                                        with_sheet)
from oncocheck.report import Text

SHEET_SUFFIXES = (".csv", ".xlsx")
INIT_HELP = say(
    """Schrijf een netwerkbestand om mee te beginnen, met uitleg.

    Het sjabloon heeft lege waarden met commentaar (# ...) dat zegt wat er hoort en bij welk
    criterium. Een bestaand bestand wordt alleen met --force vervangen.""",
    """Write a network file to start from, with comments.

    The template has empty values with comments (# ...) saying what belongs there and for
    which criterion. An existing file is replaced only with --force.""")
SCHEMA_HELP = say(
    """Het JSON Schema van het netwerkbestand, voor editors en CI.

    JSON Schema (versie 2020-12), met de beschrijvingen in het Nederlands en het Engels. Met
    --report, --impact of --rounds: het schema van dat JSON-rapport.""",
    """The JSON Schema of the network file, for editors and CI.

    JSON Schema draft 2020-12, with the descriptions in Dutch and English. With --report,
    --impact or --rounds: the schema of that JSON report.""")


def init(
    path: Annotated[Path, typer.Argument(metavar=say("PAD", "PATH"), help=say(
        "Waar het sjabloon komt.", "Where to write the template."))] = Path("netwerk.yaml"),
    lang: LangOption = Lang.nl,
    force: Annotated[bool, typer.Option("--force", help=say(
        "Vervang een bestaand bestand.", "Replace an existing file."))] = False,
    from_sheet: Annotated[Optional[Path], typer.Option(
        "--from-sheet", metavar=say("LEDENLIJST", "SHEET"), help=say(
            "Ledenlijst (.xlsx of .csv) voor `members_file`; wordt gemaakt met alleen de "
            "kolomnamen als die nog niet bestaat.", "Members spreadsheet (.xlsx or .csv) for "
            "`members_file`; created with only its column names when it does not "
            "exist."))] = None,
) -> None:
    """Write a commented network file template; never overwrites without --force."""
    emit(write_template(path, str(lang), force, from_sheet).get(str(lang)))


def schema(
    report: Annotated[bool, typer.Option("--report", help=say(
        "Het schema van het JSON-rapport van check (--format json).",
        "The schema of check's JSON report (--format json)."))] = False,
    impact: Annotated[bool, typer.Option("--impact", help=say(
        "Het schema van het JSON-rapport van impact (--format json).",
        "The schema of impact's JSON report (--format json)."))] = False,
    rounds: Annotated[bool, typer.Option("--rounds", help=say(
        "Het schema van het JSON-rapport van rounds (--format json).",
        "The schema of rounds' JSON report (--format json)."))] = False,
    lang: LangOption = Lang.nl,
) -> None:
    """The JSON Schema (draft 2020-12) of the network file, for editors and CI; with --report,
    --impact or --rounds that of a JSON report (what `--help` says is `SCHEMA_HELP`). The
    schemas carry both languages, so `--lang` only chooses the language of messages."""
    if report + impact + rounds > 1:
        raise UsageError(Text("kies één van --report, --impact en --rounds",
                              "choose one of --report, --impact and --rounds"))
    if report or impact or rounds:
        from oncocheck.render import IMPACT, REPORT, ROUNDS, schema_text as report_schema

        emit(report_schema(REPORT if report else IMPACT if impact else ROUNDS))
        return
    from oncocheck.network.schema import schema_text
    from oncocheck.rules.bundled import labels, vocabulary

    emit(schema_text(vocabulary(), labels()))


def write_template(target: Path, lang: str, force: bool = False,
                   sheet: Path | None = None) -> Text:
    """Write the template to `target`; the text says what to do next.

    UsageError when `target` exists and `force` is not set, or `sheet` is not .csv/.xlsx.
    """
    refuse_vanished(target, "init")
    if sheet is not None:
        refuse_vanished(sheet, "--from-sheet")
    if target.is_dir():
        raise UsageError(Text(f"{target} is een map; geef een bestandsnaam, bv. "
                              f"{target / 'netwerk.yaml'}", f"{target} is a directory; give a "
                              f"file name, e.g. {target / 'netwerk.yaml'}"))
    refuse_existing(target, force)
    text, title = template(lang), ""
    if sheet is not None:
        if sheet.suffix.lower() not in SHEET_SUFFIXES:
            raise UsageError(Text(
                f"--from-sheet verwacht een .xlsx- of .csv-bestand, niet {quoted(sheet)}",
                f"--from-sheet expects an .xlsx or .csv file, not {quoted(sheet)}"))
        refuse_inputs(target, [sheet], "init")
        reference = sheet_reference(target, sheet)
        title = sheet_title(sheet, target.parent)
        text = with_sheet(text, reference, title)
    created = sheet is not None and not sheet.exists()
    write_report(target, text)
    if sheet is not None and created:
        write_empty_sheet(sheet, lang)
    return next_steps(target, lang, sheet, created, title)


def sheet_title(sheet: Path, folder: Path) -> str:
    """The sheet of an existing workbook that `oncocheck check` would read, when it has more
    than one: written as `members_sheet`, so the choice is the file's, not a guess repeated
    on every check. "" for a CSV, one sheet, a new file, or one oncocheck cannot read (then
    `check` says why). The title is as oncocheck shows it (an invisible character escaped),
    which is also how `check` matches `members_sheet`."""
    if sheet.suffix.lower() != ".xlsx" or not sheet.is_file():
        return ""
    from oncocheck.load.sheets import read_sheet

    read = read_sheet(sheet, str(sheet), folder)
    return read.title if not read.errors else ""


def write_empty_sheet(sheet: Path, lang: str) -> None:
    """A members list with only its header row, so the coordinator can paste members in."""
    header = list(COLUMNS_EN if lang == "en" else COLUMNS_NL)
    if sheet.suffix.lower() == ".csv":
        write_report(sheet, "\ufeff" + ",".join(header) + "\n")  # the BOM: Excel then reads UTF-8
        return
    from io import BytesIO

    from openpyxl import Workbook  # only here: slow to import

    workbook = Workbook()
    page = workbook.worksheets[0]  # a new workbook's one sheet
    page.title = "Leden" if lang != "en" else "Members"
    page.append(header)
    data = BytesIO()
    workbook.save(data)
    write_report(sheet, data.getvalue())  # whole or not at all, like every file oncocheck writes


def next_steps(target: Path, lang: str, sheet: Path | None, created: bool = False,
               title: str = "") -> Text:
    """What to do after `init`: fill in, (make the sheet,) and the command to run."""
    command = f"oncocheck check {shlex.quote(str(target))}" + (" --lang en" if lang == "en" else "")
    nl = [f"Sjabloon geschreven: {target}",
          "Vul de lege waarden in; de regels met # erachter zeggen wat er hoort en bij welk "
          "criterium."]
    en = [f"Template written: {target}",
          "Fill in the empty values; the # comments say what belongs there and for which "
          "criterion."]
    if sheet is not None:
        state_nl = " (nieuw aangemaakt, met alleen de kolomkoppen)" if created else ""
        state_en = " (newly created, with only the column names)" if created else ""
        if title:
            state_nl = f", blad {quoted(title)} (staat nu als members_sheet in het bestand)"
            state_en = f", sheet {quoted(title)} (now named as members_sheet in the file)"
        nl.append(f"De leden komen uit {sheet}{state_nl}: één lid per rij, met in de eerste rij "
                  "de kolommen naam, discipline, organisatie, postcode, verwijsgids.")
        en.append(f"The members come from {sheet}{state_en}: one member per row, with the "
                  "columns name, discipline, organisation, postcode, verwijsgids in the first row.")
    nl.append(f"Controleer daarna met:\n  {command}")
    en.append(f"Then check it with:\n  {command}")
    return Text("\n".join(nl) + "\n", "\n".join(en) + "\n")
