"""The one word table of the renderers and the coordinator's own words (render/words.py):
cases of a word, names of observed values, plan items in every form."""

from __future__ import annotations

import errno
import pickle
import re
from datetime import date
from fractions import Fraction
from types import SimpleNamespace

import pytest

from oncocheck.errors import more_errors
from oncocheck.render.words import WORDS, note_line, own_words, planned, tally, value_text, words
from oncocheck.report import Dated, Finding, PlanItem, Severity, Status, Text, Verdict
from oncocheck.wording import os_reason, percent
from paths import ROOT

RENDER = ROOT / "src/oncocheck/render"


def test_every_word_has_a_dutch_and_an_english_text() -> None:
    for key, pair in WORDS.items():
        assert len(pair) == 2 and all(isinstance(t, str) and t for t in pair), key
        assert key == key.strip() and " " not in key, key


def test_statuses_and_verdicts_have_words_under_their_own_values() -> None:
    for value in [*Status, *Verdict]:
        assert words("nl")[value.value] and words("en")[value.value]


def test_any_language_but_english_is_dutch() -> None:
    assert words("de") is words("nl")
    assert words("en")["met"] == "met" and words("nl")["met"] == "voldaan"


def test_other_cases_are_derived_from_the_one_spelling() -> None:
    nl, en = words("nl"), words("en")
    assert (nl["not_compliant"], nl.lower("not_compliant"), nl.upper("not_compliant")) == (
        "Voldoet niet", "voldoet niet", "VOLDOET NIET")
    assert (nl["as_of"], nl.lower("as_of"), en.lower("as_of")) == ("Peildatum", "peildatum",
                                                                    "as of")
    assert (nl["files"], nl.capital("files"), en.capital("files")) == ("bestanden", "Bestanden",
                                                                       "Files")
    assert nl.capital("in_force_from") == "Geldig vanaf"  # only the first letter changes


def test_observed_keys_are_named_or_shown_as_they_are() -> None:
    nl = words("nl")
    assert nl.observed_name("eligible") == "telt mee (noemer)"
    assert nl.observed_name("missing") == "ontbreekt"
    assert nl.observed_name("some_new_key") == "some new key"
    # a word of the table that is no observed key is not taken for one
    assert nl.observed_name("file") == "file"


def test_templates_read_words_as_attributes() -> None:
    import jinja2

    env = jinja2.Environment(undefined=jinja2.StrictUndefined)
    text = env.from_string("{{ w.met }} · {{ w.lower('as_of') }}").render(w=words("nl"))
    assert text == "voldaan · peildatum"
    with pytest.raises(jinja2.UndefinedError):
        env.from_string("{{ w.no_such_word }}").render(w=words("nl"))


def _used_keys() -> set[str]:
    """Every key the renderers and templates name: `w["key"]`, `w.key`, `w.lower("key")`,
    `w.key` in a template, and the keys chosen at run time (statuses, verdicts, kinds of
    criteria change, severities, observed names)."""
    code = "\n".join(p.read_text("utf-8") for p in [*RENDER.glob("*.py"),
                                                    *RENDER.glob("templates/*")])
    found = set(re.findall(r"""[\w)]\[["'](\w+)["']\]""", code))
    found |= set(re.findall(r"""\.(?:lower|upper|capital)\(["'](\w+)["']\)""", code))
    found |= set(re.findall(r"\bw\.(\w+)", code))
    found |= set(re.findall(r"""\[["'](\w+)["'] if""", code))  # impact.state
    found |= {v.value for v in [*Status, *Verdict]} | {"added", "removed", "changed"}
    found |= {f"severity.{v.value}" for v in Severity}  # render/criteria.py, by severity
    found |= {f"tally_{v.value}" for v in Verdict}  # render/words.py tally, by verdict
    found |= {f"dated_{v.value}" for v in Dated}  # render/register.py, by what dated it
    return found


def test_every_word_in_the_table_is_used() -> None:
    used = _used_keys()  # once: it reads every renderer and template
    unused = {k for k in WORDS if not k.startswith(("observed.", "field.")) and k not in used}
    assert not unused, f"words no renderer shows: {sorted(unused)}"


PLANS = [
    (PlanItem("1b", "Werven", "J. Bakker", date(2027, 3, 1)),
     "gepland: Werven, J. Bakker, vóór 2027-03-01",
     "gepland: Werven (J. Bakker, vóór 2027-03-01)",
     "Werven (door J. Bakker, vóór 2027-03-01)"),
    (PlanItem("1b", "Werven", "J. Bakker", None),
     "gepland: Werven, J. Bakker", "gepland: Werven (J. Bakker)", "Werven (door J. Bakker)"),
    (PlanItem("1b", "Werven", None, date(2027, 3, 1)),
     "gepland: Werven, vóór 2027-03-01", "gepland: Werven (vóór 2027-03-01)",
     "Werven (vóór 2027-03-01)"),
    (PlanItem("1b", "Werven", None, None), "gepland: Werven", "gepland: Werven", "Werven"),
]


