"""Check kind for criterion 2a: the share of members listed in the Verwijsgids Kanker."""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction
from typing import Literal

from pydantic import Field, ValidationInfo, field_validator

from oncocheck.checks.base import Check, CheckContext, MemberView, Outcome
from oncocheck.checks.members import known_ids
from oncocheck.checks.share import meets_share
from oncocheck.load.source import Source
from oncocheck.network.disciplines import OTHER
from oncocheck.report import MemberRow, Status, Text
from oncocheck.wording import percent

Represented = Literal["yes", "no", "unconfirmed"]

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
}


class VerwijsgidsShare(Check):
    """At least `threshold` of the members of Verwijsgids professions are listed there.

    Eligible: members of a profession represented in the Verwijsgids (vocabulary flag `yes`,
    or as set in `represented`), plus any counting member who is listed. Members of unconfirmed
    professions who are not listed, of professions not in the Verwijsgids, and organisations
    are left out of the denominator, and the finding says who and why. The threshold is
    inclusive; with no eligible members the criterion is `missing`.
    """

    kind: Literal["verwijsgids_share"]  # share.SHARE_KIND
    threshold: float = Field(gt=0, le=1)
    represented: dict[str, Represented] = {}

    @field_validator("represented")
    @classmethod
    def _known(cls, value: dict[str, Represented], info: ValidationInfo) -> dict[str, str]:
        known_ids(list(value), info)
        return value

    def exclusion(self, view: MemberView) -> str | None:
        """Why this member is outside the denominator (a key of REASONS), or None."""
        if view.key is None:
            return "not_a_profession"
        if view.member.verwijsgids:
            return None
        discipline = view.discipline
        if discipline.id in self.represented:  # the rule file's own word: no assumption
            flag, assumed = self.represented[discipline.id], False
        else:
            flag, assumed = discipline.verwijsgids, discipline.verwijsgids_assumed
        if flag == "no":
            return "assumed_not_in_verwijsgids" if assumed else "profession_not_in_verwijsgids"
        return {"yes": None, "unconfirmed": "unconfirmed_profession"}.get(flag)

    def evaluate(self, ctx: CheckContext) -> Outcome:
        """Compute listed/eligible against the threshold, with the working."""
        excluded = [(v, self.exclusion(v)) for v in ctx.members]
        eligible = [v for v, why in excluded if why is None]
        listed = sum(1 for v in eligible if v.member.verwijsgids)
        left_out = [{"member": v.member.name, "path": v.path, "reason": why}
                    for v, why in excluded if why is not None]
        observed = {"listed": listed, "eligible": len(eligible), "threshold": self.threshold,
                    "excluded": left_out}
        tail_nl, tail_en = _left_out(left_out)
        if not eligible:
            return Outcome(Status.MISSING, Text(
                "geen leden van beroepen die in de Verwijsgids Kanker staan" + tail_nl,
                "no members of professions represented in the Verwijsgids Kanker" + tail_en),
                "members", observed, Text(
                    "voeg leden toe met `verwijsgids: ja` of nee bij elk lid",
                    "add members, with `verwijsgids: true` or false for each"))
        share = Fraction(listed, len(eligible))
        met = meets_share(listed, len(eligible), self.threshold)
        observed["share"] = round(float(share), 3)
        working = f"{listed}/{len(eligible)} = {percent(share)}"
        need = percent(self.threshold)
        return Outcome(Status.MET if met else Status.NOT_MET, Text(
            f"{working} van de leden van Verwijsgids-beroepen staat vermeld (minstens {need} "
            f"vereist){tail_nl}",
            f"{working} of members of Verwijsgids professions are listed (at least {need} "
            f"required){tail_en}"), "members", observed)


def _left_out(left_out: list[dict[str, str]]) -> tuple[str, str]:
    if not left_out:
        return "", ""
    counts: dict[str, int] = {}
    for item in left_out:
        counts[item["reason"]] = counts.get(item["reason"], 0) + 1
    nl = ", ".join(f"{n} {REASONS[r].nl}" for r, n in counts.items())
    en = ", ".join(f"{n} {REASONS[r].en}" for r, n in counts.items())
    return (f"; {len(left_out)} buiten de noemer: {nl}",
            f"; {len(left_out)} left out of the denominator: {en}")


def member_rows(members: Sequence[MemberView], share: VerwijsgidsShare | None,
                source: Source) -> tuple[MemberRow, ...]:
    """Every member as reports list them, with why each is left out of the 2a denominator
    under `share` (the version's share check, if it has one)."""
    rows = []
    for view in members:
        why = share.exclusion(view) if share else None
        label = view.discipline.label
        if view.discipline.id == OTHER:
            label = Text(view.member.discipline_other or label.nl,
                         view.member.discipline_other or label.en)
        rows.append(MemberRow(view.member.name, view.member.discipline, view.discipline.id,
                              label, view.member.organisation, view.member.verwijsgids,
                              REASONS[why] if why else None, source.locate(view.path)))
    return tuple(rows)
