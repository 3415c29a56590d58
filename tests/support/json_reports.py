"""The JSON reports' published schemas (shipped in the package as
`oncocheck/render/report.schema.json` and `impact.schema.json`), and the guard that holds every
JSON report the test suite makes to them.

`validate_report(data)` and `validate_impact(data)` are for JSON a test has parsed itself (from a
child process, a file on disk). `guard(monkeypatch)` wraps the JSON renderers, so that every
report made in the test process (through the command line, a renderer call, a golden file) is
validated once it is complete; tests/conftest.py puts it around every test.
"""

from __future__ import annotations

import json
from typing import Any

import jsonschema
import pytest

from oncocheck.render import IMPACT, REPORT, ROUNDS, schema_text

REPORT_SCHEMA = json.loads(schema_text(REPORT))
IMPACT_SCHEMA = json.loads(schema_text(IMPACT))
ROUNDS_SCHEMA = json.loads(schema_text(ROUNDS))
jsonschema.Draft202012Validator.check_schema(REPORT_SCHEMA)
jsonschema.Draft202012Validator.check_schema(IMPACT_SCHEMA)
jsonschema.Draft202012Validator.check_schema(ROUNDS_SCHEMA)
_REPORT = jsonschema.Draft202012Validator(REPORT_SCHEMA)
_IMPACT = jsonschema.Draft202012Validator(IMPACT_SCHEMA)
_ROUNDS = jsonschema.Draft202012Validator(ROUNDS_SCHEMA)


def validate_report(data: Any) -> None:
    """ValidationError unless `data` is a JSON report (`check --format json`) as published."""
    _REPORT.validate(data)


def validate_impact(data: Any) -> None:
    """ValidationError unless `data` is an impact JSON report as published."""
    _IMPACT.validate(data)


def validate_rounds(data: Any) -> None:
    """ValidationError unless `data` is a rounds JSON report as published."""
    _ROUNDS.validate(data)


def _problems(validator: jsonschema.Draft202012Validator, text: str) -> list[str]:
    try:
        data = json.loads(text)
    except ValueError as exc:
        return [f"not JSON: {exc}"]
    return [f"{e.json_path}: {e.message}" for e in validator.iter_errors(data)]


def guard(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Wrap the JSON format of every report kind in the registry for one test; the list fills
    with what did not fit its kind's schema."""
    from importlib import import_module

    from oncocheck.render import KINDS

    problems: list[str] = []
    for kind, validator in (("check", _REPORT), ("impact", _IMPACT), ("rounds", _ROUNDS)):
        entry = KINDS[kind]["json"]
        module = import_module(f"oncocheck.render.{entry.module}")
        monkeypatch.setattr(module, entry.function,
                            _checked(getattr(module, entry.function), validator, kind, problems))
    return problems


def _checked(render: Any, validator: jsonschema.Draft202012Validator, kind: str,
             problems: list[str]) -> Any:
    """`render`, adding to `problems` what its text breaks of `validator`'s schema."""
    def checked(record: Any, lang: str) -> str:
        text = render(record, lang)
        problems.extend(f"{kind} JSON {p}" for p in _problems(validator, text))
        return text

    return checked
