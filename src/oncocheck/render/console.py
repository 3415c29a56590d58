"""The terminal report (rich): a verdict line and a criteria table per file, then a summary.

Status is always a word and a symbol, never colour alone. On a terminal rich adds colour
(and honours NO_COLOR); elsewhere the same layout is plain text.
"""

from __future__ import annotations

import io
from dataclasses import replace

from rich.console import Console
from rich.table import Table
from rich.text import Text as RichText

from oncocheck.render.ui import STATUS_SYMBOL, VERDICT_SYMBOL
from oncocheck.render.ui import WORDS as UI
from oncocheck.render.versions import criteria_text, dates_text
from oncocheck.report import FileResult, Finding, LoadError, Report, Severity, Status, Verdict
from oncocheck.wording import cell, member_field, where

_COLOURS = {Status.MET: "green", Status.NOT_MET: "red", Status.MISSING: "yellow",
            Verdict.COMPLIANT: "bold green", Verdict.NOT_COMPLIANT: "bold red",
            Verdict.INVALID: "bold magenta"}
#: (symbol, words by language, style): the same words and symbols as the HTML report.
STATUS = {s: (STATUS_SYMBOL[s], {lang: UI[lang][s.value] for lang in UI}, _COLOURS[s])
          for s in Status}
VERDICT = {v: (VERDICT_SYMBOL[v], {lang: UI[lang][v.value].upper() for lang in UI}, _COLOURS[v])
           for v in Verdict}
WORDS = {
    "nl": {"id": "ID", "criterion": "Criterium", "status": "Status", "finding": "Bevinding",
           "warnings": "Waarschuwingen", "todo": "→", "line": "regel", "files": "bestanden", "file": "bestand",
           "compliant": "voldoet", "not_compliant": "voldoet niet", "invalid": "ongeldig",
           "as_of": "peildatum", "criteria": "criteria", "note": "notitie",
           "planned": "gepland", "before": "vóór"},
    "en": {"id": "ID", "criterion": "Criterion", "status": "Status", "finding": "Finding",
           "warnings": "Warnings", "todo": "→", "line": "line", "files": "files", "file": "file",
           "compliant": "compliant", "not_compliant": "not compliant", "invalid": "invalid",
           "as_of": "as of", "criteria": "criteria", "note": "note",
           "planned": "planned", "before": "before"},
}


def one_line(text: str) -> str:
    """A message on one console line: a line break in it (from a multi-line input text) would
    start a line of its own, which a CI log may read as a command."""
    return " ".join(text.splitlines()) if "\n" in text or "\r" in text else text


def status_cell(status: Status, lang: str) -> RichText:
    """`✔ voldaan` in the status colour."""
    symbol, words, style = STATUS[status]
    return RichText(f"{symbol} {words[lang]}", style=style)


def _finding_cell(finding: Finding, lang: str) -> RichText:
    words = WORDS[lang]
    cell = RichText(finding.message.get(lang))
    if finding.remediation is not None:
        cell.append(f"\n{words['todo']} {finding.remediation.get(lang)}", style="italic")
    if finding.note:
        cell.append(f"\n{words['note']}: {finding.note}", style="dim")
    for item in finding.plan:
        due = f", {words['before']} {item.due.isoformat()}" if item.due else ""
        owner = f", {item.owner}" if item.owner else ""
        cell.append(f"\n{words['planned']}: {item.action}{owner}{due}", style="cyan")
    return cell


def error_place(error: LoadError, file: str, lang: str) -> str:
    """`file:line:column: path:`, or for the members spreadsheet the cell in words
    (`leden.xlsx: rij 7, kolom C (discipline):`)."""
    if error.source:
        return cell(error.source, error.line, error.column,
                          member_field(error.path)).get(lang) + ":"
    here = where(file, error.line, error.column)
    return f"{here}: {error.path}:" if error.path else f"{here}:"


