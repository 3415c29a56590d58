"""The published JSON Schemas of the JSON reports, shipped in the package beside their
renderers: `report.schema.json` (`check --format json`, `render/json.py`),
`impact.schema.json` (`impact --format json`, `render/impact.py`) and
`rounds.schema.json` (`rounds --format json`, `render/rounds_json.py`).

Each report names the version of its schema in `schema_version`. Within a version keys may be
added; removing a key or changing what it means is a new version: a new `SCHEMA_VERSION` in the
renderer and the same number in the schema's `schema_version` constant (a test holds them
together, and validates every JSON report the test suite makes).
"""

from __future__ import annotations

from importlib.resources import files

REPORT = "report.schema.json"
IMPACT = "impact.schema.json"
ROUNDS = "rounds.schema.json"


def schema_text(name: str) -> str:
    """The text of one of the schemas (REPORT, IMPACT or ROUNDS), as the package ships it."""
    return files("oncocheck.render").joinpath(name).read_text(encoding="utf-8")
