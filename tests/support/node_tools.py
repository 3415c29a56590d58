"""The npm tools some tests drive (tests/node/package.json: the SARIF multitool,
yaml-language-server, axe-core), installed by `.ci/run` with `npm ci --prefix tests/node`.

A test that needs one calls `node_tool(name)` or `node_package(name)`: locally it skips with the
command to run when the tool is missing; under CI=true that skip fails (tests/conftest.py).
"""

import shutil
from pathlib import Path

import pytest

from paths import TESTS

NODE = TESTS / "node"
INSTALL = "npm ci --prefix tests/node"


def node_tool(name: str) -> Path:
    """The path of an npm tool's command (`node_modules/.bin/NAME`), or a skip saying how to
    install it."""
    if shutil.which("node") is None:
        pytest.skip(f"Node.js is not installed (apt-get install nodejs npm; then {INSTALL})")
    path = NODE / "node_modules" / ".bin" / name
    if not path.exists():
        pytest.skip(f"{name} is not installed ({INSTALL})")
    return path


def node_package(name: str) -> Path:
    """The folder of an installed npm package (`node_modules/NAME`), or a skip."""
    path = NODE / "node_modules" / name
    if not path.is_dir():
        pytest.skip(f"npm package {name} is not installed ({INSTALL})")
    return path
