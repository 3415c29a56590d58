"""The HTML reports in a real browser (Debian's Chromium, driven by Playwright).

The site is made by the command line from examples/, opened from file:// URLs; the tests check
what a reader sees, that nothing is fetched and nothing is logged as an error, and they take
the README's screenshots (written to docs/img/ with ONCOCHECK_UPDATE_GOLDEN=1). Without
Chromium they skip, except under CI=true, where they fail: CI must run them.
"""

from __future__ import annotations

import dataclasses
import io
import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from node_tools import node_package
from sample_report import sample_report
from one_command import CliRunner

from oncocheck.cli.app import app
from oncocheck.render import render
from paths import ROOT

pytestmark = pytest.mark.slow  # `pytest -m "not slow"` is the quick loop

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def _unavailable(reason: str) -> None:
    """Skip locally; fail under CI, where the browser tests must run."""
    message = f"{reason}; install it with `apt-get install chromium` (and pip install playwright)"
    if os.environ.get("CI") == "true":
        pytest.fail(f"CI=true but {message}")
    pytest.skip(message)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    """One headless Chromium for the module."""
    if not CHROMIUM.exists():
        _unavailable(f"{CHROMIUM} is not installed")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("the Python package playwright is not installed")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`oncocheck check examples/ --format html --output <tmp>/report`, run as a user would."""
    out = tmp_path_factory.mktemp("site") / "report"
    cwd = Path.cwd()
    os.chdir(ROOT)  # display paths relative to the project, as in the README
    try:
        result = CliRunner().invoke(app, ["check", "examples/", "--format", "html", "--output",
                                          str(out), "--as-of", "2026-11-23"])
    finally:
        os.chdir(cwd)
    assert result.exit_code == 2, result.output  # the examples include invalid files
    return out


class Visit:
    """A page opened in a fresh context, with every request and console error recorded."""

    def __init__(self, browser: object, path: Path, width: int = 1100) -> None:
        self.context = browser.new_context(viewport={"width": width, "height": 900})
        self.page = self.context.new_page()
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.context.on("request", lambda r: self.requests.append(r.url))
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.url = path.resolve().as_uri()
        self.page.goto(self.url)

    def assert_quiet(self) -> None:
        """Only the page itself was requested; no console error, no dialog."""
        assert self.requests == [self.url]
        assert self.errors == [] and self.dialogs == []


def test_network_page(browser: object, site: Path, shots: Path) -> None:
    visit = Visit(browser, site / "verwijsgids-55.html")
    page = visit.page
    assert page.get_by_role("heading", level=1).inner_text() == "Oncologienetwerk De Meierij"
    for text in ("✘ Voldoet niet", "loppsoz@2024", "geldig vanaf 2024-02-06", "2026-11-23",
                 "11/20 = 55% (≥ 60%)", "zich aan te melden"):
        assert page.get_by_text(text).first.is_visible(), text
    assert page.get_by_role("table").filter(has_text="Lid 20").is_visible()
    page.screenshot(path=shots / "network-page.png", full_page=True,
                    clip={"x": 0, "y": 0, "width": 1100, "height": 1400})
    visit.assert_quiet()
    visit.context.close()


def test_batch_index(browser: object, site: Path, shots: Path) -> None:
    visit = Visit(browser, site / "index.html")
    page = visit.page
    assert page.get_by_role("heading", level=1).inner_text() == "Kwaliteitstoets: overzicht"
    matrix = page.locator("table.matrix")
    assert matrix.is_visible()
    assert matrix.locator("tbody tr").count() == 8
    for text in ("8 bestanden", "Oncologienetwerk Overijssel", "Per criterium"):
        assert page.get_by_text(text).first.is_visible(), text
    page.screenshot(path=shots / "batch-index.png", full_page=True)
    visit.assert_quiet()
    _sort_and_filter(page)
    page.get_by_role("link", name="Oncologienetwerk Overijssel").first.click()
    assert page.get_by_role("heading", level=1).inner_text() == "Oncologienetwerk Overijssel"
    assert page.url.endswith("provinciaal.html")
    assert visit.errors == []
    visit.context.close()


def _sort_and_filter(page: object) -> None:
    """The index's optional script: sort by the score column, filter by name."""
    networks = page.locator("table.sortable").first
    first = lambda: networks.locator("tbody tr").first.locator("th").inner_text()  # noqa: E731
    score = networks.get_by_role("button", name="Voldaan")
    score.click()
    assert first().startswith("invalid/")  # no score sorts first, ascending
    score.click()
    assert first() == "Oncologiezorgnetwerk Voorbeeldstad"  # 12/12
    assert networks.locator("th[aria-sort=descending]").count() == 1
    page.get_by_label("Zoek netwerk:").fill("overijssel")
    assert page.locator("tr[data-network]:visible").count() == 2  # the table and the matrix
    page.get_by_label("Zoek netwerk:").fill("")
    assert page.locator("tr[data-network]:visible").count() == 16


