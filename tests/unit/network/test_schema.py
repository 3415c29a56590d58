"""`oncocheck schema`: generated from the models, described in both languages, kept current in
the repository, and agreeing with oncocheck when a real peer (check-jsonschema) validates."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import jsonschema
from paths import ROOT
from hypothesis import given
from hypothesis import strategies as st

from oncocheck.rules.bundled import vocabulary
from oncocheck.run.decide import choose
from oncocheck.run.batch import check as run
from oncocheck.report import Verdict
from oncocheck.network.schema import network_schema
from oncocheck.network.schema import schema_text as _schema_text
from oncocheck.rules.bundled import labels
from oncocheck.load.words import spelling_pattern

SCHEMA_FILE = ROOT / "schema" / "network.schema.json"
CHECK_JSONSCHEMA = Path(sys.executable).with_name("check-jsonschema")


def test_repository_copy_is_current() -> None:
    assert SCHEMA_FILE.read_text(encoding="utf-8") == _schema_text(vocabulary(), labels()), \
        "regenerate with: oncocheck schema > schema/network.schema.json"


def test_schema_command_prints_it() -> None:
    from typer.testing import CliRunner

    from oncocheck.cli.app import app

    result = CliRunner().invoke(app, ["schema"])
    assert result.exit_code == 0 and result.stdout == _schema_text(vocabulary(), labels())


def test_valid_draft_2020_12_with_descriptions_everywhere() -> None:
    schema = network_schema(vocabulary(), labels())
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"].endswith("/schema/network.schema.json") and schema["title"]
    jsonschema.Draft202012Validator.check_schema(schema)
    models = {"root": schema} | {k: v for k, v in schema["$defs"].items() if "properties" in v}
    for name, model in models.items():
        assert model["additionalProperties"] is False, name
        for field, prop in {"": model, **model["properties"]}.items():
            nl, _, en = prop["description"].partition("\n\n(en) ")
            assert nl and en, f"{name}.{field}"


def _peer(files: list[Path]) -> set[str]:
    """The files check-jsonschema rejects (schema errors or YAML it cannot parse)."""
    done = subprocess.run([str(CHECK_JSONSCHEMA), "-o", "json", "--schemafile", str(SCHEMA_FILE),
                           *map(str, files)], capture_output=True, text=True, check=False)
    data = json.loads(done.stdout)
    return {e["filename"] for e in data["errors"] + data["parse_errors"]}


def _oncocheck(files: list[Path]) -> set[str]:
    report = run([str(f) for f in files], choose(None, date(2026, 11, 23), date(2026, 11, 23)))
    return {r.file for r in report.results if r.verdict is Verdict.INVALID}


def test_examples_agree_with_oncocheck() -> None:
    examples = sorted(ROOT.glob("examples/**/*.yaml"))
    rejected = _peer(examples)
    assert rejected == _oncocheck(examples)
    assert {Path(f).parent.name for f in rejected} == {"invalid"}


BASE = "format: 1\nnetwork:\n  name: Netwerk\n"
CASES = {  # name: (YAML after BASE, valid?)
    "minimal": ("", True),
    "dutch-booleans": ("  non_profit: Ja\n  website_lists_verwijsgids_members: nee\n", True),
    "numbers-as-text": ("  contact_point: {name: X, phone: 0612345670}\n"
                        "  area: {postcodes: [1311, '1312 AB']}\n", True),
    "disciplines": ("members:\n  - {name: A, discipline: Diëtist}\n  - {name: B, discipline: "
                    "POH-GGZ}\n  - {name: C, discipline: ' poh_ggz '}\n", True),
    "count-as-text": ("  participation_agreement: {min_meetings_per_year: '4'}\n", True),
    "anders-named": ("members:\n  - {name: A, discipline: Anders, discipline_other: x}\n", True),
    "unknown-key": ("  websit: https://x.nl\n", False),
    "unknown-top-key": ("extra: 1\n", False),
    "unknown-member-key": ("members:\n  - {name: A, discipline: dietist, age: 3}\n", False),
    "discipline-typo": ("members:\n  - {name: A, discipline: dietis}\n", False),
    "anders-unnamed": ("members:\n  - {name: A, discipline: anders}\n", False),
    "empty-discipline": ("members:\n  - {name: A, discipline: }\n", False),
    "bad-boolean": ("  non_profit: misschien\n", False),
    "bad-postcode": ("  area: {postcodes: ['13']}\n", False),
    "bad-url": ("  website: www.x.nl\n", False),
    "bad-email": ("  contact_point: {name: X, email: geen-adres}\n", False),
    "bad-scope": ("  area: {scope: stad}\n", False),
    "bad-date": ("  website_updated: 1 september 2026\n", False),
    "blank-name": ("members:\n  - {name: '  ', discipline: dietist}\n", False),
    "too-many-meetings": ("  participation_agreement: {min_meetings_per_year: 2000}\n", False),
}


def test_peer_and_oncocheck_agree_on_each_case(tmp_path: Path) -> None:
    files = []
    for name, (extra, _) in CASES.items():
        path = tmp_path / f"{name}.yaml"
        path.write_text(BASE + extra, encoding="utf-8")
        files.append(path)
    expected = {str(tmp_path / f"{n}.yaml") for n, (_, ok) in CASES.items() if not ok}
    assert _oncocheck(files) == expected
    assert _peer(files) == expected


_ACCENTS = {"e": "éëè", "i": "ïí", "o": "öó", "a": "áä", "u": "üú"}


@given(st.data())
def test_pattern_matches_every_way_oncocheck_reads_a_discipline(data: st.DataObject) -> None:
    words = vocabulary().spellings()
    word = data.draw(st.sampled_from(sorted(words)))
    typed = "".join(
        data.draw(st.sampled_from([" ", "-", "_", "  "])) if c == " " else
        data.draw(st.sampled_from([c, c.upper(), *_ACCENTS.get(c, "")])) for c in word)
    pattern = re.compile(spelling_pattern(words))
    assert vocabulary().resolve(typed) is not None
    assert pattern.fullmatch(typed)


@given(st.text(alphabet="abcdefgijklmnoprstuvz -ë", max_size=14))
def test_pattern_rejects_what_oncocheck_rejects(text: str) -> None:
    pattern = re.compile(spelling_pattern(vocabulary().spellings()))
    assert bool(pattern.fullmatch(text)) == (vocabulary().resolve(text) is not None)


def _text_report(tmp_path: Path, members: str) -> str:
    """What check-jsonschema prints (text, as a person reads it, every error) for a file with
    `members`."""
    path = tmp_path / "netwerk.yaml"
    path.write_text(BASE + "members:\n" + members, encoding="utf-8")
    command = [str(CHECK_JSONSCHEMA), "--verbose", "--schemafile", str(SCHEMA_FILE), str(path)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    assert done.returncode == 1, done.stdout + done.stderr
    return done.stdout


def test_a_misspelt_discipline_is_one_short_message_listing_the_ids(tmp_path: Path) -> None:
    output = _text_report(tmp_path, "  - {name: A, discipline: dietist}\n" * 40
                          + "  - {name: B, discipline: dietis}\n")
    assert len(output.encode("utf-8")) < 2048, output
    assert output.count("::$") == 1 and "$.members[40].discipline: 'dietis' is not one of [" \
        in output and "'dietist'" in output and "'anders'" in output, output


def test_an_empty_discipline_is_one_error_not_also_a_missing_discipline_other(
        tmp_path: Path) -> None:
    output = _text_report(tmp_path, "  - name: A\n    discipline:\n")
    assert output.count("::$") == 1 and "$.members[0].discipline: None is not of type 'string'" \
        in output and "discipline_other" not in output, output


def test_disciplines_are_offered_with_both_labels() -> None:
    schema = network_schema(vocabulary(), labels())
    offered = next(b for b in schema["$defs"]["Discipline"]["anyOf"] if "enum" in b)
    assert offered["enum"] == vocabulary().ids
    described = dict(zip(offered["enum"], offered["markdownEnumDescriptions"], strict=True))
    assert described["dietist"] == "diëtist (en: dietitian)"
    assert described["poh_ggz"] == "POH-GGZ (en: mental health practice nurse)"
    assert offered["enumDescriptions"] == offered["markdownEnumDescriptions"]


def _properties(schema: dict) -> list[tuple[str, dict]]:
    models = {"NetworkFile": schema} | schema["$defs"]
    return [(f"{name}.{field}", prop) for name, model in models.items()
            for field, prop in model.get("properties", {}).items()]


def _plain(prop: dict) -> bool:
    """A field of plain values (text, numbers, yes/no, a list of those), without an enum."""
    if prop.get("$ref") == "#/$defs/Discipline":
        return True
    parts = [prop, *prop.get("anyOf", [])]
    if "enum" in prop or any("$ref" in p or "$ref" in p.get("items", {}) for p in parts):
        return False
    types = [t for p in parts for t in ([p["type"]] if isinstance(p.get("type"), str)
                                        else p.get("type", []))]
    return bool(types) and "object" not in types


def test_one_example_per_field_and_each_is_valid() -> None:
    schema = network_schema(vocabulary(), labels())
    seen = 0
    for name, prop in _properties(schema):
        examples = prop.get("examples", [])
        assert len(examples) == (1 if _plain(prop) else 0), name
        for example in examples:
            seen += 1
            field = {**prop, "$defs": schema["$defs"]}
            assert jsonschema.Draft202012Validator(field).is_valid(example), (name, example)
    assert seen >= 25
    assert "examples" not in json.dumps(schema["$defs"]["Discipline"])
