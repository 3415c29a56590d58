"""Check kind for criterion 2a: the share of members listed in the Verwijsgids Kanker."""

from __future__ import annotations

from fractions import Fraction
from typing import ClassVar, Literal

from pydantic import Field, ValidationInfo, field_validator

from oncocheck.checks.base import Check, CheckContext, MemberView, Outcome
from oncocheck.checks.members import known_ids
from oncocheck.checks.share import REASONS, left_out_text, meets_share, more, not_listed
from oncocheck.report import Status, Text
from oncocheck.wording import percent, percents

Represented = Literal["yes", "no", "unconfirmed"]

#: How a version's own word on a profession (`represented`) reads.
FLAGS = {"yes": Text("staat erin", "in it"), "no": Text("staat er niet in", "not in it"),
         "unconfirmed": Text("niet bevestigd", "not confirmed")}


class VerwijsgidsShare(Check):
    """At least `threshold` of the members of Verwijsgids professions are listed there
    (criterion 2a); who counts is said in `HOW`."""

    HOW: ClassVar[Text] = Text(
        "Deelt het aantal leden dat in de Verwijsgids Kanker staat (`verwijsgids: ja`) door "
        "het aantal leden dat meetelt, en vergelijkt dat aandeel met de drempel; precies de "
        "drempel is genoeg.\n\n"
        "Mee tellen: de leden van een beroep dat in de Verwijsgids Kanker voorkomt (volgens "
        "de lijst van disciplines, of zoals deze criteriaversie het zegt), en elk ander lid "
        "met een beroep dat er zelf in staat. Niet mee tellen: leden van een beroep waarvan "
        "niet bevestigd is dat het in de Verwijsgids voorkomt en die er zelf niet in staan, "
        "leden van beroepen die er niet in voorkomen, organisaties en "
        "ervaringsdeskundigen; het rapport zegt wie en waarom. Telt niemand mee, dan "
        "ontbreekt de informatie om te beslissen.",
        "Divides the number of members listed in the Verwijsgids Kanker (`verwijsgids: true`) "
        "by the number of members that count, and compares that share with the threshold; "
        "exactly the threshold is enough.\n\n"
        "Counted: the members of a profession that appears in the Verwijsgids Kanker (by the "
        "list of disciplines, or as this criteria version says), and any other member with "
        "a profession who is listed there. Left out: members of a profession not confirmed to "
        "appear in the Verwijsgids who are not listed themselves, members of professions that "
        "do not appear there, organisations and experts by experience; the report says who "
        "and why. With nobody counted, the information to decide is missing.")

    kind: Literal["verwijsgids_share"]  # share.SHARE_KIND
    threshold: float = Field(gt=0, le=1)
    represented: dict[str, Represented] = {}

    @field_validator("represented")
    @classmethod
    def _known(cls, value: dict[str, Represented], info: ValidationInfo) -> dict[str, Represented]:
        known_ids(list(value), info)
        return value

    def describe(self) -> Text:
        """`minstens 60% van de leden van Verwijsgids-beroepen staat in de Verwijsgids …`."""
        need = percents(self.threshold)
        nl = (f"minstens {need.nl} van de leden van Verwijsgids-beroepen staat in de Verwijsgids "
              f"Kanker (precies {need.nl} is genoeg)")
        en = (f"at least {need.en} of the members of Verwijsgids professions are listed in the "
              f"Verwijsgids Kanker (exactly {need.en} is enough)")
        if self.represented:
            own = [(self.label(i, "nl"), self.label(i, "en"), FLAGS[f])
                   for i, f in self.represented.items()]
            nl += "; volgens deze versie: " + ", ".join(f"{n}: {f.nl}" for n, _, f in own)
            en += "; as this version has it: " + ", ".join(f"{e}: {f.en}" for _, e, f in own)
        return Text(nl, en)

    def left_out(self, view: MemberView) -> Text | None:
        """Why this member is outside the denominator, in words, or None."""
        why = self.exclusion(view)
        return REASONS[why] if why else None

    def exclusion(self, view: MemberView) -> str | None:
        """Why this member is outside the denominator (a key of REASONS), or None."""
        if view.first is not None:  # a duplicate: the member it repeats is counted
            return "duplicate"
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
        tail_nl, tail_en = left_out_text(left_out)
        working = self._working(listed, len(eligible), left_out)
        if not eligible:
            return Outcome(Status.MISSING, Text(
                "geen leden van beroepen die in de Verwijsgids Kanker staan" + tail_nl,
                "no members of professions represented in the Verwijsgids Kanker" + tail_en),
                "members", observed, Text(
                    "neem leden op van beroepen die in de Verwijsgids Kanker staan, en zet "
                    "`verwijsgids: ja` bij wie erin vermeld staat (minstens "
                    f"{percents(self.threshold).nl} van hen)",
                    "add members of professions in the Verwijsgids Kanker, with "
                    "`verwijsgids: true` for those listed in it (at least "
                    f"{percents(self.threshold).en} of them)"), working)
        share = Fraction(listed, len(eligible))
        met = meets_share(listed, len(eligible), self.threshold)
        observed["share"] = round(float(share), 3)
        shown, need = percents(share), percents(self.threshold)
        ratio = f"{listed}/{len(eligible)}"
        unlisted = [] if met else [v for v in eligible if not v.member.verwijsgids]
        names = not_listed(unlisted)
        return Outcome(Status.MET if met else Status.NOT_MET, Text(
            f"{ratio} = {shown.nl} van de leden van Verwijsgids-beroepen staat vermeld "
            f"(minstens {need.nl} vereist){names.nl}{tail_nl}",
            f"{ratio} = {shown.en} of members of Verwijsgids professions are listed (at least "
            f"{need.en} required){names.en}{tail_en}"), "members", observed,
            None if met else more(listed, len(eligible), self.threshold, unlisted, ctx),
            working=working)

    def _working(self, listed: int, eligible: int,
                 left_out: list[dict[str, str]]) -> tuple[tuple[str, Text], ...]:
        """The share in one line (`7/11 = 63,6% (≥ 60%)`), and who was left out and why."""
        share_nl, share_en = (
            f"{listed}/{eligible}"
            + (f" = {percent(Fraction(listed, eligible), lang)}" if eligible else "")
            + f" (≥ {percent(self.threshold, lang)})"
            for lang in ("nl", "en"))
        nl, en = ("; ".join(f"{item['member']} ({REASONS[item['reason']].get(lang)})"
                            for item in left_out) for lang in ("nl", "en"))
        return ("share", Text(share_nl, share_en)), ("excluded", Text(nl, en))

