"""The JSON report keeps the shape and meaning of cli.md."""

from __future__ import annotations

import json

from one_command import CliRunner

from oncocheck.cli.app import app
from oncocheck.render import render
from json_reports import validate_report
from paths import ROOT



def _check_examples() -> dict:
    result = CliRunner().invoke(app, ["check", str(ROOT / "examples"), "--as-of", "2026-11-23",
                                      "-f", "json", "--lang", "nl"])
    return json.loads(result.output)


def test_examples_report_matches_cli_md_shape() -> None:
    report = _check_examples()
    validate_report(report)
    assert report["tool"] == {"name": "oncocheck", "version": "0.1.0"}
    assert report["criteria"] == {"set": "loppsoz", "version": "2024", "valid_from": "2024-02-06"}
    assert report["as_of"] == "2026-11-23"


def test_json_is_english_whatever_lang_says() -> None:
    report = _check_examples()
    compliant = next(r for r in report["results"] if r["verdict"] == "compliant")
    two_a = next(f for f in compliant["findings"] if f["criterion"] == "2a")
    assert two_a["message"].startswith(
        "7/11 = 63.6% of members of Verwijsgids professions are listed (at least 60% required)")
    assert two_a["observed"]["listed"] == 7 and two_a["observed"]["eligible"] == 11
    assert two_a["observed"]["share"] == 0.636 and two_a["observed"]["threshold"] == 0.6
    assert two_a["location"]["path"] == "members"
    reasons = {e["reason"] for e in two_a["observed"]["excluded"]}
    assert reasons == {"not_a_profession", "unconfirmed_profession",
                       "assumed_not_in_verwijsgids"}


def test_every_criterion_has_exactly_one_finding_in_criteria_order() -> None:
    for result in _check_examples()["results"]:
        if result["verdict"] == "invalid":
            assert result["findings"] == [] and result["errors"] and result["network"] is None
            continue
        ids = [f["criterion"] for f in result["findings"] if f["severity"] == "error"]
        assert ids == ["1a", "1b", "2a", "2b", "3", "4", "5", "6", "7", "8", "9", "10"]


def test_invalid_file_error_has_position_and_suggestion() -> None:
    report = _check_examples()
    typo = next(r for r in report["results"] if r["file"].endswith("discipline-typo.yaml"))
    assert typo["errors"] == [{"message": "member 2, 'B. El Amrani': unknown discipline 'dietis'; "
                                           "did you mean 'diëtist'? (every discipline: "
                                           "`oncocheck disciplines`)",
                               "path": "members[1].discipline", "line": 43, "column": 17}]


def test_renderer_dumps_a_hand_built_report(report) -> None:  # noqa: ANN001 - fixture
    data = json.loads(render(report, "json", "nl"))
    validate_report(data)
    assert data["summary"] == {"files": 3, "compliant": 1, "not_compliant": 1, "invalid": 1,
                               "criteria": {"loppsoz@2024": 2}, "as_of": {"2026-11-23": 2}}
    assert [r.get("as_of") for r in data["results"]] == ["2026-11-23", "2026-11-23", None]
    assert data["results"][1]["findings"][1]["message"] == "missing: dietitian"


def test_the_published_schemas_name_themselves_and_the_version_reports_carry() -> None:
    from json_reports import IMPACT_SCHEMA, REPORT_SCHEMA, ROUNDS_SCHEMA

    from oncocheck.render import impact, rounds
    from oncocheck.render import json as report_json

    for schema, module, name in [(REPORT_SCHEMA, report_json, "report"),
                                 (IMPACT_SCHEMA, impact, "impact"),
                                 (ROUNDS_SCHEMA, rounds, "rounds")]:
        assert schema["$id"].endswith(f"/src/oncocheck/render/{name}.schema.json")
        assert schema["properties"]["schema_version"] == {
            "const": module.SCHEMA_VERSION, "description": "The version of this schema the "
            "report follows."}
        assert f"schema version {module.SCHEMA_VERSION}" in schema["title"]
        assert "schema_version" in schema["required"]


def test_every_golden_json_report_fits_the_schema() -> None:
    from json_reports import validate_impact, validate_rounds

    golden = sorted((ROOT / "tests" / "golden").rglob("json-*.json"))
    assert len(golden) >= 6
    for path in golden:
        data = json.loads(path.read_text(encoding="utf-8"))
        {"rounds": validate_rounds, "impact": validate_impact}.get(path.parent.name,
                                                                   validate_report)(data)
        assert next(iter(data)) == "schema_version", path


def test_a_report_without_its_version_does_not_fit() -> None:
    import jsonschema
    import pytest

    data = _check_examples()
    assert data["schema_version"] == "2"
    del data["schema_version"]
    with pytest.raises(jsonschema.ValidationError):
        validate_report(data)


def test_schema_command_prints_the_shipped_schemas() -> None:
    from oncocheck.render import IMPACT, REPORT, ROUNDS, schema_text

    runner = CliRunner()
    for flag, name in (("--report", REPORT), ("--impact", IMPACT), ("--rounds", ROUNDS)):
        result = runner.invoke(app, ["schema", flag])
        assert result.exit_code == 0 and result.stdout == schema_text(name)
        assert json.loads(result.stdout)["$id"].endswith(name)
    both = runner.invoke(app, ["schema", "--report", "--impact"])
    assert both.exit_code == 2 and "--report" in both.output


def test_top_level_names_only_what_judged_every_file() -> None:
    """Issue 23.12: a batch judged under two versions on two dates names neither at the top
    (`criteria`, `as_of` are null) and counts them; a batch judged by one names it."""
    mixed = CliRunner().invoke(app, ["check", str(ROOT / "tests/fixtures/mixed"), "-f", "json"])
    data = json.loads(mixed.output)
    validate_report(data)
    assert data["criteria"] is None and data["as_of"] is None
    assert set(data["summary"]["criteria"]) == {"loppsoz@2024", "loppsoz@2021"}
    judged = {r["as_of"] for r in data["results"] if "as_of" in r}
    assert len(judged) > 1 and set(data["summary"]["as_of"]) == judged
    assert sum(data["summary"]["as_of"].values()) == sum(
        r["verdict"] != "invalid" for r in data["results"])
    one = _check_examples()
    valid = sum(r["verdict"] != "invalid" for r in one["results"])
    assert one["as_of"] == "2026-11-23" and one["summary"]["as_of"] == {"2026-11-23": valid}
