"""The coordinator's own words on a finding, as lines any renderer can add: the note and each
planned action ("gepland: <actie>, <eigenaar>, vóór <datum>")."""

from __future__ import annotations

from oncocheck.report import Finding, PlanItem

WORDS = {"nl": {"note": "notitie", "planned": "gepland", "before": "vóór"},
         "en": {"note": "note", "planned": "planned", "before": "before"}}


def planned(item: PlanItem, lang: str) -> str:
    """`gepland: Een diëtist werven, J. Bakker, vóór 2027-03-01` (owner and date when given)."""
    words = WORDS["en" if lang == "en" else "nl"]
    due = f"{words['before']} {item.due.isoformat()}" if item.due else None
    return f"{words['planned']}: " + ", ".join(x for x in (item.action, item.owner, due) if x)


def own_words(finding: Finding, lang: str) -> list[str]:
    """The note (if any) and every plan item of the finding, one line each."""
    words = WORDS["en" if lang == "en" else "nl"]
    lines = [f"{words['note']}: {finding.note}"] if finding.note else []
    return lines + [planned(item, lang) for item in finding.plan]
