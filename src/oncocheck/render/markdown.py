"""GitHub-flavoured Markdown: a compact report for a CI job summary or a pull-request comment,
and GitHub's job summary (`step_summary`, what `check` adds to `$GITHUB_STEP_SUMMARY`).

A batch starts with a summary table; each file gets a verdict line and a criteria table.
Every text that may come from a network file goes through `escape`, so the Markdown stays
valid (tables keep their cells, no HTML, no links, not even of a bare web address, no
mentions) whatever the file contains.

GitHub drops a step's whole summary when it is larger than 1 MiB, so the job summary is cut to
fit: the totals always stay; then a table with a row per file; then the detail of each network
with problems (invalid, not compliant, or with warnings), as the Markdown report shows it. The
detail goes first, from the last network on, with a line saying how many were left out; only
when the rows alone do not fit are rows left out too, again with a line saying so.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from oncocheck.render import compare
from oncocheck.render.words import (criteria_text, dates_text, file_as_of, own_words,
                                    settings_line, undated_note, words)
from oncocheck.render.words import tally as verdict_tally
from oncocheck.render.pages import counts
from oncocheck.report import FileResult, Report, Severity, Status, Verdict
from oncocheck.wording import where as place

#: GitHub's limit for the summary of one step (bytes).
LIMIT = 1024 * 1024
#: Kept free below the limit for the lines that say what was left out, and for safety.
MARGIN = 4096
STATUS_EMOJI = {Status.MET: "✅", Status.NOT_MET: "❌", Status.MISSING: "❔"}
VERDICT_EMOJI = {Verdict.COMPLIANT: "✅", Verdict.NOT_COMPLIANT: "❌", Verdict.INVALID: "⛔"}

# HTML-significant characters become entities; Markdown punctuation gets a backslash
# (CommonMark escapes any ASCII punctuation). GitHub also makes links of bare text (the GFM
# autolink extension, in job summaries too): `https://…`, `www.…` and e-mail addresses; a
# backslash before the `:` of `://` and the `.` after `www` keeps them text (cmark-gfm,
# GitHub's parser, honours both; tests/unit/render/test_markdown.py renders with it), and a
# zero-width space after an @ breaks a mention (`@octocat`) and an e-mail address (an @ before
# a name with a dot) alike; `loppsoz@2024` stays as it is.
_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_SPECIAL = re.compile(r"[\\`*_\[\]#|~$]")
_AUTOLINK = re.compile(r":(?=/)|(?<=www)\.", re.IGNORECASE)
_AT = re.compile(r"(?<![A-Za-z0-9])@|@(?=[\w-]*\.\w)")
# Key names in our own messages (`network.website`, `structural: ja`) stay code; nothing
# else can be code.
_KEY_SPAN = re.compile(r"`([A-Za-z0-9_.\[\]-]+(?:: [A-Za-z0-9_.-]+)?)`")
_LINE_BREAKS = re.compile(r"[\r\n\u2028\u2029\x0b\x0c\x85]+")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def escape(text: str) -> str:
    """`text` as literal inline Markdown on one line, safe inside a table cell."""
    text = _CONTROL.sub("", _LINE_BREAKS.sub(" ", text))
    text = _SPECIAL.sub(lambda m: "\\" + m.group(0), text)
    text = _AUTOLINK.sub(lambda m: "\\" + m.group(0), text)  # after: its \ stays one
    text = "".join(_ENTITIES.get(c, c) for c in text)  # after, so entities keep their '#'
    return _AT.sub("@&#8203;", text)  # a zero-width space: no mention, no mailto: link


def inline(text: str) -> str:
    """Like `escape`, but `key.name` spans of a message stay code spans."""
    parts = _KEY_SPAN.split(text)
    return "".join(f"`{part}`" if odd else escape(part) for odd, part in
                   ((i % 2 == 1, p) for i, p in enumerate(parts)))


def table_row(*cells: str) -> str:
    """A row of a Markdown table."""
    return "| " + " | ".join(cells) + " |"


def _cells(result: FileResult, lang: str) -> list[str]:
    """A file's row of a batch table: network, file, verdict and score."""
    tally = counts(result)
    score = f"{tally['met']}/{sum(tally.values())}" if result.findings else "–"
    return [escape(result.network or "–"), escape(result.file),
            f"{VERDICT_EMOJI[result.verdict]} {words(lang)[result.verdict.value]}", score]


def _summary(report: Report, lang: str) -> list[str]:
    """The batch table; a version and a date column when the files were judged by several."""
    w = words(lang)
    versions, dates = len(report.applied) > 1, len(report.dates) > 1
    head = [w["network"], w["file"], w["verdict"], w["score"]]
    head += [w["criteria_set"]] * versions + [w["as_of"]] * dates
    lines = [f"**{verdict_tally(report, lang)}**", "",
             table_row(*head), "| --- | --- | --- | ---: |" + " --- |" * (versions + dates)]
    for result in report.results:
        cells = _cells(result, lang)
        if versions:
            cells.append(escape(result.criteria.label) if result.criteria else "–")
        if dates:
            cells.append(result.as_of.isoformat() if result.as_of else "–")
        lines.append(table_row(*cells))
    return lines + [""]


def _criteria(result: FileResult, lang: str) -> list[str]:
    w = words(lang)
    lines = [table_row("ID", w["criterion"], w["status"], w["finding"]),
             "| --- | --- | --- | --- |"]
    for f in result.findings:
        if f.severity is not Severity.ERROR:
            continue
        message = inline(f.message.get(lang))
        if f.remediation is not None and f.is_problem:
            message += f"<br>→ {inline(f.remediation.get(lang))}"
        message += "".join(f"<br>{inline(line)}" for line in own_words(f, lang))
        lines.append(table_row(escape(f.criterion), escape(f.title.get(lang)),
                          f"{STATUS_EMOJI[f.status]} {w[f.status.value]}", message))
    return lines + [""]


