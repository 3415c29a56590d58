"""HTML reports: one self-contained page per network, and a batch as a small site.

Pages carry their CSS inline and load nothing (no fonts, scripts, images or CDNs), so they
look the same offline and when e-mailed. Everything from a network file is escaped by
Jinja2's autoescape; templates live in `oncocheck/render/templates/`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from functools import cache
from typing import Any

import jinja2
from markupsafe import Markup, escape

from oncocheck.analysis.stats import bin_label
from oncocheck.render import compare, pages
from oncocheck.render.pages import MARKED, markers
from oncocheck.render.words import (STATUS_SYMBOL, VERDICT_SYMBOL, criteria_text, dates_text,
                                    file_as_of, planned, settings_line, words, working)
from oncocheck.report import Dated, FileResult, Location, Report, Status, Verdict
from oncocheck.wording import cell, member_field, percent

_BACKTICKS = re.compile(r"`([^`]+)`")


def code_spans(text: str) -> Markup:
    """Escape `text`, then show `network.website` style spans as <code> (messages name keys
    that way). Escaping comes first, so input can never add markup."""
    return Markup(_BACKTICKS.sub(r"<code>\1</code>", str(escape(text))).replace("\n", "&#10;"))


#: A part of a path (a folder or file name) longer than this may break anywhere (`<span
#: class="long">`), so a name that fits no cell cannot widen its table past the page; a
#: shorter one wraps only after its slashes and hyphens, never inside a word.
LONG_PART = 40


def path_breaks(path: str) -> Markup:
    """Escape a file path and let it wrap after each `/` (`<wbr>`): a long path then wraps
    at its folders rather than widening its table past the page or breaking inside a name."""
    parts = [str(escape(part)) for part in path.split("/")]
    return Markup("/<wbr>".join(f'<span class="long">{part}</span>' if len(part) > LONG_PART
                                else part for part in parts))


def key_breaks(path: str) -> Markup:
    """Escape a key's path (`members[0].discipline`) and let it wrap after each `.`: a
    narrow column then breaks it between its parts, never inside a word."""
    return Markup(str(escape(path)).replace(".", ".<wbr>"))


LIVE_SECONDS = 2  # how soon an open page in watch mode shows the newest check


def live(page: str) -> str:
    """`page` reloading itself in the browser every `LIVE_SECONDS` (a meta refresh, no
    script): what `check --watch` writes, as its pages change while they are open. Pages
    written without --watch never reload."""
    refresh = f'<meta http-equiv="refresh" content="{LIVE_SECONDS}">'
    return page.replace('<meta charset="utf-8">', f'<meta charset="utf-8">\n{refresh}', 1)


def _one_source_line(value: Any) -> Any:
    """A `{{ }}` value escaped, with its line breaks written `&#10;`: the page looks the same,
    and no text from an input (a multi-line note or summary) starts a line of the page's
    source, where a CI log showing it would read `::error::` as a command."""
    if isinstance(value, str) and not isinstance(value, Markup):
        return Markup(str(escape(value)).replace("\n", "&#10;"))
    return value


@cache
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("oncocheck.render", "templates"),
        autoescape=True, undefined=jinja2.StrictUndefined, finalize=_one_source_line,
        trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
    )
    env.globals.update(STATUS_SYMBOL=STATUS_SYMBOL, VERDICT_SYMBOL=VERDICT_SYMBOL,
                       Status=Status, Verdict=Verdict, working=working, planned=planned,
                       place=place, percent=percent, bin_label=bin_label)
    env.filters["code"] = code_spans
    env.filters["path"] = path_breaks
    env.filters["key"] = key_breaks
    return env


def place(location: Location, lang: str, shown: Callable[[str], str] = str) -> Markup:
    """Where a warning points: a spreadsheet cell (`leden.xlsx: rij 7, kolom C`, its path as
    `shown` gives it) or `members[3], regel 42` in the network file."""
    if location.source:
        return escape(cell(shown(location.source), location.line, location.column,
                           member_field(location.path)).get(lang))
    line = words(lang).lower("line")
    return Markup(f"<code>{escape(location.path)}</code>, {line} {location.line}")


def page(template: str, lang: str, **context: Any) -> str:
    """One of the templates rendered with the words of `lang`; `context` must hold what
    base.html shows in its footer as `report` (an object with `tool_version` and `as_of`)."""
    lang = "en" if lang == "en" else "nl"
    return _environment().get_template(template).render(lang=lang, w=words(lang), **context)


def _page(template: str, report: Report, lang: str, folder: str = "", **context: Any) -> str:
    """A page of `report`; the paths on it are shown as seen from `folder` (`short`)."""
    context.setdefault("page_as_of", report.as_of.isoformat())
    return page(template, lang, report=report, folder=folder,
                run_line=settings_line(report, lang),
                short=lambda file: pages.relative(file, folder), **context)


def network_page(report: Report, result: FileResult, lang: str, back: str | None = None,
                 folder: str = "") -> str:
    """The page of one network; `back` links to the batch index when given, and paths are
    shown from `folder`, the batch's common folder, when given (as given without one)."""
    return _page("network.html", report, lang, folder, result=result, back=back,
                 page_as_of=file_as_of(report, result), undated=result.dated is Dated.TODAY,
                 groups=pages.groups(report, result), tally=pages.counts(result),
                 reading=[f for f in result.warnings if f.criterion in MARKED],
                 compared=_compared(report, result, lang))


