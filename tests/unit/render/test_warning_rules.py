"""The descriptions of warnings (render/warning_rules.json, read by render/sarif.py) cover every
warning the checker can report, under the title the checker gives it, in both languages."""

from __future__ import annotations

import re

from oncocheck.checks import notices, plans
from oncocheck.render.sarif import GENERIC, WARNINGS, warning_rule
from oncocheck.render.sarif import LOAD_ERROR_TEXT as LOAD_ERROR
from oncocheck.run import decide
from paths import ROOT

SOURCES = [*(ROOT / "src/oncocheck/checks").glob("*.py"), ROOT / "src/oncocheck/run/decide.py"]
# A warning finding is made as `Finding(` with its id first, or in a conditional expression.
_IDS = re.compile(r'Finding\(\s*\n?\s*"([a-z]+(?:-[a-z]+)+)"'
                  r'(?:\s+if\s+\w+\s+else\s+"([a-z-]+)")?')


def _emitted() -> set[str]:
    found: set[str] = set()
    for path in SOURCES:
        for match in _IDS.finditer(path.read_text(encoding="utf-8")):
            found |= {g for g in match.groups() if g}
    return found


def test_every_warning_the_checker_reports_is_described() -> None:
    emitted = _emitted()
    assert {"duplicate-member", "plan-closable", "criteria-pin"} <= emitted  # the scan works
    assert emitted == set(WARNINGS)


def test_titles_are_the_checkers_own() -> None:
    titles = {"duplicate-member": notices.DUPLICATE, "document-not-found": notices.NOT_FOUND,
              "document-not-usable": notices.NOT_USABLE, "template-name": notices.PLACEHOLDER,
              "plan-closable": plans.CLOSABLE, "plan-overdue": plans.OVERDUE,
              "criteria-pin": decide.PIN}
    assert {k: WARNINGS[k].title for k in titles} == titles


def test_every_text_is_written_in_both_languages() -> None:
    for text in [*WARNINGS.values(), LOAD_ERROR, GENERIC]:
        for part in (text.title, text.meaning, text.to_do):
            assert part.nl and part.en and part.nl != part.en


def test_an_unknown_id_gets_the_generic_description() -> None:
    assert warning_rule("some-new-warning") is GENERIC
    assert warning_rule("plan-overdue") is WARNINGS["plan-overdue"]
