"""Check kinds about declared facts of the network: 2b, 5, 6 and 7."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, field_validator

from oncocheck.checks.base import Check, CheckContext, Outcome, add
from oncocheck.load.fields import Count, fail
from oncocheck.network.sections import LegalForm, Network, Scope
from oncocheck.report import Status, Text


class Declaration(Check):
    """A yes/no declaration under `network:`: `true` is met, `false` not met, absent missing."""

    kind: Literal["declaration"]
    field: str

    @field_validator("field")
    @classmethod
    def _exists(cls, value: str) -> str:
        if value not in Network.model_fields:
            raise fail(f"`network` heeft geen veld '{value}'", f"`network` has no field '{value}'")
        return value

    def evaluate(self, ctx: CheckContext) -> Outcome:
        """Read the declaration."""
        path = f"network.{self.field}"
        value = getattr(ctx.doc.network, self.field)
        if value is None:
            return Outcome(Status.MISSING, Text(f"`{path}` ontbreekt", f"`{path}` is missing"),
                           path, {"declared": None}, add(path))
        status = Status.MET if value else Status.NOT_MET
        return Outcome(status, Text(f"`{path}`: {'ja' if value else 'nee'}",
                                    f"`{path}`: {'true' if value else 'false'}"),
                       path, {"declared": value})


class NonProfit(Check):
    """Not for profit: a `false` declaration or a for-profit legal form is not met, whatever else
    the file says; otherwise `non_profit: true` or a non-profit legal form is met."""

    kind: Literal["non_profit"]
    non_profit_forms: list[LegalForm]
    profit_forms: list[LegalForm]

    def evaluate(self, ctx: CheckContext) -> Outcome:
        """Weigh the declaration and the legal form."""
        declared, form = ctx.doc.network.non_profit, ctx.doc.network.legal_form
        observed = {"non_profit": declared, "legal_form": form}
        if declared is False or form in self.profit_forms:
            path = "network.non_profit" if declared is False else "network.legal_form"
            why_nl = "verklaard met winstoogmerk" if declared is False else f"rechtsvorm {form}"
            why_en = "declared for profit" if declared is False else f"legal form {form}"
            return Outcome(Status.NOT_MET, Text(f"winstoogmerk: {why_nl}", f"for profit: {why_en}"),
                           path, observed)
        if declared or form in self.non_profit_forms:
            why_nl = "verklaard zonder winstoogmerk" if declared else f"rechtsvorm {form}"
            why_en = "declared not for profit" if declared else f"legal form {form}"
            path = "network.non_profit" if declared else "network.legal_form"
            return Outcome(Status.MET, Text(f"geen winstoogmerk: {why_nl}",
                                            f"not for profit: {why_en}"), path, observed)
        shown = f" (rechtsvorm {form})" if form else ""
        return Outcome(Status.MISSING, Text(
            f"niet vastgesteld of het netwerk zonder winstoogmerk is{shown}",
            f"not shown whether the network is not for profit{shown.replace('rechtsvorm', 'legal form')}"),
            "network.non_profit", observed, add("network.non_profit"))


class AreaScope(Check):
    """Local or neighbourhood-oriented: the area's scope is one of `local`, not `too_wide`."""

    kind: Literal["area_scope"]
    local: list[Scope]
    too_wide: list[Scope]

    def evaluate(self, ctx: CheckContext) -> Outcome:
        """Read `network.area.scope`."""
        area = ctx.doc.network.area
        scope = area.scope if area else None
        path = "network.area.scope"
        if scope is None or scope not in self.local + self.too_wide:
            return Outcome(Status.MISSING, Text("werkgebied onbekend", "area unknown"), path,
                           {"scope": scope}, add(path))
        status = Status.MET if scope in self.local else Status.NOT_MET
        return Outcome(status, Text(f"werkgebied: {scope}", f"area: {scope}"), path,
                       {"scope": scope})


class WebsiteCurrent(Check):
    """A website, updated at most `max_age_days` before the as-of date (a later date counts)."""

    kind: Literal["website_current"]
    max_age_days: Count = Field(ge=1)

    def evaluate(self, ctx: CheckContext) -> Outcome:
        """Compare `website_updated` with the as-of date."""
        network = ctx.doc.network
        for key in ("website", "website_updated"):
            if getattr(network, key) is None:
                path = f"network.{key}"
                return Outcome(Status.MISSING, Text(f"`{path}` ontbreekt", f"`{path}` is missing"),
                               path, {"website": network.website}, add(path))
        age = (ctx.as_of - network.website_updated).days
        observed = {"website": network.website, "updated": network.website_updated.isoformat(),
                    "age_days": age, "max_age_days": self.max_age_days}
        when = network.website_updated.isoformat()
        path = "network.website_updated"
        if age > self.max_age_days:
            return Outcome(Status.NOT_MET, Text(
                f"laatst bijgewerkt {when}, {age} dagen geleden (hooguit {self.max_age_days})",
                f"last updated {when}, {age} days ago (at most {self.max_age_days})"), path,
                observed, Text("werk de website bij en vul de nieuwe datum in bij "
                               "`network.website_updated`", "update the website and put the "
                               "new date in `network.website_updated`"))
        return Outcome(Status.MET, Text(f"{network.website}, bijgewerkt {when}",
                                        f"{network.website}, updated {when}"), path, observed)
