"""The Markdown renderer: golden output, and valid GitHub-flavoured Markdown whatever the
input contains (checked by parsing it with markdown-it's CommonMark + tables)."""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

import pytest
from golden_files import assert_golden
from markdown_it import MarkdownIt
from paths import EXAMPLES
from sample_report import sample_report
from one_command import CliRunner

from oncocheck.cli.app import app
from oncocheck.render import render
from oncocheck.render.markdown import escape

HOSTILES = [
    "<script>alert(1)</script> | `x` \n# h",
    "a|b||c \\| d\\",
    "**bold** _it_ ~~s~~ [link](https://evil.example) ![img](x.png) <img src=x onerror=y>",
    "@octocat #12 $x^2$ &amp; &lt; \r\n- item\n1. one\n> quote\n```\ncode",
]


def cells(line: str) -> int:
    """Cells in a GFM table row: pipes not escaped by a backslash, minus the outer two."""
    count, i = 0, 0
    while i < len(line):
        if line[i] == "\\":
            i += 2
            continue
        count += line[i] == "|"
        i += 1
    return count - 1


def test_batch_matches_golden_file(report):
    assert_golden("report-nl.md", render(report, "markdown", "nl"))


def test_single_file_in_english_matches_golden_file(report):
    single = dataclasses.replace(report, results=(report.results[1],))
    assert_golden("network-en.md", render(single, "markdown", "en"))


@pytest.mark.parametrize("hostile", HOSTILES)
def test_table_rows_keep_their_cells(hostile):
    text = render(sample_report(hostile), "markdown", "nl")
    tables, width = 0, None
    for line in text.splitlines():
        if not line.startswith("|"):
            width = None
            continue
        if width is None:
            width, tables = cells(line), tables + 1
        assert cells(line) == width, line
    assert tables == 3  # the summary and two criteria tables


@pytest.mark.parametrize("hostile", HOSTILES)
def test_hostile_input_stays_text(hostile):
    text = render(sample_report(hostile), "markdown", "en")
    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    inline = [child for t in tokens if t.children for child in t.children]
    kinds = {t.type for t in tokens} | {t.type for t in inline}
    assert not kinds & {"link_open", "image", "html_block", "code_block", "fence",
                        "blockquote_open", "ordered_list_open", "em_open", "s_open"}
    assert [t.type for t in inline].count("strong_open") == 1  # our summary line only
    assert {t.content for t in inline if t.type == "html_inline"} <= {"<br>"}
    headings = [i for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert len(headings) == 4  # the batch title and one per file: input adds none
    html = MarkdownIt("commonmark").enable("table").render(text)
    assert "<script" not in html and "@octocat" not in html


def test_escape_keeps_the_text_readable():
    rendered = MarkdownIt("commonmark").renderInline(escape("a_b *c* [d] `e` | # f <g> & h"))
    assert rendered == "a_b *c* [d] `e` | # f &lt;g&gt; &amp; h"
    assert "\n" not in escape("one\ntwo\r\nthree")


def test_key_names_in_messages_stay_code(report):
    text = render(report, "markdown", "en")
    assert "add `network.website_updated`" in text


BARE_ADDRESSES = ("https://evil.example/x.png http://evil.example ftp://evil.example "
                  "www.evil.example WWW.Evil.example mailto:a@evil.example b@evil.example")


def _links(markdown: str) -> list[str]:
    """The links and images GitHub makes of `markdown`: rendered by cmark-gfm, GitHub's own
    parser, with its autolink extension (bare `https://`, `www.`, e-mail addresses)."""
    import cmarkgfm

    html = cmarkgfm.github_flavored_markdown_to_html(markdown)
    return re.findall(r"<(?:a|img)\b[^>]*>", html)


def test_bare_addresses_in_input_are_no_links_in_any_markdown(tmp_path: Path,
                                                                monkeypatch) -> None:
    """A network name and a criterion id (from a report `rounds` reads) full of bare web
    and e-mail addresses: no link in `check -f markdown`, the GitHub job summary or
    `rounds -f markdown`, in either language; the addresses are still shown."""
    network = tmp_path / "net.yaml"
    text = (EXAMPLES / "compliant" / "voorbeeldstad.yaml").read_text("utf-8")
    network.write_text(text.replace("name: Oncologiezorgnetwerk Voorbeeldstad",
                                    f'name: "{BARE_ADDRESSES}"', 1), "utf-8")
    (tmp_path / "docs").mkdir()
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    runner = CliRunner()
    for lang in ("nl", "en"):
        summary.write_text("", "utf-8")
        check = runner.invoke(app, ["check", str(network), "-f", "markdown", "--lang", lang])
        assert check.exit_code in (0, 1), check.output
        reports = [tmp_path / f"{name}.json" for name in ("old", "new")]
        for path in reports:
            runner.invoke(app, ["check", str(network), "-f", "json", "-o", str(path)])
        for path, status in zip(reports, ("met", "not_met"), strict=True):  # a move of a hostile id
            data = json.loads(path.read_text("utf-8"))
            finding = data["results"][0]["findings"][0]
            finding["criterion"], finding["status"] = "www.evil.example/1a", status
            path.write_text(json.dumps(data), "utf-8")
        rounds = runner.invoke(app, ["rounds", *map(str, reports), "-f", "markdown",
                                     "--lang", lang])
        assert rounds.exit_code == 0, rounds.output
        for markdown in (check.output, summary.read_text("utf-8"), rounds.output):
            assert "evil" in markdown and _links(markdown) == [], markdown


def test_oncocheck_s_own_links_stay_links() -> None:
    """A criterion's source in SARIF's help Markdown is a link GitHub shows, while the
    `https://` in the help's own words is text."""
    result = CliRunner().invoke(app, ["check", str(EXAMPLES / "compliant" / "voorbeeldstad.yaml"),
                                      "-f", "sarif", "--lang", "en"])
    rules = json.loads(result.stdout)["runs"][0]["tool"]["driver"]["rules"]
    for rule in rules:
        links = _links(rule["help"]["markdown"])
        assert links == [f'<a href="{rule["helpUri"]}">'], (rule["id"], links)
