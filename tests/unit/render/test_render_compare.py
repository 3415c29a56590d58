"""`check --compare` as data (render/compare.py), which every renderer lays out its own way."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from oncocheck.render import compare
from oncocheck.report import CriteriaRef, Report, Status, Verdict

OTHER = CriteriaRef("loppsoz", "2021", date(2021, 1, 1))


def _compared(report: Report) -> Report:
    """The sample report, compared with itself under loppsoz@2021 where 1b is met and 7 gone."""
    good, bad, invalid = report.results
    other_bad = replace(bad, verdict=Verdict.COMPLIANT, criteria=OTHER, findings=tuple(
        replace(f, status=Status.MET) if f.criterion == "1b" else f
        for f in bad.findings if f.criterion != "7"))
    return replace(report, compare=replace(report, criteria=OTHER,
                                           results=(replace(good, criteria=OTHER), other_bad)))


def test_pairs_and_the_rows_that_differ(report) -> None:  # noqa: ANN001
    both = _compared(report)
    pairs = compare.pairs(both)
    assert [(a.file, b.file if b else None) for a, b in pairs] == [
        (r.file, r.file if i < 2 else None) for i, r in enumerate(report.results)]
    bad, other = pairs[1]
    assert compare.other_of(both, bad) is other and compare.verdict_differs(bad, other)
    assert not compare.verdict_differs(*pairs[0]) and not compare.verdict_differs(*pairs[2])
    rows = {row.id: row for row in compare.rows(bad, other, "en")}
    assert rows["1b"] == compare.Row("1b", "Physio, dietitian, psychosocial", Status.NOT_MET,
                                     Status.MET, True)
    assert rows["7"].theirs is None and rows["7"].differs and not rows["1a"].differs
    assert compare.changed(bad, other) == ["1b", "7"]


def test_column_heads_and_header_name_both_versions(report) -> None:  # noqa: ANN001
    both = _compared(report)
    bad, other = compare.pairs(both)[1]
    assert compare.columns(bad, other, both, "nl") == ("loppsoz@2024 (toegepast)",
                                                      "loppsoz@2021 (ter vergelijking)")
    invalid, none = compare.pairs(both)[2]
    assert compare.columns(invalid, none, both, "en") == ("— (applied)",
                                                         "loppsoz@2021 (compared)")
    assert compare.header(both) == "loppsoz@2024 ↔ loppsoz@2021"
    assert compare.header(report) == "loppsoz@2024 ↔ —"