@pytest.mark.parametrize("item, line, junit, page", PLANS)
def test_a_plan_item_in_each_form(item: PlanItem, line: str, junit: str, page: str) -> None:
    assert planned(item, "nl") == line
    assert planned(item, "nl", "junit") == junit
    assert planned(item, "nl", "page") == page


def test_a_plan_item_in_english() -> None:
    item = PLANS[0][0]
    assert planned(item, "en") == "planned: Werven, J. Bakker, before 2027-03-01"
    assert planned(item, "en", "junit") == "planned: Werven (J. Bakker, before 2027-03-01)"
    assert planned(item, "en", "page") == "Werven (by J. Bakker, before 2027-03-01)"


def test_own_words_are_the_note_then_each_plan_item() -> None:
    finding = Finding("1b", Severity.ERROR, Status.NOT_MET, Text("t", "t"), Text("m", "m"),
                      note="Diëtist volgt", plan=(PLANS[0][0], PLANS[3][0]))
    assert own_words(finding, "en") == ["note: Diëtist volgt",
                                        "planned: Werven, J. Bakker, before 2027-03-01",
                                        "planned: Werven"]
    assert own_words(finding, "nl", "junit")[1] == PLANS[0][2]
    bare = Finding("1b", Severity.ERROR, Status.MET, Text("t", "t"), Text("m", "m"))
    assert note_line(bare, "nl") is None and own_words(bare, "nl") == []


@pytest.mark.parametrize(("count", "nl", "en"), [
    (1, "1 laadfout", "1 load error"), (2, "2 laadfouten", "2 load errors"),
    (0, "0 laadfouten", "0 load errors")])
def test_a_counted_word_agrees_with_its_number(count: int, nl: str, en: str) -> None:
    assert words("nl")["load_errors_count"].format(n=count) == nl
    assert words("en")["load_errors_count"].format(n=count) == en
    assert words("nl")["of_networks"].format(n=1) == "van 1 netwerk"
    assert words("nl")["invalid_not_counted"].format(n=1).startswith("1 ongeldig bestand is")
    copied = pickle.loads(pickle.dumps(words("nl")["of_networks"]))
    assert (copied.format(n=1), copied.format(n=2)) == ("van 1 netwerk", "van 2 netwerken")


def test_the_line_for_errors_not_listed_agrees_with_its_number() -> None:
    assert more_errors(1).message.nl.startswith("en nog 1 fout;")
    assert more_errors(3).message.en.startswith("and 3 more errors;")


def test_fields_in_a_working_list_are_named_in_words() -> None:
    given = ["min_meetings_per_year", "description"]
    assert value_text(given, "nl") == (
        "het minimale aantal bijeenkomsten per jaar, een beschrijving")
    assert value_text(given, "en") == (
        "the minimum number of meetings a year, a description")


def test_what_the_system_says_is_in_dutch_in_a_dutch_text() -> None:
    said = os_reason(OSError(errno.ENOSPC, "No space left on device"))
    assert (said.nl, said.en) == ("de schijf is vol", "No space left on device")
    unknown = os_reason(OSError(errno.EXDEV, "Invalid cross-device link"))
    assert unknown.nl == unknown.en == "Invalid cross-device link"


@pytest.mark.parametrize(("compliant", "failing", "nl"), [
    (1, 1, "1 voldoet, 1 voldoet niet, 0 ongeldig"),
    (0, 2, "0 voldoen, 2 voldoen niet, 0 ongeldig")])
def test_the_summary_verbs_agree_with_their_counts(compliant: int, failing: int, nl: str) -> None:
    counts = {"files": compliant + failing, "compliant": compliant, "not_compliant": failing,
              "invalid": 0}
    report = SimpleNamespace(summary=counts)  # the tally reads only the summary's counts
    assert tally(report, "nl").endswith(nl)
    assert tally(report, "en").endswith(f"{compliant} compliant, {failing} not compliant, "
                                        "0 invalid")


@pytest.mark.parametrize(("value", "nl", "en"), [
    (Fraction(7, 11), "63,6%", "63.6%"), (0.6, "60%", "60%"), (Fraction(8, 11), "72,7%", "72.7%"),
    (0.575, "57,5%", "57.5%"), (Fraction(1, 3), "33,3%", "33.3%")])
def test_a_share_is_written_the_way_of_its_language(value: Fraction | float, nl: str,
                                                     en: str) -> None:
    assert (percent(value, "nl"), percent(value, "en")) == (nl, en)


def test_no_dutch_golden_text_writes_a_share_the_english_way() -> None:
    """Every format's Dutch text (console, HTML, Markdown, JUnit, SARIF, job summary,
    registers) says its shares through `wording.percent`: `63,6%`, never `63.6%` (the JSON
    report's messages are English whatever the language)."""
    dutch = [p for p in (ROOT / "tests/golden").rglob("*-nl.*")
             if p.suffix != ".xlsx" and not p.name.startswith("json-")]
    assert dutch
    english_way = re.compile(r"\b\d+\.\d%")
    assert [p.name for p in dutch if english_way.search(p.read_text("utf-8"))] == []
    assert any(re.search(r"\b\d+,\d%", p.read_text("utf-8")) for p in dutch)
