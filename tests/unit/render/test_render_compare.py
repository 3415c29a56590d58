"""`check --compare` as data (render/compare.py): the rows per file and the overview of what
changes, which every renderer lays out its own way."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from oncocheck.report import Move
from oncocheck.render import compare, render
from oncocheck.report import CriteriaRef, Finding, Report, Severity, Status, Text, Verdict

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


def test_the_overview_says_which_files_change_and_why(report) -> None:  # noqa: ANN001
    """The file whose verdict changes is named with the criteria that move; the compliant
    file that stays the same is counted, and the invalid one (in neither list) too."""
    both = _compared(report)
    found = compare.overview(both)
    assert [c.result.file for c in found.verdicts] == [report.results[1].file]
    assert found.criteria == [] and found.same == 2
    assert [m.criterion for m in found.verdicts[0].moves] == ["1b", "7"]
    assert compare.reasons(found.verdicts[0].moves, "en") == \
        "1b not met → met; 7 missing → not in the version"
    assert compare.counts_text(found, 3, "nl") == \
        "1 van 3 bestanden krijgt een ander oordeel; 2 blijven gelijk"


def test_a_reason_gives_the_figure_that_differs(report) -> None:  # noqa: ANN001
    """2a under a lower threshold: the share stays, its threshold moves, and the reason says
    so with the figures of both versions (`11/20 = 55% (≥ 60%) → 11/20 = 55% (≥ 50%)`)."""
    share = Finding("2a", Severity.ERROR, Status.NOT_MET, Text("t", "t"), Text("m", "m"),
                    working=(("share", Text("11/20 = 55% (≥ 60%)", "11/20 = 55% (≥ 60%)")),))
    other = replace(share, status=Status.MET,
                    working=(("share", Text("11/20 = 55% (≥ 50%)", "11/20 = 55% (≥ 50%)")),))
    assert compare.reason(Move("2a", share, other), "nl") == \
        "2a niet voldaan → voldaan: 11/20 = 55% (≥ 60%) → 11/20 = 55% (≥ 50%)"
    assert compare.reason(Move("2a", share, replace(share, status=Status.MET)), "en") == \
        "2a not met → met"


def test_the_console_leads_with_the_changes_and_details_only_them(report) -> None:  # noqa: ANN001
    both = _compared(report)
    good, bad, invalid = both.results
    text = render(both, "console", "en")
    lines = text.splitlines()
    assert lines[0] == ("Comparison loppsoz@2024 (applied) → loppsoz@2021 (compared): 1 of 3 "
                        "files changes verdict; 2 stay the same")
    assert "  ✘ → ✔  " + f"{bad.network} · {bad.file}" in lines
    assert lines.index("         1b not met → met; 7 missing → not in the version") < \
        lines.index(bad.file)  # the reason comes before the file's own report
    assert invalid.file in lines  # a file that cannot be read is always shown
    assert good.file not in lines  # the one that stays the same is only counted
    assert good.file in render(report, "console", "en").splitlines()  # without --compare


def test_the_index_shows_the_comparison_first(report) -> None:  # noqa: ANN001
    both = _compared(report)
    page = render(both, "html", "en")
    assert page.index('id="compare"') < page.index('id="networks"')
    assert "Comparison loppsoz@2024 (applied) → loppsoz@2021 (compared)" in page
    assert "1 of 3 files changes verdict; 2 stay the same" in page
    assert "1b not met → met; 7 missing → not in the version" in page
    assert 'id="compare"' not in render(report, "html", "en")


def test_markdown_leads_with_the_comparison(report) -> None:  # noqa: ANN001
    both = _compared(report)
    text = render(both, "markdown", "en")
    bad = report.results[1]
    line = (f"- ❌ → ✅ {bad.network} ({bad.file}): 1b not met → met; 7 missing → not in the "
            "version")
    assert line in text.splitlines()
    heading = "**Comparison loppsoz@2024 (applied) → loppsoz@2021 (compared)**"
    assert text.index(heading) < text.index("| Network")
    assert "**Comparison loppsoz@2024 →" not in render(report, "markdown", "en")
