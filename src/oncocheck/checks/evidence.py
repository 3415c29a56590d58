"""Check kinds about written evidence and contacts: 3, 4, 8, 9 and 10."""

from __future__ import annotations

from typing import Literal

from pydantic import field_validator

from oncocheck.checks.base import Check, CheckContext, Outcome, add
from oncocheck.checks.documents import look_up
from oncocheck.load.fields import fail
from oncocheck.network.sections import Network
from oncocheck.report import Status, Text


def _network_field(value: str) -> str:
    if value not in Network.model_fields:
        raise fail(f"`network` heeft geen veld '{value}'", f"`network` has no field '{value}'")
    return value


class Documented(Check):
    """A section under `network:` with a document that counts, or any of the `alternatives`
    filled in. A document counts when it is a regular file inside the network file's folder
    (paths are relative to the network file; `map\\visie.docx` is looked up as
    `map/visie.docx`) or an http(s) address (not fetched). A document that is named but does
    not count is `missing` unless an alternative is filled in; either way the file also gets
    a `document-not-found` or `document-not-usable` warning."""

    kind: Literal["documented"]
    field: str
    alternatives: list[str] = []

    _check_field = field_validator("field")(_network_field)

    def evaluate(self, ctx: CheckContext) -> Outcome:
        """Look for a document or an alternative."""
        section, path = getattr(ctx.doc.network, self.field), f"network.{self.field}"
        if section is None:
            return Outcome(Status.MISSING, Text(f"`{path}` ontbreekt", f"`{path}` is missing"),
                           path, {}, add(path))
        filled = [a for a in self.alternatives if getattr(section, a, None) not in (None, "")]
        document = getattr(section, "document", None)
        evidence = look_up(document, ctx.base_dir) if document else None
        found = evidence is not None and evidence.usable
        observed = {"document": document, "document_found": found if document else None,
                    "given": filled}
        if evidence is not None and evidence.looked_up != document:
            observed["document_looked_up"] = evidence.looked_up
        if evidence is not None and evidence.problem:
            observed["document_problem"] = evidence.problem
        if found or filled:
            shown = evidence.described() if found else None
            given_nl = ([f"document {shown.nl}"] if shown else []) + filled
            given_en = ([f"document {shown.en}"] if shown else []) + filled
            return Outcome(Status.MET, Text(f"vastgelegd: {', '.join(given_nl)}",
                                            f"recorded: {', '.join(given_en)}"), path, observed)
        if evidence is not None:
            return Outcome(Status.MISSING, evidence.message(),
                           f"{path}.document", observed, Text(
                               f"zet het document als gewoon bestand op {evidence.looked_up} "
                               "(pad vanaf het netwerkbestand, in diens map) of vul "
                               f"{' of '.join(self.alternatives)} in",
                               f"put the document as a regular file at {evidence.looked_up} "
                               "(relative to the network file, inside its folder) or fill in "
                               f"{' or '.join(self.alternatives)}"))
        names = " / ".join(["document", *self.alternatives])
        return Outcome(Status.MISSING, Text(f"`{path}` is leeg", f"`{path}` is empty"), path,
                       observed, Text(f"vul {names} in onder `{path}`",
                                      f"fill in {names} under `{path}`"))


class StructuralContacts(Check):
    """At least one contact in the list with `structural: true`; a list without one (or an
    empty list) is not met; no list at all is missing."""

    kind: Literal["structural_contacts"]
    field: str

    _check_field = field_validator("field")(_network_field)

    def evaluate(self, ctx: CheckContext) -> Outcome:
        """Look for a structural contact."""
        contacts, path = getattr(ctx.doc.network, self.field), f"network.{self.field}"
        if contacts is None:
            return Outcome(Status.MISSING, Text(f"`{path}` ontbreekt", f"`{path}` is missing"),
                           path, {"contacts": 0, "structural": 0}, add(path))
        structural = [c.name for c in contacts if c.structural]
        observed = {"contacts": len(contacts), "structural": len(structural),
                    "structural_names": structural}
        if structural:
            return Outcome(Status.MET, Text(f"structureel: {', '.join(structural)}",
                                            f"structural: {', '.join(structural)}"), path, observed)
        return Outcome(Status.NOT_MET, Text(
            f"{len(contacts)} contact(en), geen daarvan structureel",
            f"{len(contacts)} contact(s), none of them structural"), path, observed)


class ContactPoint(Check):
    """A contact point with a name and an e-mail address or a phone number."""

    kind: Literal["contact_point"]

    def evaluate(self, ctx: CheckContext) -> Outcome:
        """Check the contact point's name and ways to reach it."""
        point, path = ctx.doc.network.contact_point, "network.contact_point"
        if point is None:
            return Outcome(Status.MISSING, Text(f"`{path}` ontbreekt", f"`{path}` is missing"),
                           path, {}, add(path))
        observed = {"name": point.name, "email": point.email, "phone": point.phone}
        if not point.name:
            return Outcome(Status.MISSING, Text("aanspreekpunt zonder naam",
                                                "contact point without a name"),
                           path, observed, add(f"{path}.name"))
        if not point.email and not point.phone:
            return Outcome(Status.MISSING, Text(
                "aanspreekpunt zonder e-mailadres of telefoonnummer",
                "contact point without an e-mail address or phone number"), path, observed,
                Text(f"voeg `{path}.email` of `{path}.phone` toe",
                     f"add `{path}.email` or `{path}.phone`"))
        reach = ", ".join(x for x in (point.email, point.phone) if x)
        return Outcome(Status.MET, Text(f"{point.name} ({reach})", f"{point.name} ({reach})"),
                       path, observed)
