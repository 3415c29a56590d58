"""The reviewer charts as inline SVG: the 2a share histogram and the 2a threshold sweep.

Used by the impact page and the batch HTML index; the SVG comes from `svgchart`, which
escapes every text, so the result can go into a page as markup.
"""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup

from oncocheck.analysis.impact import SweepPoint
from oncocheck.analysis.stats import BIN_WIDTH, BINS, ShareDistribution, bin_label
from oncocheck.render.svgchart import Marker, bar_chart
from oncocheck.render.words import words
from oncocheck.wording import percent

_MARKER_COLOURS = ("#7d4e00", "#a40e26", "#5b2ea6")


def _markers(thresholds: Sequence[tuple[str, float]], position) -> list[Marker]:  # noqa: ANN001
    """One dashed line per (label, threshold); `position` maps a threshold to bar units."""
    return [Marker(position(value), f"{label} {percent(value)}",
                   _MARKER_COLOURS[i % len(_MARKER_COLOURS)])
            for i, (label, value) in enumerate(thresholds)]


def share_chart(shares: ShareDistribution, thresholds: Sequence[tuple[str, float]],
                lang: str, chart_id: str = "share-chart") -> Markup:
    """The histogram of 2a shares, with a line at each (label, threshold)."""
    w = words(lang)
    return Markup(bar_chart(
        [bin_label(i) for i in range(BINS)], list(shares.counts), w["share_chart"],
        chart_id=chart_id, axis=w["share_axis"], label_every=2,
        markers=_markers(thresholds, lambda t: t * 100 / BIN_WIDTH)))


def sweep_chart(points: Sequence[SweepPoint], lines: Sequence[tuple[str, float, int | None]],
                lang: str, chart_id: str = "sweep-chart") -> Markup:
    """Networks meeting 2a per threshold (as `to` counts the shares), with a line at each
    (version, threshold) labelled with that version's own count: `loppsoz@2024 60%: 38`."""
    w = words(lang)
    first = points[0].threshold if points else 0
    step = points[1].threshold - first if len(points) > 1 else 1
    markers = [Marker((value * 100 - first) / step + 0.5,
                      f"{label} {percent(value)}" + ("" if n is None else f": {n}"),
                      _MARKER_COLOURS[i % len(_MARKER_COLOURS)])
               for i, (label, value, n) in enumerate(lines)]
    return Markup(bar_chart(
        [f"{p.threshold}%" for p in points], [p.meeting for p in points], w["sweep_chart"],
        chart_id=chart_id, axis=w["sweep_axis"], markers=markers))
