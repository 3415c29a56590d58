"""The HTML renderer: golden pages, escaping, HTML5 validity, no external resources,
page names and contrast of the palette."""

from __future__ import annotations

import dataclasses
import re

import html5lib
import pytest
from golden_files import assert_golden
from htmlcheck import external_references, strict_parse
from sample_report import sample_report

from oncocheck.render import render
from oncocheck.render.html import Site as render_site
from oncocheck.render.pages import common_folder, page_names, relative, slug
from oncocheck.report import Text
from paths import ROOT

HOSTILE = "<script>alert(1)</script> | `x` \n# h"
TEMPLATES = ROOT / "src/oncocheck/render/templates"
CSS = TEMPLATES / "style.css"
_INLINE = re.compile(r"(<style>|<script>)\n.*?\n(</style>|</script>)", re.DOTALL)


def markup(page: str) -> str:
    """The page with its inline CSS and script folded away: the golden files hold the markup,
    style.css and index.js are checked once (test_pages_embed_the_stylesheet_and_script)."""
    return _INLINE.sub(r"\1…\2", page)


def only(report, index: int):
    """The report with one of its results, as for a single file."""
    return dataclasses.replace(report, results=(report.results[index],))


def every_page() -> dict[str, str]:
    """Every kind of page the renderer writes, in both languages, hostile input included."""
    pages = {}
    for lang in ("nl", "en"):
        for hostile in (None, HOSTILE):
            report = sample_report(hostile)
            for name, page in render_site(report, lang).items():
                pages[f"site-{lang}-{bool(hostile)}/{name}"] = page
            pages[f"batch-{lang}-{bool(hostile)}"] = render(report, "html", lang)
            for i in range(len(report.results)):
                pages[f"single-{lang}-{bool(hostile)}-{i}"] = render(only(report, i), "html", lang)
    pages["empty"] = render(dataclasses.replace(sample_report(), results=()), "html", "nl")
    return pages


PAGES = every_page()


def test_site_matches_golden_files(report):
    for name, page in render_site(report, "nl").items():
        assert_golden(f"site-nl/{name}", markup(page))


def test_single_page_in_english_matches_golden_file(report):
    assert_golden("network-en.html", markup(render(only(report, 1), "html", "en")))


def test_pages_embed_the_stylesheet_and_script(report):
    site = render_site(report, "en")
    style = (TEMPLATES / "style.css").read_text(encoding="utf-8")
    script = (TEMPLATES / "index.js").read_text(encoding="utf-8")
    for name, page in site.items():
        assert f"<style>\n{style}</style>" in page
        assert (f"<script>\n{script}</script>" in page) is (name == "index.html")


@pytest.mark.parametrize("name", sorted(PAGES))
def test_every_page_is_valid_html5(name):
    strict_parse(PAGES[name])


def test_strict_parser_does_catch_errors():
    with pytest.raises(html5lib.html5parser.ParseError):
        strict_parse("<!DOCTYPE html><html><body><p>a</div></body></html>")


@pytest.mark.parametrize("name", sorted(PAGES))
def test_no_page_loads_anything_from_outside(name):
    page = PAGES[name]
    assert external_references(page) == []
    # only the index carries a script: its own inline sorting and filtering
    assert page.count("<script") == ("overzicht" in page or "overview" in page)


def test_external_reference_check_finds_loads():
    page = ('<link rel="stylesheet" href="https://x/a.css"><img src="https://x/i.png">'
            '<style>@import "x.css"; b { background: url(https://x/b.png) }</style>'
            '<a href="https://oncologiezorgnetwerken.nl/">bron</a>')
    assert len(external_references(page)) == 5


def test_hostile_name_shows_as_text():
    page = render(only(sample_report(HOSTILE), 1), "html", "nl")
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    tree = html5lib.parse(page, namespaceHTMLElements=False)
    heading = "".join(tree.find(".//h1").itertext())
    assert heading == HOSTILE
    assert tree.find(".//script") is None


def text_of(page: str) -> str:
    """The page's body text, chunks separated by one space."""
    tree = html5lib.parse(page, namespaceHTMLElements=False)
    return " ".join(" ".join(tree.find(".//body").itertext()).split())


def test_network_page_shows_what_a_reviewer_needs():
    page = render(only(sample_report(), 1), "html", "en")
    tree = html5lib.parse(page, namespaceHTMLElements=False)
    text = text_of(page)
    assert tree.get("lang") == "en"
    for expected in ("Netwerk Zuid", "✘ Not compliant", "loppsoz@2024",
                     "in force from 2024-02-06",
                     "As of 2026-11-23", "oncocheck 0.1.0", "✘ not met", "? missing",
                     "missing: dietitian", "What to do Fix 1b.", "Diëtist volgt",
                     "Een diëtist werven (by J. Bakker, before 2027-03-01)",
                     "left out: profession not confirmed in the Verwijsgids",
                     "Oncologiefysiotherapeut", "physiotherapist", "Fysio Noord",
                     "members 2 and 5 have the same name and discipline"):
        assert expected in text, expected
    groups = [h.text for h in tree.iter("h3")]
    assert groups[0] == "Criterion 1" and "Criterion 2" in groups  # 1a+1b, 2a+2b grouped


