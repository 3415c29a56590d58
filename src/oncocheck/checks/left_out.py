"""Why a member is left out of the 2a denominator, said per member and counted."""

from __future__ import annotations

from oncocheck.report import Text
from oncocheck.wording import counted

#: Why a member is outside the denominator: (code for JSON, text for people).
REASONS = {
    "not_a_profession": Text("geen beroep (organisatie of ervaringsdeskundige)",
                             "not a profession (organisation or expert by experience)"),
    "unconfirmed_profession": Text("beroep niet bevestigd in de Verwijsgids Kanker",
                                   "profession not confirmed in the Verwijsgids Kanker"),
    "profession_not_in_verwijsgids": Text("beroep staat niet in de Verwijsgids Kanker",
                                          "profession not in the Verwijsgids Kanker"),
    "assumed_not_in_verwijsgids": Text(
        "beroep staat niet in de Verwijsgids Kanker (aanname, niet bevestigd)",
        "profession not in the Verwijsgids Kanker (assumed, not confirmed)"),
    "duplicate": Text("dubbel: telt één keer, als het lid met dezelfde naam en discipline",
                      "a duplicate: counts once, as the member of the same name and discipline"),
}


#: The same reasons for a number of members, after `2 leden buiten de noemer: 1 ...`.
COUNTED: dict[str, tuple[Text, ...]] = {
    "not_a_profession": (
        Text("zonder beroep (een organisatie of ervaringsdeskundige)",
             "without a profession (an organisation or expert by experience)"),
        Text("zonder beroep (organisaties of ervaringsdeskundigen)",
             "without a profession (organisations or experts by experience)")),
    "unconfirmed_profession": (
        Text("van een beroep dat niet bevestigd is in de Verwijsgids Kanker",
             "of a profession not confirmed in the Verwijsgids Kanker"),
        Text("van beroepen die niet bevestigd zijn in de Verwijsgids Kanker",
             "of professions not confirmed in the Verwijsgids Kanker")),
    "profession_not_in_verwijsgids": (
        Text("van een beroep dat niet in de Verwijsgids Kanker staat",
             "of a profession not in the Verwijsgids Kanker"),
        Text("van beroepen die niet in de Verwijsgids Kanker staan",
             "of professions not in the Verwijsgids Kanker")),
}
COUNTED["duplicate"] = (
    Text("dubbel vermeld (telt één keer)", "listed twice (counted once)"),
    Text("dubbel vermeld (tellen één keer)", "listed twice (counted once)"))
COUNTED["assumed_not_in_verwijsgids"] = tuple(
    Text(f"{t.nl} (aanname, niet bevestigd)", f"{t.en} (assumed, not confirmed)")
    for t in COUNTED["profession_not_in_verwijsgids"])


def left_out_text(left_out: list[dict[str, str]]) -> tuple[str, str]:
    """`; 4 leden buiten de noemer: 2 van beroepen die …, 1 zonder beroep (…)`, or nothing
    when nobody is left out (`left_out`: the finding's `observed["excluded"]`)."""
    if not left_out:
        return "", ""
    counts: dict[str, int] = {}
    for item in left_out:
        counts[item["reason"]] = counts.get(item["reason"], 0) + 1
    nl = ", ".join(f"{n} {COUNTED[r][n != 1].nl}" for r, n in counts.items())
    en = ", ".join(f"{n} {COUNTED[r][n != 1].en}" for r, n in counts.items())
    total = len(left_out)
    return (f"; {counted(total, 'lid', 'leden')} buiten de noemer: {nl}",
            f"; {counted(total, 'member', 'members')} left out of the denominator: {en}")