def _problems(result: FileResult, lang: str) -> list[str]:
    w, lines = words(lang), []
    for e in result.errors:
        where = place(e.source or result.file, e.line, e.column)
        path = f" {escape(e.path)}" if e.path else ""
        lines.append(f"- ⛔ {escape(where)}{path}: {inline(e.message.get(lang))}")
    for f in result.warnings:
        line = f" ({w.lower('line')} {f.location.line})" if f.location else ""
        lines.append(f"- ⚠️ `{f.criterion}`: {inline(f.message.get(lang))}{line}")
    return lines + [""] if lines else []


def _compared(result: FileResult, other: FileResult | None, report: Report,
              lang: str) -> list[str]:
    """`check --compare`: verdict and criteria under both versions, side by side."""
    w = words(lang)

    def verdict(r: FileResult | None) -> str:
        return f"{VERDICT_EMOJI[r.verdict]} {w[r.verdict.value]}" if r else compare.ABSENT

    columns = compare.columns(result, other, report, lang)
    lines = [f"**{w['comparison']}: {escape(compare.header(report))}**", "",
             table_row("ID", w["criterion"], *map(escape, columns), ""),
             "| --- | --- | --- | --- | --- |",
             table_row("", w.lower("verdict"), verdict(result), verdict(other),
                  w["differs"] if compare.verdict_differs(result, other) else "")]
    for row in compare.rows(result, other, lang):
        cells = [f"{STATUS_EMOJI[s]} {w[s.value]}" if s is not None else compare.ABSENT
                 for s in (row.mine, row.theirs)]
        lines.append(table_row(escape(row.id), escape(row.title), *cells,
                          w["differs"] if row.differs else ""))
    return lines + [""]


def _overview(report: Report, lang: str) -> list[str]:
    """`check --compare` on a batch: what changes, and why, before the files."""
    if report.compare is None:
        return []
    w, found = words(lang), compare.overview(report)
    lines = [f"**{w['comparison']} {escape(compare.direction(report, lang))}**: "
             f"{compare.counts_text(found, len(report.results), lang)}", ""]
    for change in (*found.verdicts, *found.criteria):
        after = VERDICT_EMOJI[change.other.verdict] if change.other else compare.ABSENT
        name = escape(change.result.network or change.result.file)
        lines.append(f"- {VERDICT_EMOJI[change.result.verdict]} → {after} {name} "
                     f"({escape(change.result.file)}): "
                     f"{escape(compare.reasons(change.moves, lang))}")
    return lines + [""] if len(lines) > 2 else lines


def _file(result: FileResult, report: Report, lang: str, level: str) -> list[str]:
    w = words(lang)
    name = escape(result.network or result.file)
    lines = [f"{level} {VERDICT_EMOJI[result.verdict]} {w[result.verdict.value]}: {name}", ""]
    criteria = f" · {escape(result.criteria.label)}" if result.criteria else ""
    lines += [f"{w['file']}: {escape(result.file)}{criteria} · {w.lower('as_of')} "
              f"{file_as_of(report, result)}{undated_note(result, lang)}", ""]
    if result.findings:
        lines += _criteria(result, lang)
    lines += _problems(result, lang)
    if report.compare is not None:
        lines += _compared(result, compare.other_of(report, result), report, lang)
    return lines


def _title(report: Report, lang: str) -> list[str]:
    """A batch's heading and the line of its versions, dates and oncocheck's version."""
    w = words(lang)
    return [f"## oncocheck · {w['batch_title']}", "",
            f"{w['criteria_set']} {escape(criteria_text(report))} · {w.lower('as_of')} "
            f"{dates_text(report, lang)} · oncocheck {report.tool_version}", ""]


def render(report: Report, lang: str) -> str:
    """The report as GitHub-flavoured Markdown."""
    if len(report.results) == 1:
        lines = _file(report.results[0], report, lang, "##") + _skipped(report, lang)
    else:
        lines = _title(report, lang) + _overview(report, lang) + _summary(report, lang)
        lines += _skipped(report, lang)
        for result in report.results:
            lines += _file(result, report, lang, "###")
    return "\n".join(lines).rstrip("\n") + "\n"


def _skipped(report: Report, lang: str) -> list[str]:
    """The files a folder walk skipped as no network file, as a list; then the settings file
    and the warnings ignored, in one line."""
    w, settings = words(lang), settings_line(report, lang)
    return ([f"**{w['skipped_files']}**", "",
             *(f"- {escape(file)}: {w['skipped']}" for file in report.skipped),
             ""] if report.skipped else []) + ([escape(settings), ""] if settings else [])


def _size(lines: Iterable[str]) -> int:
    return sum(len(line.encode("utf-8", "surrogateescape")) + 1 for line in lines)


def step_summary(report: Report, lang: str, budget: int = LIMIT - MARGIN) -> str:
    """The job summary, at most about `budget` bytes (the totals are written in any case)."""
    w, s = words(lang), report.summary
    lines = _title(report, lang) + [
        f"| {w.capital('files')} | {w['compliant']} | {w['not_compliant']} | {w['invalid']} |",
        "| ---: | ---: | ---: | ---: |",
        f"| {s['files']} | {s['compliant']} | {s['not_compliant']} | {s['invalid']} |", ""]
    rows = [table_row(*_cells(result, lang)) for result in report.results]
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
        if result.verdict is Verdict.COMPLIANT and not result.warnings:
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
