"""Golden files: expected renderer output kept under tests/golden/ and reviewed like code.

Regenerate after an intended change with
    ONCOCHECK_UPDATE_GOLDEN=1 .venv/bin/python -m pytest -q tests/unit/render
then read the diff (`git diff tests/golden`) before committing it.
"""

from __future__ import annotations

import os
from paths import GOLDEN

GOLDEN = GOLDEN
UPDATE = os.environ.get("ONCOCHECK_UPDATE_GOLDEN") == "1"


def assert_golden(name: str, actual: str) -> None:
    """`actual` equals tests/golden/`name`, or rewrites it when ONCOCHECK_UPDATE_GOLDEN=1."""
    path = GOLDEN / name
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8", newline="\n")
        return
    assert path.exists(), f"{path} is missing; run with ONCOCHECK_UPDATE_GOLDEN=1 to create it"
    with path.open(encoding="utf-8", newline="") as stream:  # as written: CSV ends in CRLF
        expected = stream.read()
    assert actual == expected, (
        f"{name} differs from the golden file; if the change is intended, regenerate with "
        "ONCOCHECK_UPDATE_GOLDEN=1 and review `git diff tests/golden`")
