"""The batch index as a reviewer's overview: per network always the version and the as-of
date applied, and a marker with text for the warnings a reviewer must see (a declared version
other than the one applied, a plan item past its date, a document not found or not usable),
linking to the network page's warnings."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from htmlcheck import strict_parse
from oncocheck.render import render, site
from oncocheck.render.pages import markers
from oncocheck.report import Finding, Severity, Status, Text


def _warning(kind: str) -> Finding:
    return Finding(kind, Severity.WARNING, Status.NOT_MET, Text(kind, kind), Text(kind, kind))


@pytest.fixture
def flagged(report):  # noqa: ANN001, ANN201 - the sample report, its second network flagged
    zuid = report.results[1]
    extra = tuple(_warning(k) for k in ("plan-overdue", "document-not-found", "criteria-pin",
                                        "plan-overdue", "template-name"))
    return replace(report, results=(report.results[0], replace(
        zuid, findings=(*zuid.findings, *extra)), report.results[2]))


def _rows(page: str) -> list[str]:
    body = page.split('<h2 id="networks">', 1)[1].split("</table>", 1)[0]
    return re.findall(r"<tr data-network=.*?</tr>", body)


def test_markers_name_the_kinds_in_order_with_counts(flagged) -> None:  # noqa: ANN001
    found = markers(flagged.results[1], "en")
    assert [(m.warning, m.text, m.count) for m in found] == [
        ("criteria-pin", "other version declared", 1), ("plan-overdue", "plan overdue", 2),
        ("document-not-found", "document not found", 1)]
    assert [m.text for m in markers(flagged.results[1], "nl")] == [
        "andere versie verklaard", "plan over de datum", "document niet gevonden"]
    assert markers(flagged.results[0], "en") == []  # duplicate members are no marker


def test_the_index_links_each_marker_to_the_networks_warnings(flagged) -> None:  # noqa: ANN001
    pages = site(flagged, "en")
    index = pages["index.html"]
    strict_parse(index)
    good, zuid, invalid = _rows(index)
    assert "flag" not in good and "flag" not in invalid
    links = re.findall(r'<a class="flag" href="([^"]+)">(.*?)</a>', zuid)
    assert links == [("zuid.html#problems",
                      f'<span aria-hidden="true">⚠</span> {text}')
                     for text in ("other version declared", "plan overdue (2)",
                                  "document not found")]
    assert 'id="problems"' in pages["zuid.html"]


def test_without_pages_the_markers_are_text(flagged) -> None:  # noqa: ANN001
    index = render(flagged, "html", "nl")  # several files: the index alone, without links
    zuid = _rows(index)[1]
    assert '<a class="flag"' not in zuid
    assert '<span class="flag"><span aria-hidden="true">⚠</span> plan over de datum (2)</span>' \
        in zuid


@pytest.mark.parametrize("lang, version, as_of", [("nl", "Criteria", "Peildatum"),
                                                  ("en", "Criteria", "As of")])
def test_version_and_as_of_are_always_columns(report, lang: str, version: str,  # noqa: ANN001
                                              as_of: str) -> None:
    assert len(report.applied) == 1  # one version, one date: not a mixed batch
    index = site(report, lang)["index.html"]
    head = index.split('<h2 id="networks">', 1)[1].split("</thead>", 1)[0]
    assert f'<th scope="col">{version}</th><th scope="col">{as_of}</th>' in head
    good, _, invalid = _rows(index)
    assert ('<td>loppsoz@2024</td><td data-sort="20261123"><time datetime="2026-11-23">'
            '2026-11-23</time></td>') in good  # sorted as a number: 2026 alone would tie
    assert '<td>–</td><td data-sort="0">–</td>' in invalid
