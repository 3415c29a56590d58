"""The coordinator's own words on a finding (the note and the improvement plan), worded once
for every renderer."""

from __future__ import annotations

from typing import Literal

from oncocheck.render.words import words
from oncocheck.report import Finding, PlanItem

#: How a plan item is laid out; see `planned`.
PlanForm = Literal["line", "junit", "page"]


def planned(item: PlanItem, lang: str, form: PlanForm = "line") -> str:
    """One planned action, with its owner and date when given:

    - `line`: `gepland: Een diëtist werven, J. Bakker, vóór 2027-03-01` (console, Markdown,
      GitHub, SARIF);
    - `junit`: `gepland: Een diëtist werven (J. Bakker, vóór 2027-03-01)`, JUnit's own form,
      kept so that test reports in CI read as they always did;
    - `page`: `Een diëtist werven (door J. Bakker, vóór 2027-03-01)`, an item of the HTML
      page's list under its heading "Verbeterplan".
    """
    w = words(lang)
    due = f"{w['before']} {item.due.isoformat()}" if item.due else None
    if form == "line":
        return f"{w['planned']}: " + ", ".join(x for x in (item.action, item.owner, due) if x)
    owner = f"{w['by']} {item.owner}" if item.owner and form == "page" else item.owner
    details = ", ".join(x for x in (owner, due) if x)
    head = item.action if form == "page" else f"{w['planned']}: {item.action}"
    return head + (f" ({details})" if details else "")


def note_line(finding: Finding, lang: str) -> str | None:
    """`notitie: <the note>`, or None when the finding has no note."""
    return f"{words(lang)['note']}: {finding.note}" if finding.note else None


def own_words(finding: Finding, lang: str, form: PlanForm = "line") -> list[str]:
    """The note (if any) and every plan item of the finding, one line each."""
    note = note_line(finding, lang)
    return ([note] if note else []) + [planned(item, lang, form) for item in finding.plan]