def test_index_is_complete_without_scripts(browser: object, site: Path) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto((site / "index.html").resolve().as_uri())
    assert page.locator("table.matrix tbody tr").count() == 8
    assert page.locator("tr[data-network]:visible").count() == 16
    assert page.locator("th button").count() == 0 and page.locator("#filter").count() == 0
    statistics = page.locator("section[aria-labelledby=statistics]")
    assert statistics.get_by_role("img").first.is_visible()  # the 2a share chart
    assert statistics.get_by_text("Disciplines per netwerk").is_visible()
    context.close()


def test_impact_page(browser: object, tmp_path: Path) -> None:
    target = tmp_path / "impact.html"
    cwd = Path.cwd()
    os.chdir(ROOT)
    try:
        result = CliRunner().invoke(app, [
            "impact", "tests/impact", "--from", "loppsoz@2021", "--to", "loppsoz@2024",
            "--sweep", "2a", "--format", "html", "--output", str(target), "--lang", "en",
            "--as-of", "2026-11-23"])
    finally:
        os.chdir(cwd)
    assert result.exit_code == 0, result.output
    visit = Visit(browser, target)
    page = visit.page
    assert page.get_by_role("heading", level=1).inner_text() == \
        "Impact of a criteria version: loppsoz@2021 → loppsoz@2024"
    charts = page.get_by_role("img")
    assert charts.count() == 2 and charts.first.is_visible()
    assert charts.first.bounding_box()["height"] > 100
    visit.assert_quiet()
    visit.context.close()


def test_hostile_name_runs_no_script(browser: object, tmp_path: Path) -> None:
    hostile = "<script>alert(1)</script><img src=x onerror=alert(2)>"
    report = sample_report(hostile)
    single = report.__class__(report.tool_version, report.as_of, report.criteria,
                              report.criteria_sets, (report.results[1],))
    path = tmp_path / "hostile.html"
    path.write_text(render(single, "html", "en"), encoding="utf-8")
    visit = Visit(browser, path)
    assert visit.page.get_by_role("heading", level=1).inner_text() == hostile
    visit.assert_quiet()
    visit.context.close()


def test_print_layout_is_light_and_a4(browser: object, site: Path, tmp_path: Path) -> None:
    visit = Visit(browser, site / "bv.html")
    page = visit.page
    page.emulate_media(media="print")
    background = page.locator(".verdict").evaluate("e => getComputedStyle(e).backgroundColor")
    assert background == "rgb(255, 255, 255)"
    head = page.locator(".criterion-head").first.evaluate("e => getComputedStyle(e).breakAfter")
    assert head == "avoid"
    pdf = page.pdf(format="A4", print_background=True)
    assert pdf.startswith(b"%PDF") and 2 <= len(pdf_pages(pdf)) <= 8
    visit.context.close()


