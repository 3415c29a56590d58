"""Check kinds about declared facts of the network: 2b, 5, 6 and 7."""

from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import Field, field_validator

from oncocheck.checks.base import Check, CheckContext, Outcome
from oncocheck.checks.evidence import network_field
from oncocheck.checks.phrases import STATEMENTS, absent, is_empty, yes_no
from oncocheck.load.fields import Count
from oncocheck.network.sections import LegalForm, Scope
from oncocheck.report import Status, Text
from oncocheck.wording import counted, listed


class Declaration(Check):
    """A yes/no declaration under `network:` (criterion 2b): true is met, false not met."""

    HOW: ClassVar[Text] = Text(
        "Leest een verklaring met ja of nee in het netwerkbestand: bij ja is aan het criterium "
        "voldaan, bij nee niet; zonder antwoord ontbreekt de informatie om te beslissen.",
        "Reads a yes/no statement in the network file: yes is met, no is not met; without an "
        "answer the information to decide is missing.")

    kind: Literal["declaration"]
    field: str

    _check_field = field_validator("field")(network_field)

    def describe(self) -> Text:
        """`de website toont welke leden … (`network.…: ja`)`."""
        path = f"network.{self.field}"
        yes = STATEMENTS.get(path, (Text("", ""),))[0]
        return Text(f"{yes.nl} (`{path}: ja`)".lstrip(), f"{yes.en} (`{path}: true`)".lstrip())

    def evaluate(self, ctx: CheckContext) -> Outcome:
        """Read the declaration."""
        path = f"network.{self.field}"
        value = getattr(ctx.doc.network, self.field)
        statements = STATEMENTS.get(path)
        if value is None:
            empty = is_empty(ctx.doc.network, self.field)
            if statements is None:
                message, todo = absent(path, empty)
            else:
                message = Text(f"niet opgegeven of {statements[2].nl} (`{path}`)",
                               f"not stated whether {statements[2].en} (`{path}`)")
                todo = yes_no(path, statements[2], empty)
            return Outcome(Status.MISSING, message, path, {"declared": None}, todo)
        status = Status.MET if value else Status.NOT_MET
        yes_no_word = Text("ja", "true") if value else Text("nee", "false")
        said = statements[not value] if statements else Text("", "")
        return Outcome(status, Text(f"{said.nl} (`{path}: {yes_no_word.nl}`)".lstrip(),
                                    f"{said.en} (`{path}: {yes_no_word.en}`)".lstrip()),
                       path, {"declared": value})


class NonProfit(Check):
    """Not for profit (criterion 5), from the declaration and the legal form."""

    HOW: ClassVar[Text] = Text(
        "Weegt de verklaring `non_profit` en de rechtsvorm. Een verklaring `nee` of een "
        "rechtsvorm met winstoogmerk is niet voldaan, wat het bestand verder ook zegt; anders "
        "is `non_profit: ja` of een rechtsvorm zonder winstoogmerk voldaan. Zonder een van "
        "beide ontbreekt de informatie om te beslissen.",
        "Weighs the `non_profit` statement and the legal form. A `false` statement or a "
        "for-profit legal form is not met, whatever else the file says; otherwise "
        "`non_profit: true` or a not-for-profit legal form is met. Without either, the "
        "information to decide is missing.")

    kind: Literal["non_profit"]
    non_profit_forms: list[LegalForm]
    profit_forms: list[LegalForm]

    def describe(self) -> Text:
        """`zonder winstoogmerk: `non_profit: ja` of rechtsvorm stichting of vereniging; …`."""
        return Text(
            f"zonder winstoogmerk: `non_profit: ja` of rechtsvorm "
            f"{listed(self.non_profit_forms, 'of')}; niet bij rechtsvorm "
            f"{listed(self.profit_forms, 'of')}",
            f"not for profit: `non_profit: true` or legal form "
            f"{listed(self.non_profit_forms, 'or')}; not with legal form "
            f"{listed(self.profit_forms, 'or')}")

    def evaluate(self, ctx: CheckContext) -> Outcome:
        """Weigh the declaration and the legal form."""
        declared, form = ctx.doc.network.non_profit, ctx.doc.network.legal_form
        observed = {"non_profit": declared, "legal_form": form}
        if declared is False or form in self.profit_forms:
            return Outcome(Status.NOT_MET, _why(declared is False, form, "met winstoogmerk",
                                                "for profit"), _path(declared is False),
                           observed, self._todo(declared is False, form))
        if declared or form in self.non_profit_forms:
            return Outcome(Status.MET, _why(bool(declared), form, "zonder winstoogmerk",
                                            "not for profit"), _path(bool(declared)), observed)
        shown = Text(f"; rechtsvorm: {form}", f"; legal form: {form}") if form else Text("", "")
        path = "network.non_profit"
        return Outcome(Status.MISSING, Text(
            f"niet opgegeven of het netwerk zonder winstoogmerk is (`{path}`){shown.nl}",
            f"not stated whether the network is not for profit (`{path}`){shown.en}"),
            path, observed, yes_no(path, STATEMENTS[path][2],
                                   is_empty(ctx.doc.network, "non_profit")))

    def _todo(self, declared_false: bool, form: str | None) -> Text:
        """What turns a for-profit finding `met`: the legal form decides over the statement, so
        a for-profit form is told to change the form (no statement can help it)."""
        statement = Text("zet `network.non_profit` op `ja`", "set `network.non_profit` to `true`")
        if form not in self.profit_forms:
            return Text(f"{statement.nl} als het netwerk geen winstoogmerk heeft",
                        f"{statement.en} if the network is not for profit")
        forms = [f"`{f}`" for f in self.non_profit_forms]
        also = Text(f", en {statement.nl}", f", and {statement.en}") if declared_false else \
            Text("", "")
        return Text(
            f"verander de rechtsvorm (met rechtsvorm {form} is hieraan niet te voldoen, ook niet "
            f"met `network.non_profit: ja`), bijvoorbeeld: zet `network.legal_form` op "
            f"{listed(forms, 'of')}{also.nl}",
            f"change the legal form (with legal form {form} this cannot be met, not even with "
            f"`network.non_profit: true`), for instance: set `network.legal_form` to "
            f"{listed(forms, 'or')}{also.en}")


