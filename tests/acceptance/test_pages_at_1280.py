"""Issue 23: the pages a reviewer reads at 1280 px, in a real browser (Debian's Chromium).

A batch of 44 generated networks (benchmarks/generate.py, one of them declaring an older
criteria version) is checked with `--compare`; its index, a network page, the impact page of
a draft with a long path and the rounds page are opened at 1280 px. On each: nothing scrolls
sideways, no word is broken mid-way, axe-core finds no violation, and the screenshot is taken
for the README (docs/img/ with ONCOCHECK_UPDATE_GOLDEN=1). Without Chromium they skip, except
under CI=true (see test_browser.py).
"""

from __future__ import annotations

import importlib.util
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from node_tools import node_package
import test_browser
from test_browser import Visit
from one_command import CliRunner

from oncocheck.cli.app import app
from paths import ROOT

pytestmark = pytest.mark.slow
browser = test_browser.browser  # the one headless Chromium (a module-scoped fixture)

WIDTH = 1280
#: Every word of the page's text whose letters stand on more than one line (a word is what
#: lies between spaces, slashes and hyphens, where text may wrap); a name longer than 40
#: characters (`.long`) may break anywhere, and so may a digest.
BROKEN_WORDS = """() => {
  const broken = [];
  const texts = 'main th, main td, main h1, main h2, main dd, main li, main p';
  for (const cell of document.querySelectorAll(texts)) {
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.parentElement.closest('.long, .digest, svg')) continue;
      const words = /[^\\s\\/\\-–]+/g;
      let m;
      while ((m = words.exec(node.data))) {
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const tops = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
        if (tops.size > 1) broken.push(m[0]);
      }
    }
  }
  return broken;
}"""
SIDEWAYS = "document.scrollingElement.scrollWidth - innerWidth"


def _cli(cwd: Path, *args: str) -> None:
    here = Path.cwd()
    os.chdir(cwd)
    try:
        result = CliRunner().invoke(app, list(args))
    finally:
        os.chdir(here)
    assert result.exit_code in (0, 1), result.output


def _generate(folder: Path) -> None:
    """43 networks from the benchmark generator, and one that declares loppsoz@2021."""
    spec = importlib.util.spec_from_file_location("generate", ROOT / "benchmarks" / "generate.py")
    assert spec is not None and spec.loader is not None
    generate = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(generate)
    generate.generate(folder, 43, members=24)
    text = generate.network(43, 24).replace("format: 1\n", "format: 1\ncriteria: loppsoz@2021\n")
    text = text.replace("criteria: loppsoz@2024\n", "")
    (folder / "netwerk-oude-versie.yaml").write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The four pages, made by the command line as a reviewer would."""
    root = tmp_path_factory.mktemp("reviewer")
    _generate(root / "ronde-2026")
    draft = root / "concepten" / "ronde-2026-voorstellen" / "concept-2026.yaml"
    draft.parent.mkdir(parents=True)
    draft.write_text("extends: loppsoz@2024\nversion: concept-2026\ncriteria:\n"
                     "  - id: 2a\n    check: {threshold: 0.65}\n", encoding="utf-8")
    dated = ["--as-of", "2026-11-23"]
    _cli(root, "check", "ronde-2026", "--compare", "loppsoz@2021", *dated, "--format", "html",
         "--output", "site")
    _cli(root, "impact", "ronde-2026", "--from", "loppsoz@2024", "--to",
         str(draft.relative_to(root)), "--sweep", "2a", *dated, "--format", "html",
         "--output", "impact.html")
    _cli(ROOT, "rounds", "tests/fixtures/rounds/old.json", "tests/fixtures/rounds/new.json",
         "--format", "html", "--output", str(root / "rounds.html"))
    return {"index": root / "site" / "index.html",
            "network": root / "site" / "netwerk-oude-versie.html",
            "impact": root / "impact.html", "rounds": root / "rounds.html"}


@pytest.fixture
def visit(browser: object, made: dict[str, Path], request: pytest.FixtureRequest
          ) -> Iterator[Visit]:
    opened = Visit(browser, made[request.param], width=WIDTH)
    yield opened
    opened.context.close()


@pytest.mark.parametrize("visit", ["index", "network", "impact", "rounds"], indirect=True)
def test_at_1280_nothing_scrolls_sideways_and_no_word_breaks(visit: Visit, shots: Path,
                                                             request: pytest.FixtureRequest
                                                             ) -> None:
    page = visit.page
    name = request.node.callspec.params["visit"]
    page.screenshot(path=shots / f"{name}-1280.png", full_page=True)
    assert page.evaluate(SIDEWAYS) <= 0
    assert page.evaluate(BROKEN_WORDS) == []
    page.add_script_tag(path=str(node_package("axe-core") / "axe.min.js"))
    found = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    assert [(v["id"], [n["target"] for n in v["nodes"]][:3])
            for v in found["violations"]] == []
    visit.assert_quiet()


def test_the_word_check_finds_a_broken_word(browser: object) -> None:
    """The check above can fail: a name in a narrow cell that may break anywhere."""
    context = browser.new_context(viewport={"width": WIDTH, "height": 900})
    page = context.new_page()
    page.set_content('<main><table><tr><td style="width: 4em; overflow-wrap: anywhere">'
                     "Oncologiezorgnetwerk Amersfoort</td></tr></table></main>")
    assert "Oncologiezorgnetwerk" in page.evaluate(BROKEN_WORDS)
    context.close()


@pytest.mark.parametrize("visit", ["index"], indirect=True)
def test_the_index_of_44_networks_is_compact_and_leads_with_the_comparison(
        visit: Visit) -> None:
    page = visit.page
    networks = page.locator("table.sortable").first
    assert networks.locator("tbody tr").count() == 44
    assert networks.bounding_box()["height"] <= 44 * 36  # one line a network, about 2 screens
    heading = page.locator("h2").nth(1)
    assert heading.inner_text().startswith("Vergelijking ")  # right after the summary
    row = networks.locator("tbody tr").filter(has_text="11/12").first
    assert row.locator("td.failing").inner_text().strip() != ""  # which criterion fails


@pytest.mark.parametrize("visit", ["network"], indirect=True)
def test_a_declared_other_version_stands_under_the_verdict(visit: Visit) -> None:
    page = visit.page
    note = page.locator("section.reading")
    assert "loppsoz@2021" in note.inner_text()
    verdict = page.locator(".verdict").bounding_box()
    assert note.bounding_box()["y"] < verdict["y"] + 400  # in the first screen, by the verdict
    assert note.bounding_box()["y"] < page.locator("#members").bounding_box()["y"]


@pytest.mark.parametrize("visit", ["impact"], indirect=True)
def test_the_impact_page_keeps_the_drafts_counts_in_view(visit: Visit) -> None:
    page = visit.page
    heads = page.locator("section[aria-labelledby=per-criterion] thead th")
    draft = heads.nth(3)
    assert "concept-2026" in draft.inner_text()
    box = draft.bounding_box()
    assert box["x"] + box["width"] <= WIDTH
    changes = page.locator("section[aria-labelledby=changes] tbody tr")
    assert changes.count() > 0
    for i in range(changes.count()):
        assert "2a voldaan → niet voldaan" in changes.nth(i).inner_text()
    for label in page.locator("svg text").all():  # no chart text is cut off at its edges
        box, chart = label.bounding_box(), label.locator("xpath=ancestor::*[name()='svg']")
        frame = chart.bounding_box()
        assert frame["x"] - 1 <= box["x"]
        assert box["x"] + box["width"] <= frame["x"] + frame["width"] + 1
