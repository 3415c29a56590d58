"""Every text format of every report kind in the registry, byte for byte, against golden files
(tests/golden/, reviewed like code): `<kind>/<format>-<lang>.<suffix>` for the kind's sample
record (tests/support/sample_records.py; the check report's folder is `sample`).

The check formats also on the bundled examples checked on a fixed date, and on a batch whose
files were submitted on different days, so judged by different versions (tests/fixtures/mixed/).
Regenerate after an intended change with ONCOCHECK_UPDATE_GOLDEN=1 and read
`git diff tests/golden` before committing.
"""

from __future__ import annotations

from datetime import date

import pytest
from golden_files import assert_golden

from oncocheck.run.decide import choose
from oncocheck.run.batch import check as run
from oncocheck.render import KINDS, render
from paths import ROOT

DAY = date(2026, 11, 23)
#: (kind, format) of every format that is text; a binary one (the workbook) has its own tests
TEXT = [(kind, fmt) for kind, entries in KINDS.items() for fmt, entry in entries.items()
        if not entry.binary]
CHECK = [fmt for kind, fmt in TEXT if kind == "check"]
FOLDER = {"check": "sample"}


def _name(kind: str, fmt: str, lang: str, folder: str | None = None) -> str:
    folder = folder or FOLDER.get(kind, kind)
    return f"{folder}/{fmt}-{lang}.{KINDS[kind][fmt].suffix}"


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
@pytest.mark.parametrize(("kind", "fmt"), TEXT)
def test_sample_records(records, kind: str, fmt: str, lang: str) -> None:  # noqa: ANN001
    assert_golden(_name(kind, fmt, lang), render(records[kind], fmt, lang))


@pytest.mark.parametrize("fmt", CHECK)
def test_examples(examples, fmt: str) -> None:  # noqa: ANN001 - fixture
    assert_golden(_name("check", fmt, "nl", "examples"), render(examples, fmt, "nl"))


def test_examples_console_in_english(examples) -> None:  # noqa: ANN001 - fixture
    assert_golden("examples/console-en.txt", render(examples, "console", "en"))


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("fmt", CHECK)
def test_mixed_versions(mixed, fmt: str, lang: str) -> None:  # noqa: ANN001 - fixture
    assert_golden(_name("check", fmt, lang, "mixed"), render(mixed, fmt, lang))
