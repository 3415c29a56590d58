"""Check kind for criterion 7: a website that is kept up to date."""

from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import Field

from oncocheck.checks.base import Check, CheckContext, Outcome
from oncocheck.checks.phrases import absent, is_empty
from oncocheck.load.fields import Count
from oncocheck.report import Status, Text
from oncocheck.wording import counted


class WebsiteCurrent(Check):
    """A website, updated at most `max_age_days` before the as-of date (criterion 7)."""

    HOW: ClassVar[Text] = Text(
        "Vergelijkt de datum waarop de website is bijgewerkt (`network.website_updated`) met "
        "de peildatum: ligt die hooguit het gegeven aantal dagen ervoor (of erna), dan is aan "
        "het criterium voldaan. Zonder website of datum ontbreekt de informatie om te "
        "beslissen.",
        "Compares the date the website was updated (`network.website_updated`) with the "
        "as-of date: at most the given number of days before it is met, a later date too. "
        "Without a website or date the information to decide is missing.")

    kind: Literal["website_current"]
    max_age_days: Count = Field(ge=1)

    def describe(self) -> Text:
        """`een website, bijgewerkt hooguit 365 dagen voor de peildatum`."""
        days = self.max_age_days
        return Text(f"een website, bijgewerkt hooguit {counted(days, 'dag', 'dagen')} voor de "
                    "peildatum", f"a website, updated at most {counted(days, 'day', 'days')} "
                    "before the as-of date")

    def evaluate(self, ctx: CheckContext) -> Outcome:
        """Compare `website_updated` with the as-of date."""
        network = ctx.doc.network
        updated = network.website_updated
        lacking = [k for k in ("website", "website_updated") if getattr(network, k) is None]
        if lacking or updated is None:  # the advice names every key lacking: following it meets 7
            todos = [absent(f"network.{k}", is_empty(network, k)) for k in lacking]
            recent = Text(f", een datum hooguit {counted(self.max_age_days, 'dag', 'dagen')} voor "
                          "de peildatum", f", at most {counted(self.max_age_days, 'day', 'days')} "
                          "before the as-of date") if "website_updated" in lacking else Text("", "")
            return Outcome(Status.MISSING, todos[0][0], f"network.{lacking[0]}",
                           {"website": network.website}, Text(
                               " en ".join(t.nl for _m, t in todos) + recent.nl,
                               " and ".join(t.en for _m, t in todos) + recent.en))
        age = (ctx.as_of - updated).days
        observed = {"website": network.website, "updated": updated.isoformat(),
                    "age_days": age, "max_age_days": self.max_age_days}
        when, most = updated.isoformat(), self.max_age_days
        path = "network.website_updated"
        if age > most:
            return Outcome(Status.NOT_MET, Text(
                f"laatst bijgewerkt {when}, {counted(age, 'dag', 'dagen')} geleden (hooguit "
                f"{counted(most, 'dag', 'dagen')})", f"last updated {when}, "
                f"{counted(age, 'day', 'days')} ago (at most {counted(most, 'day', 'days')})"),
                path, observed, Text("werk de website bij en vul de nieuwe datum in bij "
                                     "`network.website_updated`", "update the website and put "
                                     "the new date in `network.website_updated`"))
        return Outcome(Status.MET, Text(f"{network.website}, bijgewerkt {when}",
                                        f"{network.website}, updated {when}"), path, observed)
