"""Extra warning findings that follow the criteria: duplicate members, a superseded pin."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from oncocheck import criteria as criteria_sets
from oncocheck.checks import MemberView
from oncocheck.errors import UsageError
from oncocheck.sheets.place import place_text
from oncocheck.report import Finding, Location, Severity, Status, Text
from oncocheck.words import normalise, quoted
from oncocheck.yamlsource import Source

MAX_WARNINGS = 100  # of one kind per file: 5,000 duplicate members say no more than 100 do
DUPLICATE = Text("Dubbel lid", "Duplicate member")
SUPERSEDED = Text("Verouderde criteriaversie", "Superseded criteria version")


def _who(view: MemberView, source: Source) -> tuple[str, str]:
    place = source.locate(view.path)
    if place.source:  # a member from the spreadsheet is known by its row there
        where = place_text(place.source, place.line, None)
        name = quoted(view.member.name)
        return f"{where.nl}, {name}", f"{where.en}, {name}"
    return (f"lid {view.index + 1}, {quoted(view.member.name)}",
            f"member {view.index + 1}, {quoted(view.member.name)}")


def duplicate_members(members: Sequence[MemberView], source: Source) -> list[Finding]:
    """A warning for each member with the same name and discipline as an earlier one."""
    first: dict[tuple[str, str], MemberView] = {}
    findings = []
    for view in members:
        key = (normalise(view.member.name), view.discipline.id)
        earlier = first.setdefault(key, view)
        if earlier is view:
            continue
        (nl, en), (nl0, en0) = _who(view, source), _who(earlier, source)
        findings.append(Finding(
            "duplicate-member", Severity.WARNING, Status.NOT_MET, DUPLICATE,
            Text(f"{nl} heeft dezelfde naam en discipline als {nl0}",
                 f"{en} has the same name and discipline as {en0}"),
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


def superseded(rule_file: criteria_sets.RuleFile, as_of: date, source: Source) -> list[Finding]:
    """A warning when the file pins a version that a newer one has replaced on `as_of`."""
    try:
        current = criteria_sets.in_force(rule_file.set, as_of)
    except UsageError:  # a set oncocheck does not bundle has no version "in force"
        return []
    if current.valid_from <= rule_file.valid_from:
        return []
    line, column = source.where("criteria")
    return [Finding(
        "superseded-criteria", Severity.WARNING, Status.NOT_MET, SUPERSEDED,
        Text(f"het bestand is voorbereid op {rule_file.ref.label}, maar op {as_of} is "
             f"{current.ref.label} van kracht (sinds {current.valid_from})",
             f"the file is prepared for {rule_file.ref.label}, but on {as_of} "
             f"{current.ref.label} is in force (since {current.valid_from})"),
        {"pinned": rule_file.ref.label, "in_force": current.ref.label},
        Location("criteria", line, column),
        Text(f"zet `criteria: {current.ref.label}` of laat het veld weg",
             f"set `criteria: {current.ref.label}` or leave the key out"))]


PLACEHOLDER = Text("Naam uit het sjabloon", "Template name")


def placeholder_name(name: str, source: Source) -> list[Finding]:
    """A warning while `network.name` is still the placeholder of `oncocheck init`."""
    from oncocheck.template import PLACEHOLDER_NAMES

    if name not in PLACEHOLDER_NAMES:
        return []
    return [Finding(
        "template-name", Severity.WARNING, Status.NOT_MET, PLACEHOLDER,
        Text(f"de naam van het netwerk is nog die uit het sjabloon: '{name}'",
             f"the network's name is still the template's: '{name}'"), {"name": name},
        source.locate("network.name"),
        Text("vul de echte naam in bij `network.name`", "put the real name in `network.name`"))]
