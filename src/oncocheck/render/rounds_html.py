"""The rounds report as one self-contained HTML page: the base template, stylesheet and
escaping of the other pages (every text from the reports is escaped by Jinja2)."""

from __future__ import annotations

from oncocheck.analysis.rounds import Rounds
from oncocheck.render.html import page
from oncocheck.render.rounds_text import (change_title, dates_text, file_note, groups,
                                          moves_text, name_note, name_text, version_text,
                                          versions_text)


def render(rounds: Rounds, lang: str) -> str:
    """The rounds page in `lang`."""
    return page(
        "rounds.html", lang, report=rounds, rounds=rounds, groups=groups(rounds),
        old_dates=dates_text(rounds.old, lang), new_dates=dates_text(rounds.new, lang),
        page_as_of=f"{dates_text(rounds.old, lang)} → {dates_text(rounds.new, lang)}",
        old_versions=versions_text(rounds.old), new_versions=versions_text(rounds.new),
        notes="; ".join(n.get(lang) for n in rounds.notes),
        titles={kind: change_title(kind, lang) for kind in rounds.counts},
        notes_of={n: {"shown": name_text(n), "name": name_note(n, lang), "file": file_note(n, lang),
                      "moves": moves_text(n, lang),
                      "versions": version_text(n)} for n in rounds.networks})
