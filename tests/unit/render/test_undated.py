"""Issue 23.10: a file without `submitted:` (and no `--as-of`) is judged on the day of the run;
its own report says so once, and a batch's index and registers mark it (the registers' column
is tested in test_register.py)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from oncocheck.render import render
from oncocheck.render.html import index_page
from oncocheck.report import Dated, Report
from oncocheck.run.batch import check as run
from oncocheck.run.decide import choose
from paths import ROOT

DAY = date(2026, 11, 23)
NOTE = {"nl": "de dag van de controle: het bestand heeft geen `submitted:`",
        "en": "the day of the run: the file has no `submitted:`"}
FLAG = {"nl": "geen ingediend-datum", "en": "no submission date"}


@pytest.fixture(scope="module")
def mixed() -> Report:
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(ROOT)
        return run(["tests/fixtures/mixed"], choose(None, None, DAY))


def _one(report: Report, name: str) -> Report:
    return replace(report, results=[r for r in report.results if r.file.endswith(name)])


def test_what_gave_each_date_is_recorded(mixed: Report) -> None:
    assert [r.dated for r in mixed.results] == [Dated.SUBMITTED, Dated.SUBMITTED, Dated.TODAY]
    assert mixed.results[2].as_of == DAY
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(ROOT)
        given = run(["tests/fixtures/mixed"], choose(None, DAY, DAY))
    assert {r.dated for r in given.results} == {Dated.AS_OF}


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("fmt", ["console", "markdown", "html"])
def test_a_file_judged_on_the_day_of_the_run_says_so_once(mixed: Report, fmt: str,
                                                          lang: str) -> None:
    undated = render(_one(mixed, "c-zonder-datum.yaml"), fmt, lang)
    note = NOTE[lang].replace("`submitted:`", "<code>submitted:</code>") if fmt == "html" \
        else NOTE[lang]
    assert undated.count(note) == 1, undated
    assert NOTE[lang] not in render(_one(mixed, "a-ingediend-2023.yaml"), fmt, lang)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_index_marks_the_files_judged_on_the_day_of_the_run(mixed: Report,
                                                                lang: str) -> None:
    page = index_page(mixed, lang)
    assert page.count(FLAG[lang]) == 1
    row = next(line for line in page.splitlines() if "c-zonder-datum.yaml</code>" in line)
    assert FLAG[lang] in row
