"""`analysis.rounds` on a hand-made pair of JSON reports with known answers
(tests/fixtures/rounds/): the old round judged under loppsoz@2021, the new under loppsoz@2024.

    alfa.yaml    Netwerk Alfa -> Oncologienetwerk Alfa, same file: renamed, matched by path
    beta.yaml    Netwerk Bèta -> "netwerk  BETA" in b/beta.yaml: matched by name; 2a lost
    delta.yaml   gone                      epsilon.yaml  new
    gamma.yaml   7 missing -> met: newly compliant (a criteria-pin warning does not count)
    eta.yaml     invalid -> not compliant   zeta.yaml  not compliant -> invalid
    kapot.yaml   invalid in both           theta.yaml  7 and 10 swap: same verdict, 2 moves
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from oncocheck.analysis.rounds import CHANGES, Move, compare_rounds, name_key
from oncocheck.load.reports import PastReport, read_report
from oncocheck.report import Text
from paths import ROOT

FIXTURES = ROOT / "tests/fixtures/rounds"


def rounds_of(old: PastReport | None = None, new: PastReport | None = None):  # noqa: ANN201
    return compare_rounds(old or read_report(FIXTURES / "old.json"),
                          new or read_report(FIXTURES / "new.json"), ("old.json", "new.json"),
                          "9.9.9")


def by_file(rounds) -> dict:  # noqa: ANN001 - a Rounds
    return {n.file: n for n in rounds.networks}


def test_each_network_gets_its_known_change() -> None:
    found = {file: n.change for file, n in by_file(rounds_of()).items()}
    assert found == {
        "alfa.yaml": "unchanged", "b/beta.yaml": "no_longer_compliant",
        "delta.yaml": "gone", "epsilon.yaml": "new", "gamma.yaml": "newly_compliant",
        "eta.yaml": "no_longer_invalid", "zeta.yaml": "newly_invalid",
        "kapot.yaml": "still_invalid", "theta.yaml": "unchanged"}
    assert rounds_of().counts == {
        "no_longer_compliant": 1, "newly_compliant": 1, "new": 1, "gone": 1,
        "newly_invalid": 1, "no_longer_invalid": 1, "still_invalid": 1, "unchanged": 2}


def test_a_renamed_network_is_matched_by_its_file_and_a_moved_one_by_its_name() -> None:
    networks = by_file(rounds_of())
    alfa, beta = networks["alfa.yaml"], networks["b/beta.yaml"]
    assert (alfa.matched_by, alfa.renamed, alfa.moved) == ("path", True, False)
    assert alfa.before.network == "Netwerk Alfa" and alfa.name == "Oncologienetwerk Alfa"
    assert (beta.matched_by, beta.renamed, beta.moved) == ("name", True, True)
    assert beta.before.file == "beta.yaml"  # as seen from its round's folder, `rondes`
    assert networks["kapot.yaml"].matched_by == "path"  # an invalid file has no name


def test_the_criteria_whose_status_moved() -> None:
    networks = by_file(rounds_of())
    assert networks["b/beta.yaml"].moves == (Move("2a", "met", "not_met"),)
    assert networks["gamma.yaml"].moves == (Move("7", "missing", "met"),)
    assert networks["theta.yaml"].moves == (Move("7", "not_met", "met"),
                                            Move("10", "met", "not_met"))
    # nothing to compare where a round could not judge the file, or did not have it
    for file in ("eta.yaml", "zeta.yaml", "kapot.yaml", "delta.yaml", "epsilon.yaml"):
        assert networks[file].moves == ()


def test_the_rounds_name_their_versions() -> None:
    rounds = rounds_of()
    assert [(v.label, n) for v, n in rounds.old.versions] == [("loppsoz@2021", 6)]
    assert [(v.label, n) for v, n in rounds.new.versions] == [("loppsoz@2024", 6)]
    assert not rounds.mixed
    gamma = by_file(rounds)["gamma.yaml"]
    assert (gamma.before.criteria.label, gamma.after.criteria.label) == ("loppsoz@2021",
                                                                          "loppsoz@2024")
    assert dict(rounds.old.summary) == {"files": 8, "compliant": 3, "not_compliant": 3,
                                        "invalid": 2}


def test_networks_are_listed_by_change_then_name() -> None:
    networks = rounds_of().networks
    assert [CHANGES.index(n.change) for n in networks] == sorted(
        CHANGES.index(n.change) for n in networks)
    same = [n.name for n in networks if n.change == "unchanged"]
    assert same == ["Netwerk Theta", "Oncologienetwerk Alfa"]


def test_a_round_with_two_versions_is_mixed(tmp_path: Path) -> None:
    data = json.loads((FIXTURES / "new.json").read_text("utf-8"))
    data["results"][6]["criteria"]["version"] = "2021"  # theta, submitted before 2024
    path = tmp_path / "new.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    rounds = rounds_of(new=read_report(path))
    assert rounds.mixed
    assert [(v.label, n) for v, n in rounds.new.versions] == [("loppsoz@2024", 5),
                                                              ("loppsoz@2021", 1)]


@pytest.mark.parametrize(("a", "b"), [
    ("Netwerk Bèta", "netwerk  BETA"), ("Zorg Centraal B.V.", "zorg centraal bv"),
    ("Zuid-Oost", "Zuid Oost"), ("ﬁne", "fine")])
def test_names_match_whatever_case_accents_spaces_and_punctuation(a: str, b: str) -> None:
    assert name_key(a) == name_key(b) != ""


def test_several_networks_of_one_name_pair_up_by_file_first() -> None:
    old = read_report(FIXTURES / "old.json")
    twins = [r.model_copy(update={"network": "Netwerk Tweeling", "file": f"rondes/{f}"})
             for r, f in zip(old.results[:2], ("een.yaml", "twee.yaml"), strict=True)]
    new_twins = list(reversed(twins))
    rounds = rounds_of(old.model_copy(update={"results": twins}),
                       old.model_copy(update={"results": new_twins}))
    assert [(n.before.file, n.after.file) for n in rounds.networks] == [
        ("een.yaml", "een.yaml"), ("twee.yaml", "twee.yaml")]


def test_the_same_round_twice_changes_nothing() -> None:
    old = read_report(FIXTURES / "old.json")
    rounds = rounds_of(old, old)
    assert not rounds.changed() and not rounds.lost()
    assert {n.change for n in rounds.networks} == {"unchanged", "still_invalid"}
    assert rounds_of().changed() and rounds_of().lost()


def test_notes_are_kept_as_given() -> None:
    note = Text("2a: drempel 50% → 60%", "2a: threshold 50% → 60%")
    rounds = compare_rounds(read_report(FIXTURES / "old.json"),
                            read_report(FIXTURES / "new.json"), ("a", "b"), "1", [note])
    assert rounds.notes == (note,)