def _compared(report: Report, result: FileResult, lang: str) -> dict[str, Any] | None:
    """`check --compare`: this network under the other version, criterion by criterion."""
    if report.compare is None:
        return None
    other = compare.other_of(report, result)
    return {"other": other, "label": report.compare.criteria.label, "absent": compare.ABSENT,
            "rows": compare.rows(result, other, lang),
            "columns": compare.columns(result, other, report, lang),
            "differs": compare.verdict_differs(result, other)}


def _row(result: FileResult, lang: str, ids: list[str], href: str | None) -> dict[str, Any]:
    """What the index shows of one network: its result, link, tally, matrix row, markers."""
    tally = pages.counts(result)
    return {"result": result, "href": href, "tally": tally, "total": sum(tally.values()),
            "cells": pages.matrix_row(result, ids), "markers": markers(result, lang),
            "failing": [(cid, status) for cid, status in result.statuses.items()
                        if status is not Status.MET]}


def index_page(report: Report, lang: str, hrefs: Mapping[str, str] | None = None) -> str:
    """The batch index; `hrefs` maps file paths to their pages (no links without it)."""
    ids, hrefs, tallies = pages.columns(report), hrefs or {}, pages.tallies(report, lang)
    rows = [_row(r, lang, ids, hrefs.get(r.file)) for r in report.results]
    valid = sum(r.verdict is not Verdict.INVALID for r in report.results)
    gaps = any(s is None for row in rows if row["result"].verdict is not Verdict.INVALID
               for s in row["cells"])
    return _page("index.html", report, lang, pages.batch_folder(report), rows=rows,
                 columns=ids, valid=valid, gaps=gaps,
                 page_as_of=dates_text(report, lang), applied_text=criteria_text(report),
                 versions=len(report.applied) > 1, titles={t.id: t.title for t in tallies},
                 tallies=tallies, comparison=_comparison(report, lang), hrefs=hrefs,
                 **_statistics(report, lang))


def _comparison(report: Report, lang: str) -> dict[str, Any] | None:
    """`check --compare` on the index: what changes, before everything else."""
    if report.compare is None:
        return None
    found = compare.overview(report)
    return {"direction": compare.direction(report, lang), "found": found,
            "counts": compare.counts_text(found, len(report.results), lang),
            "reasons": {c.result.file: compare.reasons(c.moves, lang)
                        for c in (*found.verdicts, *found.criteria)}}


def _statistics(report: Report, lang: str) -> dict[str, Any]:
    """What the index's reviewer statistics show: the 2a share chart and disciplines."""
    from oncocheck.analysis.stats import discipline_counts, share_distribution, share_thresholds
    from oncocheck.render.charts import share_chart

    shares = share_distribution(report.results)
    return {"shares": shares, "disciplines": discipline_counts(report.results),
            "share_svg": share_chart(shares, share_thresholds(report.results), lang)}


def render(report: Report, lang: str) -> str:
    """One self-contained page: the network's page for one result, else the batch index
    (without links, as the network pages are not written; use `Site` for those)."""
    if len(report.results) == 1:
        return network_page(report, report.results[0], lang)
    return index_page(report, lang)


class Site(Mapping[str, str]):
    """A batch as a site: page file name -> HTML, one page per network and `index.html`
    (last), linked both ways. A page is made only when it is asked for (`site[name]`), so a
    site of any size is written one page at a time."""

    def __init__(self, report: Report, lang: str) -> None:
        self.report, self.lang = report, lang
        self.folder = pages.batch_folder(report)
        self.names = pages.page_names(report)  # file -> page name
        # page name -> the result it shows (the same file given twice shows the last one)
        self.shows = {self.names[r.file]: i for i, r in enumerate(report.results)}

    def __iter__(self) -> Iterator[str]:
        yield from self.shows
        yield "index.html"

    def __len__(self) -> int:
        return len(self.shows) + 1

    def __getitem__(self, name: str) -> str:
        if name == "index.html":
            return index_page(self.report, self.lang, self.names)
        result = self.report.results[self.shows[name]]
        return network_page(self.report, result, self.lang, "index.html", self.folder)
