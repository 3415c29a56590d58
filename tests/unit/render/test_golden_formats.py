"""Every format, byte for byte, against golden files (tests/golden/, reviewed like code).

Three inputs: the hand-built sample report (tests/support/sample_report.py), the bundled examples
checked on a fixed date, and a batch whose files were submitted on different days, so judged
by different versions (tests/fixtures/mixed/). Regenerate after an intended change with
ONCOCHECK_UPDATE_GOLDEN=1 and read `git diff tests/golden` before committing.
"""

from __future__ import annotations

from datetime import date

import pytest
from golden_files import assert_golden

from oncocheck.run.decide import choose
from oncocheck.run.batch import check as run
from oncocheck.render import render
from paths import ROOT

DAY = date(2026, 11, 23)
SUFFIX = {"console": "txt", "json": "json", "junit": "xml", "sarif": "sarif", "github": "txt",
          "codequality": "json", "markdown": "md", "html": "html", "csv": "csv"}
TEXT_FORMATS = ["console", "json", "junit", "sarif", "github", "codequality", "markdown", "csv"]


@pytest.fixture(scope="module")
def examples(tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN201 - a Report
    """The examples, checked on a fixed date, with paths as a user in the checkout types them."""
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(ROOT)
        return run(["examples"], choose(None, DAY, DAY))


@pytest.fixture(scope="module")
def mixed():  # noqa: ANN201 - a Report
    """Two files submitted on different days: judged by loppsoz@2021 and loppsoz@2024."""
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(ROOT)
        return run(["tests/fixtures/mixed"], choose(None, None, DAY))


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("fmt", TEXT_FORMATS)
def test_sample_report(report, fmt: str, lang: str) -> None:  # noqa: ANN001 - fixture
    assert_golden(f"sample/{fmt}-{lang}.{SUFFIX[fmt]}", render(report, fmt, lang))


@pytest.mark.parametrize("fmt", [*TEXT_FORMATS, "html"])
def test_examples(examples, fmt: str) -> None:  # noqa: ANN001 - fixture
    assert_golden(f"examples/{fmt}-nl.{SUFFIX[fmt]}", render(examples, fmt, "nl"))


def test_examples_console_in_english(examples) -> None:  # noqa: ANN001 - fixture
    assert_golden("examples/console-en.txt", render(examples, "console", "en"))


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("fmt", [*TEXT_FORMATS, "html"])
def test_mixed_versions(mixed, fmt: str, lang: str) -> None:  # noqa: ANN001 - fixture
    assert_golden(f"mixed/{fmt}-{lang}.{SUFFIX[fmt]}", render(mixed, fmt, lang))
