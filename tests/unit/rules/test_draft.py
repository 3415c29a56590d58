"""Criteria drafts (issue 16): a rule file that `extends:` a bundled version and says only what
differs, loaded with the draft's own line:column errors and shown with what it changes."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
import yaml
from one_command import CliRunner

from oncocheck.cli.app import app
from oncocheck.rules import bundled as criteria_sets
from oncocheck.rules.model import Criterion
from paths import ROOT

runner = CliRunner()
ON = date(2026, 11, 23)
TWO_LINES = """extends: loppsoz@2024
version: concept-2026
criteria:
  - id: 2a
    check: {threshold: 0.65}
"""


def invoke(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    assert "Traceback" not in result.output
    return result.exit_code, result.output


def write(tmp_path: Path, text: str, name: str = "draft.yaml") -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def impact_json(to: str) -> dict:
    """The impact JSON of moving tests/impact to `to`, with `to`'s path (named in the counts
    per version) written RULES."""
    code, out = invoke("impact", str(ROOT / "tests/impact"), "--from", "loppsoz@2024", "--to",
                       to, "--format", "json", "--as-of", "2026-11-23", "--jobs", "1")
    assert code == 0, out
    assert to in out
    return json.loads(out.replace(to, "RULES"))


def test_a_two_line_draft_gives_the_impact_of_a_full_copy(tmp_path: Path) -> None:
    full = yaml.safe_load((ROOT / "criteria/loppsoz/2024.yaml").read_text("utf-8"))
    full["version"] = "concept-2026"
    [share] = [c for c in full["criteria"] if c["id"] == "2a"]
    share["check"]["threshold"] = 0.65
    copy = write(tmp_path, yaml.safe_dump(full, allow_unicode=True), "full.yaml")
    by_draft, by_copy = impact_json(write(tmp_path, TWO_LINES)), impact_json(copy)
    assert by_draft == by_copy
    # and the figures are those of 65%: the networks at 60% and 62% lose 2a, nothing else moves
    assert by_draft["share_2a"]["thresholds"] == {"from": 60.0, "to": 65.0}
    assert sorted(c["file"].rsplit("/", 1)[-1] for c in by_draft["verdict_changes"]) == [
        "d-60.yaml", "e-62.yaml"]
    moved = {c["criterion"]: c["changed"] for c in by_draft["criteria"] if c["changed"]}
    assert moved == {"2a": 2}


def test_the_draft_is_the_base_with_its_changes_and_named_as_a_file(tmp_path: Path) -> None:
    path = write(tmp_path, TWO_LINES)
    rules = criteria_sets.find(path, ON)
    base = criteria_sets.find("loppsoz@2024", ON)
    assert rules.extends is base and base.extends is None
    assert rules.criterion("2a").check.threshold == 0.65
    assert [c.id for c in rules.criteria] == [c.id for c in base.criteria]
    assert all(a == b for a, b in zip(rules.criteria, base.criteria, strict=True) if a.id != "2a")
    assert rules.ref.label == f"loppsoz@concept-2026 ({path})" and not rules.bundled
    assert rules.valid_from == base.valid_from and rules.source == base.source
    assert rules.title.en.endswith(", draft concept-2026")


def test_a_draft_is_never_found_by_set_or_version(tmp_path: Path) -> None:
    criteria_sets.find(write(tmp_path, TWO_LINES), ON)  # loaded once in this process
    assert criteria_sets.labels() == ["loppsoz@2021", "loppsoz@2024"]
    code, out = invoke("criteria", "show", "loppsoz@concept-2026")
    assert code == 2 and "onbekende criteriaversie 'loppsoz@concept-2026'" in out


def test_a_wrong_key_fails_at_its_line(tmp_path: Path) -> None:
    path = write(tmp_path, TWO_LINES.replace("    check: {threshold", "    chek: {threshold"))
    code, out = invoke("criteria", "show", path, "--lang", "en")
    assert code == 2
    assert f"{path}:5:5: criteria[0].chek: unknown key 'chek'; did you mean 'check'?" in out
    path = write(tmp_path, TWO_LINES.replace("threshold", "treshold"))
    code, out = invoke("check", str(ROOT / "tests/impact/d-60.yaml"), "--criteria", path)
    assert code == 2
    assert f"{path}:5:13: criteria[0].check.treshold: onbekende sleutel 'treshold'; bedoelt u " \
        "'threshold'?" in out
    path = write(tmp_path, TWO_LINES + "remarks: none\n")
    code, out = invoke("criteria", "show", path, "--lang", "en")
    assert code == 2 and f"{path}:6:1: remarks: unknown key 'remarks'" in out


def test_a_wrong_value_fails_at_its_line(tmp_path: Path) -> None:
    path = write(tmp_path, TWO_LINES.replace("0.65", "1.65"))
    code, out = invoke("criteria", "show", path, "--lang", "en")
    assert code == 2 and f"{path}:5:24: criteria[0].check.threshold: invalid value" in out


def test_an_unknown_id_to_override_fails_at_its_line(tmp_path: Path) -> None:
    path = write(tmp_path, TWO_LINES.replace("id: 2a", "id: 2A"))
    code, out = invoke("impact", str(ROOT / "tests/impact"), "--from", "loppsoz@2024", "--to",
                       path, "--lang", "en")
    assert code == 2
    assert (f"{path}:4:9: criteria[0].id: loppsoz@2024 has no criterion '2A' (it has: 1a, 1b, "
            "2a, 2b, 3, 4, 5, 6, 7, 8, 9, 10); did you mean '2a'?; a new criterion is given in "
            "full (missing: title, text, severity, source, remediation)") in out


def test_remove_and_add(tmp_path: Path) -> None:
    base = yaml.safe_load((ROOT / "criteria/loppsoz/2024.yaml").read_text("utf-8"))
    eleven = {**base["criteria"][-1], "id": "11"}
    draft = {"extends": "loppsoz@2024", "version": "concept-2026",
             "criteria": [{"id": "2a", "check": {"threshold": 0.65}}, eleven], "remove": ["8"]}
    path = write(tmp_path, yaml.safe_dump(draft, allow_unicode=True))
    rules = criteria_sets.find(path, ON)
    assert [c.id for c in rules.criteria] == ["1a", "1b", "2a", "2b", "3", "4", "5", "6", "7",
                                              "9", "10", "11"]
    code, out = invoke("check", str(ROOT / "tests/impact/d-60.yaml"), "--criteria", path,
                       "--format", "json", "--as-of", "2026-11-23")
    findings = [f["criterion"] for f in json.loads(out)["results"][0]["findings"]]
    assert "8" not in findings and "11" in findings


def test_remove_names_an_id_of_the_base(tmp_path: Path) -> None:
    path = write(tmp_path, TWO_LINES + 'remove: ["8", "88"]\n')
    code, out = invoke("criteria", "show", path, "--lang", "en")
    assert code == 2
    assert f"{path}:6:15: remove[1]: loppsoz@2024 has no criterion '88' to remove" in out
    assert "did you mean '8'?" in out
    path = write(tmp_path, TWO_LINES + 'remove: ["2a"]\n')
    code, out = invoke("criteria", "show", path, "--lang", "en")
    assert code == 2 and f"{path}:4:9: criteria[0].id: criterion '2a' is changed and removed" in out


NETWORK = """format: 1
network: {name: Netwerk Logopedie}
members:
  - {name: A, discipline: fysiotherapeut, verwijsgids: ja}
  - {name: B, discipline: dietist, verwijsgids: nee}
  - {name: C, discipline: logopedist, verwijsgids: nee}
  - {name: D, discipline: logopedist, verwijsgids: nee}
