"""The rounds report from the hand-made pair of rounds in tests/fixtures/rounds/ (its golden
files in every format and language: test_golden_formats.py), with mixed versions."""

from __future__ import annotations

import json

import pytest
from golden_files import assert_golden
from htmlcheck import external_references, strict_parse
from sample_records import ROUNDS as PATHS

from oncocheck.analysis.rounds import compare_rounds
from oncocheck.load.reports import read_report
from oncocheck.render import KINDS, render
from paths import ROOT


@pytest.fixture(scope="module")
def rounds(records):  # noqa: ANN001, ANN201 - a Rounds
    return records["rounds"]


@pytest.fixture(scope="module")
def mixed(tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN201 - a Rounds
    """The same rounds, but one network of the new round judged under loppsoz@2021."""
    data = json.loads((ROOT / PATHS[1]).read_text("utf-8"))
    data["results"][6]["criteria"]["version"] = "2021"
    path = tmp_path_factory.mktemp("rounds") / "new.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return compare_rounds(read_report(ROOT / PATHS[0]), read_report(path),
                          (PATHS[0], "new-mixed.json"), "0.1.0")


@pytest.mark.parametrize(("fmt", "lang"), [("console", "nl"), ("markdown", "en"),
                                           ("html", "en")])
def test_golden_with_mixed_versions(mixed, fmt: str, lang: str) -> None:  # noqa: ANN001
    text = render(mixed, fmt, lang)
    assert "loppsoz@2021" in text.split("Netwerk Theta" if lang == "nl" else "Netwerk Theta")[1]
    assert_golden(f"rounds/mixed-{fmt}-{lang}.{KINDS['rounds'][fmt].suffix}", text)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_page_is_strict_html_and_loads_nothing(rounds, lang: str) -> None:  # noqa: ANN001
    page = render(rounds, "html", lang)
    strict_parse(page)
    assert external_references(page) == []
    assert f'<html lang="{lang}">' in page


def test_json_is_english_whatever_the_language(rounds) -> None:  # noqa: ANN001 - fixture
    assert render(rounds, "json", "nl") == render(rounds, "json", "en")
