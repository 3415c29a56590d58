"""Issue 23.3: no text states a parameter other than the one that judged (cli.md, "Words and
numbers for people"). A rule file's text names the parameter it states (`{threshold}`), so a
draft that raises 2a to 65% says 65% everywhere; a batch-wide view of a batch judged under
several versions gives a criterion's title per version."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest
from one_command import CliRunner

from oncocheck.cli.app import app
from oncocheck.render import render
from oncocheck.render.html import index_page
from oncocheck.render.pages import tallies
from oncocheck.render.words import said_per_version
from oncocheck.rules import bundled as criteria_sets
from oncocheck.run.batch import check as run
from oncocheck.run.decide import choose
from paths import ROOT

runner = CliRunner()
DRAFT = """extends: loppsoz@2024
version: concept-2026
criteria:
  - id: 2a
    check: {threshold: 0.65}
"""
AIM = {"nl": "streven {}%", "en": "aim {}%"}
AT_LEAST = {"nl": "minstens {}% van de leden", "en": "at least {}% of its members"}


def _draft(tmp_path: Path, text: str = DRAFT) -> str:
    path = tmp_path / "concept-2026.yaml"
    path.write_text(text, encoding="utf-8")
    return str(path)


def _section(out: str, criterion: str) -> str:
    """The lines `criteria show` prints for one criterion."""
    return re.search(rf"^{criterion} .*?(?=^\S)", out + "\nEND", re.M | re.S)[0]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_draft_raising_the_threshold_states_the_new_one_everywhere(tmp_path: Path,
                                                                    lang: str) -> None:
    result = runner.invoke(app, ["criteria", "show", _draft(tmp_path), "--lang", lang])
    assert result.exit_code == 0, result.output
    two_a = _section(result.output, "2a")
    assert AIM[lang].format(65) in two_a and AT_LEAST[lang].format(65) in " ".join(two_a.split())
    assert "60%" not in two_a.replace("60% → 65%", "")  # only the mark of the change says 60%
    # and a file judged under the draft is titled by the draft's threshold
    checked = runner.invoke(app, ["check", str(ROOT / "tests/impact/d-60.yaml"), "--criteria",
                                  _draft(tmp_path), "--lang", lang])
    line = next(x for x in checked.output.splitlines() if x.startswith("2a "))
    assert AIM[lang].format(65).split()[0] in line and "60%)" not in line


def test_each_bundled_version_states_its_own_parameters() -> None:
    for version, share in (("2021", 50), ("2024", 60)):
        info = criteria_sets.find_bundled("loppsoz", version).info()
        two_a, one_a = info.criterion("2a"), info.criterion("1a")
        assert two_a is not None and one_a is not None
        for lang in ("nl", "en"):
            assert AIM[lang].format(share) in two_a.title.get(lang)
            assert AT_LEAST[lang].format(share) in two_a.text.get(lang)
            assert "{" not in one_a.text.get(lang) and " 5 " in one_a.text.get(lang)


def test_a_share_is_stated_the_dutch_way_in_dutch(tmp_path: Path) -> None:
    result = runner.invoke(app, ["criteria", "show", _draft(tmp_path, DRAFT.replace(
        "0.65", "0.625"))])
    assert "(streven 62,5%)" in result.output
    english = runner.invoke(app, ["criteria", "show", _draft(tmp_path, DRAFT.replace(
        "0.65", "0.625")), "--lang", "en"])
    assert "(aim 62.5%)" in english.output


def test_a_placeholder_the_check_does_not_have_fails_when_the_file_loads(tmp_path: Path) -> None:
    text = DRAFT + "    title: {nl: 'Verwijsgids (streven {treshold})'}\n"
    path = _draft(tmp_path, text)
    result = runner.invoke(app, ["criteria", "show", path, "--lang", "en"])
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert (f"{path}:4:5: criteria[0]: title.nl: {{treshold}} is not a parameter of this check "
            "(it has: {threshold}); did you mean 'threshold'?") in result.output


@pytest.fixture(scope="module")
def mixed():  # noqa: ANN201 - a Report
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(ROOT)
        return run(["tests/fixtures/mixed"], choose(None, None, date(2026, 11, 23)))


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_mixed_batch_gives_the_title_per_version(mixed, lang: str) -> None:  # noqa: ANN001
    """The fixture is judged 2 × loppsoz@2024 (60%), 1 × loppsoz@2021 (50%)."""
    title = said_per_version(mixed, "title", lang)["2a"]
    assert title.startswith("loppsoz@2024: ") and f"({AIM[lang].format(60)})" in title
    assert "loppsoz@2021: " in title and f"({AIM[lang].format(50)})" in title
    assert title.index("60%") < title.index("50%")  # most files first
    assert next(t for t in tallies(mixed, lang) if t.id == "2a").title == title
    # where the versions agree: said once
    assert said_per_version(mixed, "title", lang)["1a"].count("5") == 1
    page = index_page(mixed, lang)
    assert f'<abbr title="{title}">2a</abbr>' in page and f"<td>{title}</td>" in page


def test_a_batch_under_one_version_states_only_its_threshold() -> None:
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(ROOT)
        report = run(["tests/fixtures/mixed"], choose("loppsoz@2021", None, date(2026, 11, 23)))
    assert said_per_version(report, "title", "nl")["2a"] == \
        "Leden vermeld in de Verwijsgids Kanker (streven 50%)"
    sarif = json.loads(render(report, "sarif", "en"))
    rule = next(r for r in sarif["runs"][0]["tool"]["driver"]["rules"] if r["id"] == "2a")
    assert rule["shortDescription"]["text"].endswith("(aim 50%)")


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_comparison_titles_a_criterion_as_each_version_words_it(tmp_path: Path,
                                                                  lang: str) -> None:
    draft = _draft(tmp_path)
    out = runner.invoke(app, ["check", str(ROOT / "tests/impact/d-60.yaml"), "--compare", draft,
                              "--lang", lang, "--format", "markdown"]).output
    compared = [line for line in out.splitlines() if line.startswith("| 2a |")][-1]
    assert "loppsoz@2024: " in compared and f"({AIM[lang].format(60)})" in compared
    assert "loppsoz@concept-2026 (" in compared and "concept-2026.yaml): " in compared
    assert f"({AIM[lang].format(65)})" in compared
    same = [line for line in out.splitlines() if line.startswith("| 1a |")][-1]
    assert "loppsoz@" not in same  # worded alike: one title
