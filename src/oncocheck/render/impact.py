"""The impact report (`oncocheck impact`) in its three formats: the terminal's (rich; plain text
when not a terminal, every number also as a number, the bars only a help for the eye), JSON
and one HTML page; what the terminal and the page say alike (a status or verdict as a word, a
criterion's transitions, the versions' 2a thresholds) is said once.

The JSON has English keys in a fixed order, deterministic for the same input; its shape is
documented in `oncocheck impact --help`, the README and its published schema,
`impact.schema.json` beside this module (`oncocheck schema --impact`). Shares and percentages
are numbers 0..100; `sweep.at_thresholds` gives each version's own threshold and the networks
meeting it with its own shares: its 2a result.
"""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text as RichText

from oncocheck.analysis.impact import ABSENT, Impact
from oncocheck.report import Move
from oncocheck.analysis.stats import BIN_WIDTH, BINS, as_percent, bin_label
from oncocheck.render.compare import reasons
from oncocheck.render.json import dumps, ref_dict
from oncocheck.render.words import date_span, words
from oncocheck.render.terminal import heading, plain_text, table, title
from oncocheck.wording import percent

SCHEMA_VERSION = "2"  # of impact.schema.json; a key removed or changed in meaning is a new one
BAR_WIDTH = 40


def state(name: str, lang: str) -> str:
    """A status or verdict value as a word (`not_met` -> `niet voldaan`); `absent` (the
    version has no such criterion for the file) as `niet in de versie`."""
    return words(lang)["not_in_version" if name == ABSENT else name]


def transitions_text(transitions: tuple[tuple[str, str, int], ...], lang: str) -> str:
    """`voldaan → niet voldaan: 12` for every transition that happens, or `geen`."""
    found = [f"{state(a, lang)} → {state(b, lang)}: {n}" for a, b, n in transitions if n]
    return "; ".join(found) or words(lang)["no_transitions"]


def sweep_lines(impact: Impact, counted: bool = True) -> list[tuple[str, float, int | None]]:
    """(version label, 2a threshold, networks meeting it) for the chart lines: each version's
    line stands on its own count (its 2a result, with its own shares), not on the bars of
    `to`; one line when both versions agree. Without `counted`, the count is None and only
    the thresholds need agree (the share chart)."""
    lines = [(ref.label, value, n if counted else None) for ref, value, n in zip(
        (impact.before, impact.after), impact.thresholds, impact.meeting_at_thresholds,
        strict=True) if value is not None]
    if len(lines) == 2 and lines[0][1:] == lines[1][1:]:
        return [(f"{lines[0][0]}, {lines[1][0]}", lines[0][1], lines[0][2])]
    return lines


def _shares_data(impact: Impact) -> dict[str, Any]:
    shares = impact.shares
    before, after = impact.thresholds
    return {
        "networks": shares.networks, "undefined": shares.undefined, "invalid": shares.invalid,
        "min": as_percent(shares.minimum), "median": as_percent(shares.median),
        "max": as_percent(shares.maximum),
        "thresholds": {"from": as_percent(before), "to": as_percent(after)},
        "bins": [{"from": i * BIN_WIDTH, "to": (i + 1) * BIN_WIDTH, "networks": n}
                 for i, n in enumerate(shares.counts)],
    }


def _status(move: Move, side: int) -> str:
    status = move.status(side)
    return ABSENT if status is None else status.value


def as_dict(impact: Impact) -> dict[str, Any]:
    """The impact as JSON-ready data."""
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "oncocheck", "version": impact.tool_version},
        # not the run's day: only a date that judged every file (as the check report's `as_of`)
        "as_of": impact.dates[0].isoformat() if len(impact.dates) == 1 else None,
        "as_of_dates": [d.isoformat() for d in impact.dates],
        "from": ref_dict(impact.before, with_file=False),
        "to": ref_dict(impact.after, with_file=False),
        "summary": {"from": impact.summary_before, "to": impact.summary_after},
        "verdict_changes": [{"file": c.file, "network": c.network, "from": c.before.value,
                             "to": c.after.value, "criteria": [
                                 {"criterion": m.criterion, "from": _status(m, 0),
                                  "to": _status(m, 1)} for m in c.moves]}
                            for c in impact.changes],
        "criteria": [{
            "criterion": c.id, "changed": c.changed,
            "transitions": {f"{a}->{b}": n for a, b, n in c.transitions},
            "failing": {"from": c.failing_before, "to": c.failing_after},
        } for c in impact.criteria],
        "share_2a": _shares_data(impact),
        "sweep": None if impact.sweep is None else {
            "criterion": impact.share_criterion, "networks": impact.shares.networks,
            "points": [{"threshold": p.threshold, "networks": p.meeting,
                        "networks_from": p.meeting_before} for p in impact.sweep],
            "at_thresholds": {key: None if t is None else {"threshold": as_percent(t),
                                                           "networks": n}
                              for key, t, n in zip(("from", "to"), impact.thresholds,
                                                   impact.meeting_at_thresholds, strict=True)},
        },
    }


def json_text(impact: Impact, lang: str) -> str:
    """The JSON text; `lang` is ignored because JSON is always English."""
    return dumps(as_dict(impact)) + "\n"


def page(impact: Impact, lang: str) -> str:
    """The impact report as one self-contained HTML page in `lang`: the base template,
    stylesheet and escaping of the other pages; the charts are inline SVG (no script), each
    with its numbers in a table as well."""
    from oncocheck.render.charts import share_chart, sweep_chart
    from oncocheck.render.html import page as html_page

    return html_page(
        "impact.html", lang, report=impact, impact=impact,
        page_as_of=date_span(impact.dates, impact.as_of, lang),
        share_svg=share_chart(impact.shares, sweep_lines(impact, counted=False), lang),
        sweep_svg=sweep_chart(impact.sweep, sweep_lines(impact), lang) if impact.sweep else None,
        transitions={c.id: transitions_text(c.transitions, lang) for c in impact.criteria},
        reasons={c.file: reasons(c.moves, lang) for c in impact.changes})


