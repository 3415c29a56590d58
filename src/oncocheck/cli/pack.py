"""`oncocheck pack`: the application package, one zip a coordinator sends (domain.md, "From
the coordinator to the reviewer"; the format is `run.package`).

The network file is checked once; the bytes that check read are the bytes packed. A file that
cannot be loaded is not packed (exit 2, its errors shown); a network that is not compliant is,
and the command says so. The zip is written like a report (`cli.write`): never over an input,
never over an existing file without --force.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Annotated, Optional

import typer

from oncocheck.cli.faults import emit, say as tell
from oncocheck.cli.options import Lang, LangOption, as_of_date, say
from oncocheck.cli.write import refuse_existing, refuse_inputs, refuse_vanished, write_report
from oncocheck.errors import UsageError
from oncocheck.report import FileResult, Report, Text, Verdict

PACK_HELP = say(
    """Maak het aanvraagpakket: één zip om op te sturen.

    Het pakket bevat het netwerkbestand, de ledenlijst, de documenten die meetellen, het
    rapport (HTML en JSON) van de controle bij het inpakken en manifest.json met de SHA-256 van
    elk bestand. Een bestaand bestand wordt alleen met --force vervangen.""",
    """Make the application package: one zip to send.

    The package holds the network file, its members list, the documents that count, the
    report (HTML and JSON) of the check made while packing and manifest.json with every file's
    SHA-256. An existing file is replaced only with --force.""")


def pack(
    file: Annotated[Path, typer.Argument(metavar=say("BESTAND", "FILE"), help=say(
        "Het netwerkbestand om in te pakken.", "The network file to pack."))],
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help=say(
        "Waar het pakket komt (standaard: naam van het netwerk en de datum, naast het "
        "bestand).", "Where the package goes (default: the network's name and the date, "
        "beside the file)."))] = None,
    as_of: Annotated[Optional[str], typer.Option("--as-of", metavar="YYYY-MM-DD", help=say(
        "Beoordeel op deze datum.", "Judge as of this date."))] = None,
    force: Annotated[bool, typer.Option("--force", help=say(
        "Vervang een bestaand bestand.", "Replace an existing file."))] = False,
    lang: LangOption = Lang.nl,
) -> None:
    """Check the network file and pack what was checked into one zip."""
    from oncocheck.load.store import keeping
    from oncocheck.run.batch import run
    from oncocheck.run.decide import choose

    refuse_vanished(file, "pack")
    today = date.today()
    with keeping() as kept:
        report = run([(file, file.name)], [choose(None, as_of_date(as_of), today)], 1)[0]
    result = report.results[0]
    if result.verdict is Verdict.INVALID:
        _refuse_invalid(report, str(lang))
    target = output or file.parent / default_name(result, file, today)
    refuse_vanished(target, "--output")
    refuse_inputs(target, [file, *result.references], "--output")
    refuse_existing(target, force, "--output")
    write_report(target, _zipped(report, result, kept, today))
    emit(_told(target, result).get(str(lang)) + "\n")
    for line in _left_out(result):
        emit(line.get(str(lang)) + "\n")


def default_name(result: FileResult, file: Path, day: date) -> str:
    """`netwerk-oncologie-utrecht-2026-12-07.zip`: the network's name, else the file's."""
    slug = re.sub(r"[^a-z0-9]+", "-", (result.network or "").lower()).strip("-")[:60]
    return f"{slug or file.stem}-{day.isoformat()}.zip"


def _zipped(report: Report, result: FileResult, kept: dict[str, bytes], day: date) -> bytes:
    from oncocheck import render
    from oncocheck.run.package import package

    reports = {fmt: _bytes(render.render(report, fmt, "nl")) for fmt in ("json", "html")}
    return package(result, kept, reports, day)


def _bytes(text: str | bytes) -> bytes:
    return text if isinstance(text, bytes) else text.encode("utf-8")


def _refuse_invalid(report: Report, lang: str) -> None:
    """The load errors on stderr, then exit 2: a file that cannot be loaded is not packed."""
    from oncocheck import render

    tell(_bytes(render.render(report, "console", lang)).decode("utf-8").rstrip("\n"))
    raise UsageError(Text("het netwerkbestand kan niet worden gelezen; er is niets ingepakt",
                          "the network file cannot be loaded; nothing was packed"))


def _left_out(result: FileResult) -> list[Text]:
    """A line for each document the file names that does not count, so is not packed."""
    return [Text(f"  niet ingepakt: {f.message.nl}", f"  not packed: {f.message.en}")
            for f in result.findings
            if f.criterion in ("document-not-found", "document-not-usable")]


def _told(target: Path, result: FileResult) -> Text:
    if result.verdict is Verdict.COMPLIANT:
        return Text(f"Pakket geschreven: {target} (het netwerk voldoet)",
                    f"Package written: {target} (the network is compliant)")
    return Text(f"Pakket geschreven: {target}; let op: het netwerk voldoet NIET aan de criteria "
                "(zie het rapport in het pakket)", f"Package written: {target}; note: the "
                "network is NOT compliant (see the report in the package)")
