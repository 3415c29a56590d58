"""`oncocheck init`: write the commented network file template (data in `init/`), nl or en.

The templates are data (`init/network.<lang>.yaml`). Untouched, a template loads and checks to
"not compliant" with, per criterion, what to fill in; it never gives a load error.
"""

from __future__ import annotations

import json
import os
import re
import shlex
from importlib.resources import files
from pathlib import Path, PurePath

from oncocheck.errors import UsageError
from oncocheck.cli.write import refuse_inputs, write_report
from oncocheck.report import Text

#: The template's placeholder names; a file still carrying one gets a warning when checked.
PLACEHOLDER_NAMES = ("Oncologiezorgnetwerk (naam invullen)",
                     "Oncology care network (fill in the name)")
SHEET_SUFFIXES = (".csv", ".xlsx")
_PLAIN = re.compile(r"[\w./-]+")
COLUMNS_NL = ("naam", "discipline", "organisatie", "postcode", "verwijsgids", "discipline_anders")
COLUMNS_EN = ("name", "discipline", "organisation", "postcode", "verwijsgids", "discipline_other")


def template(lang: str) -> str:
    """The template text in `lang` ("nl" or "en")."""
    name = f"network.{'en' if lang == 'en' else 'nl'}.yaml"
    return files("oncocheck.network").joinpath("blanks", name).read_text(encoding="utf-8")


def _with_sheet(text: str, reference: str) -> str:
    """The template with `members_file` set, its comment kept in the same column."""
    value = reference if _PLAIN.fullmatch(reference) else json.dumps(reference, ensure_ascii=False)
    lines = text.splitlines(keepends=True)
    for index, line in enumerate(lines):
        if line.startswith("members_file:"):
            comment = line.index("#")
            head = f"members_file: {value}"
            lines[index] = f"{head.ljust(comment - 1)} {line[comment:]}"
    return "".join(lines)


def sheet_reference(target: Path, sheet: Path) -> str:
    """The spreadsheet's path as the new network file names it: relative to its folder."""
    relative = os.path.relpath(os.path.abspath(sheet), os.path.abspath(target.parent))
    return PurePath(relative).as_posix()


def write_template(target: Path, lang: str, force: bool = False,
                   sheet: Path | None = None) -> Text:
    """Write the template to `target`; the text says what to do next.

    UsageError when `target` exists and `force` is not set, or `sheet` is not .csv/.xlsx.
    """
    if target.is_dir():
        raise UsageError(Text(f"{target} is een map; geef een bestandsnaam, bv. "
                              f"{target / 'netwerk.yaml'}", f"{target} is a directory; give a "
                              f"file name, e.g. {target / 'netwerk.yaml'}"))
    if (target.exists() or target.is_symlink()) and not force:
        raise UsageError(Text(
            f"{target} bestaat al; oncocheck overschrijft het niet. Kies een ander pad, of "
            "gebruik --force om het te vervangen.",
            f"{target} already exists; oncocheck will not overwrite it. Choose another path, "
            "or use --force to replace it."))
    text = template(lang)
    if sheet is not None:
        if sheet.suffix.lower() not in SHEET_SUFFIXES:
            raise UsageError(Text(
                f"--from-sheet verwacht een .xlsx- of .csv-bestand, niet '{sheet}'",
                f"--from-sheet expects an .xlsx or .csv file, not '{sheet}'"))
        refuse_inputs(target, [sheet], "init")
        reference = sheet_reference(target, sheet)
        if reference == ".." or reference.startswith("../") or PurePath(reference).is_absolute():
            raise UsageError(Text(
                f"de ledenlijst {sheet} ligt buiten de map van {target}; oncocheck check leest "
                "alleen een ledenlijst in de map van het netwerkbestand (of een map daaronder). "
                "Zet de ledenlijst daar, of maak het netwerkbestand in de map van de ledenlijst.",
                f"the members list {sheet} is outside the folder of {target}; oncocheck check "
                "reads a members list only in the network file's folder (or a folder below it). "
                "Put the spreadsheet there, or write the network file in the spreadsheet's "
                "folder."))
        text = _with_sheet(text, reference)
    created = sheet is not None and not sheet.exists()
    write_report(target, text)
    if created:
        write_empty_sheet(sheet, lang)
    return next_steps(target, lang, sheet, created)


def write_empty_sheet(sheet: Path, lang: str) -> None:
    """A members list with only its header row, so the coordinator can paste members in."""
    header = list(COLUMNS_EN if lang == "en" else COLUMNS_NL)
    if sheet.suffix.lower() == ".csv":
        write_report(sheet, "\ufeff" + ",".join(header) + "\n")  # the BOM: Excel then reads UTF-8
        return
    from io import BytesIO

    from openpyxl import Workbook  # only here: slow to import

    workbook = Workbook()
    workbook.active.title = "Leden" if lang != "en" else "Members"
    workbook.active.append(header)
    data = BytesIO()
    workbook.save(data)
    write_report(sheet, data.getvalue())  # whole or not at all, like every file oncocheck writes


def next_steps(target: Path, lang: str, sheet: Path | None, created: bool = False) -> Text:
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
        nl.append(f"De leden komen uit {sheet}{state_nl}: één lid per rij, met in de eerste rij "
                  "de kolommen naam, discipline, organisatie, postcode, verwijsgids.")
        en.append(f"The members come from {sheet}{state_en}: one member per row, with the "
                  "columns name, discipline, organisation, postcode, verwijsgids in the first row.")
    nl.append(f"Controleer daarna met:\n  {command}")
    en.append(f"Then check it with:\n  {command}")
    return Text("\n".join(nl) + "\n", "\n".join(en) + "\n")
