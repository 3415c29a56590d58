"""Discipline matching: every spelling people use finds its profession."""

from __future__ import annotations

import pytest

from oncocheck.rules.bundled import vocabulary
from oncocheck.load.words import normalise


@pytest.mark.parametrize(("written", "discipline"), [
    ("Diëtist", "dietist"), ("dietist", "dietist"), ("DIETIST", "dietist"),
    ("dietitian", "dietist"), ("POH-GGZ", "poh_ggz"), ("poh ggz", "poh_ggz"),
    ("poh_ggz", "poh_ggz"), ("Maatschappelijk werker", "maatschappelijk_werker"),
    ("maatschappelijk-werker", "maatschappelijk_werker"),
    ("oncologiefysiotherapeut", "fysiotherapeut"),
    ("oedeemfysiotherapeut", "fysiotherapeut"), ("Bekkenfysiotherapeut", "fysiotherapeut"),
    ("GZ-psycholoog", "psycholoog"), ("klinisch psycholoog", "psycholoog"),
    ("huid- en oedeemtherapeut", "huidtherapeut"), ("oedeemtherapeut", "huidtherapeut"),
    ("oefentherapeut Mensendieck", "oefentherapeut"), ("GP", "huisarts"),
    ("wijkverpleegkundige", "oncologieverpleegkundige"), ("leefstijlcoach", "bewegingsagoog"),
    ("diëtiste", "dietist"), ("Dietiste", "dietist"), ("seksuologe", "seksuoloog"),
])
def test_spellings_resolve(written: str, discipline: str) -> None:
    assert vocabulary().resolve(written).id == discipline


def test_unknown_spelling_does_not_resolve() -> None:
    assert vocabulary().resolve("fysio therapeut") is None


def test_counting_and_verwijsgids_flags_follow_the_spec() -> None:
    vocab = vocabulary()
    assert not vocab.get("inloophuis").counts and not vocab.get("ervaringsdeskundige").counts
    assert vocab.get("huisarts").counts and vocab.get("huisarts").verwijsgids == "no"
    unconfirmed = {d.id for d in vocab.disciplines if d.verwijsgids == "unconfirmed"}
    assert unconfirmed == {"psychosociaal_therapeut", "logopedist", "oefentherapeut"}
    confirmed = {d.id for d in vocab.disciplines if d.verwijsgids == "yes"}
    assert confirmed == {"psycholoog", "geestelijk_verzorger", "maatschappelijk_werker",
                         "fysiotherapeut", "dietist", "ergotherapeut", "huidtherapeut",
                         "haarwerker", "seksuoloog"}


def test_every_verwijsgids_flag_says_what_it_rests_on() -> None:
    vocab = vocabulary()
    for entry in vocab.disciplines:
        assert entry.verwijsgids_source.strip() and entry.verwijsgids_checked.year >= 2026
        # no source confirms any "no": each is marked as an assumption
        assert entry.verwijsgids_assumed is (entry.verwijsgids == "no"), entry.id
    assert "IKNL" in vocab.get("seksuoloog").verwijsgids_source


def test_normalise() -> None:
    assert normalise("  Huid- en  Oedeem_therapeut ") == "huid en oedeem therapeut"


def test_the_spelling_a_suggestion_shows_finds_its_own_entry() -> None:
    """A "bedoelt u" names the label people say, with its accents and without brackets
    (`diëtist`, `inloophuis`, `verpleegkundige`); typed as shown, it is that discipline."""
    entries = vocabulary().disciplines
    for entry in entries:
        for lang in ("nl", "en"):
            shown = entry.written.get(lang)
            assert "(" not in shown and vocabulary().resolve(shown) == entry, shown
    assert vocabulary().get("dietist").written.nl == "diëtist"


@pytest.mark.parametrize(("written", "nearest"), [
    ("dietst", ["dietist"]), ("fysio therapeut", ["fysiotherapeut"]),
    ("logopedie", ["logopedist"]), ("verpleegkundig", ["oncologieverpleegkundige"]),
    ("x" * 200, [])])
def test_the_nearest_few_are_as_near_as_the_nearest(written: str, nearest: list[str]) -> None:
    assert [d.id for d in vocabulary().nearest(written)] == nearest


def test_a_rule_files_unknown_discipline_id_hears_the_nearest_and_the_command() -> None:
    from pydantic import ValidationError

    from oncocheck.checks.members import RequiredDisciplines

    with pytest.raises(ValidationError) as caught:
        RequiredDisciplines.model_validate(
            {"kind": "required_disciplines", "groups": [["dietis"]]},
            context={"vocabulary": vocabulary()})
    said = str(caught.value)
    assert "unknown discipline id 'dietis'; did you mean 'dietist'?" in said
    assert "`oncocheck disciplines`" in said
