"""Reviewer statistics: the 2a share bins, disciplines per network, the SVG chart, and the
statistics section of the batch HTML index."""

from __future__ import annotations

import dataclasses
from fractions import Fraction

import html5lib
import pytest
from htmlcheck import external_references, strict_parse
from sample_report import sample_report

from oncocheck.render.html import Site as render_site
from oncocheck.render.charts import Marker, bar_chart
from oncocheck.report import Finding, MemberRow, Severity, Status, Text
from oncocheck.analysis.stats import (bin_label, discipline_counts, share_bin, share_distribution,
                             share_of, share_thresholds)


def with_share(result, listed: int, eligible: int):  # noqa: ANN001, ANN201 - a FileResult
    """`result` with its 2a finding observing listed/eligible."""
    findings = tuple(dataclasses.replace(f, observed={"listed": listed, "eligible": eligible,
                                                      "threshold": 0.6})
                     if f.criterion == "2a" else f for f in result.findings)
    return dataclasses.replace(result, findings=findings)


@pytest.mark.parametrize("share, index", [
    (Fraction(0), 0), (Fraction(1, 20), 1), (Fraction(49, 100), 9), (Fraction(1, 2), 10),
    (Fraction(3, 5), 12), (Fraction(599, 1000), 11), (Fraction(5, 8), 12),
    (Fraction(19, 20), 19), (Fraction(1), 19)])
def test_bins_are_five_percent_wide_lower_bound_included(share: Fraction, index: int) -> None:
    assert share_bin(share) == index


def test_bin_labels() -> None:
    assert [bin_label(0), bin_label(12), bin_label(19)] == ["0–5%", "60–65%", "95–100%"]


def test_distribution_counts_undefined_and_invalid_apart() -> None:
    report = sample_report()
    good, bad, invalid = report.results
    results = (with_share(good, 7, 11), with_share(bad, 0, 0), invalid,
               with_share(good, 3, 5))
    shares = share_distribution(results)
    assert (shares.networks, shares.undefined, shares.invalid) == (2, 1, 1)
    assert shares.counts[12] == 2 and sum(shares.counts) == 2
    assert (shares.minimum, shares.maximum) == (Fraction(3, 5), Fraction(7, 11))
    assert shares.median == (Fraction(3, 5) + Fraction(7, 11)) / 2
    assert share_of(with_share(bad, 0, 0)) is None and share_of(invalid) is None
    assert share_thresholds(results) == (("loppsoz@2024", 0.6),)


def test_empty_batch_has_no_median() -> None:
    shares = share_distribution(())
    assert (shares.networks, shares.median, sum(shares.counts)) == (0, None, 0)


def test_disciplines_per_network_count_each_network_once() -> None:
    report = sample_report()
    good, bad, invalid = report.results
    extra = MemberRow("D. Smit", "diëtist", "dietist", Text("diëtist", "dietitian"), None,
                      True, None, None)
    other = MemberRow("E. Vos", "yoga", "anders", Text("yoga", "yoga"), None, None, None, None)
    bad = dataclasses.replace(bad, members=(*bad.members, extra, extra, other))
    counts = discipline_counts((good, bad, invalid))
    assert [(c.discipline, c.label.en, c.networks) for c in counts] == [
        ("fysiotherapeut", "physiotherapist", 2), ("logopedist", "speech therapist", 2),
        ("anders", "other profession", 1), ("dietist", "dietitian", 1)]


def test_svg_chart_escapes_text_and_is_an_image() -> None:
    svg = bar_chart(["<b>", "b&c"], [3, 0], "T <script>", chart_id="c1",
                    axis='a "quoted"', markers=[Marker(1, "<i>x</i>")])
    assert "<script>" not in svg and "<b>" not in svg and "<i>" not in svg
    assert "T &lt;script&gt;" in svg and "&lt;b&gt;" in svg and "a &quot;quoted&quot;" in svg
    assert 'role="img"' in svg and '<title id="c1-title">' in svg
    assert svg.count("<rect") == 1  # an empty bar is no shape


def test_index_has_the_statistics_section() -> None:
    report = sample_report("<script>alert(1)</script>")
    good, bad, invalid = report.results
    bad = dataclasses.replace(with_share(bad, 11, 20), members=(
        *bad.members, MemberRow("<b>x</b>", "<b>x</b>", "anders", Text("<b>x</b>", "<b>x</b>"),
                                None, None, None, None)))
    report = dataclasses.replace(report, results=(with_share(good, 7, 11), bad, invalid))
    page = render_site(report, "en")["index.html"]
    strict_parse(page)
    assert external_references(page) == [] and "<b>x</b>" not in page
    tree = html5lib.parse(page, namespaceHTMLElements=False)
    section = tree.find(".//section[@aria-labelledby='statistics']")
    text = " ".join(" ".join(section.itertext()).split())
    for expected in ("Reviewer statistics", "Distribution of the 2a share", "lowest: 55%",
                     "highest: 63.6%", "invalid files (not counted): 1", "55–60% 1",
                     "60–65% 1", "physiotherapist 2", "other profession 1",
                     "1 invalid file is not counted."):
        assert expected in text, expected
    svg = next(e for e in section.iter() if e.tag.endswith("svg"))
    assert svg.get("role") == "img" and "loppsoz@2024 60%" in "".join(svg.itertext())


def test_index_statistics_in_dutch() -> None:
    page = render_site(sample_report(), "nl")["index.html"]
    assert "Statistieken voor beoordelaars" in page and "Disciplines per netwerk" in page


def test_findings_without_share_keys_are_undefined() -> None:
    finding = Finding("2a", Severity.ERROR, Status.MISSING, Text("t", "t"), Text("m", "m"),
                      {"listed": 0, "eligible": 0, "threshold": 0.6})
    result = dataclasses.replace(sample_report().results[0], findings=(finding,))
    assert share_of(result) is None
