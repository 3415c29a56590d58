"""End to end: `--format html` as a site for a batch, a page for one file, and Markdown."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from htmlcheck import external_references, strict_parse
from typer.testing import CliRunner

from oncocheck.cli.app import app
from paths import ROOT

EXAMPLES = ROOT / "examples"
AS_OF = ["--as-of", "2026-11-23"]


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, [*args])
    assert "Traceback" not in result.output
    return result.exit_code, result.output


@pytest.fixture
def in_root() -> None:
    """Run from the project root, so display paths read `examples/...` as in the README."""
    cwd = Path.cwd()
    os.chdir(ROOT)
    yield
    os.chdir(cwd)


def test_batch_writes_index_and_one_page_per_example(tmp_path: Path, in_root: None) -> None:
    out = tmp_path / "report"
    code, _ = run("check", "examples/", "--format", "html", "--output", str(out), *AS_OF)
    assert code == 2  # two examples are invalid on purpose
    examples = sorted(EXAMPLES.rglob("*.yaml"))
    pages = sorted(p.name for p in out.iterdir())
    assert len(pages) == len(examples) + 1 and "index.html" in pages
    assert "examples-compliant-voorbeeldstad.html" in pages
    index = (out / "index.html").read_text(encoding="utf-8")
    for name in pages:
        page = (out / name).read_text(encoding="utf-8")
        strict_parse(page)
        assert external_references(page) == []
        assert name == "index.html" or f'href="{name}"' in index
        assert stat.S_IMODE((out / name).stat().st_mode) & 0o044  # readable by a web server
    assert not [p for p in out.iterdir() if p.name.startswith(".")]  # no temporary files left


def test_batch_without_output_directory_is_a_usage_error(tmp_path: Path) -> None:
    code, out = run("check", str(EXAMPLES), "--format", "html", *AS_OF)
    assert code == 2 and "--output" in out
    a_file = tmp_path / "taken.html"
    a_file.write_text("keep")
    code, out = run("check", str(EXAMPLES), "--format", "html", "-o", str(a_file), *AS_OF)
    assert code == 2 and a_file.read_text() == "keep"


def test_one_file_gives_one_page_on_stdout_or_in_a_file(tmp_path: Path) -> None:
    example = str(EXAMPLES / "compliant/voorbeeldstad.yaml")
    code, out = run("check", example, "--format", "html", "--lang", "en", *AS_OF)
    assert code == 0 and out.startswith("<!DOCTYPE html>") and 'lang="en"' in out
    assert "Oncologiezorgnetwerk Voorbeeldstad" in out and "✔</span> Compliant" in out
    target = tmp_path / "page.html"
    assert run("check", example, "-f", "html", "-o", str(target), *AS_OF)[0] == 0
    assert target.read_text(encoding="utf-8") == run("check", example, "-f", "html", *AS_OF)[1]


def test_one_file_into_an_existing_directory_gives_a_site(tmp_path: Path) -> None:
    example = str(EXAMPLES / "compliant/voorbeeldstad.yaml")
    assert run("check", example, "-f", "html", "-o", str(tmp_path), *AS_OF)[0] == 0
    assert len(list(tmp_path.glob("*.html"))) == 2


def test_site_never_lands_on_an_input(tmp_path: Path) -> None:
    source = (EXAMPLES / "compliant/voorbeeldstad.yaml").read_text(encoding="utf-8")
    site = tmp_path / "site"
    site.mkdir()
    unlucky = site / "index.html"  # a network file given by path, whatever its name
    unlucky.write_text(source)
    (tmp_path / "b.yaml").write_text(source)
    code, out = run("check", str(unlucky), str(tmp_path / "b.yaml"), "-f", "html",
                    "-o", str(site), *AS_OF)
    assert code == 2 and "invoerbestand" in out
    assert unlucky.read_text() == source and sorted(site.iterdir()) == [unlucky]


def test_markdown_format(in_root: None) -> None:
    code, out = run("check", "examples/not-compliant/", "--format", "markdown", "--lang", "en",
                    *AS_OF)
    assert code == 1
    assert out.startswith("## oncocheck · Quality review: overview")
    assert "| Oncologienetwerk De Meierij | examples/not-compliant/verwijsgids-55.yaml | " \
           "❌ Not compliant | 11/12 |" in out
