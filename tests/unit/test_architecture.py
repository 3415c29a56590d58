"""The house rules of the package layout (docs/architecture.md), read from the source itself.

Every import counts, also one inside a function or under TYPE_CHECKING: a module may import
only modules of its own stage or of a lower one, and no modules import each other in a loop.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from paths import ROOT

SRC = ROOT / "src"
#: The stages, lowest first; a module may import its own stage and the ones before it. `run`
#: and `render` are independent: run never imports a renderer (this order), and renderers
#: never import run (`test_renderers_never_see_the_checker_nor_the_loader`).
STAGES = [("report", "errors", "wording"), ("load",), ("network",), ("checks",), ("rules",),
          ("analysis",), ("run",), ("render",), ("cli",), ("__main__",)]
LEVEL = {name: level for level, names in enumerate(STAGES) for name in names}


def _name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_name(p): p for p in SRC.rglob("*.py")}


def _imports(module: str) -> set[str]:
    """The oncocheck modules `module` imports, wherever in it the import stands."""
    path = MODULES[module]
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package.split(".")[:len(package.split(".")) - node.level + 1]
                                + ([base] if base else []))
            names = [f"{base}.{a.name}" if f"{base}.{a.name}" in MODULES else base
                     for a in node.names]
        found |= {n for n in names if n in MODULES and n != module}
    return found


GRAPH = {module: _imports(module) for module in MODULES}


def _stage(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


@pytest.mark.parametrize("module", sorted(m for m in MODULES if _stage(m) != "__init__"))
def test_a_module_imports_only_its_own_stage_or_lower_ones(module: str) -> None:
    mine = LEVEL[_stage(module)]
    higher = sorted(m for m in GRAPH[module] if _stage(m) != "__init__"
                    and LEVEL[_stage(m)] > mine)
    assert higher == [], f"{module} imports a higher stage: {higher}"


def test_no_modules_import_each_other_in_a_loop() -> None:
    loops = []
    for start in GRAPH:
        stack, seen = [(start, (start,))], set()
        while stack:
            module, route = stack.pop()
            for target in GRAPH[module]:
                if target == start:
                    loops.append(route)
                elif target not in seen:
                    seen.add(target)
                    stack.append((target, (*route, target)))
    assert loops == []


def test_renderers_never_see_the_checker_nor_the_loader() -> None:
    seeing = {(m, t) for m in GRAPH if _stage(m) == "render" for t in GRAPH[m]
              if _stage(t) in ("run", "load", "cli", "checks", "network")}
    assert seeing == set()


def test_every_package_says_its_role() -> None:
    for module, path in MODULES.items():
        if path.name == "__init__.py":
            assert ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))), module
