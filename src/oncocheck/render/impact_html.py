"""The impact report as one self-contained HTML page (`oncocheck impact --format html`).

The same base template, stylesheet and escaping as the HTML reports; the charts are inline
SVG (no script), each with its numbers in a table as well.
"""

from __future__ import annotations

from oncocheck.analysis.impact import Impact
from oncocheck.render.charts import share_chart, sweep_chart
from oncocheck.render.html import page
from oncocheck.render.impact_text import sweep_lines, thresholds, transitions_text
from oncocheck.render.versions import date_span


def render(impact: Impact, lang: str) -> str:
    """The impact page in `lang`."""
    lines = thresholds(impact)
    return page(
        "impact.html", lang, report=impact, impact=impact,
        page_as_of=date_span(impact.dates, impact.as_of, lang),
        share_svg=share_chart(impact.shares, lines, lang),
        sweep_svg=sweep_chart(impact.sweep, sweep_lines(impact), lang) if impact.sweep else None,
        transitions={c.id: transitions_text(c.transitions, lang) for c in impact.criteria})
