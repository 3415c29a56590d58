"""`oncocheck criteria diff` and `oncocheck check --compare`."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import yaml
from one_command import CliRunner

from oncocheck.rules import bundled as criteria_sets
from oncocheck.cli.app import app
from oncocheck.rules.diff import describe, diff
from paths import ROOT

runner = CliRunner()
ON = date(2026, 11, 23)


def invoke(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    assert "Traceback" not in result.output
    return result.exit_code, result.output


def test_bundled_versions_differ_only_in_2a() -> None:
    old, new = criteria_sets.find("loppsoz@2021", ON), criteria_sets.find("loppsoz@2024", ON)
    [change] = diff(old, new)
    assert (change.criterion, change.change) == ("2a", "changed")
    first = change.parts[0]
    assert (first.part, first.before, first.after) == ("check.threshold", 0.5, 0.6)
    assert describe(first, "nl") == "drempel 50% → 60%"
    assert describe(first, "en") == "threshold 50% → 60%"
    # the texts state the threshold as `{threshold}`: they follow it, and change no wording
    assert {p.part for p in change.parts} == {"check.threshold"}
    assert change.title.nl == "Leden vermeld in de Verwijsgids Kanker (streven 60%)"


def test_console_in_both_languages() -> None:
    code, out = invoke("criteria", "diff", "loppsoz@2021", "loppsoz@2024")
    assert code == 0 and "2a: drempel 50% → 60%" in out and "gewijzigd" in out
    assert "Ongewijzigd: 1a, 1b, 2b, 3, 4, 5, 6, 7, 8, 9, 10" in out
    code, out = invoke("criteria", "diff", "loppsoz@2021", "loppsoz@2024", "--lang", "en")
    assert code == 0 and "2a: threshold 50% → 60%" in out
    assert "changed: Members listed in the Verwijsgids Kanker (aim 60%)" in out
    assert "(aim 50%)" not in out  # the title follows the threshold: no change of wording


def test_json() -> None:
    code, out = invoke("criteria", "diff", "loppsoz@2021", "loppsoz@2024", "--format", "json")
    data = json.loads(out)
    assert code == 0 and data["from"]["version"] == "2021" and data["to"]["version"] == "2024"
    [change] = data["criteria"]
    assert change["criterion"] == "2a" and change["change"] == "changed"
    assert change["changes"][0] == {"part": "check.threshold", "before": 0.5, "after": 0.6,
                                    "description": "threshold 50% → 60%"}
    assert data["unchanged"] == ["1a", "1b", "2b", "3", "4", "5", "6", "7", "8", "9", "10"]


def test_added_removed_and_severity(tmp_path: Path) -> None:
    rules = yaml.safe_load((ROOT / "criteria/loppsoz/2024.yaml").read_text("utf-8"))
    rules["version"], rules["valid_from"] = "2027", "2027-01-01"
    removed = rules["criteria"].pop(1)  # 1b
    rules["criteria"][-1]["severity"] = "warning"  # 10
    rules["criteria"].append({**rules["criteria"][0], "id": "11"})
    path = tmp_path / "2027.yaml"
    path.write_text(yaml.safe_dump(rules, allow_unicode=True), encoding="utf-8")
    code, out = invoke("criteria", "diff", "loppsoz@2024", str(path), "--lang", "en")
    assert code == 0
    assert "10   changed" in out and "10: severity error → warning" in out
    assert "11   added" in out and f"1b   removed: {removed['title']['en']}" in out


def test_unknown_version_is_a_usage_error() -> None:
    code, out = invoke("criteria", "diff", "loppsoz@2020", "loppsoz@2024")
    assert code == 2 and "bedoelt u 'loppsoz@2024'?" in out


def test_compare_shows_both_verdicts() -> None:
    example = str(ROOT / "examples/not-compliant/verwijsgids-55.yaml")
    code, out = invoke("check", example, "--compare", "loppsoz@2021", "--as-of", "2026-11-23")
    assert code == 1  # the verdict under the main version decides
    lines = out.splitlines()
    assert lines[0] == ("Vergelijking loppsoz@2024 (toegepast) → loppsoz@2021 (ter vergelijking): "
                        "1 van 1 bestanden krijgt een ander oordeel")
    assert lines[2] == "  ✘ → ✔  Oncologienetwerk De Meierij · " + example  # both verdicts
    assert lines[3].strip() == \
        "2a niet voldaan → voldaan: 11/20 = 55% (≥ 60%) → 11/20 = 55% (≥ 50%)"  # and why
    assert "✘ VOLDOET NIET  Oncologienetwerk De Meierij · loppsoz@2024" in out  # its report


def test_compare_json() -> None:
    example = str(ROOT / "examples/not-compliant/verwijsgids-55.yaml")
    code, out = invoke("check", example, "--compare", "loppsoz@2021", "--format", "json",
                       "--as-of", "2026-11-23")
    data = json.loads(out)
    compare = data["compare"]
    assert compare["criteria"]["version"] == "2021"
    assert compare["summary"]["compliant"] == 1
    [result] = compare["results"]
    assert result["verdict"] == "compliant" and result["changed"] == ["2a"]
    assert result["statuses"]["2a"] == "met" and len(result["statuses"]) == 12
    assert data["results"][0]["verdict"] == "not_compliant"
    code, out = invoke("check", example, "--format", "json", "--as-of", "2026-11-23")
    assert "compare" not in json.loads(out)


def test_compare_with_an_unknown_version_is_a_usage_error() -> None:
    example = str(ROOT / "examples/compliant/voorbeeldstad.yaml")
    code, out = invoke("check", example, "--compare", "loppsoz@2022", "--lang", "en")
    assert code == 2 and "unknown criteria version 'loppsoz@2022'" in out


def test_compare_in_markdown_puts_both_versions_side_by_side() -> None:
    example = str(ROOT / "examples/not-compliant/verwijsgids-55.yaml")
    code, out = invoke("check", example, "--compare", "loppsoz@2021", "--format", "markdown",
                       "--lang", "en", "--as-of", "2026-11-23")
    assert code == 1
    assert "**Comparison: loppsoz@2024 ↔ loppsoz@2021**" in out
    rows = {line.split(" | ")[0].strip("| "): line for line in out.splitlines()
            if line.startswith("| ") and ("✅" in line or "❌" in line)}
    assert "| ❌ not met | ✅ met | differs |" in rows["2a"]
    assert rows["1a"].endswith("| ✅ met | ✅ met |  |")
    assert "| verdict | ❌ Not compliant | ✅ Compliant | differs |" in out


def test_compare_in_html_is_a_table_with_words_not_colour_only(tmp_path: Path) -> None:

    from htmlcheck import external_references, strict_parse

    example = str(ROOT / "examples/not-compliant/verwijsgids-55.yaml")
    target = tmp_path / "report.html"
    code, _ = invoke("check", example, "--compare", "loppsoz@2021", "--format", "html",
                     "--output", str(target), "--as-of", "2026-11-23")
    page = target.read_text(encoding="utf-8")
    assert code == 1
    strict_parse(page)
    assert not external_references(page)
    section = page[page.index('id="compare"'):page.index("</section>", page.index('id="compare"'))]
    assert "Vergelijking: loppsoz@2024 ↔ loppsoz@2021" in section
    row_2a = section[section.index("<code>2a</code>"):].split("</tr>")[0]
    assert "niet voldaan" in row_2a and "voldaan" in row_2a and "verschil" in row_2a
    row_1a = section[section.index("<code>1a</code>"):].split("</tr>")[0]
    assert "verschil" not in row_1a


def test_no_comparison_section_without_compare(tmp_path: Path) -> None:
    example = str(ROOT / "examples/not-compliant/verwijsgids-55.yaml")
    code, out = invoke("check", example, "--format", "markdown", "--as-of", "2026-11-23")
    assert "Vergelijking" not in out
    target = tmp_path / "report.html"
    invoke("check", example, "--format", "html", "--output", str(target))
    assert 'id="compare"' not in target.read_text(encoding="utf-8")


def test_outcome_changes_are_what_the_criteria_pin_warning_lists() -> None:
    old, new = (criteria_sets.find(v, date(2026, 1, 1)) for v in ("loppsoz@2021", "loppsoz@2024"))
    from oncocheck.rules.diff import outcome_changes

    assert [(t.nl, t.en) for t in outcome_changes(old, new)] == [
        ("2a: drempel 50% → 60%", "2a: threshold 50% → 60%")]
    assert outcome_changes(new, new) == []


def test_the_assumed_in_force_date_is_said() -> None:
    code, out = invoke("criteria", "list", "--lang", "en")
    assert code == 0
    assert "loppsoz@2021     from 2021-01-01 (assumed: the exact date is not known)" in out
    assert "loppsoz@2024     from 2024-02-06  " in out


def test_criterion_ids_must_be_short_identifiers(tmp_path: Path) -> None:
    bundled = criteria_sets.criteria_dir() / "loppsoz" / "2024.yaml"
    data = yaml.safe_load(bundled.read_text("utf-8"))
    for bad in ("2a\n::error::x", "a" * 17, "2 a"):
        data["criteria"][0]["id"] = bad
        path = tmp_path / "rules.yaml"
        path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
        code, out = invoke("check", str(ROOT / "examples/compliant/voorbeeldstad.yaml"),
                           "--criteria", str(path), "--lang", "en")
        assert code == 2, out
        assert "criteria[0].id: a criterion id is short" in out
        assert "::error::x" not in out.replace("\\n", "")
