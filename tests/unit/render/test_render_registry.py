"""The one registry of report kinds and formats (render/__init__.py), and what renderers may
import."""

from __future__ import annotations

import ast
import inspect
import io
import subprocess
import sys
from importlib import import_module
from pathlib import Path

import pytest
from rich.console import Console

from oncocheck.render import KINDS, draw, formats_of, is_binary, render, site
from paths import ROOT, TESTS

RENDER = ROOT / "src/oncocheck/render"
#: What a renderer may import from oncocheck: records and the wording, never the checker.
ALLOWED = ("oncocheck.report", "oncocheck.wording", "oncocheck.analysis", "oncocheck.rules.diff",
           "oncocheck.render")
ENTRIES = [(kind, fmt) for kind, entries in KINDS.items() for fmt in entries]


def test_every_kind_lists_its_default_console_first_and_has_json() -> None:
    assert set(KINDS) == {"check", "impact", "rounds"}
    for kind in KINDS:
        assert formats_of(kind)[0] == "console" and "json" in formats_of(kind)


@pytest.mark.parametrize(("kind", "fmt"), ENTRIES)
def test_each_entry_names_a_function_and_says_what_it_offers(kind: str, fmt: str) -> None:
    entry = KINDS[kind][fmt]
    module = import_module(f"oncocheck.render.{entry.module}")
    assert callable(getattr(module, entry.function))
    assert entry.suffix and entry.suffix.isalnum()
    options = {"quiet", "debug"} <= set(inspect.signature(getattr(module, entry.function))
                                        .parameters)
    assert options == entry.options
    if fmt == "console":  # every kind's terminal format draws on a console as well
        assert callable(module.draw)


@pytest.mark.parametrize(("kind", "fmt"), ENTRIES)
def test_each_format_renders_its_kind_as_text_or_as_bytes(records, kind: str,  # noqa: ANN001
                                                          fmt: str) -> None:
    for lang in ("nl", "en"):
        made = render(records[kind], fmt, lang)
        assert isinstance(made, bytes) == is_binary(fmt, kind) == KINDS[kind][fmt].binary
        assert made


def test_only_the_workbook_is_binary() -> None:
    assert [entry for entry in ENTRIES if is_binary(entry[1], entry[0])] == [("check", "xlsx")]


def test_quiet_is_the_consoles_alone(report) -> None:  # noqa: ANN001
    full, quiet = render(report, "console", "en"), render(report, "console", "en", quiet=True)
    assert "Multidisciplinary" in full and "Multidisciplinary" not in quiet
    assert render(report, "json", "en", quiet=True) == render(report, "json", "en")


@pytest.mark.parametrize("kind", KINDS)
def test_drawing_on_a_plain_console_is_the_rendered_text(records, kind: str) -> None:  # noqa: ANN001
    buffer = io.StringIO()
    draw(records[kind], "nl", Console(file=buffer, width=120, no_color=True, color_system=None,
                                      soft_wrap=True, force_terminal=False, highlight=False))
    assert buffer.getvalue() == render(records[kind], "console", "nl")


def test_site_is_an_index_and_a_page_per_network(report) -> None:  # noqa: ANN001
    pages = site(report, "en")
    assert set(pages) == {"index.html", "voorbeeldstad.html", "zuid.html", "typo.html"}


def test_an_unknown_format_or_record_is_none(report, records) -> None:  # noqa: ANN001
    with pytest.raises(KeyError):
        render(report, "pdf", "nl")
    with pytest.raises(KeyError):
        render(records["impact"], "markdown", "nl")
    with pytest.raises(KeyError):
        render(report.results[0], "json", "nl")


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

