"""The SARIF renderer, validated against the official SARIF 2.1.0 schema, with what GitHub
code scanning needs: described rules, repository-relative URIs, stable fingerprints. (The
SARIF multitool's GitHub rules check real runs in tests/acceptance/test_sarif_multitool.py.)"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from hostile import HOSTILE, hostile_report
from sample_report import sample_report

from oncocheck.render import render
from oncocheck.render.sarif import FINGERPRINT, artifact_uri
from oncocheck.render.sarif import WARNINGS
from oncocheck.report import Location, Root, Text
from sarif_schema import SHARED, official_schema, sarif_validator

def test_the_packaged_schema_is_the_shared_one() -> None:
    if SHARED.exists():  # beside a checkout in this workplace; a plain clone has only the package
        assert official_schema() == json.loads(SHARED.read_text(encoding="utf-8"))


def _sarif(report, lang: str = "en") -> dict:  # noqa: ANN001
    data = json.loads(render(report, "sarif", lang))
    errors = sorted(sarif_validator().iter_errors(data), key=str)
    assert not errors, errors[0]
    return data


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_valid_sarif_with_one_rule_per_criterion(lang: str) -> None:
    run = _sarif(sample_report(), lang)["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "oncocheck" and driver["version"] == "0.1.0"
    ids = [rule["id"] for rule in driver["rules"]]
    assert ids == ["1a", "1b", "2a", "2b", "3", "4", "5", "6", "7", "8", "9", "10",
                   *WARNINGS, "load-error"]
    for rule in driver["rules"]:  # GitHub's GH2012: every rule fully described
        assert rule["shortDescription"]["text"] and rule["fullDescription"]["text"]
        assert rule["help"]["text"] and rule["help"]["markdown"]
        assert rule["helpUri"].startswith("https://")
        assert rule["name"] != rule["id"]  # SARIF1001
    rule = driver["rules"][0]
    assert rule["help"]["text"] == ("Herstel 1a." if lang == "nl" else "Fix 1a.")
    assert rule["helpUri"] in rule["help"]["markdown"]


def test_rules_are_in_the_reports_language() -> None:
    nl = _sarif(sample_report(), "nl")["runs"][0]["tool"]["driver"]["rules"]
    en = _sarif(sample_report(), "en")["runs"][0]["tool"]["driver"]["rules"]
    load_nl, load_en = nl[-1], en[-1]
    assert load_nl["id"] == load_en["id"] == "load-error"
    assert load_nl["fullDescription"]["text"].startswith("Een netwerkbestand dat niet")
    assert load_en["fullDescription"]["text"].startswith("A network file that cannot")
    assert load_nl["help"]["markdown"].startswith("**Wat te doen:**")
    assert load_en["help"]["markdown"].startswith("**What to do:**")


def test_help_markdown_keeps_code_spans_and_escapes_the_rest() -> None:
    """`criteria:` is shown as code (it was `\\`criteria:\\`` before); Markdown outside a
    code span (from a rule file) is escaped, inside one it is literal anyway."""
    rules = {r["id"]: r for r in _sarif(sample_report())["runs"][0]["tool"]["driver"]["rules"]}
    assert "Update `criteria:`, or ask" in rules["criteria-pin"]["help"]["markdown"]
    assert "`due:`" in rules["plan-overdue"]["help"]["markdown"]
    report = sample_report()
    (criteria_set,) = report.criteria_sets
    first = replace(criteria_set.criteria[0], remediation=Text(
        "x", "Set `a: [b](https://evil.example)` or [c](https://evil.example) `d"))
    report = replace(report, criteria_sets=(replace(
        criteria_set, criteria=(first, *criteria_set.criteria[1:])),))
    help_ = _sarif(report)["runs"][0]["tool"]["driver"]["rules"][0]["help"]["markdown"]
    assert help_.startswith("**What to do:** Set `a: [b](https://evil.example)` or "
                            "\\[c\\](https\\://evil.example) \\`d\n")


def test_a_warning_the_table_does_not_know_still_gets_a_full_rule() -> None:
    report = sample_report()
    bad = report.results[1]
    odd = replace(bad.findings[-1], criterion="new-warning")
    report = replace(report, results=(report.results[0], replace(bad, findings=(
        *bad.findings, odd)), report.results[2]))
    rules = {r["id"]: r for r in _sarif(report)["runs"][0]["tool"]["driver"]["rules"]}
    rule = rules["new-warning"]
    assert rule["name"] == "NewWarning" and rule["shortDescription"]["text"] == "Duplicate member"
    assert rule["fullDescription"]["text"] and rule["help"]["text"]


def test_one_result_per_problem_and_load_error() -> None:
    run = _sarif(sample_report())["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    got = [(r["ruleId"], r["level"], r["properties"].get("status")) for r in run["results"]]
    assert got == [("1b", "error", "not_met"), ("7", "error", "missing"),
                   ("duplicate-member", "warning", "not_met"), ("load-error", "error", None)]
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
    load = run["results"][-1]["locations"][0]["physicalLocation"]
    assert "originalUriBaseIds" not in run  # no root known: relative to the working directory
    assert load == {"artifactLocation": {"uri": "examples/invalid/typo.yaml"},
                    "region": {"startLine": 40, "startColumn": 17}}
    assert run["results"][0]["message"]["text"] == (
        "missing: dietitian → Fix 1b. · note: Diëtist volgt · "
        "planned: Een diëtist werven, J. Bakker, before 2027-03-01")


def test_missing_position_falls_back_to_line_one() -> None:
    from dataclasses import replace

    report = sample_report()
    invalid = report.results[2]
    error = replace(invalid.errors[0], line=None, column=None, source="leden.csv")
    report = replace(report, results=(replace(invalid, errors=(error,)),))
    location = _sarif(report)["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert location == {"artifactLocation": {"uri": "leden.csv"},
                        "region": {"startLine": 1, "startColumn": 1}}


def test_artifact_uris_are_relative_posix_and_encoded() -> None:
    assert artifact_uri("./netwerken/zuid.yaml") == "netwerken/zuid.yaml"
    assert artifact_uri("netwerk zuid/ë.yaml") == "netwerk%20zuid/%C3%AB.yaml"
    assert artifact_uri(str(Path.cwd() / "a" / "b.yaml")) == "a/b.yaml"
    assert artifact_uri("c:d.yaml") == "c%3Ad.yaml"  # never mistaken for a URI scheme


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_stays_valid(text: str) -> None:
    results = _sarif(hostile_report(text))["runs"][0]["results"]
    assert results[0]["message"]["text"].startswith(f"{text} (en)")


ROOT_ = Root("/srv/repo", "/srv/repo/sub")


def _rooted(report, root: Root = ROOT_):  # noqa: ANN001, ANN202 - a Report
    return replace(report, root=root)


def test_uris_start_at_the_repository_root_when_run_from_a_subfolder() -> None:
    run = _sarif(_rooted(sample_report()))["runs"][0]
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == "file:///srv/repo/"
    first = run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert first == {"uri": "sub/examples/not-compliant/zuid.yaml", "uriBaseId": "%SRCROOT%"}


def test_a_file_outside_the_repository_is_an_absolute_file_uri() -> None:
    report = sample_report()
    invalid = replace(report.results[2], file="../../elsewhere/x.yaml")
    run = _sarif(_rooted(replace(report, results=(invalid,))))["runs"][0]
    location = run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location == {"uri": "file:///srv/elsewhere/x.yaml"}


def _fingerprints(report) -> list[str]:  # noqa: ANN001
    return [r["partialFingerprints"][FINGERPRINT]
            for r in _sarif(report)["runs"][0]["results"]]


def _moved(report, lines: int):  # noqa: ANN001, ANN202 - a Report
    """The same report with every finding and load error `lines` further down the file."""
    def move(location: Location | None) -> Location | None:
        return location and replace(location, line=location.line + lines)

    results = []
    for result in report.results:
        findings = tuple(replace(f, location=move(f.location)) for f in result.findings)
        errors = tuple(replace(e, line=e.line + lines) for e in result.errors)
        results.append(replace(result, findings=findings, errors=errors))
    return replace(report, results=tuple(results))


def test_fingerprints_are_stable_across_runs_and_line_moves_and_unique() -> None:
    report = _rooted(sample_report())
    first = _fingerprints(report)
    assert len(set(first)) == len(first) == 4
    assert all(len(f) == 64 for f in first)
    assert _fingerprints(_rooted(sample_report())) == first
    assert _fingerprints(_moved(report, 7)) == first
    # the same repository checked out elsewhere, and run from its top instead of `sub/`
    elsewhere = Root("/home/runner/work/repo", "/home/runner/work/repo")
    files = [replace(r, file="sub/" + r.file) for r in report.results]
    assert _fingerprints(_rooted(replace(report, results=tuple(files)), elsewhere)) == first


def test_fingerprints_change_with_the_file_and_the_rule() -> None:
    report = _rooted(sample_report())
    bad = report.results[1]
    renamed = replace(bad, file="examples/not-compliant/noord.yaml")
    other = _fingerprints(replace(report, results=(renamed,)))
    assert not set(other) & set(_fingerprints(report))
