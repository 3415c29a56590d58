"""GitHub's job summary: Markdown that `check` adds to `$GITHUB_STEP_SUMMARY`, within a budget.

GitHub drops a step's whole summary when it is larger than 1 MiB, so this one is cut to fit:
the totals always stay; then a table with a row per file; then the detail of each network with
problems (invalid, not compliant, or with warnings), as the Markdown report shows it. The
detail goes first, from the last network on, with a line saying how many were left out; only
when the rows alone do not fit are rows left out too, again with a line saying so.
"""

from __future__ import annotations

from collections.abc import Iterable

from oncocheck.render.markdown import VERDICT_EMOJI, _file, escape
from oncocheck.render.pages import counts
from oncocheck.render.phrases import criteria_text, dates_text
from oncocheck.render.words import words
from oncocheck.report import FileResult, Report, Verdict

#: GitHub's limit for the summary of one step (bytes).
LIMIT = 1024 * 1024
#: Kept free below the limit for the lines that say what was left out, and for safety.
MARGIN = 4096


def _size(lines: Iterable[str]) -> int:
    return sum(len(line.encode("utf-8", "surrogateescape")) + 1 for line in lines)


def _head(report: Report, lang: str) -> list[str]:
    w, s = words(lang), report.summary
    return [f"## oncocheck · {w['batch_title']}", "",
            f"{w['criteria_set']} {escape(criteria_text(report))} · {w.lower('as_of')} "
            f"{dates_text(report, lang)} · oncocheck {report.tool_version}", "",
            f"| {w.capital('files')} | {w['compliant']} | {w['not_compliant']} | "
            f"{w['invalid']} |", "| ---: | ---: | ---: | ---: |",
            f"| {s['files']} | {s['compliant']} | {s['not_compliant']} | {s['invalid']} |", ""]


def _row(result: FileResult, lang: str) -> str:
    w, tally = words(lang), counts(result)
    score = f"{tally['met']}/{sum(tally.values())}" if result.findings else "–"
    return (f"| {escape(result.network or '–')} | {escape(result.file)} | "
            f"{VERDICT_EMOJI[result.verdict]} {w[result.verdict.value]} | {score} |")


def _has_problems(result: FileResult) -> bool:
    return result.verdict is not Verdict.COMPLIANT or bool(result.warnings)


def render(report: Report, lang: str, budget: int = LIMIT - MARGIN) -> str:
    """The job summary, at most about `budget` bytes (the totals are written in any case)."""
    w = words(lang)
    lines = _head(report, lang)
    rows = [_row(result, lang) for result in report.results]
    table = [f"| {w['network']} | {w['file']} | {w['verdict']} | {w['score']} |",
             "| --- | --- | --- | ---: |"]
    room = budget - _size(lines)
    if _size(table) + _size(rows) + 1 > room:
        kept = _fitting(rows, room - _size(table) - 1)
        left_out = w["rows_left_out"].format(n=len(rows) - len(kept), total=len(rows))
        return "\n".join([*lines, *table, *kept, "", left_out]) + "\n"
    lines += [*table, *rows, ""]
    room = budget - _size(lines)
    with_problems = shown = 0
    for result in report.results:
        if not _has_problems(result):
            continue
        with_problems += 1
        if shown < with_problems - 1:  # an earlier one did not fit: keep the order, count it
            continue
        detail = _file(result, report, lang, "###")
        if _size(detail) > room:
            continue
        lines += detail
        room -= _size(detail)
        shown += 1
    if shown < with_problems:
        lines += [w["details_left_out"].format(n=with_problems - shown, total=with_problems)]
    return "\n".join(lines).rstrip("\n") + "\n"


def _fitting(rows: list[str], room: int) -> list[str]:
    """The first rows that fit in `room` bytes."""
    kept = []
    for row in rows:
        room -= _size([row])
        if room < 0:
            break
        kept.append(row)
    return kept
