"""The impact report as JSON: English keys in a fixed order, deterministic for the same input.

Shape (documented in `oncocheck impact --help` and the README; the published schema is
`impact.schema.json` beside this module, `oncocheck schema --impact`):

    schema_version                   "1", the version of that schema this report follows
    tool, as_of, as_of_dates         the run's date, and the dates the files were judged on
    from, to                         the two criteria versions ({set, version, valid_from})
    summary: {from: {...}, to: {...}}  files per verdict under each version
    verdict_changes: [{file, network, from, to}]
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

from oncocheck.analysis.impact import Impact
from oncocheck.analysis.stats import BIN_WIDTH, as_percent
from oncocheck.render.json import ref_dict
from oncocheck.render.jsontext import dumps

SCHEMA_VERSION = "1"  # of impact.schema.json; a key removed or changed in meaning is a new one


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


def as_dict(impact: Impact) -> dict[str, Any]:
    """The impact as JSON-ready data."""
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "oncocheck", "version": impact.tool_version},
        "as_of": impact.as_of.isoformat(),
        "as_of_dates": [d.isoformat() for d in impact.dates],
        "from": ref_dict(impact.before, with_file=False),
        "to": ref_dict(impact.after, with_file=False),
        "summary": {"from": impact.summary_before, "to": impact.summary_after},
        "verdict_changes": [{"file": c.file, "network": c.network, "from": c.before.value,
                             "to": c.after.value} for c in impact.changes],
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


def render(impact: Impact, lang: str) -> str:
    """The JSON text; `lang` is ignored because JSON is always English."""
    return dumps(as_dict(impact)) + "\n"