def pdf_pages(pdf: bytes) -> list[str]:
    """The text of each page of a PDF (pypdf)."""
    from pypdf import PdfReader

    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def printed(browser: object, path: Path | None = None, html: str | None = None) -> list[str]:
    """A page printed by Chromium to A4 PDF, as the text of each PDF page."""
    context = browser.new_context()
    page = context.new_page()
    if path is not None:
        page.goto(path.resolve().as_uri())
    else:
        page.set_content(html)
    pdf = page.pdf(format="A4")
    context.close()
    return pdf_pages(pdf)


CARD_HEAD = re.compile(r"^\d+[ab]? · .+ (✔ voldaan|✘ niet voldaan|\? ontbreekt)$")


def test_printed_cards_fill_the_page_and_keep_their_heads(browser: object, site: Path) -> None:
    """A card may break across pages, so page 1 holds more than two cards; a card's head never
    ends a page without its first lines."""
    first = printed(browser, site / "bv.html")[0]
    assert "2a · Leden vermeld in de Verwijsgids Kanker" in first  # the third criterion
    for name in sorted(p.name for p in site.iterdir() if p.name != "index.html"):
        for number, text in enumerate(printed(browser, site / name)[:-1], 1):
            last = [line for line in text.splitlines() if line.strip()][-1]
            assert not CARD_HEAD.match(last), f"{name}, page {number} ends with {last!r}"


@pytest.mark.parametrize("networks", range(2, 13))
def test_printed_legend_stays_with_its_table(browser: object, networks: int) -> None:
    """However many networks push it down the page, the matrix's legend and the matrix start
    on the same page (the matrix used to be kept whole and leave its legend behind)."""
    report = sample_report()
    results = tuple(dataclasses.replace(report.results[i % 2], file=f"n/{i:02}.yaml",
                                        network=f"Netwerk {i:02}") for i in range(networks))
    pages = printed(browser, html=render(dataclasses.replace(report, results=results), "html",
                                         "nl"))
    legend = [i for i, text in enumerate(pages) if "✔ voldaan ✘ niet voldaan ? ontbreekt" in text]
    table = [i for i, text in enumerate(pages) if "Netwerk 1a 1b 2a 2b" in text]
    assert len(legend) == 1 and legend == table[:1], (legend, table)


def test_long_paths_wrap_and_keep_the_verdict_in_view(browser: object, tmp_path: Path) -> None:
    """At 1280 px, files that share no folder and a name longer than its cell: the index's
    tables wrap them and every verdict stays in view, with nothing to scroll sideways."""
    report = sample_report()
    roots = ["/srv/inzendingen-" + "regio-oost-" * 6, "/home/coordinator/" + "x" * 150 + "/"]
    results = tuple(dataclasses.replace(r, file=roots[i % 2] + r.file)
                    for i, r in enumerate(report.results))
    path = tmp_path / "index.html"
    path.write_text(render(dataclasses.replace(report, results=results), "html", "nl"),
                    encoding="utf-8")
    visit = Visit(browser, path, width=1280)
    page = visit.page
    assert page.evaluate("document.documentElement.scrollWidth - innerWidth") <= 0
    overflow = page.evaluate("[...document.querySelectorAll('.scroll, .matrix-wrap')]"
                             ".map(e => e.scrollWidth - e.clientWidth)")
    assert max(overflow) <= 0
    verdicts = page.locator("table.sortable").first.locator("tbody td:nth-child(3)")
    assert verdicts.count() == 3
    for i in range(3):
        box = verdicts.nth(i).bounding_box()
        assert box["x"] + box["width"] <= 1280
    visit.assert_quiet()
    visit.context.close()


def test_narrow_screen_has_no_sideways_scroll(browser: object, site: Path) -> None:
    visit = Visit(browser, site / "voorbeeldstad.html", width=400)
    overflow = visit.page.evaluate("document.documentElement.scrollWidth - innerWidth")
    assert overflow <= 0
    visit.context.close()


