"""`criteria show` and `explain` of every bundled criterion, in both languages, against golden
files (tests/golden/criteria/): all in words, no Python values, nothing English in Dutch."""

from __future__ import annotations

import pytest
from golden_files import assert_golden
from one_command import CliRunner

from oncocheck.cli.app import app
from oncocheck.rules.bundled import bundled

VERSIONS = [r.ref.label for r in bundled()]
LATEST = bundled()[-1]


def _run(*args: str) -> str:
    result = CliRunner().invoke(app, [*args, "--as-of", "2026-11-23"])
    assert result.exit_code == 0, result.output
    return result.output


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("version", VERSIONS)
def test_criteria_show(version: str, lang: str) -> None:
    text = _run("criteria", "show", version, "--lang", lang)
    assert_golden(f"criteria/show-{version.replace('@', '-')}-{lang}.txt", text)
    for python in ("[[", "['", "={", "=[", "threshold=", "groups=", "minimum="):
        assert python not in text


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_explain_every_criterion(lang: str) -> None:
    texts = [_run("explain", c.id, "--criteria", LATEST.ref.label, "--lang", lang)
             for c in LATEST.criteria]
    assert_golden(f"criteria/explain-{LATEST.ref.label.replace('@', '-')}-{lang}.txt",
                  "\n".join(texts))
    how = {"nl": "Zo controleert oncocheck dit:", "en": "How oncocheck checks this:"}[lang]
    assert all(how in text for text in texts)


def test_severity_is_said_in_one_dutch_word() -> None:
    text = _run("criteria", "show", VERSIONS[-1])
    assert text.count("ernst: eis (bepaalt het oordeel)") == len(LATEST.criteria)
    assert "ernst: error" not in text
