"""A site's pages are each checked against every input of the run (no page lands on an input,
by any name) before anything is written, and that check resolves each input once: a site of N
networks has N pages and N inputs, and resolving all of them for each page made writing it
quadratic (issue 17)."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from oncocheck.cli import write as module
from oncocheck.cli.deliver import Output, deliver
from oncocheck.cli.targets import Target
from oncocheck.cli.write import write_site
from oncocheck.errors import UsageError


def _site(directory: Path, pages: dict[str, str], inputs: list[Path]) -> None:
    """Deliver `pages` as the HTML site of a run that read `inputs`."""
    output = Output(lambda fmt: [], lambda console: None, lambda: pages)
    deliver(output, [Target("html", directory, site=True)], inputs)


def test_a_site_resolves_each_input_and_each_page_once(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    given = []
    for i in range(60):
        path = tmp_path / f"n{i}.yaml"
        path.write_text("format: 1\n", encoding="utf-8")
        given.append(path)
    calls = []
    real = module._keys
    monkeypatch.setattr(module, "_keys", lambda p: calls.append(p) or real(p))
    pages = {f"n{i}.html": "<p>page</p>" for i in range(60)} | {"index.html": "<p>index</p>"}
    _site(tmp_path / "site", pages, given)
    assert len(calls) == len(given) + len(pages)  # not len(given) * len(pages)
    assert sorted(os.listdir(tmp_path / "site")) == sorted(pages)


def test_a_page_on_an_input_by_another_name_is_still_refused(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    network = tmp_path / "netwerk.yaml"
    network.write_text("format: 1\n", encoding="utf-8")
    os.link(network, site / "n.html")  # a hard link: the same file by another name
    with pytest.raises(UsageError, match="is an input file"):
        _site(site, {"a.html": "<p>a</p>", "n.html": "<p>x</p>", "index.html": "<p>i</p>"},
              [network])
    assert network.read_text(encoding="utf-8") == "format: 1\n"
    assert sorted(os.listdir(site)) == ["n.html"]  # no page written before the refusal


def test_a_site_makes_each_page_when_it_is_written_and_holds_none(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 17: the site is not a dict of every page; each page is made as it is written."""
    from oncocheck.render import html
    from oncocheck.run.batch import check
    from oncocheck.run.decide import choose
    from paths import EXAMPLES

    report = check([str(EXAMPLES)], choose(None, None, date(2026, 11, 23)))
    made: list[str] = []
    real = html.network_page
    monkeypatch.setattr(html, "network_page",
                        lambda report, result, *a: made.append(result.file) or real(
                            report, result, *a))
    site = html.Site(report, "nl")
    assert len(site) == len(report.results) + 1 and list(site)[-1] == "index.html"
    assert made == []  # naming the pages makes none of them
    written: list[str] = []
    monkeypatch.setattr("oncocheck.cli.write.write_report",
                        lambda target, content: written.append(
                            (target.name, len(made), "".join(content))))
    write_site(tmp_path / "site", site)
    # page i was made just before it was written, not all of them up front
    assert [count for _, count, _ in written[:-1]] == list(range(1, len(report.results) + 1))
    assert written[-1][0] == "index.html" and "<table" in written[-1][2]
    assert {name: text for name, _, text in written} == {name: site[name] for name in site}


def test_a_site_page_on_an_input_is_refused_before_any_report_is_written(
        tmp_path: Path) -> None:
    """Every target is checked against the inputs first: the `--output` file written before
    the site would have been a report written on a usage error."""
    from typer.testing import CliRunner

    from oncocheck.cli.app import app

    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "index.html").write_text("<p>visie</p>", encoding="utf-8")
    network = tmp_path / "netwerk.yaml"
    network.write_text("format: 1\nnetwork:\n  name: Netwerk\n  vision:\n    document: "
                       "site/index.html\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["check", str(network), "--lang", "en", "-f", "json",
                                      "-o", str(tmp_path / "out.json"), "--report",
                                      f"html={tmp_path / 'site'}"])
    assert result.exit_code == 2 and "is an input file" in result.output
    assert not (tmp_path / "out.json").exists()
    assert (tmp_path / "site" / "index.html").read_text(encoding="utf-8") == "<p>visie</p>"
