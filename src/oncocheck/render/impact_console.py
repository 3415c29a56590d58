"""The impact report in the terminal (rich): verdicts, changes, criteria, 2a shares, sweep.

Plain text when not a terminal, like the `check` console report; every number also stands
as a number, the bars are only a help for the eye.
"""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text as RichText

from oncocheck.analysis.impact import Impact
from oncocheck.analysis.stats import BIN_WIDTH, BINS, bin_label
from oncocheck.render.compare import reasons
from oncocheck.render.impact import state, transitions_text
from oncocheck.render.terminal import heading, plain_text, table, title
from oncocheck.render.phrases import date_span
from oncocheck.render.words import words
from oncocheck.wording import percent

BAR_WIDTH = 40


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
