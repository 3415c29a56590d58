"""GitHub's job summary (render/markdown.py `step_summary`): the totals always, the per-network
detail cut first, rows only when they alone do not fit, each cut said in a line."""

from __future__ import annotations

from dataclasses import replace

from markdown_it import MarkdownIt
from sample_report import sample_report

from oncocheck.render import markdown as step_summary
from oncocheck.render.markdown import render as markdown_report
from oncocheck.report import Report


def _batch(copies: int) -> Report:
    """The sample's three files (compliant, not compliant, invalid) `copies` times over."""
    base = sample_report()
    results = [replace(r, file=f"netwerken/{i:04d}/{r.file.rsplit('/', 1)[1]}")
               for i in range(copies) for r in base.results]
    return replace(base, results=tuple(results))


def _size(text: str) -> int:
    return len(text.encode("utf-8"))


def test_a_small_batch_has_totals_rows_and_the_detail_of_networks_with_problems() -> None:
    text = step_summary.step_summary(sample_report(), "en")
    assert text.startswith("## oncocheck · Quality review: overview\n")
    assert "| Files | Compliant | Not compliant | Invalid |\n| ---: | ---: | ---: | ---: |\n" \
           "| 3 | 1 | 1 | 1 |" in text
    assert "| Netwerk Zuid | examples/not-compliant/zuid.yaml | ❌ Not compliant | 10/12 |" in text
    assert "### ❌ Not compliant: Netwerk Zuid" in text
    assert "### ⛔ Invalid: examples/invalid/typo.yaml" in text
    assert "Voorbeeldstad\n" not in text.split("### ")[1]  # a compliant network: no detail
    assert "left out" not in text
    html = MarkdownIt("commonmark").enable("table").render(text)
    assert html.count("<table>") == 3  # totals, rows, the detail of Zuid


def test_the_detail_is_cut_first_with_a_line_saying_so() -> None:
    report = _batch(100)
    full = step_summary.step_summary(report, "en", budget=10**9)
    budget = _size(full) // 2
    text = step_summary.step_summary(report, "en", budget=budget)
    assert _size(text) <= budget + step_summary.MARGIN
    assert text.count("| netwerken/") == 300  # every row stays
    shown = text.count("\n### ")
    assert 0 < shown < 200
    assert text.rstrip().endswith(
        f"Details left out to stay under GitHub's limit (1 MiB per summary): {200 - shown} of "
        "the 200 networks with problems. `--report markdown=PATH` or `--report html=DIR/` "
        "writes the full report.")
    # the details kept are the first ones, in path order
    assert "### ❌ Not compliant: Netwerk Zuid\n\nFile: netwerken/0000/zuid.yaml" in text


def test_rows_are_cut_only_when_they_alone_do_not_fit() -> None:
    report = _batch(100)
    text = step_summary.step_summary(report, "nl", budget=8000)
    assert _size(text) <= 8000 + step_summary.MARGIN
    assert "| 300 | 100 | 100 | 100 |" in text  # the totals stay
    assert "\n### " not in text
    rows = text.count("| netwerken/")
    assert 0 < rows < 300
    assert text.rstrip().endswith(f"… en nog {300 - rows} van de 300 bestanden, weggelaten om "
                                  "onder 1 MiB te blijven")


def test_no_room_at_all_still_gives_the_totals() -> None:
    text = step_summary.step_summary(_batch(2), "en", budget=0)
    assert "| 6 | 2 | 2 | 2 |" in text and "… and 6 more of the 6 files" in text


def test_the_detail_is_the_markdown_reports_own() -> None:
    report = sample_report()
    detail = step_summary.step_summary(report, "en").split("### ❌", 1)[1].split("### ⛔", 1)[0]
    assert detail in markdown_report(report, "en")


def test_the_default_budget_is_under_githubs_limit() -> None:
    assert step_summary.LIMIT == 1024 * 1024
    assert 0 < step_summary.MARGIN < step_summary.LIMIT // 100
