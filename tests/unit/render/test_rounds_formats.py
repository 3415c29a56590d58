"""The rounds report in every format and language, byte for byte against golden files
(tests/golden/rounds/), from the hand-made pair of rounds in tests/fixtures/rounds/."""

from __future__ import annotations

import json

import pytest
from golden_files import assert_golden
from htmlcheck import external_references, strict_parse

from oncocheck.analysis.rounds import compare_rounds
from oncocheck.load.reports import read_report
from oncocheck.render import ROUNDS_FORMATS, render_rounds
from oncocheck.report import Text
from paths import ROOT

SUFFIX = {"console": "txt", "json": "json", "html": "html", "markdown": "md"}
PATHS = ("tests/fixtures/rounds/old.json", "tests/fixtures/rounds/new.json")
NOTE = Text("2a: drempel 50% → 60%", "2a: threshold 50% → 60%")


@pytest.fixture(scope="module")
def rounds():  # noqa: ANN201 - a Rounds
    old, new = (read_report(ROOT / p) for p in PATHS)
    return compare_rounds(old, new, PATHS, "0.1.0", [NOTE])


@pytest.fixture(scope="module")
def mixed(tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN201 - a Rounds
    """The same rounds, but one network of the new round judged under loppsoz@2021."""
    data = json.loads((ROOT / PATHS[1]).read_text("utf-8"))
    data["results"][6]["criteria"]["version"] = "2021"
    path = tmp_path_factory.mktemp("rounds") / "new.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return compare_rounds(read_report(ROOT / PATHS[0]), read_report(path),
                          (PATHS[0], "new-mixed.json"), "0.1.0")


def test_the_formats() -> None:
    assert ROUNDS_FORMATS == ("console", "json", "html", "markdown")


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("fmt", ROUNDS_FORMATS)
def test_golden(rounds, fmt: str, lang: str) -> None:  # noqa: ANN001 - fixture
    assert_golden(f"rounds/{fmt}-{lang}.{SUFFIX[fmt]}", render_rounds(rounds, fmt, lang))


@pytest.mark.parametrize(("fmt", "lang"), [("console", "nl"), ("markdown", "en"),
                                           ("html", "en")])
def test_golden_with_mixed_versions(mixed, fmt: str, lang: str) -> None:  # noqa: ANN001
    text = render_rounds(mixed, fmt, lang)
    assert "loppsoz@2021" in text.split("Netwerk Theta" if lang == "nl" else "Netwerk Theta")[1]
    assert_golden(f"rounds/mixed-{fmt}-{lang}.{SUFFIX[fmt]}", text)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_page_is_strict_html_and_loads_nothing(rounds, lang: str) -> None:  # noqa: ANN001
    page = render_rounds(rounds, "html", lang)
    strict_parse(page)
    assert external_references(page) == []
    assert f'<html lang="{lang}">' in page


def test_json_is_english_whatever_the_language(rounds) -> None:  # noqa: ANN001 - fixture
    assert render_rounds(rounds, "json", "nl") == render_rounds(rounds, "json", "en")
