"""Extra warning findings that follow the criteria: duplicate members, evidence documents
that do not count, the template's placeholder name, what the loader did to read a members
spreadsheet; and the cap on warnings of one kind."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from oncocheck.checks.base import MemberView
from oncocheck.checks.documents import Evidence
from oncocheck.load.source import Source
from oncocheck.load.visible import quoted
from oncocheck.network.template import PLACEHOLDER_NAMES
from oncocheck.report import Finding, Severity, Status, Text
from oncocheck.wording import cell

MAX_WARNINGS = 100  # of one kind per file: 5,000 duplicate members say no more than 100 do
DUPLICATE = Text("Dubbel lid", "Duplicate member")


def _who(view: MemberView, source: Source) -> tuple[str, str]:
    place = source.locate(view.path)
    if place.source:  # a member from the spreadsheet is known by its row there
        where = cell(place.source, place.line, None)
        name = quoted(view.member.name)
        return f"{where.nl}, {name}", f"{where.en}, {name}"
    return (f"lid {view.index + 1}, {quoted(view.member.name)}",
            f"member {view.index + 1}, {quoted(view.member.name)}")


def duplicate_members(members: Sequence[MemberView], source: Source) -> list[Finding]:
    """A warning for each member with the same name and discipline as an earlier one (it
    counts once: `MemberView.first`)."""
    findings = []
    for view in members:
        if view.first is None:
            continue
        earlier = members[view.first]
        (nl, en), (nl0, en0) = _who(view, source), _who(earlier, source)
        findings.append(Finding(
            "duplicate-member", Severity.WARNING, Status.NOT_MET, DUPLICATE,
            Text(f"{nl} heeft dezelfde naam en discipline als {nl0}; telt één keer",
                 f"{en} has the same name and discipline as {en0}; counts once"),
            {"member": view.member.name, "discipline": view.discipline.id,
             "first": earlier.path}, source.locate(view.path),
            Text("verwijder het dubbele lid of maak de namen verschillend",
                 "remove the duplicate or make the names differ")))
    return findings


def capped_warnings(findings: Sequence[Finding]) -> list[Finding]:
    """`findings` with at most MAX_WARNINGS warnings of one kind (one id, `duplicate-member`);
    in place of the rest, one more finding of that kind saying how many ("… and 4900 more",
    `observed: {"more": 4900}`, at the place of the first one left out, no remediation)."""
    kept: list[Finding] = []
    counts: dict[str, int] = {}
    first_left_out: dict[str, tuple[int, Finding]] = {}
    for finding in findings:
        if finding.severity is Severity.WARNING:
            counts[finding.criterion] = counts.get(finding.criterion, 0) + 1
            if counts[finding.criterion] > MAX_WARNINGS:
                first_left_out.setdefault(finding.criterion, (len(kept), finding))
                continue
        kept.append(finding)
    for kind, (index, first) in sorted(first_left_out.items(), key=lambda i: -i[1][0]):
        more = counts[kind] - MAX_WARNINGS
        kept.insert(index, replace(first, message=Text(f"… en nog {more}", f"… and {more} more"),
                                   observed={"more": more}, remediation=None))
    return kept


NOT_FOUND = Text("Document niet gevonden", "Document not found")
NOT_USABLE = Text("Document niet bruikbaar", "Document not usable")


def document_warnings(looked: Iterable[tuple[str, str, Evidence]],
                      source: Source) -> list[Finding]:
    """A warning for every `document:` the file names (as `documents.named` looked them up)
    that does not count as evidence (not found, a folder, a device, outside the folder, an
    address without a host), also when the criterion is met by something else: evidence is
    never silently missing."""
    findings = []
    for section, document, evidence in looked:
        if evidence.usable:
            continue
        path = f"network.{section}.document"
        missing = evidence.problem == "not_found"
        findings.append(Finding(
            "document-not-found" if missing else "document-not-usable", Severity.WARNING,
            Status.NOT_MET, NOT_FOUND if missing else NOT_USABLE, evidence.message(),
            {"document": document, "looked_up": evidence.looked_up,
             "problem": evidence.problem}, source.locate(path),
            Text(f"zet het document als gewoon bestand op {evidence.looked_up}, in de map van "
                 f"het netwerkbestand (of een https://-adres), of haal het weg (`{path}`)",
                 f"put the document as a regular file at {evidence.looked_up}, inside the "
                 f"network file's folder (or an https:// address), or remove it (`{path}`)")))
    return findings


def load_warnings(source: Source) -> list[Finding]:
    """What the loader did to read the members spreadsheet after all (its unknown columns
    skipped, a later sheet chosen, a CSV read as Windows-1252), each a
    warning with its own id (`members-file-columns`, ...)."""
    return [Finding(n.id, Severity.WARNING, Status.NOT_MET, n.title, n.message, n.observed,
                    n.location, n.remediation) for n in source.notices]


PLACEHOLDER = Text("Naam uit het sjabloon", "Template name")


def placeholder_name(name: str, source: Source) -> list[Finding]:
    """A warning while `network.name` is still the placeholder of `oncocheck init`."""
    if name not in PLACEHOLDER_NAMES:
        return []
    return [Finding(
        "template-name", Severity.WARNING, Status.NOT_MET, PLACEHOLDER,
        Text(f"de naam van het netwerk is nog die uit het sjabloon: '{name}'",
             f"the network's name is still the template's: '{name}'"), {"name": name},
        source.locate("network.name"),
        Text("vul de echte naam van het netwerk in (`network.name`)",
             "fill in the network's real name (`network.name`)"))]
