"""The JSON Schema (draft 2020-12) of the network file, generated from the pydantic models,
for editors (yaml-language-server) and CI validators: it accepts what oncocheck accepts (ja/nee,
bare-number postcodes and phones, any spelling of a discipline) and rejects unknown keys.
Descriptions in both languages and an example per field live in `schema_help.yaml`; the
repository's copy, `schema/network.schema.json`, is kept current by a test.

What a validator says stays short: the long pattern that matches every spelling of a discipline
sits in an `if`, whose failures no validator reports; what it reports is the `else`, the list of
discipline ids. Optional fields are `"type": [..., "null"]` where pydantic writes an `anyOf`, so a
message names the field that is wrong instead of quoting the whole list around it.
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
_COUNT = {"type": ["integer", "string", "null"], "minimum": 0, "maximum": 1000,
          "pattern": "^\\s*[0-9]+\\s*$"}
_UNKNOWN = ("onbekende discipline: kies er een uit de lijst (of 'anders' met discipline_other) / "
            "unknown discipline: choose one from the list (or 'anders' with discipline_other)")


def _describe(texts: dict[str, str]) -> str:
    return f"{texts['nl']}\n\n(en) {texts['en']}"


def _discipline(words: Vocabulary) -> dict[str, Any]:
    """Any spelling oncocheck resolves (`if`), else an error listing the ids (`else`); the ids
    with their Dutch and English labels are what an editor offers and shows on hover."""
    ids = words.ids
    labels = [f"{d.nl} (en: {d.en})" for d in words.disciplines]
    return {"type": "string",
            "$comment": "The anyOf never fails (its second branch takes anything): it is there "
                        "for editors, which offer an anyOf's enum with its descriptions.",
            "anyOf": [{"enum": ids, "enumDescriptions": labels,
                       "markdownEnumDescriptions": labels}, {}],
            "if": {"pattern": spelling_pattern(words.spellings())},
            "else": {"enum": ids, "errorMessage": _UNKNOWN}}


def _other_needs_name(words: Vocabulary) -> dict[str, Any]:
    """`discipline: anders` (any spelling) needs `discipline_other`; an empty or missing
    discipline is its own error, not this one."""
    anders = spelling_pattern(s for s, i in words.spellings().items() if i == OTHER)
    return {"if": {"properties": {"discipline": {"type": "string", "pattern": anders}},
                   "required": ["discipline"]},
            "then": {"required": ["discipline_other"]}}


def _nullable(prop: dict[str, Any]) -> dict[str, Any]:
    """pydantic's `{"anyOf": [X, {"type": "null"}], "default": null}` as X with null among its
    types, when X has a type of its own (a `$ref` stays an anyOf)."""
    if "default" in prop and prop["default"] is None:
        del prop["default"]  # says nothing (absent is absent), and editors offer it as a value
    branches = prop.get("anyOf", [])
    if len(branches) != 2 or branches[1] != {"type": "null"} or "type" not in branches[0]:
        return prop
    first = dict(branches[0])
    types = first["type"] if isinstance(first["type"], list) else [first["type"]]
    first["type"] = [*types, "null"]
    if "enum" in first:
        first["enum"] = [*first["enum"], None]
    return {**{k: v for k, v in prop.items() if k != "anyOf"}, **first}


def _with_help(model: dict[str, Any], name: str, texts: dict[str, Any]) -> None:
    """Descriptions in both languages on the model and each field, and the field's example
    (KeyError when one has no description)."""
    model["description"] = _describe(texts[name])
    for field in model["properties"]:
        prop = _nullable(model["properties"][field])
        entry = texts[f"{name}.{field}"]
        prop["description"] = _describe(entry)
        if "example" in entry:
            prop["examples"] = [entry["example"]]
        model["properties"][field] = prop


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
        _with_help(model, name, texts)
    defs["Discipline"] = _discipline(words)
    head = {"$schema": DIALECT, "$id": SCHEMA_URL,
            "title": "oncocheck: netwerkbestand / network file (format 1)"}
    return {**head, **{k: v for k, v in root.items() if k != "title"}, "$defs": defs}


def schema_text(words: Vocabulary, declarable: Sequence[str]) -> str:
    """The schema as the JSON text `oncocheck schema` prints and the repository keeps."""
    return json.dumps(network_schema(words, declarable), ensure_ascii=False, indent=2) + "\n"
