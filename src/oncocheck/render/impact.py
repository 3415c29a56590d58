"""The impact report (`oncocheck impact`): what it says the same way on the terminal and on
the page (a status or verdict as a word, a criterion's transitions, the versions' 2a
thresholds), and its JSON and HTML formats (the terminal's is `impact_console`).

The JSON has English keys in a fixed order, deterministic for the same input. Shape
(documented in `oncocheck impact --help` and the README; the published schema is
`impact.schema.json` beside this module, `oncocheck schema --impact`):

    schema_version                   "2", the version of that schema this report follows
    tool, as_of, as_of_dates         the date that judged every file (else null), and the dates
                                     the files were judged on
    from, to                         the two criteria versions ({set, version, valid_from})
    summary: {from: {...}, to: {...}}  files per verdict under each version
    verdict_changes: [{file, network, from, to, criteria: [{criterion, from, to}]}]   the
                     criteria whose status moved (a status, or "absent")
    criteria: [{criterion, changed, transitions: {"met->not_met": n, ...},
                failing: {from, to}}]   in official order; invalid files not counted
    share_2a: {networks, undefined, invalid, min, median, max, thresholds: {from, to},
               bins: [{from, to, networks}]}   shares and percentages as numbers 0..100
    sweep: null, or {criterion (the share criterion, 2a), networks, points: [{threshold,
           networks (with the shares as `to` counts them), networks_from (as `from` does)}],
           at_thresholds: {from, to: {threshold, networks} | null}}   each version's own
           threshold and the networks meeting it with its own shares: its 2a result
"""

from __future__ import annotations

from typing import Any

from oncocheck.analysis.impact import ABSENT, Impact
from oncocheck.analysis.moves import Move
from oncocheck.analysis.stats import BIN_WIDTH, as_percent
from oncocheck.render.json import ref_dict
from oncocheck.render.json import dumps
from oncocheck.render.phrases import date_span
from oncocheck.render.words import words

SCHEMA_VERSION = "2"  # of impact.schema.json; a key removed or changed in meaning is a new one


def state(name: str, lang: str) -> str:
    """A status or verdict value as a word (`not_met` -> `niet voldaan`); `absent` (the
    version has no such criterion for the file) as `niet in de versie`."""
    return words(lang)["not_in_version" if name == ABSENT else name]


def transitions_text(transitions: tuple[tuple[str, str, int], ...], lang: str) -> str:
    """`voldaan → niet voldaan: 12` for every transition that happens, or `geen`."""
    found = [f"{state(a, lang)} → {state(b, lang)}: {n}" for a, b, n in transitions if n]
    return "; ".join(found) or words(lang)["no_transitions"]


def sweep_lines(impact: Impact) -> list[tuple[str, float, int | None]]:
    """(version label, 2a threshold, networks meeting it) for the sweep's lines: each version's
    line stands on its own count (its 2a result, with its own shares), not on the bars of
    `to`; one line when both versions agree on threshold and count."""
    lines = [(ref.label, value, n) for ref, value, n in zip(
        (impact.before, impact.after), impact.thresholds, impact.meeting_at_thresholds,
        strict=True) if value is not None]
    if len(lines) == 2 and lines[0][1:] == lines[1][1:]:
        return [(f"{lines[0][0]}, {lines[1][0]}", lines[0][1], lines[0][2])]
    return lines


def thresholds(impact: Impact) -> list[tuple[str, float]]:
    """(version label, 2a threshold) for the chart lines; one line when both are the same."""
    pairs = [(ref.label, value) for ref, value in
             zip((impact.before, impact.after), impact.thresholds, strict=True)
             if value is not None]
    if len(pairs) == 2 and pairs[0][1] == pairs[1][1]:
        return [(f"{pairs[0][0]}, {pairs[1][0]}", pairs[0][1])]
    return pairs


def _shares(impact: Impact) -> dict[str, Any]:
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
        "share_2a": _shares(impact),
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
    from oncocheck.render.compare import reasons
    from oncocheck.render.html import page as html_page

    lines = thresholds(impact)
    return html_page(
        "impact.html", lang, report=impact, impact=impact,
        page_as_of=date_span(impact.dates, impact.as_of, lang),
        share_svg=share_chart(impact.shares, lines, lang),
        sweep_svg=sweep_chart(impact.sweep, sweep_lines(impact), lang) if impact.sweep else None,
        transitions={c.id: transitions_text(c.transitions, lang) for c in impact.criteria},
        reasons={c.file: reasons(c.moves, lang) for c in impact.changes})