@pytest.fixture(scope="module")
def pages(site: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """One page of each kind, made by the command line: a single network page (with a
    comparison table), the batch index, network pages of a batch, the impact page, and the
    rounds page in both languages."""
    folder = tmp_path_factory.mktemp("pages")
    dated = ["--as-of", "2026-11-23"]
    rounds = ["rounds", "tests/fixtures/rounds/old.json", "tests/fixtures/rounds/new.json"]
    runs = {"single.html": ["check", "examples/not-compliant/verwijsgids-55.yaml", "--compare",
                            "loppsoz@2021", *dated],
            "impact.html": ["impact", "tests/impact", "--from", "loppsoz@2021", "--to",
                            "loppsoz@2024", "--sweep", "2a", "--lang", "en", *dated],
            "rounds-nl.html": [*rounds, "--lang", "nl"],
            "rounds-en.html": [*rounds, "--lang", "en"]}
    cwd = Path.cwd()
    os.chdir(ROOT)
    try:
        for name, args in runs.items():
            result = CliRunner().invoke(app, [*args, "--format", "html", "--output",
                                              str(folder / name)])
            assert result.exit_code in (0, 1), result.output
    finally:
        os.chdir(cwd)
    return {"single": folder / "single.html", "index": site / "index.html",
            "network": site / "verwijsgids-55.html",
            "invalid": site / "discipline-typo.html",
            "impact": folder / "impact.html", "rounds-nl": folder / "rounds-nl.html",
            "rounds-en": folder / "rounds-en.html"}


#: The pages axe-core checks, and the template each is made from.
AXE_PAGES = {"single": "network", "index": "index", "network": "network",
             "invalid": "network", "impact": "impact", "rounds-nl": "rounds",
             "rounds-en": "rounds"}


def test_axe_checks_every_kind_of_page() -> None:
    """Every template that makes a page (it extends base.html) is among the pages axe checks."""
    templates = ROOT / "src" / "oncocheck" / "render" / "templates"
    kinds = {p.stem for p in templates.glob("*.html") if "{% extends" in p.read_text("utf-8")}
    assert kinds == set(AXE_PAGES.values())


@pytest.mark.parametrize("kind", list(AXE_PAGES))
def test_axe_finds_no_violations(browser: object, pages: dict[str, Path], kind: str) -> None:
    """axe-core (from npm) in the page: no violation of any impact (serious and critical
    ones above all: a table that scrolls must be reachable by keyboard), and the page in
    landmarks (one <main>). On a narrow screen, where the wide tables scroll sideways (what
    axe checks on a wide one, landmarks and names, is the same there)."""
    axe = node_package("axe-core") / "axe.min.js"
    visit = Visit(browser, pages[kind], width=400)
    visit.page.add_script_tag(path=str(axe))  # inline: nothing is fetched
    found = visit.page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    problems = [(v["impact"], v["id"], [n["target"] for n in v["nodes"]][:3])
                for v in found["violations"]]
    assert not [p for p in problems if p[0] in ("serious", "critical")], problems
    assert problems == [], problems
    assert visit.page.locator("main").count() == 1
    visit.assert_quiet()
    visit.context.close()


def test_a_wide_table_scrolls_by_keyboard(browser: object, site: Path) -> None:
    visit = Visit(browser, site / "verwijsgids-55.html", width=400)
    region = visit.page.locator('.scroll[aria-labelledby="members"]')
    assert region.evaluate("e => e.scrollWidth > e.clientWidth")  # it does scroll here
    for _ in range(100):  # Tab through the page until the region has the focus
        visit.page.keyboard.press("Tab")
        if region.evaluate("e => e === document.activeElement"):
            break
    else:
        pytest.fail("the members table's scroll region is not in the tab order")
    visit.page.keyboard.press("ArrowRight")
    visit.page.wait_for_function(  # the browser may scroll smoothly: wait, up to 5 s
        "() => document.querySelector('.scroll[aria-labelledby=members]').scrollLeft > 0",
        timeout=5000)
    visit.context.close()


def test_without_chromium_skip_locally_but_fail_in_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="apt-get install chromium"):
        _unavailable("no browser")
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="CI=true"):
        _unavailable("no browser")