def test_load_errors_have_their_own_section():
    page = render(only(sample_report(), 2), "html", "nl")
    assert "members[2].<wbr>discipline" in page  # it may wrap after its dot, nowhere else
    text = text_of(page.replace("<wbr>", ""))
    assert "Laadfouten" in text and "members[2].discipline 40 17" in text
    assert "Ongeldig" in text


def test_status_is_never_colour_alone():
    page = render(only(sample_report(), 1), "html", "nl")
    for cls, word in (("met", "voldaan"), ("not_met", "niet voldaan"), ("missing", "ontbreekt")):
        badges = re.findall(rf'<span class="status status-{cls}">(.*?)</span>\s*</?', page)
        assert badges and all(word in b or "sr" in b for b in badges)


def test_index_has_summary_links_matrix_and_tallies(report):
    site = render_site(report, "en")
    tree = html5lib.parse(site["index.html"], namespaceHTMLElements=False)
    links = {a.get("href") for a in tree.iter("a")}
    assert set(site) - {"index.html"} <= links
    matrix = tree.find(".//table[@class='matrix']")
    header = [th.text or "".join(th.itertext()) for th in matrix.find("thead").iter("th")]
    assert header[1:] == ["1a", "1b", "2a", "2b", "3", "4", "5", "6", "7", "8", "9", "10"]
    row = [td for td in matrix.find("tbody").findall("tr")[1].findall("td")]
    assert "".join(row[1].itertext()) == "✘not met"  # symbol shown, word for screen readers
    text = text_of(site["index.html"])
    assert "1 ✔ Compliant" in text and "3 files" in text and "1 ✘ Not compliant" in text


def test_network_pages_link_back_to_the_index(report):
    for name, page in render_site(report, "nl").items():
        assert ('href="index.html"' in page) is (name != "index.html")


def test_page_names_are_safe_stable_and_unique(report):
    assert page_names(report)["examples/compliant/voorbeeldstad.yaml"] == "voorbeeldstad.html"
    assert slug("../Ünïcode dir/Net werk.YML") == "unicode-dir-net-werk"
    assert slug("/") == "network"
    files = ["a b.yaml", "a-b.yaml", "index.yaml", "../../etc/x.yaml"]
    results = tuple(dataclasses.replace(report.results[0], file=f) for f in files)
    names = page_names(dataclasses.replace(report, results=results))
    assert list(names.values()) == ["a-b.html", "a-b-2.html", "index-2.html", "x.html"]
    assert all(re.fullmatch(r"[a-z0-9-]+\.html", n) for n in names.values())


@pytest.mark.parametrize(("files", "expected"), [
    # the batch's common folder never shows in a name, however long or absolute it is
    (["/tmp/pytest-of-root/p0/x/compliant/voorbeeldstad.yaml", "/tmp/pytest-of-root/p0/x/zuid.yml"],
     ["voorbeeldstad", "zuid"]),
    # a clash is told apart by the folder above: as many folders as it takes, no more
    (["a/compliant/voorbeeldstad.yaml", "a/other/voorbeeldstad.yaml", "a/other/zuid.yaml"],
     ["compliant-voorbeeldstad", "other-voorbeeldstad", "zuid"]),
    (["r/x/n/a.yaml", "r/y/n/a.yaml", "r/a.yaml"], ["x-n-a", "y-n-a", "a"]),
    # what no folder tells apart gets a number; a name taken by another file's is never reused
    (["net.yaml", "net.yml", "NET.yaml"], ["net", "net-2", "net-3"]),
    (["a-b.yaml", "a/b.yaml", "c/b.yaml"], ["a-b", "a-b-2", "c-b"]),
    (["/abs/index.yaml", "/abs/sub/index.yaml"], ["index-2", "sub-index"]),
])
def test_page_names_are_short(report, files: list[str], expected: list[str]):
    results = tuple(dataclasses.replace(report.results[0], file=f) for f in files)
    names = page_names(dataclasses.replace(report, results=results))
    assert [names[f] for f in files] == [f"{name}.html" for name in expected]
    assert len(set(names.values())) == len(files)


