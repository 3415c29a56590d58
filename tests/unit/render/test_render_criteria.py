"""The criteria texts (render/criteria.py) from hand-built records: no rule file is loaded, so
these fail only when the renderer changes."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

from sample_report import CRITERIA, LOPPSOZ_2024, SET_2024

from oncocheck.render.criteria import diff_json, diff_text, explain_text, list_text, show_text
from oncocheck.report import CriteriaRef, Text
from oncocheck.rules.diff import CriterionChange, PartChange

OLD_REF = CriteriaRef("loppsoz", "2021", date(2021, 1, 1))
OLD = replace(SET_2024, ref=OLD_REF, title=Text("LOPPSOZ 2021", "LOPPSOZ 2021"),
              valid_from_assumed=True, criteria=CRITERIA[:-1])
NEW = replace(SET_2024, source="https://example.org/criteria")
SHARE = replace(CRITERIA[2],
                parameters=Text("minstens 60% in de Verwijsgids",
                                "at least 60% in the Verwijsgids"),
                how=Text("Telt de leden.\n\nVergelijkt het aandeel met de drempel.",
                         "Counts the members.\n\nCompares the share with the threshold."))


def test_list_marks_the_versions_in_force() -> None:
    text = list_text([OLD, NEW], [LOPPSOZ_2024], date(2026, 11, 23), "nl")
    assert text.splitlines() == [
        "loppsoz@2021     vanaf 2021-01-01 (aanname: de precieze datum is niet bekend)  "
        "LOPPSOZ 2021",
        "loppsoz@2024     vanaf 2024-02-06  LOPPSOZ 2024  ← van kracht (peildatum 2026-11-23)"]
    assert "← in force (as of 2026-11-23)" in list_text([NEW], [LOPPSOZ_2024],
                                                         date(2026, 11, 23), "en")
    assert "←" not in list_text([OLD, NEW], [], date(2026, 11, 23), "en")


def test_show_lists_every_criterion_with_its_check() -> None:
    text = show_text(replace(NEW, criteria=(CRITERIA[0], SHARE)), "en")
    lines = text.splitlines()
    assert lines[:2] == ["loppsoz@2024: LOPPSOZ 2024 (from 2024-02-06)",
                         "source: https://example.org/criteria"]
    assert "2a   Verwijsgids (60%)" in lines
    assert "    severity: error (decides the verdict)" in lines
    assert "    check (`verwijsgids_share`): at least 60% in the Verwijsgids" in lines
    assert "    what to do: Fix 2a." in lines
    assert "How oncocheck checks this" not in text  # that is for `explain`


def test_show_says_the_severity_and_the_check_in_dutch() -> None:
    lines = show_text(replace(NEW, criteria=(SHARE,)), "nl").splitlines()
    assert "    ernst: eis (bepaalt het oordeel)" in lines
    assert "    controle (`verwijsgids_share`): minstens 60% in de Verwijsgids" in lines


def test_explain_adds_how_the_check_kind_decides() -> None:
    text = explain_text(NEW, SHARE, "nl")
    assert text.startswith("loppsoz@2024 (vanaf 2024-02-06)\n\n2a   Verwijsgids (60%)\n")
    assert text.endswith("Zo controleert oncocheck dit:\n"
                         "    Telt de leden.\n\n    Vergelijkt het aandeel met de drempel.\n")
    assert explain_text(NEW, SHARE, "en").endswith(
        "How oncocheck checks this:\n    Counts the members.\n\n"
        "    Compares the share with the threshold.\n")


CHANGES = [CriterionChange("2a", "changed", CRITERIA[2].title,
                           (PartChange("check.threshold", 0.5, 0.6),)),
           CriterionChange("2b", "changed", CRITERIA[3].title,
                           (PartChange("title.en", "Old", "New"),)),
           CriterionChange("10", "added", CRITERIA[-1].title)]


def test_diff_text_names_each_change_and_what_stayed() -> None:
    lines = diff_text(OLD, NEW, CHANGES, "nl").splitlines()
    assert lines[0] == "loppsoz@2021 (vanaf 2021-01-01) → loppsoz@2024 (vanaf 2024-02-06)"
    assert "2a   gewijzigd: Verwijsgids (60%)" in lines and "     2a: drempel 50% → 60%" in lines
    assert "     2b: alleen de Engelse tekst is gewijzigd" in lines
    assert "10   nieuw: Aanspreekpunt" in lines
    assert lines[-1] == "Ongewijzigd: 1a, 1b, 3, 4, 5, 6, 7, 8, 9"
    assert diff_text(NEW, NEW, [], "en").splitlines()[2] == \
        "No differences between the criteria."


def test_diff_json_is_english_with_both_values() -> None:
    data = json.loads(diff_json(OLD, NEW, CHANGES))
    assert data["from"] == {"set": "loppsoz", "version": "2021", "valid_from": "2021-01-01"}
    assert data["criteria"][0] == {"criterion": "2a", "change": "changed",
                                   "title": "Verwijsgids (60%)", "changes": [
                                       {"part": "check.threshold", "before": 0.5, "after": 0.6,
                                        "description": "threshold 50% → 60%"}]}
    assert data["unchanged"] == ["1a", "1b", "3", "4", "5", "6", "7", "8", "9"]


def test_a_users_rule_file_keeps_its_path_in_the_label_not_in_the_json() -> None:
    own = replace(NEW, ref=replace(LOPPSOZ_2024, version="eigen", file="eigen.yaml"))
    assert diff_text(NEW, own, [], "en").startswith(
        "loppsoz@2024 (from 2024-02-06) → loppsoz@eigen (eigen.yaml) (from 2024-02-06)")
    assert json.loads(diff_json(NEW, own, []))["to"] == {
        "set": "loppsoz", "version": "eigen", "valid_from": "2024-02-06"}