def test_a_page_written_in_watch_mode_shows_the_next_check_where_it_was_read(
        browser: object, tmp_path: Path) -> None:
    """`check --watch` rewrites the page; the open page reloads itself, keeping its place."""
    import time

    from oncocheck.render.html import live

    report = sample_report()
    one = dataclasses.replace(report, results=report.results[:1])
    path = tmp_path / "rapport.html"
    path.write_text(live(render(one, "html", "nl")), encoding="utf-8")
    visit = Visit(browser, path)
    page = visit.page
    page.evaluate("window.scrollTo(0, 800)")
    renamed = dataclasses.replace(one, results=(dataclasses.replace(
        one.results[0], network="Netwerk Na De Wijziging"),))
    path.write_text(live(render(renamed, "html", "nl")), encoding="utf-8")
    deadline = time.monotonic() + 15
    while "Netwerk Na De Wijziging" not in page.content():
        assert time.monotonic() < deadline, "the page did not reload"
        time.sleep(0.2)
    assert page.evaluate("scrollY") == 800
    assert set(visit.requests) == {visit.url}  # only itself, again and again
    assert visit.errors == [] and visit.dialogs == []
    visit.context.close()


def test_a_reloading_index_keeps_its_order_and_filter(browser: object, site: Path,
                                                      tmp_path: Path) -> None:
    """The index written in watch mode reloads itself: the order chosen and the filter being
    typed come back after each reload."""
    import time

    from oncocheck.render.html import live

    index = site / "index.html"
    text = index.read_text(encoding="utf-8")
    index.write_text(live(text), encoding="utf-8")
    try:
        visit = Visit(browser, index)
        page = visit.page
        networks = page.locator("table.sortable").first
        networks.get_by_role("button", name="Voldaan").click()
        networks.get_by_role("button", name="Voldaan").click()  # descending
        page.get_by_label("Zoek netwerk:").fill("oncologie")
        shown = page.locator("tr[data-network]:visible").count()
        page.evaluate("window.before = true")  # gone once the page has reloaded
        deadline = time.monotonic() + 15
        while not reloaded(page):
            assert time.monotonic() < deadline, "the index did not reload"
            time.sleep(0.2)
        first = networks.locator("tbody tr").first.locator("th").inner_text()
        assert first == "Oncologiezorgnetwerk Voorbeeldstad"
        assert networks.locator("th[aria-sort=descending]").count() == 1
        assert page.get_by_label("Zoek netwerk:").input_value() == "oncologie"
        assert page.locator("tr[data-network]:visible").count() == shown < 16
        assert page.evaluate("document.activeElement.id") == "filter"
        page.keyboard.type("zorg")  # typing goes on where it was
        assert page.get_by_label("Zoek netwerk:").input_value() == "oncologiezorg"
        assert visit.errors == []
        visit.context.close()
    finally:
        index.write_text(text, encoding="utf-8")


def reloaded(page: object) -> bool:
    """Whether the page was loaded again since `window.before` was set."""
    try:
        page.wait_for_load_state()
        return page.evaluate("window.before") is None
    except Exception:  # noqa: BLE001 - evaluating while it navigates
        return False


