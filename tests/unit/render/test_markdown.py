"""The Markdown renderer: golden output, and valid GitHub-flavoured Markdown whatever the
input contains (checked by parsing it with markdown-it's CommonMark + tables)."""

from __future__ import annotations

import dataclasses

import pytest
from golden_files import assert_golden
from markdown_it import MarkdownIt
from sample_report import sample_report

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