"""


def share_of(network: str, criteria: str) -> dict:
    code, out = invoke("check", network, "--criteria", criteria, "--format", "json",
                       "--as-of", "2026-11-23")
    [share] = [f for f in json.loads(out)["results"][0]["findings"] if f["criterion"] == "2a"]
    return share["observed"]


def test_a_vocabulary_override_changes_the_2a_denominator(tmp_path: Path) -> None:
    network = write(tmp_path, NETWORK, "network.yaml")
    before = share_of(network, "loppsoz@2024")
    assert (before["listed"], before["eligible"]) == (1, 2)  # logopedist: unconfirmed
    draft = write(tmp_path, "extends: loppsoz@2024\nversion: concept-2026\nvocabulary:\n"
                  "  logopedist: {verwijsgids: yes}\n")
    after = share_of(network, draft)
    assert (after["listed"], after["eligible"], after["excluded"]) == (1, 4, [])
    code, out = invoke("criteria", "show", draft, "--lang", "en")
    assert "    ← changed in this draft: represented — → logopedist: yes" in out


def test_a_vocabulary_override_names_a_known_discipline(tmp_path: Path) -> None:
    draft = write(tmp_path, "extends: loppsoz@2024\nversion: concept-2026\nvocabulary:\n"
                  "  logopedst: {verwijsgids: \"yes\"}\n  dietist: {verwijsgids: maybe}\n")
    code, out = invoke("criteria", "show", draft, "--lang", "en")
    assert code == 2
    assert f"{draft}:4:14: vocabulary.logopedst: unknown discipline id 'logopedst'; did you " \
        "mean 'logopedist'?" in out
    assert f"{draft}:5:26: vocabulary.dietist.verwijsgids: 'maybe' is not a valid value" in out


@pytest.mark.parametrize(("extends", "message"), [
    ("loppsoz@2020", "1:10: extends: unknown criteria version 'loppsoz@2020' (known: "
                     "loppsoz@2021, loppsoz@2024); did you mean 'loppsoz@2024'?"),
    ("nvpo@2024", "1:10: extends: unknown criteria set 'nvpo'"),
    ("loppsoz", "1:10: extends: expected a bundled version like loppsoz@2024, not 'loppsoz'"),
    ("../other.yaml", "1:10: extends: expected a bundled version like loppsoz@2024, not "
                      "'../other.yaml'; a draft extends a bundled version only"),
    ("[loppsoz@2024]", "1:10: extends: expected a bundled version like loppsoz@2024, not"),
])
def test_extends_names_a_bundled_version(tmp_path: Path, extends: str, message: str) -> None:
    path = write(tmp_path, TWO_LINES.replace("loppsoz@2024", extends))
    code, out = invoke("criteria", "show", path, "--lang", "en")
    assert code == 2 and f"{path}:{message}" in out


def test_a_draft_needs_its_own_version_and_the_bases_set(tmp_path: Path) -> None:
    path = write(tmp_path, TWO_LINES.replace("concept-2026", '"2021"') + "set: nvpo\n")
    code, out = invoke("criteria", "show", path, "--lang", "en")
    assert code == 2
    assert f"{path}:2:10: version: give the draft a version name of its own" in out
    assert f"{path}:6:6: set: a draft belongs to the set of loppsoz@2024 (loppsoz)" in out
    path = write(tmp_path, "extends: loppsoz@2024\ncriteria: []\n")
    code, out = invoke("criteria", "show", path, "--lang", "en")
    assert code == 2 and "required key 'version' is missing" in out


def test_criteria_show_marks_what_the_draft_changes(tmp_path: Path) -> None:
    path = write(tmp_path, TWO_LINES + '  - id: "10"\n    severity: warning\nremove: ["8"]\n')
    code, out = invoke("criteria", "show", path)
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith(f"loppsoz@concept-2026 ({path}): ")
    assert lines[2] == "Concept op basis van loppsoz@2024; ← markeert wat het concept verandert."
    marks = [(lines[i - 1][:4], line) for i, line in enumerate(lines) if "←" in line][1:]
    assert marks == [("2a  ", "    ← gewijzigd in dit concept: drempel 60% → 65%"),
                     ("10  ", "    ← gewijzigd in dit concept: ernst eis → waarschuwing")]
    assert "Vervallen in dit concept: 8 (Structureel contact met ziekenhuis)" in lines
    code, out = invoke("criteria", "show", "loppsoz@2024")
    assert "←" not in out and "Concept" not in out


def test_criteria_diff_accepts_a_draft(tmp_path: Path) -> None:
    code, out = invoke("criteria", "diff", "loppsoz@2024", write(tmp_path, TWO_LINES),
                       "--format", "json")
    data = json.loads(out)
    assert code == 0 and data["to"] == {"set": "loppsoz", "version": "concept-2026",
                                        "valid_from": "2024-02-06"}
    assert [c["criterion"] for c in data["criteria"]] == ["2a"]
    assert data["criteria"][0]["changes"] == [{"part": "check.threshold", "before": 0.6,
                                               "after": 0.65, "description":
                                               "threshold 60% → 65%"}]


def test_check_takes_a_draft_by_criteria_and_compare(tmp_path: Path) -> None:
    path = write(tmp_path, TWO_LINES)
    network = str(ROOT / "tests/impact/d-60.yaml")  # exactly 60%: met under 2024, not at 65%
    code, out = invoke("check", network, "--criteria", path, "--format", "json")
    data = json.loads(out)
    assert code == 1 and data["results"][0]["criteria"] == {
        "set": "loppsoz", "version": "concept-2026", "file": path}
    code, out = invoke("check", network, "--criteria", "loppsoz@2024", "--compare", path,
                       "--lang", "en")
    assert code == 0 and f"loppsoz@concept-2026 ({path})" in out


def test_every_bundled_criterion_survives_the_merge_unchanged() -> None:
    """A draft's criterion is the base's, dumped, merged and validated again: with nothing
    merged that must give the same criterion back."""
    vocabulary = criteria_sets.vocabulary()
    for rules in criteria_sets.bundled():
        for criterion in rules.criteria:
            again = Criterion.model_validate(criterion.model_dump(mode="json"),
                                             context={"vocabulary": vocabulary})
            assert again == criterion
