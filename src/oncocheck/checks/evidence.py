"""Check kinds about written evidence and contacts: 3, 4, 8, 9 and 10."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Literal

from pydantic import field_validator

from oncocheck.checks.base import Check, CheckContext, Outcome, add
from oncocheck.fields import fail
from oncocheck.network import Network
from oncocheck.report import Status, Text

_URL = re.compile(r"https?://", re.IGNORECASE)


def _network_field(value: str) -> str:
    if value not in Network.model_fields:
        raise fail(f"`network` heeft geen veld '{value}'", f"`network` has no field '{value}'")
    return value


def _exists(path: Path) -> bool:
    """Whether the document is there; a path the system cannot even look up (too long, a
    name that is too long) is simply not found."""
    try:
        return path.exists()
    except (OSError, ValueError):
        return False


_OUTSIDE = Text(" (let op: dit document staat buiten de map van het netwerkbestand, dus niet in "
                "de inzending)", " (note: this document is outside the network file's folder, "
                "so not part of the submission)")


def outside_submission(document: str) -> bool:
    """True for a path that is absolute or climbs out of the network file's folder (`../`): the
    reviewer then does not receive the evidence with the file. A URL is never outside."""
    if _URL.match(document):
        return False
    if PureWindowsPath(document).is_absolute() or PurePosixPath(document).is_absolute():
        return True
    parts = PurePosixPath(posixpath.normpath(document.replace("\\", "/"))).parts
    return bool(parts) and parts[0] == ".."


def _marked(text: Text, outside: bool) -> Text:
    return Text(text.nl + _OUTSIDE.nl, text.en + _OUTSIDE.en) if outside else text


class Documented(Check):
    """A section under `network:` with a document that exists, or any of the `alternatives`
    filled in. Document paths are relative to the network file; a URL counts as existing (it is
    not fetched). Only a document that is not found is `missing`, with the path in the message.
    A path outside the network file's folder (`../`, absolute) is allowed, but the finding says
    so and `observed` has `document_outside_submission: true`."""

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
        found = document is not None and (bool(_URL.match(document))
                                          or _exists(ctx.base_dir / document))
        observed = {"document": document, "document_found": found if document else None,
                    "given": filled}
        outside = document is not None and outside_submission(document)
        if outside:
            observed["document_outside_submission"] = True
        if found or filled:
            given = ([f"document {document}"] if found else []) + filled
            return Outcome(Status.MET, _marked(Text(f"vastgelegd: {', '.join(given)}",
                                                    f"recorded: {', '.join(given)}"), outside),
                           path, observed)
        if document:
            return Outcome(Status.MISSING, _marked(Text(f"document niet gevonden: {document}",
                                                        f"document not found: {document}"),
                                                   outside),
                           f"{path}.document", observed, Text(
                               f"zet het document op {document} (pad vanaf het netwerkbestand) "
                               f"of vul {' of '.join(self.alternatives)} in",
                               f"put the document at {document} (relative to the network file) "
                               f"or fill in {' or '.join(self.alternatives)}"))
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
