"""The terminal report (rich): a verdict line and a criteria table per file, then a summary.

With `check --compare` it leads with what the compared version changes (how many files get
another verdict, which, and why: the criteria whose status moves, with their figures), then
shows only the files that change or cannot be read; the others are counted, not repeated.

On a terminal `draw` prints with colour on rich's console; `render` gives the same layout as
plain text, drawn on `plain.Plain` (rich's text and table are those of `terminal.kit`).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from oncocheck.render import compare
from oncocheck.render.plain import Plain
from oncocheck.render.terminal import kit, one_line, status_cell, verdict_cell
from oncocheck.render.words import (VERDICT_SYMBOL, note_line, planned, settings_line,
                                    summary_line, undated_note, words)
from oncocheck.report import FileResult, Finding, LoadError, Report, Severity, Verdict, moves
from oncocheck.wording import cell, member_field, where

if TYPE_CHECKING:
    from rich.console import Console

    from oncocheck.render.compare import Change

MAX_SKIPPED = 100  # skipped files listed; JSON lists them all
#: Below this width the criteria are a list, not a table: a table's findings column would be
#: too narrow for a key a person must type (`network.website_lists_verwijsgids_members`).
TABLE_WIDTH = 110


def _finding_cell(finding: Finding, lang: str, console: Any) -> Any:
    text = kit(console)[0](finding.message.get(lang))
    if finding.remediation is not None:
        text.append(f"\n→ {finding.remediation.get(lang)}", style="italic")
    note = note_line(finding, lang)
    if note:
        text.append(f"\n{note}", style="dim")
    for item in finding.plan:
        text.append(f"\n{planned(item, lang)}", style="cyan")
    return text


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
    return f"{words(lang).lower('line')} {location.line}"


def _criteria_table(result: FileResult, lang: str, console: Any) -> Any:
    (text, table), w = kit(console), words(lang)
    criteria = table()
    criteria.add_column("ID", no_wrap=True)
    criteria.add_column(w["criterion"], ratio=2, overflow="fold")
    criteria.add_column(w["status"], no_wrap=True)
    criteria.add_column(w["finding"], ratio=3, overflow="fold")  # never cut with an ellipsis
    for finding in result.findings:
        if finding.severity is Severity.ERROR:
            criteria.add_row(finding.criterion, text(finding.title.get(lang)),  # no markup
                             status_cell(finding.status, lang, console),
                             _finding_cell(finding, lang, console))
    return criteria


def _criteria_list(console: Console, result: FileResult, lang: str) -> None:
    """The criteria on a narrow terminal: per criterion its id, status and title, then the
    finding below, wrapped between words (a key is never cut, nor broken unless it is longer
    than the line)."""
    from rich.padding import Padding
    from rich.text import Text as RichText

    for finding in result.findings:
        if finding.severity is Severity.ERROR:
            head = RichText(f"{finding.criterion:<3} ")
            head.append_text(status_cell(finding.status, lang, console))
            head.append(f"  {finding.title.get(lang)}", style="bold")
            console.print(head, overflow="fold")
            console.print(Padding(_finding_cell(finding, lang, console), (0, 0, 0, 4)),
                          overflow="fold")


def _print(console: Console, text: str, style: str | None = None) -> None:
    """One line of text from the report as it is: never rich markup or emoji, never wrapped."""
    console.print(text, markup=False, emoji=False, highlight=False, soft_wrap=True, style=style)


def _file(console: Console, result: FileResult, lang: str, debug: bool = False) -> None:
    w = words(lang)
    line = verdict_cell(result.verdict, lang, console)
    line.append(f"  {result.network or result.file}", style="bold")
    if result.criteria:
        line.append(f" · {result.criteria.label}")
    if result.as_of:
        line.append(f" · {w.lower('as_of')} {result.as_of.isoformat()}"
                    f"{undated_note(result, lang)}")
    console.print(result.file, style="dim", markup=False, emoji=False, highlight=False)
    console.print(line)
    for error in result.errors:
        _print(console, f"  {error_place(error, result.file, lang)} "
                        f"{one_line(error.message.get(lang))}")
        if debug and error.detail:  # the parser's own words, for whoever debugs oncocheck
            _print(console, f"    debug: {one_line(error.detail)}", style="dim")
    # under --quiet a compliant file keeps only its warnings: no criteria, so no table head
    if any(f.severity is Severity.ERROR for f in result.findings):
        if console.width < TABLE_WIDTH:
            _criteria_list(console, result, lang)
        else:
            console.print(_criteria_table(result, lang, console))
    warnings = [f for f in result.findings if f.severity is Severity.WARNING and f.is_problem]
    if warnings:
        console.print(f"{w['warnings']}:", style="bold yellow")
        for finding in warnings:
            _print(console, f"  ! {finding.criterion} ({_warning_place(finding, lang)}): "
                            f"{one_line(finding.message.get(lang))}")
            if finding.remediation is not None:  # a warning, too, should say what to do
                _print(console, f"    → {one_line(finding.remediation.get(lang))}",
                       style="italic")
    console.print()


def _change_lines(console: Console, found: list[Change], lang: str) -> None:
    for change in found:
        result, other = change.result, change.other
        before = VERDICT_SYMBOL[result.verdict]
        after = VERDICT_SYMBOL[other.verdict] if other else compare.ABSENT
        name = f"{result.network} · {result.file}" if result.network else result.file
        _print(console, f"  {before} → {after}  {name}")
        _print(console, f"         {compare.reasons(change.moves, lang)}", style="dim")


def _overview(console: Console, report: Report, lang: str) -> None:
    """`check --compare`: how many files change verdict, which and why, before the files."""
    w, found = words(lang), compare.overview(report)
    console.print(f"{w['comparison']} {compare.direction(report, lang)}: "
                  f"{compare.counts_text(found, len(report.results), lang)}",
                  style="bold", markup=False, emoji=False, highlight=False)
    for title, listed in ((w["verdict_changes"], found.verdicts),
                          (w["criteria_changes"], found.criteria)):
        if listed:
            _print(console, f"{title}:", style="bold")
            _change_lines(console, listed, lang)
    _print(console, w["compare_detail"], style="dim")
    console.print()


def _skipped(console: Console, report: Report, lang: str) -> None:
    """The files a folder walk skipped as no network file, one a line (the first hundred)."""
    w = words(lang)
    for file in report.skipped[:MAX_SKIPPED]:
        _print(console, f"{file}: {w['skipped']}", style="dim")
    if len(report.skipped) > MAX_SKIPPED:
        _print(console, w["more_skipped"].format(n=len(report.skipped) - MAX_SKIPPED),
               style="dim")


def draw(report: Report, lang: str, console: Console, quiet: bool = False,
         debug: bool = False) -> None:
    """Print the report on `console`; `quiet` shows only the problems (and the summary),
    `debug` also what the YAML parser said about a syntax error. With a comparison, the
    overview first and then only the files that change or cannot be read."""
    if report.compare is not None:
        _overview(console, report, lang)
    for result, other in compare.pairs(report):
        if report.compare is not None and result.verdict is not Verdict.INVALID \
                and not moves(result, other):
            continue
        if quiet:
            result = replace(result, findings=tuple(f for f in result.findings if f.is_problem))
            if not result.errors and not result.findings:
                continue
        _file(console, result, lang, debug)
    _skipped(console, report, lang)
    settings = settings_line(report, lang)
    if settings is not None:
        _print(console, settings, style="dim")
    _print(console, summary_line(report, lang), style="bold")


def render(report: Report, lang: str, quiet: bool = False, debug: bool = False) -> str:
    """The report as plain text (no colour), 120 columns wide; `quiet`, `debug` as for
    `draw`."""
    plain = Plain()
    draw(report, lang, plain, quiet, debug)  # type: ignore[arg-type] # rich's console in kind
    return plain.text()
