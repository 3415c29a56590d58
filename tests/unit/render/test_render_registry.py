"""The one registry of formats (render/__init__.py), and what renderers may import."""

from __future__ import annotations

import ast
import io
import subprocess
import sys
from importlib import import_module
from pathlib import Path

import pytest
from rich.console import Console

import oncocheck.render as registry
from oncocheck.render import (IMPACT_FORMATS, REPORT_FORMATS, chunks, draw, file_text,
                              is_binary, prepares, render, site)
from paths import ROOT, TESTS

RENDER = ROOT / "src/oncocheck/render"
#: What a renderer may import from oncocheck: records and the wording, never the checker.
ALLOWED = ("oncocheck.report", "oncocheck.wording", "oncocheck.analysis", "oncocheck.rules.diff",
           "oncocheck.render")


def test_the_formats_in_the_order_help_lists_them() -> None:
    assert REPORT_FORMATS == ("console", "json", "junit", "sarif", "github", "codequality", "html",
                              "markdown", "csv", "xlsx")
    assert IMPACT_FORMATS == ("console", "json", "html")


@pytest.mark.parametrize("fmt", REPORT_FORMATS)
def test_each_entry_says_what_its_module_offers(fmt: str) -> None:
    entry = registry._REPORTS[fmt]
    module = import_module(entry.module)
    assert callable(module.render)
    assert hasattr(module, "chunks") == entry.streams
    assert hasattr(module, "file_text") == entry.prepares == prepares(fmt)
    assert hasattr(module, "draw") == entry.terminal


@pytest.mark.parametrize("fmt", REPORT_FORMATS)
def test_chunks_are_the_rendered_text_in_pieces(report, fmt: str) -> None:  # noqa: ANN001
    for lang in ("nl", "en"):
        pieces = list(chunks(report, fmt, lang))
        joined = b"".join(pieces) if is_binary(fmt) else "".join(pieces)
        assert joined == render(report, fmt, lang)
        assert isinstance(joined, bytes) == is_binary(fmt) == registry._REPORTS[fmt].binary


def test_only_the_workbook_is_binary() -> None:
    assert [fmt for fmt in REPORT_FORMATS if is_binary(fmt)] == ["xlsx"]


def test_quiet_is_the_consoles_alone(report) -> None:  # noqa: ANN001
    full, quiet = render(report, "console", "en"), render(report, "console", "en", quiet=True)
    assert "Multidisciplinary" in full and "Multidisciplinary" not in quiet
    assert "".join(chunks(report, "console", "en", quiet=True)) == quiet
    assert render(report, "json", "en", quiet=True) == render(report, "json", "en")


def test_a_prepared_file_text_is_that_files_part_of_the_report(report) -> None:  # noqa: ANN001
    text = render(report, "json", "nl")
    assert all(file_text("json", r) in text for r in report.results)


def test_drawing_on_a_plain_console_is_the_rendered_text(report) -> None:  # noqa: ANN001
    buffer = io.StringIO()
    draw(report, "nl", Console(file=buffer, width=120, no_color=True, color_system=None,
                               soft_wrap=True, force_terminal=False, highlight=False))
    assert buffer.getvalue() == render(report, "console", "nl")


def test_site_is_an_index_and_a_page_per_network(report) -> None:  # noqa: ANN001
    pages = site(report, "en")
    assert set(pages) == {"index.html", "voorbeeldstad.html", "zuid.html", "typo.html"}


def test_an_unknown_format_is_no_format(report) -> None:  # noqa: ANN001
    with pytest.raises(KeyError):
        render(report, "pdf", "nl")
    with pytest.raises(KeyError):
        registry.render_impact(None, "markdown", "nl")  # type: ignore[arg-type]


def _imports(path: Path) -> set[str]:
    """Every oncocheck module `path` imports, at the top or inside a function."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {name for name in found if name.startswith("oncocheck")}


@pytest.mark.parametrize("path", sorted(RENDER.glob("*.py")), ids=lambda p: p.name)
def test_renderers_import_records_only(path: Path) -> None:
    wrong = {m for m in _imports(path) if not m.startswith(ALLOWED)}
    assert not wrong, f"{path.name} imports {sorted(wrong)}"


def test_renderers_import_one_another_without_cycles() -> None:
    graph = {p.stem: {m.rsplit(".", 1)[-1] for m in _imports(p)
                      if m.startswith("oncocheck.render.")} for p in RENDER.glob("*.py")}
    for path in RENDER.glob("*.py"):  # `from oncocheck.render import compare` names a module
        graph[path.stem] |= {a.name for node in ast.walk(ast.parse(path.read_text("utf-8")))
                             if isinstance(node, ast.ImportFrom)
                             and node.module == "oncocheck.render" for a in node.names
                             if (RENDER / f"{a.name}.py").exists()}

    def reaches(start: str, goal: str, seen: set[str]) -> bool:
        return any(n == goal or (n not in seen and reaches(n, goal, seen | {n}))
                   for n in graph.get(start, ()))

    assert [m for m in graph if reaches(m, m, set())] == []


def test_the_registry_imports_no_renderer_until_a_format_is_asked_for() -> None:
    code = ("import sys, oncocheck.render as r; before = set(sys.modules); "
            "import sample_report; r.render(sample_report.sample_report(), 'json', 'nl'); "
            "print(sorted(m for m in sys.modules if m.startswith(('oncocheck.render.', "
            "'rich', 'jinja2', 'oncocheck.run', 'oncocheck.load', 'oncocheck.checks')) "
            "and m not in before)); print([m for m in before if m.startswith("
            "'oncocheck.render.')])")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=TESTS / "support", check=True)
    loaded, at_start = done.stdout.splitlines()
    assert at_start == "[]"
    assert "rich" not in loaded and "jinja2" not in loaded and "oncocheck.run" not in loaded
    assert "'oncocheck.render.json'" in loaded and "oncocheck.render.console" not in loaded

