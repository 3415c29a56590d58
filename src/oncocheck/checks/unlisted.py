"""The words of a 2a share not met: who of the members that count is not listed in the
Verwijsgids Kanker, how many more must be, and where to record it (the network file's
`verwijsgids:` or the members spreadsheet's column, by its rows)."""

from __future__ import annotations

from fractions import Fraction

from oncocheck.checks.base import CheckContext, MemberView
from oncocheck.checks.share import meets_share
from oncocheck.report import Text
from oncocheck.wording import listed, percents

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
