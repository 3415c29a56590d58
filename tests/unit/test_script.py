"""The `oncocheck` script (`oncocheck/__main__.py`): with pydantic's plugins off, its plugin
loader is one that finds none, and is the same to pydantic as the real one."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pydantic
import pytest

from oncocheck.__main__ import LOADER, no_plugins

EXAMPLE = Path(__file__).resolve().parents[2] / "examples/compliant/voorbeeldstad.yaml"
# the script ends with os._exit: what it had imported is told just before
SHOW = ("import os, sys; sys.argv = ['oncocheck', 'check', {file!r}]; end = os._exit; "
        "os._exit = lambda code: end(print(hasattr(sys.modules['{loader}'], '__file__'), "
        "'importlib.metadata' in sys.modules, file=sys.stderr) or code); "
        "from oncocheck.__main__ import main; main()")


def test_pydantic_takes_only_get_plugins_from_its_loader() -> None:
    names = set()
    for path in Path(pydantic.__file__).parent.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").endswith("_loader"):
                names.update(alias.name for alias in node.names)
            if isinstance(node, ast.Import):
                assert not any(a.name == LOADER for a in node.names), path
    assert names == {"get_plugins"}


def test_the_loader_finds_what_pydantic_s_own_finds_with_plugins_off(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from pydantic.plugin import _loader

    monkeypatch.setenv("PYDANTIC_DISABLE_PLUGINS", "__all__")
    assert tuple(no_plugins().get_plugins()) == tuple(_loader.get_plugins()) == ()


def test_any_other_name_comes_from_the_real_loader() -> None:
    """A later pydantic may import another name from its loader: it gets the real one."""
    from pydantic.plugin import _loader

    assert no_plugins()._plugins is _loader._plugins  # a name the stand-in does not have
    with pytest.raises(AttributeError):
        no_plugins().__file__  # noqa: B018 - a module's own attribute is not handed on


@pytest.mark.parametrize("setting, stand_in", [(None, True), ("__all__", True),
                                                ("someone", False), ("", False)])
def test_the_real_loader_is_kept_when_the_caller_chose_plugins(
        setting: str | None, stand_in: bool) -> None:
    env = {k: v for k, v in os.environ.items() if k != "PYDANTIC_DISABLE_PLUGINS"}
    if setting is not None:
        env["PYDANTIC_DISABLE_PLUGINS"] = setting
    done = subprocess.run([sys.executable, "-c", SHOW.format(file=str(EXAMPLE), loader=LOADER)],
                          env=env, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    # the stand-in has no file; the real loader imports importlib.metadata
    assert done.stderr.split() == [str(not stand_in)] * 2
