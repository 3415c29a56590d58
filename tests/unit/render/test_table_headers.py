"""Every table header of every kind of HTML page says what its column or row holds (axe-core's
`empty-table-header`; issue 21, point 12: the rounds page had an empty one), in both languages.
A visually hidden text (`class="sr"`) counts: a screen reader reads it. The browser test
(tests/acceptance/test_browser.py) runs axe-core itself on the same kinds of page."""

from __future__ import annotations

import os
from pathlib import Path

import html5lib
import pytest
from one_command import CliRunner

from oncocheck.cli.app import app
from paths import ROOT

#: A command line that makes each kind of page (a template that extends base.html).
PAGES = {
    "network": ["check", "examples/not-compliant/verwijsgids-55.yaml", "--compare",
                "loppsoz@2021", "--as-of", "2026-11-23"],
    "index": ["check", "examples/", "--as-of", "2026-11-23"],
    "impact": ["impact", "tests/impact", "--from", "loppsoz@2021", "--to", "loppsoz@2024",
               "--sweep", "2a", "--as-of", "2026-11-23"],
    "rounds": ["rounds", "tests/fixtures/rounds/old.json", "tests/fixtures/rounds/new.json"],
}


def _text(element: object) -> str:
    """What a screen reader reads of `element`: its text, less what is aria-hidden."""
    if element.get("aria-hidden") == "true":
        return ""
    return (element.text or "") + "".join(_text(child) + (child.tail or "")
                                          for child in element)


def test_every_page_kind_is_made_here() -> None:
    templates = ROOT / "src" / "oncocheck" / "render" / "templates"
    kinds = {p.stem for p in templates.glob("*.html") if "{% extends" in p.read_text("utf-8")}
    assert kinds == set(PAGES)


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("kind", sorted(PAGES))
def test_no_table_header_is_empty(tmp_path: Path, kind: str, lang: str) -> None:
    out = tmp_path / "site" if kind == "index" else tmp_path / "page.html"
    cwd = Path.cwd()
    os.chdir(ROOT)
    try:
        result = CliRunner().invoke(app, [*PAGES[kind], "--format", "html", "--output",
                                          str(out), "--lang", lang])
    finally:
        os.chdir(cwd)
    assert result.exit_code in (0, 1, 2), result.output
    pages = sorted(out.glob("*.html")) if kind == "index" else [out]
    for page in pages:
        tree = html5lib.parse(page.read_text("utf-8"), namespaceHTMLElements=False)
        headers = tree.iter("th")
        empty = [page.name for th in headers if not _text(th).strip()]
        assert empty == [], empty
