"""The JSON Schema (draft 2020-12) of the network file, generated from the pydantic models.

Editors (VS Code's YAML extension) and CI validators use it; it accepts what oncocheck accepts
(ja/nee, bare-number postcodes and phones, any spelling of a discipline that oncocheck matches)
and rejects unknown keys. The Dutch and English descriptions live in `schema_help.yaml`.
A copy is kept in the repository as `schema/network.schema.json` (a test keeps it current).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

from oncocheck.load.words import spelling_pattern
from oncocheck.network.disciplines import OTHER, Vocabulary
from oncocheck.network.model import NetworkFile

DIALECT = "https://json-schema.org/draft/2020-12/schema"
SCHEMA_URL = ("https://raw.githubusercontent.com/oncocheck/oncocheck/main/"
              "schema/network.schema.json")
HELP = Path(__file__).with_name("schema_help.yaml")
# Loaded as text by oncocheck, so a quoted "4" is as good as 4.
_COUNT = {"anyOf": [{"type": "integer", "minimum": 0, "maximum": 1000},
                    {"type": "string", "pattern": "^\\s*[0-9]+\\s*$"}, {"type": "null"}]}


def _describe(texts: dict[str, str]) -> str:
    return f"{texts['nl']}\n\n(en) {texts['en']}"


def _discipline(words: Vocabulary) -> dict[str, Any]:
    """Any spelling oncocheck resolves; the canonical ids are offered as completions."""
    return {"type": "string", "pattern": spelling_pattern(words.spellings()),
            "examples": words.ids,
            # Shown by VS Code instead of the (long) pattern; other validators ignore it.
            "patternErrorMessage": "onbekende discipline: kies er een uit de lijst (of 'anders' "
                                   "met discipline_other) / unknown discipline: choose one from "
                                   "the list (or 'anders' with discipline_other)"}


def _other_needs_name(words: Vocabulary) -> dict[str, Any]:
    anders = spelling_pattern(s for s, i in words.spellings().items() if i == OTHER)
    return {"if": {"properties": {"discipline": {"pattern": anders}}, "required": ["discipline"]},
            "then": {"required": ["discipline_other"]}}


def network_schema(words: Vocabulary, declarable: Sequence[str]) -> dict[str, Any]:
    """The schema as JSON-ready data (KeyError when a field has no description)."""
    root = NetworkFile.model_json_schema()
    defs = root.pop("$defs")
    texts = yaml.safe_load(HELP.read_text(encoding="utf-8"))
    root["properties"]["format"] = {"enum": [1, "1"]}
    root["properties"]["criteria"] = {"enum": [*declarable, None]}  # a declaration: bundled only
    defs["ParticipationAgreement"]["properties"]["min_meetings_per_year"] = dict(_COUNT)
    defs["Member"]["properties"]["discipline"] = {"$ref": "#/$defs/Discipline"}
    defs["Member"].update(_other_needs_name(words))
    for name, model in {"NetworkFile": root, **defs}.items():
        model["description"] = _describe(texts[name])
        for field, prop in model["properties"].items():
            prop["description"] = _describe(texts[f"{name}.{field}"])
    defs["Discipline"] = _discipline(words)
    head = {"$schema": DIALECT, "$id": SCHEMA_URL,
            "title": "oncocheck: netwerkbestand / network file (format 1)"}
    return {**head, **{k: v for k, v in root.items() if k != "title"}, "$defs": defs}


def schema_text(words: Vocabulary, declarable: Sequence[str]) -> str:
    """The schema as the JSON text `oncocheck schema` prints and the repository keeps."""
    return json.dumps(network_schema(words, declarable), ensure_ascii=False, indent=2) + "\n"
