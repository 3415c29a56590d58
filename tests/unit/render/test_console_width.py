"""The terminal report at the widths people have: on an 80-column terminal every key and
value a person must type is shown whole on one line (wrapped between words, never cut with
an ellipsis); a wide terminal keeps the table."""

from __future__ import annotations

import io
import re

import pytest
from rich.console import Console

from oncocheck.render.console import TABLE_WIDTH, draw
from oncocheck.report import Report
from sample_report import sample_report


def _drawn(report: Report, width: int, lang: str) -> str:
    buffer = io.StringIO()
    draw(report, lang, Console(file=buffer, width=width, no_color=True, color_system=None,
                               force_terminal=False, highlight=False))
    return buffer.getvalue()


def _checked(text: str) -> Report:
    from datetime import date
    from pathlib import Path
    from tempfile import mkdtemp

    from oncocheck.cli.request import run_batch
    from oncocheck.run.decide import choose

    path = Path(mkdtemp()) / "netwerk.yaml"
    path.write_text(text, encoding="utf-8")
    day = date(2026, 11, 23)
    return run_batch([(path, "netwerk.yaml")], [choose(None, day, day)], 1, "nl")[0]


KEYS = ("`network.website_lists_verwijsgids_members`", "`network.participation_agreement`",
        "`min_meetings_per_year`", "`network.hospital_contacts`")


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("width", [60, 80, 100])
def test_on_a_narrow_terminal_no_key_is_cut(width: int, lang: str) -> None:
    out = _drawn(_checked("format: 1\nnetwork:\n  name: Netwerk\n"), width, lang)
    assert "…" not in out
    for key in KEYS:
        assert key in out, key  # whole, on one line
    criteria = out[out.index("\n1a "):out.index("\n10 ")]  # (summary lines wrap softly)
    assert max(len(line.rstrip()) for line in criteria.splitlines()) <= width
    assert "┃" not in out  # a list, not a table too narrow for its findings


def test_a_wide_terminal_keeps_the_table_without_ellipsis() -> None:
    out = _drawn(sample_report(), TABLE_WIDTH, "nl")
    assert "┃" in out and "…" not in re.sub(r"'[^']*…'", "", out)