@pytest.mark.parametrize(("files", "folder", "shown"), [
    (["examples/a/x.yaml", "examples/b/y.yaml"], "examples", ["a/x.yaml", "b/y.yaml"]),
    (["/t/p/a/x.yaml", "/t/p/a/y.yaml"], "/t/p/a", ["x.yaml", "y.yaml"]),
    (["/x.yaml", "/y/z.yaml"], "/", ["x.yaml", "y/z.yaml"]),
    (["x.yaml", "d/y.yaml"], "", ["x.yaml", "d/y.yaml"]),
    (["./d/x.yaml", "./d/e/y.yaml"], "./d", ["x.yaml", "e/y.yaml"]),
    (["../a/x.yaml", "../b/y.yaml"], "..", ["a/x.yaml", "b/y.yaml"]),
    (["/abs/x.yaml", "rel/y.yaml"], "", ["/abs/x.yaml", "rel/y.yaml"]),
    (["ab/x.yaml", "abc/y.yaml"], "", ["ab/x.yaml", "abc/y.yaml"]),  # folders, not letters
])
def test_paths_are_shown_from_the_common_folder(files: list[str], folder: str,
                                                shown: list[str]) -> None:
    assert common_folder(files) == folder
    assert [relative(f, folder) for f in files] == shown


def test_index_and_pages_show_paths_from_the_batch_folder(report):
    deep = "/tmp/pytest-of-root/pytest-7/test_site0/aanvragen/"
    results = tuple(dataclasses.replace(r, file=deep + r.file) for r in report.results)
    site = render_site(dataclasses.replace(report, results=results), "en")
    assert sorted(site) == ["index.html", "typo.html", "voorbeeldstad.html", "zuid.html"]
    index = site["index.html"]
    assert "<dt>Folder</dt><dd><code>/tmp/pytest-of-root/pytest-7/test_site0/aanvragen/examples" \
        "</code></dd>" in index
    assert '<td class="path"><code>compliant/<wbr>voorbeeldstad.yaml</code></td>' in index
    assert '<p class="file">not-compliant/zuid.yaml</p>' in site["zuid.html"]
    assert "pytest" not in "".join(page for name, page in site.items() if name != "index.html")
    assert deep not in index.replace("<dd><code>" + deep, "")  # only the folder names it


def _luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio of two #rrggbb colours."""
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_palette_passes_wcag_aa():
    colours = dict(re.findall(r"--([\w-]+):\s*(#[0-9a-f]{6})", CSS.read_text()))
    pairs = [("ink", "page"), ("ink", "panel"), ("muted", "page"), ("muted", "panel"),
             ("link", "page")]
    for status in ("met", "not_met", "missing", "invalid"):
        pairs += [(f"{status}-fg", f"{status}-bg"), (f"{status}-fg", "page")]
        colours[f"white-on-{status}"] = "#ffffff"
        pairs.append((f"white-on-{status}", f"{status}-fg"))  # the verdict banner
    for fg, bg in pairs:
        assert contrast(colours[fg], colours[bg]) >= 4.5, (fg, bg)
    assert contrast("#767676", "#ffffff") >= 4.5 > contrast("#777777", "#ffffff")


def test_print_stylesheet_is_for_a4_without_cut_criteria():
    css = CSS.read_text()
    printing = css[css.index("@media print"):]
    assert "size: A4" in printing and "break-inside: avoid" in printing
    assert "background: #fff" in printing


def test_working_shows_the_kinds_own_words_else_each_value_as_it_is(report):
    from oncocheck.render.words import working

    finding = next(f for f in report.results[0].findings if f.criterion == "2a")
    finding = dataclasses.replace(finding, working=(*finding.working, ("excluded", Text(
        "C. Jansen (beroep niet bevestigd)", "C. Jansen (profession not confirmed)"))))
    assert dict(working(finding, "en")) == {
        "share": "7/11 = 63.6% (≥ 60%)", "left out": "C. Jansen (profession not confirmed)"}
    nobody = dataclasses.replace(finding, working=(("excluded", Text("", "")),))
    assert dict(working(nobody, "nl")) == {"niet meegeteld": "Geen."}
    missing = dataclasses.replace(finding, working=(), observed={
        "missing": ["fysiotherapeut", "dietist"], "website": None, "declared": False})
    assert dict(working(missing, "nl")) == {
        "ontbreekt": "fysiotherapeut, dietist", "website": "niet opgegeven", "verklaard": "nee"}


def test_warning_in_a_spreadsheet_names_its_cell() -> None:
    from dataclasses import replace

    from oncocheck.render.html import Site as render_site
    from oncocheck.report import Location

    report = sample_report()
    bad = report.results[1]
    moved = tuple(replace(f, location=Location("members[4].name", 6, 1, source="leden.csv"))
                  if f.criterion == "duplicate-member" else f for f in bad.findings)
    report = replace(report, results=(report.results[0], replace(bad, findings=moved)))
    page = next(p for name, p in render_site(report, "nl").items() if "zuid" in name)
    assert "leden.csv: rij 6, kolom A (naam)" in page


def test_paths_may_wrap_at_their_slashes_and_stay_escaped() -> None:
    from oncocheck.render.html import path_breaks

    assert path_breaks("a/<b>&c/d.yaml") == "a/<wbr>&lt;b&gt;&amp;c/<wbr>d.yaml"
