"""Issue 23, point 9: warnings that change how to read a verdict (a declared other version, an
overdue plan, a document that does not count) stand next to the verdict on a network page,
not only after its members table; other warnings stay in the problems section."""

from __future__ import annotations

import dataclasses

from oncocheck.render import render
from oncocheck.render.pages import MARKED
from oncocheck.report import Finding, Report, Severity, Status, Text


def _page(report: Report, *ids: str) -> str:
    bad = report.results[1]
    extra = tuple(Finding(cid, Severity.WARNING, Status.NOT_MET, Text(cid, cid),
                          Text(f"bericht {cid}", f"message {cid}"),
                          remediation=Text(f"doe iets aan {cid}", f"fix {cid}"))
                  for cid in ids)
    one = dataclasses.replace(bad, findings=(*bad.findings, *extra))
    return render(dataclasses.replace(report, results=(one,)), "html", "en")


def test_each_reading_warning_stands_under_the_verdict(report: Report) -> None:  # noqa: D103
    page = _page(report, *MARKED)
    notes = page.index('id="reading"')
    assert page.index('class="verdict ') < notes < page.index('id="criteria"')
    assert notes < page.index('id="members"')
    for cid in MARKED:
        assert notes < page.index(f"message {cid}") < page.index('id="members"')
        assert f"→ fix {cid}" in page


def test_other_warnings_do_not(report: Report) -> None:  # noqa: D103
    page = _page(report)  # only the sample's duplicate-member warning
    assert 'id="reading"' not in page
    assert page.index("members 2 and 5") > page.index('id="members"')