def _path(declared: bool) -> str:
    return "network.non_profit" if declared else "network.legal_form"


def _why(declared: bool, form: str | None, nl: str, en: str) -> Text:
    """`zonder winstoogmerk: zo verklaard (`network.non_profit`)`, or by the legal form."""
    if declared:
        return Text(f"{nl}: zo verklaard (`network.non_profit`)",
                    f"{en}: declared so (`network.non_profit`)")
    return Text(f"{nl}: rechtsvorm {form} (`network.legal_form`)",
                f"{en}: legal form {form} (`network.legal_form`)")


class AreaScope(Check):
    """Local or neighbourhood-oriented (criterion 6): the area's scope is one of `local`."""

    HOW: ClassVar[Text] = Text(
        "Leest het werkgebied (`network.area.scope`): met een lokaal werkgebied is aan het "
        "criterium voldaan, met een te breed werkgebied niet; zonder werkgebied ontbreekt de "
        "informatie om te beslissen.",
        "Reads the area (`network.area.scope`): a local area is met, one that is too wide is "
        "not; without an area the information to decide is missing.")

    kind: Literal["area_scope"]
    local: list[Scope]
    too_wide: list[Scope]

    def describe(self) -> Text:
        """`werkgebied wijk, gemeente of regio; niet provincie of landelijk`."""
        return Text(f"werkgebied {listed(self.local, 'of')}; niet "
                    f"{listed(self.too_wide, 'of')}",
                    f"area {listed(self.local, 'or')}; not {listed(self.too_wide, 'or')}")

    def evaluate(self, ctx: CheckContext) -> Outcome:
        """Read `network.area.scope`."""
        area = ctx.doc.network.area
        scope = area.scope if area else None
        path = "network.area.scope"
        if scope is None:
            message, todo = absent(path, is_empty(area, "scope"))
            return Outcome(Status.MISSING, message, path, {"scope": scope}, Text(
                f"{todo.nl}: {listed(self.local, 'of')}", f"{todo.en}: "
                f"{listed(self.local, 'or')}"))
        if scope not in self.local + self.too_wide:
            return Outcome(Status.MISSING, Text(
                f"werkgebied {scope}: volgens deze criteria lokaal noch te breed",
                f"area {scope}: neither local nor too wide under these criteria"), path,
                {"scope": scope})
        status = Status.MET if scope in self.local else Status.NOT_MET
        return Outcome(status, Text(f"werkgebied: {scope}", f"area: {scope}"), path,
                       {"scope": scope})


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