def _bar(value: int, top: int) -> str:
    return "█" * round(BAR_WIDTH * value / top) if top else ""


def _verdicts(impact: Impact, lang: str) -> Table:
    w = words(lang)
    grid = table(w["verdict"], impact.before.label, impact.after.label)
    for key in ("compliant", "not_compliant", "invalid"):
        grid.add_row(state(key, lang), str(impact.summary_before[key]),
                     str(impact.summary_after[key]))
    grid.add_row(w.capital("files"), str(impact.summary_before["files"]),
                 str(impact.summary_after["files"]))
    return grid


def _changes(impact: Impact, lang: str) -> Table:
    w = words(lang)
    grid = table(w["file"], w["network"], impact.before.label, impact.after.label, w["reason"])
    for change in impact.changes:
        # RichText: names from files are shown as written, never read as rich markup
        grid.add_row(RichText(change.file), RichText(change.network or ""),
                     state(change.before.value, lang),
                     state(change.after.value, lang), RichText(reasons(change.moves, lang)))
    return grid


def _criteria(impact: Impact, lang: str) -> Table:
    w = words(lang)
    grid = table("ID", w["criterion"], w["status_changes"], w["transitions"],
                 w["failing_under"].format(label=impact.before.label),
                 w["failing_under"].format(label=impact.after.label))
    grid.columns[1].min_width = 30
    grid.columns[3].no_wrap = True  # a transition on one line is easier to read and search
    for c in impact.criteria:
        grid.add_row(c.id, c.title.get(lang), str(c.changed),
                     transitions_text(c.transitions, lang), str(c.failing_before),
                     str(c.failing_after))
    return grid


def threshold_notes(impact: Impact, lang: str) -> dict[int, str]:
    """Bin index -> `drempel loppsoz@2021 50%` for the bins the versions' thresholds fall in."""
    notes: dict[int, list[str]] = {}
    for ref, value in zip((impact.before, impact.after), impact.thresholds, strict=True):
        if value is not None:
            label = words(lang)["threshold_of"].format(label=ref.label)
            notes.setdefault(min(int(value * 100 // BIN_WIDTH), BINS - 1), []).append(
                f"{label} {percent(value, lang)}")
    return {i: ", ".join(texts) for i, texts in notes.items()}


def _shares(impact: Impact, lang: str) -> tuple[Table, str]:
    w, shares = words(lang), impact.shares
    grid = table(w["bin"], w["networks"], "")
    notes = threshold_notes(impact, lang)
    for i, count in enumerate(shares.counts):
        note = f"  ← {notes[i]}" if i in notes else ""
        grid.add_row(bin_label(i), str(count), _bar(count, max(shares.counts)) + note)
    values = [(w[k], v) for k, v in (("lowest", shares.minimum), ("median", shares.median),
                                      ("highest", shares.maximum))]
    line = ", ".join(f"{name} {percent(v, lang) if v is not None else '–'}"
                     for name, v in values)
    line += f"; {w['without_share']}: {shares.undefined}; {w['invalid_files']}: {shares.invalid}"
    return grid, line


def _sweep(impact: Impact, lang: str) -> Table:
    """Per threshold the networks meeting 2a under each version, each with its own shares; a
    version's own threshold is marked in its own column (`3 ← drempel`), on its own count."""
    w = words(lang)
    grid = table(w["threshold"], *(f"{w['meeting']}: {ref.label}"
                                   for ref in (impact.before, impact.after)), "")
    grid.columns[-1].min_width = BAR_WIDTH  # the long version labels wrap, never the bars
    top = max((p.meeting for p in impact.sweep or ()), default=0)
    for point in impact.sweep or ():
        cells = [f"{n}" + (f" ← {w.lower('threshold')}" if own is not None and
                           round(own * 100, 6) == point.threshold else "")
                 for n, own in zip((point.meeting_before, point.meeting), impact.thresholds,
                                   strict=True)]
        grid.add_row(f"{point.threshold}%", *cells, _bar(point.meeting, top))
    return grid


def draw(impact: Impact, lang: str, console: Console) -> None:
    """Print the impact report on `console`."""
    w = words(lang)
    title(console, f"{w['impact_title']}: {impact.before.label} → {impact.after.label} "
                   f"({w.lower('as_of')} {date_span(impact.dates, impact.as_of, lang)})")
    heading(console, w["verdicts"])
    console.print(_verdicts(impact, lang))
    heading(console, w["verdict_changes"])
    console.print(_changes(impact, lang) if impact.changes else w["no_verdict_changes"],
                  markup=False)
    heading(console, w["per_criterion"])
    console.print(_criteria(impact, lang))
    if impact.summary_after["invalid"]:
        console.print(w["invalid_not_counted"].format(n=impact.summary_after["invalid"]),
                      markup=False)
    heading(console, w["shares"])
    table, line = _shares(impact, lang)
    console.print(table)
    console.print(line, markup=False, highlight=False, soft_wrap=True)
    console.print(w["share_basis"].format(label=impact.after.label), markup=False)
    if impact.sweep is not None:
        heading(console, w["sweep"])
        console.print(_sweep(impact, lang))
        console.print(w["sweep_basis"].format(n=impact.shares.networks), markup=False,
                      soft_wrap=True)


def render(impact: Impact, lang: str) -> str:
    """The impact report as plain text (no colour), 120 columns wide."""
    return plain_text(lambda console: draw(impact, lang, console))