def _warning_place(finding: Finding, lang: str) -> str:
    location = finding.location
    if location is None:
        return "-"
    if location.source:
        return cell(location.source, location.line, None).get(lang)
    return f"{WORDS[lang]['line']} {location.line}"


def _criteria_table(result: FileResult, lang: str) -> Table:
    words = WORDS[lang]
    table = Table(show_edge=False, pad_edge=False, expand=False, header_style="bold")
    table.add_column(words["id"], no_wrap=True)
    table.add_column(words["criterion"], ratio=2)
    table.add_column(words["status"], no_wrap=True)
    table.add_column(words["finding"], ratio=3)
    for finding in result.findings:
        if finding.severity is Severity.ERROR:
            table.add_row(finding.criterion, finding.title.get(lang),
                          status_cell(finding.status, lang), _finding_cell(finding, lang))
    return table


def _file(console: Console, result: FileResult, lang: str) -> None:
    symbol, words, style = VERDICT[result.verdict]
    line = RichText(f"{symbol} {words[lang]}", style=style)
    line.append(f"  {result.network or result.file}", style="bold")
    if result.criteria:
        line.append(f" · {result.criteria.label}")
    if result.as_of:
        line.append(f" · {WORDS[lang]['as_of']} {result.as_of.isoformat()}")
    console.print(result.file, style="dim", markup=False, highlight=False)
    console.print(line)
    for error in result.errors:
        message = one_line(error.message.get(lang))
        console.print(f"  {error_place(error, result.file, lang)} {message}",
                      markup=False, highlight=False, soft_wrap=True)
    if result.findings:
        console.print(_criteria_table(result, lang))
    warnings = [f for f in result.findings if f.severity is Severity.WARNING and f.is_problem]
    if warnings:
        console.print(f"{WORDS[lang]['warnings']}:", style="bold yellow")
        for finding in warnings:
            where = _warning_place(finding, lang)
            console.print(f"  ! {finding.criterion} ({where}): "
                          f"{one_line(finding.message.get(lang))}", markup=False, highlight=False,
                          soft_wrap=True)
            if finding.remediation is not None:  # a warning, too, should say what to do
                console.print(f"    → {one_line(finding.remediation.get(lang))}", markup=False,
                              highlight=False, soft_wrap=True, style="italic")
    console.print()


def summary_line(report: Report, lang: str) -> str:
    """`3 bestanden: 1 voldoet, 1 voldoet niet, 1 ongeldig (criteria ..., peildatum ...)`,
    counting the versions and spanning the dates when the files were judged by several."""
    words, counts = WORDS[lang], report.summary
    files = words["file"] if counts["files"] == 1 else words["files"]
    return (f"{counts['files']} {files}: {counts['compliant']} {words['compliant']}, "
            f"{counts['not_compliant']} {words['not_compliant']}, {counts['invalid']} "
            f"{words['invalid']} ({words['criteria']} {criteria_text(report)}, "
            f"{words['as_of']} {dates_text(report, lang)})")


def write(report: Report, lang: str, console: Console, quiet: bool = False) -> None:
    """Print the report on `console`; `quiet` shows only the problems (and the summary)."""
    for result in report.results:
        if quiet:
            result = replace(result, findings=tuple(f for f in result.findings if f.is_problem))
            if not result.errors and not result.findings:
                continue
        _file(console, result, lang)
    console.print(summary_line(report, lang), style="bold", markup=False, highlight=False,
                  soft_wrap=True)
    if report.compare is not None:
        from oncocheck.render import compare

        compare.write(report, lang, console)


def render(report: Report, lang: str, quiet: bool = False) -> str:
    """The report as plain text (no colour), 120 columns wide; `quiet` as for `write`."""
    buffer = io.StringIO()
    # soft_wrap: a long line is not broken, so no text from a file can start a line of its
    # own (in a CI log a line "::error::..." is a command); tables still fit 120 columns
    write(report, lang, Console(file=buffer, width=120, no_color=True, color_system=None,
                                soft_wrap=True,
                                force_terminal=False, highlight=False), quiet)
    return buffer.getvalue()
