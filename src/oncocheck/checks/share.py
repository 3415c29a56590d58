"""The share criterion (2a) as analyses need it, without loading the check kinds: how it is
recognised and the one comparison it makes; and its words (`checks.verwijsgids`): why a
member is left out of the denominator, who is not listed, and how many more must be."""

from __future__ import annotations

from fractions import Fraction
from typing import TYPE_CHECKING

from oncocheck.report import Text
from oncocheck.wording import counted, listed, percents

if TYPE_CHECKING:  # annotations only: analyses import this module without the check kinds
    from oncocheck.checks.base import CheckContext, MemberView

#: The check kind of the share criterion (2a in the LOPPSOZ sets): found by this, not its id.
SHARE_KIND = "verwijsgids_share"


def meets_share(listed: int, eligible: int, threshold: float) -> bool:
    """Whether `listed` of `eligible` reaches `threshold` (inclusive, exact: 3/5 meets 0.6;
    False when nobody is eligible): the one comparison 2a makes, which `impact --sweep 2a`
    makes too, so a sweep agrees with the check at every threshold."""
    return eligible > 0 and Fraction(listed, eligible) >= Fraction(str(threshold))


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


NAMED = 5  # members named before "en N anderen"
ROWS = 10  # spreadsheet rows named before "en N meer"


def not_listed(unlisted: list[MemberView]) -> Text:
    """`; niet vermeld: A, B, C, D, E en 3 anderen` (nothing for nobody)."""
    if not unlisted:
        return Text("", "")
    names = [v.member.name for v in unlisted[:NAMED]]
    rest = len(unlisted) - len(names)
    nl = listed(names + ([f"{rest} {'andere' if rest == 1 else 'anderen'}"] if rest else []), "en")
    en = listed(names + ([f"{rest} {'other' if rest == 1 else 'others'}"] if rest else []), "and")
    return Text(f"; niet vermeld: {nl}", f"; not listed: {en}")


def more(listed_now: int, eligible: int, threshold: float, unlisted: list[MemberView],
         ctx: CheckContext) -> Text:
    """`vraag nog 3 leden zich aan te melden … en zet bij wie erin vermeld staat ja in
    leden.xlsx, kolom verwijsgids, rij 4, 7 en 9`: how many more, and where to say so."""
    count = next(k for k in range(eligible + 1)
                 if meets_share(listed_now + k, eligible, threshold))
    reached = percents(Fraction(listed_now + count, eligible))
    after = f"{listed_now + count}/{eligible} = "
    where = _where(unlisted, ctx)
    return Text(
        f"vraag nog {count} {'lid' if count == 1 else 'leden'} zich aan te melden bij de "
        f"Verwijsgids Kanker (dan {after}{reached.nl}) en zet bij wie erin vermeld staat "
        f"{where.nl}",
        f"ask {count} more {'member' if count == 1 else 'members'} to register in the "
        f"Verwijsgids Kanker (then {after}{reached.en}) and, for those listed, set {where.en}")


def _where(unlisted: list[MemberView], ctx: CheckContext) -> Text:
    """`verwijsgids: ja` in the network file, and/or `ja` in the spreadsheet's column by
    its rows, as the unlisted members are written."""
    sheet = ctx.doc.members_file
    source = ctx.source
    rows = sorted({source.where(v.path)[0] for v in unlisted
                   if source is not None and source.source_of(v.path) is not None})
    in_file = any(source is None or source.source_of(v.path) is None for v in unlisted)
    said = [Text("`verwijsgids: ja`", "`verwijsgids: true`")] if in_file or not rows else []
    if rows and sheet:
        shown = [str(r) for r in rows[:ROWS]]
        rest = len(rows) - len(shown)
        nl = listed(shown + ([f"{rest} meer"] if rest else []), "en")
        en = listed(shown + ([f"{rest} more"] if rest else []), "and")
        said.append(Text(f"ja in {sheet}, kolom verwijsgids, rij {nl}",
                         f"yes in {sheet}, column verwijsgids, "
                         f"{'row' if len(rows) == 1 else 'rows'} {en}"))
    if len(said) == 2:
        return Text(f"{said[0].nl} (in het netwerkbestand) of {said[1].nl}",
                    f"{said[0].en} (in the network file) or {said[1].en}")
    return said[0]
