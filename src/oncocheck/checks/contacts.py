"""Check kinds about the network's contacts: criteria 8, 9 and 10."""

from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import field_validator

from oncocheck.checks.base import Check, CheckContext, Outcome
from oncocheck.checks.evidence import network_field
from oncocheck.checks.phrases import absent, is_empty, name
from oncocheck.report import Status, Text
from oncocheck.wording import counted


class StructuralContacts(Check):
    """At least one contact in the list with `structural: true` (criteria 8 and 9)."""

    HOW: ClassVar[Text] = Text(
        "Zoekt in de lijst contacten minstens één met `structural: ja`. Een lijst zonder "
        "structureel contact (of een lege lijst) is niet voldaan; zonder lijst ontbreekt de "
        "informatie om te beslissen.",
        "Looks in the list of contacts for at least one with `structural: true`. A list "
        "without a structural contact (or an empty list) is not met; without a list the "
        "information to decide is missing.")

    kind: Literal["structural_contacts"]
    field: str

    _check_field = field_validator("field")(network_field)

    def describe(self) -> Text:
        """`minstens één structureel contact in de contacten met ziekenhuizen (…)`."""
        path, words = f"network.{self.field}", name(f"network.{self.field}")
        return Text(f"minstens één structureel contact (`structural: ja`) in {words.nl} "
                    f"(`{path}`)", f"at least one structural contact (`structural: true`) in "
                    f"{words.en} (`{path}`)")

    def evaluate(self, ctx: CheckContext) -> Outcome:
        """Look for a structural contact."""
        contacts, path = getattr(ctx.doc.network, self.field), f"network.{self.field}"
        if contacts is None:
            message, todo = absent(path, is_empty(ctx.doc.network, self.field))
            return Outcome(Status.MISSING, message, path, {"contacts": 0, "structural": 0}, Text(
                f"{todo.nl}, minstens één met `structural: ja`",
                f"{todo.en}, at least one with `structural: true`"))
        structural = [c.name for c in contacts if c.structural]
        observed = {"contacts": len(contacts), "structural": len(structural),
                    "structural_names": structural}
        if structural:
            return Outcome(Status.MET, Text(f"structureel: {', '.join(structural)}",
                                            f"structural: {', '.join(structural)}"), path, observed)
        return Outcome(Status.NOT_MET, _none_structural(len(contacts), path), path, observed)


def _none_structural(count: int, path: str) -> Text:
    """`2 contacten, geen daarvan structureel (…)`; `1 contact, niet structureel`."""
    if count == 0:
        return Text(f"geen contacten (`{path}`)", f"no contacts (`{path}`)")
    nl = "niet structureel" if count == 1 else "geen daarvan structureel"
    en = "not structural" if count == 1 else "none of them structural"
    return Text(f"{counted(count, 'contact', 'contacten')}, {nl} (`{path}`)",
                f"{counted(count, 'contact', 'contacts')}, {en} (`{path}`)")


class ContactPoint(Check):
    """A contact point with a name and an e-mail address or a phone number (criterion 10)."""

    HOW: ClassVar[Text] = Text(
        "Zoekt het aanspreekpunt (`network.contact_point`) met een naam en een e-mailadres of "
        "telefoonnummer; zonder naam, of zonder e-mailadres en telefoonnummer, ontbreekt de "
        "informatie om te beslissen.",
        "Looks for the contact point (`network.contact_point`) with a name and an e-mail "
        "address or phone number; without a name, or without both an e-mail address and a "
        "phone number, the information to decide is missing.")

    kind: Literal["contact_point"]

    def describe(self) -> Text:
        """`een aanspreekpunt met een naam en een e-mailadres of telefoonnummer (…)`."""
        return Text("een aanspreekpunt met een naam en een e-mailadres of telefoonnummer "
                    "(`network.contact_point`)", "a contact point with a name and an e-mail "
                    "address or phone number (`network.contact_point`)")

    def evaluate(self, ctx: CheckContext) -> Outcome:
        """Check the contact point's name and ways to reach it."""
        point, path = ctx.doc.network.contact_point, "network.contact_point"
        if point is None:
            message, todo = absent(path, is_empty(ctx.doc.network, "contact_point"))
            return Outcome(Status.MISSING, message, path, {}, Text(
                f"{todo.nl}, met een naam (`name`) en een e-mailadres (`email`) of "
                "telefoonnummer (`phone`)", f"{todo.en}, with a name (`name`) and an e-mail "
                "address (`email`) or phone number (`phone`)"))
        observed = {"name": point.name, "email": point.email, "phone": point.phone}
        if not point.name:
            return Outcome(Status.MISSING, Text("aanspreekpunt zonder naam",
                                                "contact point without a name"),
                           path, observed, absent(f"{path}.name", is_empty(point, "name"))[1])
        if not point.email and not point.phone:
            empty = is_empty(point, "email") or is_empty(point, "phone")
            nl, en = ("vul", "fill in") if empty else ("voeg", "add")
            return Outcome(Status.MISSING, Text(
                "aanspreekpunt zonder e-mailadres of telefoonnummer",
                "contact point without an e-mail address or phone number"), path, observed,
                Text(f"{nl} een e-mailadres (`{path}.email`) of een telefoonnummer "
                     f"(`{path}.phone`) {'in' if empty else 'toe'}",
                     f"{en} an e-mail address (`{path}.email`) or a phone number "
                     f"(`{path}.phone`)"))
        reach = ", ".join(x for x in (point.email, point.phone) if x)
        return Outcome(Status.MET, Text(f"{point.name} ({reach})", f"{point.name} ({reach})"),
                       path, observed)
