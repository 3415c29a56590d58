"""A network page's "Wat is beoordeeld" ("What was judged"): every file read, with its kind,
size and SHA-256, in a section folded shut (a reviewer opens it to prove what was judged)."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from htmlcheck import strict_parse
from oncocheck.render import site


@pytest.mark.parametrize("lang, title, kinds, not_read", [
    ("nl", "Wat is beoordeeld", ["netwerkbestand", "ledenlijst", "document"],
     "niet gelezen (te groot of niet leesbaar)"),
    ("en", "What was judged", ["network file", "members list", "document"],
     "not read (too large or unreadable)")])
def test_the_page_lists_every_file_read(report, lang: str, title: str,  # noqa: ANN001
                                        kinds: list[str], not_read: str) -> None:
    page = site(report, lang)["zuid.html"]
    strict_parse(page)
    section = page.split('<section aria-labelledby="judged" class="judged">', 1)[1]
    section = section.split("</section>", 1)[0]
    assert f'<h2 id="judged">{title}</h2>' in section
    assert "<details><summary>" in section and "<details open" not in section  # folded shut
    rows = re.findall(r"<tr><td class=\"path\"><code>(.*?)</code></td><td>([^<]+)</td>"
                      r"<td class=\"num\">([^<]+)</td><td>(.*?)</td></tr>", section)
    inputs = report.results[1].inputs
    shown = [r[0].replace("<wbr>", "") for r in rows]  # from the batch's folder, wrapping at /
    assert len(shown) == len(inputs)
    assert all(i.path.endswith(s) for s, i in zip(shown, inputs, strict=True))
    assert shown[0] == "not-compliant/zuid.yaml"
    assert [r[1] for r in rows] == kinds
    assert [r[2] for r in rows] == ["1800", "9120", "–"]
    assert rows[0][3] == f'<code class="digest">{inputs[0].sha256}</code>'
    assert rows[2][3] == not_read
    assert "sha256sum" in section


def test_no_section_when_nothing_was_read(report) -> None:  # noqa: ANN001
    unread = replace(report.results[2], inputs=())
    pages = site(replace(report, results=(*report.results[:2], unread)), "en")
    assert 'id="judged"' not in pages["typo.html"]
    assert 'id="judged"' in pages["voorbeeldstad.html"]