def test_the_guides_network_page_at_1280_px(browser: object, tmp_path: Path, shots: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """docs/handleiding.md's network, made as the guide says (init, then its files), checked to
    the page the guide tells the reader to open: compliant, no sideways scroll at 1280 px, and
    its screenshot for the guide."""
    from handleiding import GUIDE, make, steps

    monkeypatch.chdir(tmp_path)
    for step in steps(GUIDE.read_text(encoding="utf-8")):
        if step.kind in ("write", "sheet"):
            make(tmp_path, step)
        elif step.kind == "run" and step.text.startswith("oncocheck init"):
            assert CliRunner().invoke(app, step.text.split()[1:]).exit_code == 0
    result = CliRunner().invoke(app, ["check", "netwerk.yaml", "--format", "html", "--output",
                                      "rapport.html"])
    assert result.exit_code == 0, result.output
    visit = Visit(browser, tmp_path / "rapport.html", width=1280)
    page = visit.page
    assert page.get_by_role("heading", level=1).inner_text() == \
        "Oncologiezorgnetwerk Voorbeeldstad"
    for text in ("✔ Voldoet", "loppsoz@2024", "2027-01-15", "4/5 = 80% (≥ 60%)",
                 "Inloophuis De Boei"):
        assert page.get_by_text(text).first.is_visible(), text
    assert page.evaluate("document.documentElement.scrollWidth - innerWidth") <= 0
    page.screenshot(path=shots / "handleiding-rapport.png", full_page=True,
                    clip={"x": 0, "y": 0, "width": 1280, "height": 1100})
    visit.assert_quiet()
    visit.context.close()


#: The words of a table's cells that a line break cuts in two (a word here: what lies between
#: spaces, slashes, dots, hyphens and brackets, where a line may break).
BROKEN_WORDS = """sel => [...document.querySelectorAll(sel)].flatMap(cell => {
  const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT), broken = [];
  while (walker.nextNode()) {
    const node = walker.currentNode, words = /[^\\s\\/.\\-\\[\\]]+/g;
    for (let m; (m = words.exec(node.data));) {
      const range = document.createRange();
      range.setStart(node, m.index); range.setEnd(node, m.index + m[0].length);
      if (new Set([...range.getClientRects()].map(r => Math.round(r.top))).size > 1)
        broken.push(m[0]);
    }
  }
  return broken;
})"""


def test_members_and_load_errors_fit_1280_px_without_breaking_a_word(browser: object,
                                                                      tmp_path: Path) -> None:
    """An invalid file with a long members sheet name and a file with long members: at
    1280 px their tables need no sideways scroll and break no word in two."""
    sheet = "leden-van-het-oncologiezorgnetwerk-amersfoort-en-omstreken-2026.csv"
    (tmp_path / "bad").mkdir()
    (tmp_path / "bad" / sheet).write_text(
        "naam,discipline,organisatie,verwijsgids\nA,fysiotherapeutische_nazorgspecialist,"
        "Praktijk voor Oncologische Revalidatie Midden-Nederland,misschien\nB,dietst,x,ja\n"
        "C,,Stichting Inloophuis De Boei Amersfoort-Leusden-Soest,nee\n", encoding="utf-8")
    (tmp_path / "bad" / "netwerk.yaml").write_text(
        f"format: 1\nnetwork:\n  name: Netwerk\n  website: www.voorbeeld.nl\n"
        f"members_file: {sheet}\n", encoding="utf-8")
    (tmp_path / "good").mkdir()
    (tmp_path / "good" / "leden.csv").write_text(
        "naam,discipline,organisatie,verwijsgids\nDr. Anna-Maria van der Heijden-Vermeulen,"
        "oncologiefysiotherapeut,Praktijk voor Oncologische Revalidatie en Nazorg Midden-"
        "Nederland,ja\nB. Bakker,medisch maatschappelijk werker,Stichting Maatschappelijke "
        "Dienstverlening Amersfoort-Leusden-Soest,nee\nC,inloophuis,Inloophuis De Boei,\n",
        encoding="utf-8")
    (tmp_path / "good" / "netwerk.yaml").write_text(
        "format: 1\nnetwork:\n  name: Netwerk\nmembers_file: leden.csv\n", encoding="utf-8")
    for name, table in (("bad", "table.errors"), ("good", ".members table")):
        page = tmp_path / f"{name}.html"
        result = CliRunner().invoke(app, ["check", str(tmp_path / name / "netwerk.yaml"),
                                          "--report", f"html={page}"])
        assert result.exit_code in (1, 2), result.output
        visit = Visit(browser, page, width=1280)
        assert visit.page.locator(table).count() == 1
        overflow = visit.page.evaluate("[...document.querySelectorAll('.scroll')]"
                                       ".map(e => e.scrollWidth - e.clientWidth)")
        assert max(overflow) <= 0
        assert visit.page.evaluate(BROKEN_WORDS, f"{table} td, {table} th") == []
        visit.context.close()
