"""The reviewer charts as inline SVG bar charts: the 2a share histogram and the 2a threshold
sweep, for the impact page and the batch HTML index.

No scripts, fonts or links: a chart is drawn with plain shapes and presentation attributes, so
it looks the same inside any page and offline. Every text is escaped, so a chart can go into a
page as markup. A chart is an image for assistive technology (`role="img"`, `<title>`,
`aria-label`); pages show its numbers in a table as well.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape

from markupsafe import Markup

from oncocheck.analysis.impact import SweepPoint
from oncocheck.analysis.stats import BIN_WIDTH, BINS, ShareDistribution, bin_label
from oncocheck.render.words import words
from oncocheck.wording import percent

WIDTH, HEIGHT = 720, 280
LEFT, RIGHT, TOP, BOTTOM = 40, 10, 44, 44
BAR, INK, MUTED, GRID = "#0a58ca", "#1f2328", "#57606a", "#d0d7de"
LETTER = 6.2  # the width of a character of 11 px text, at most, in the fonts pages name


@dataclass(frozen=True, slots=True)
class Marker:
    """A vertical line across the chart with a label: `at` counts bar widths from the left
    edge (0 is the left of the first bar, 2.5 the middle of the third)."""

    at: float
    label: str
    colour: str = "#a40e26"


def _text(x: float, y: float, text: str, anchor: str = "middle", size: int = 11,
          colour: str = INK) -> str:
    # a white halo under each text: a threshold line passing behind a number leaves it legible
    return (f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" font-size="{size}" '
            f'fill="{colour}" stroke="#fff" stroke-width="3" paint-order="stroke">'
            f'{escape(text)}</text>')


def _bars(values: Sequence[int], labels: Sequence[str],
          label_every: int) -> tuple[list[str], list[str]]:
    """The bars, and their numbers and labels (drawn last, over any threshold line)."""
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    step, top = plot_w / max(len(values), 1), max([*values, 1])
    parts: list[str] = []
    texts: list[str] = []
    for i, (value, label) in enumerate(zip(values, labels, strict=True)):
        height = plot_h * value / top
        x, y = LEFT + i * step, TOP + plot_h - height
        if value:  # an empty bin is no shape; its 0 is in the page's table
            parts.append(f'<rect x="{x + step * 0.1:.1f}" y="{y:.1f}" '
                         f'width="{step * 0.8:.1f}" height="{height:.1f}" fill="{BAR}">'
                         f'<title>{escape(label)}: {value}</title></rect>')
            texts.append(_text(x + step / 2, y - 4, str(value)))
        if i % label_every == 0:
            texts.append(_text(x + step / 2, TOP + plot_h + 15, label, colour=MUTED))
    return parts, texts


def _marker(marker: Marker, count: int, index: int) -> str:
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    x = LEFT + plot_w * marker.at / max(count, 1)
    y = 12 + 12 * (index % 2)  # above the bars; alternate so two close labels do not overlap
    # beside its line, leftwards right of the middle, and always inside the chart: a label
    # is never cut off (its width estimated from the font size, 11 px)
    width = len(marker.label) * LETTER
    start = x - 4 - width if x > LEFT + plot_w / 2 else x + 4
    start = max(2.0, min(start, WIDTH - 2 - width))
    return (f'<line x1="{x:.1f}" y1="{y + 4}" x2="{x:.1f}" y2="{TOP + plot_h}" '
            f'stroke="{marker.colour}" stroke-width="2" stroke-dasharray="6 3"/>'
            + _text(start, y, marker.label, anchor="start", colour=marker.colour))


def bar_chart(labels: Sequence[str], values: Sequence[int], title: str, *, chart_id: str,
              axis: str = "", markers: Sequence[Marker] = (), label_every: int = 1) -> str:
    """An SVG bar chart of `values` (one bar per label), titled `title`, with optional
    vertical `markers` and an `axis` caption under the labels. `chart_id` makes the ids of
    the title unique in the page."""
    plot_h = HEIGHT - TOP - BOTTOM
    bars, texts = _bars(values, labels, max(label_every, 1))
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'width="100%" role="img" aria-label="{escape(title)}" '
        f'aria-labelledby="{escape(chart_id)}-title" font-family="system-ui, sans-serif">',
        f'<title id="{escape(chart_id)}-title">{escape(title)}</title>',
        f'<line x1="{LEFT}" y1="{TOP + plot_h}" x2="{WIDTH - RIGHT}" y2="{TOP + plot_h}" '
        f'stroke="{GRID}"/>',
        # bars, then the lines, then the numbers: a line never hides a bar's number
        *bars, *(_marker(m, len(values), i) for i, m in enumerate(markers)), *texts,
    ]
    if axis:
        parts.append(_text(LEFT + (WIDTH - LEFT - RIGHT) / 2, HEIGHT - 6, axis, colour=MUTED))
    parts.append("</svg>")
    return "\n".join(parts)


_MARKER_COLOURS = ("#7d4e00", "#a40e26", "#5b2ea6")


#: A line on a chart: (label, threshold), or (label, threshold, networks meeting it or None).
Line = tuple[str, float] | tuple[str, float, int | None]


def _markers(lines: Sequence[Line], position: Callable[[float], float],
             lang: str) -> list[Marker]:
    """One dashed line per threshold, labelled `loppsoz@2024 60%` (and `: 38` with a count);
    `position` maps a threshold to bar units."""
    return [Marker(position(line[1]), f"{line[0]} {percent(line[1], lang)}"
                   + (f": {line[2]}" if len(line) > 2 and line[2] is not None else ""),
                   _MARKER_COLOURS[i % len(_MARKER_COLOURS)]) for i, line in enumerate(lines)]


def share_chart(shares: ShareDistribution, lines: Sequence[Line], lang: str) -> Markup:
    """The histogram of 2a shares, with a line at each threshold."""
    w = words(lang)
    return Markup(bar_chart(
        [bin_label(i) for i in range(BINS)], list(shares.counts), w["share_chart"],
        chart_id="share-chart", axis=w["share_axis"], label_every=2,
        markers=_markers(lines, lambda t: t * 100 / BIN_WIDTH, lang)))


def sweep_chart(points: Sequence[SweepPoint], lines: Sequence[Line], lang: str) -> Markup:
    """Networks meeting 2a per threshold (as `to` counts the shares), with a line at each
    (version, threshold) labelled with that version's own count: `loppsoz@2024 60%: 38`."""
    w = words(lang)
    first = points[0].threshold if points else 0
    step = points[1].threshold - first if len(points) > 1 else 1
    return Markup(bar_chart(
        [f"{p.threshold}%" for p in points], [p.meeting for p in points], w["sweep_chart"],
        chart_id="sweep-chart", axis=w["sweep_axis"],
        markers=_markers(lines, lambda t: (t * 100 - first) / step + 0.5, lang)))
