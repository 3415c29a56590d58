"""A site's pages are each checked against every input of the run (no page lands on an input,
by any name), and that check resolves each input once: a site of N networks has N pages and
N inputs, and resolving all of them for each page made writing it quadratic (issue 17)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from oncocheck.cli import inputs as module
from oncocheck.cli.write import write_site
from oncocheck.errors import UsageError


def test_a_site_resolves_each_input_and_each_page_once(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    given = []
    for i in range(60):
        path = tmp_path / f"n{i}.yaml"
        path.write_text("format: 1\n", encoding="utf-8")
        given.append(path)
    calls = []
    real = module.real_path
    monkeypatch.setattr(module, "real_path", lambda p: calls.append(p) or real(p))
    pages = {f"n{i}.html": "<p>page</p>" for i in range(60)} | {"index.html": "<p>index</p>"}
    write_site(tmp_path / "site", pages, given)
    assert len(calls) == len(given) + len(pages)  # not len(given) * len(pages)
    assert sorted(os.listdir(tmp_path / "site")) == sorted(pages)


def test_a_page_on_an_input_by_another_name_is_still_refused(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    network = tmp_path / "netwerk.yaml"
    network.write_text("format: 1\n", encoding="utf-8")
    os.link(network, site / "n.html")  # a hard link: the same file by another name
    with pytest.raises(UsageError, match="is an input file"):
        write_site(site, {"n.html": "<p>x</p>", "index.html": "<p>i</p>"}, [network])
    assert network.read_text(encoding="utf-8") == "format: 1\n"
