"""`check --compare`: each file's verdict and criteria under two versions, side by side.

Used by the console renderer (a table per file), the JSON renderer (a `compare` object) and
the HTML and Markdown reports (a table per file, from `rows`); all read only
`Report.compare`, the same files checked under the other version.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NamedTuple

from oncocheck.report import FileResult, Report, Status

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table

WORDS = {"nl": {"title": "Vergelijking", "verdict": "oordeel", "id": "ID",
                "criterion": "Criterium", "differs": "verschil", "absent": "—",
                "applied": "toegepast", "compared": "ter vergelijking"},
         "en": {"title": "Comparison", "verdict": "verdict", "id": "ID",
                "criterion": "Criterion", "differs": "differs", "absent": "—",
                "applied": "applied", "compared": "compared"}}


class Row(NamedTuple):
    """One criterion under both versions (a status is None where a version lacks it)."""

    id: str
    title: str
    mine: Status | None
    theirs: Status | None
    differs: bool


def pairs(report: Report) -> list[tuple[FileResult, FileResult | None]]:
    """Each result with the same file's result under the compared version."""
    other = {r.file: r for r in (report.compare.results if report.compare else ())}
    return [(result, other.get(result.file)) for result in report.results]


def other_of(report: Report, result: FileResult) -> FileResult | None:
    """The same file's result under the compared version, if any."""
    return next((r for r in (report.compare.results if report.compare else ())
                 if r.file == result.file), None)


def statuses(result: FileResult | None) -> dict[str, Status]:
    """Criterion id -> status, for the criteria (not the extra warnings) of one result."""
    return result.statuses if result else {}


def changed(result: FileResult, other: FileResult | None) -> list[str]:
    """The criteria whose status differs between the two versions (or exist in one only)."""
    mine, theirs = statuses(result), statuses(other)
    return [c for c in dict.fromkeys([*mine, *theirs]) if mine.get(c) != theirs.get(c)]


def rows(result: FileResult, other: FileResult | None, lang: str) -> list[Row]:
    """Every criterion of either version, in order, with its status under each."""
    titles = {f.criterion: f.title.get(lang)
              for f in (*(other.findings if other else ()), *result.findings)}
    mine, theirs = statuses(result), statuses(other)
    return [Row(cid, titles.get(cid, ""), mine.get(cid), theirs.get(cid),
                mine.get(cid) != theirs.get(cid))
            for cid in dict.fromkeys([*mine, *theirs])]


def columns(result: FileResult, other: FileResult | None, report: Report,
            lang: str) -> tuple[str, str]:
    """The two version columns: `loppsoz@2024 (toegepast)`, `loppsoz@2021 (ter vergelijking)`."""
    words = WORDS[lang]
    mine = result.criteria.label if result.criteria else words["absent"]
    theirs = (other.criteria.label if other and other.criteria else
              report.compare.criteria.label if report.compare else words["absent"])
    return f"{mine} ({words['applied']})", f"{theirs} ({words['compared']})"


def _table(result: FileResult, other: FileResult | None, report: Report, lang: str) -> Table:
    from rich.table import Table
    from rich.text import Text as RichText

    from oncocheck.render.console import VERDICT, status_cell

    words = WORDS[lang]
    table = Table(show_edge=False, pad_edge=False, header_style="bold")
    for name in (words["id"], words["criterion"], *columns(result, other, report, lang), ""):
        table.add_column(name, no_wrap=name != words["criterion"])

    def verdict(r: FileResult | None) -> RichText:
        if r is None:
            return RichText(words["absent"])
        symbol, text, style = VERDICT[r.verdict]
        return RichText(f"{symbol} {text[lang]}", style=style)

    table.add_row("", words["verdict"], verdict(result), verdict(other),
                  words["differs"] if other and other.verdict != result.verdict else "")
    for row in rows(result, other, lang):
        cells = [status_cell(s, lang) if s is not None else RichText(words["absent"])
                 for s in (row.mine, row.theirs)]
        table.add_row(row.id, row.title, *cells, words["differs"] if row.differs else "")
    return table


def write(report: Report, lang: str, console: Console) -> None:
    """The comparison section, after the main report."""
    if report.compare is None:
        return
    console.print()
    console.print(f"{WORDS[lang]['title']}: {header(report)}", style="bold", markup=False)
    for result, other in pairs(report):
        console.print(f"{result.file}  {result.network or ''}".rstrip(), style="dim",
                      markup=False, highlight=False)
        console.print(_table(result, other, report, lang))


def header(report: Report) -> str:
    """`loppsoz@2024 ↔ loppsoz@2021`: the version(s) applied, then the compared one."""
    from oncocheck.render.versions import criteria_text

    other = report.compare.criteria.label if report.compare else "—"
    return f"{criteria_text(report)} ↔ {other}"


def as_dict(report: Report) -> dict[str, Any] | None:
    """The JSON `compare` object: the compared version, and per file the version applied
    (`applied`), the verdict and statuses under the compared version (`criteria`), and which
    criteria differ from the main result."""
    if report.compare is None:
        return None
    from oncocheck.render.json import ref_dict

    return {
        "criteria": ref_dict(report.compare.criteria),
        "summary": report.compare.summary,
        "results": [{
            "file": result.file,
            "applied": ref_dict(result.criteria, with_date=False) if result.criteria else None,
            "verdict": other.verdict.value if other else None,
            "criteria": (ref_dict(other.criteria, with_date=False)
                         if other and other.criteria else None),
            "statuses": {c: s.value for c, s in statuses(other).items()},
            "changed": changed(result, other),
        } for result, other in pairs(report)],
    }
