"""A hand-built report for renderer tests: one compliant file, one not compliant, one invalid.

Renderers are tested on this report, never on the checker's output, so a renderer test fails
only when the renderer changes.
"""

from __future__ import annotations

import hashlib
from datetime import date

from oncocheck.report import (
    CriteriaRef, CriteriaSetInfo, CriterionInfo, FileResult, Finding, InputFile, LoadError,
    Location, MemberRow, PlanItem, Report, Role, Severity, Status, Text, Verdict,
)

LOPPSOZ_2024 = CriteriaRef("loppsoz", "2024", date(2024, 2, 6))
SRC = "https://oncologiezorgnetwerken.nl/kwaliteitscriteria-en-toetsing/"


def _info(cid: str, nl: str, en: str, check: str) -> CriterionInfo:
    number = cid.rstrip("ab")
    return CriterionInfo(
        id=cid, number=number, title=Text(nl, en), text=Text(f"Tekst {cid}.", f"Text {cid}."),
        severity=Severity.ERROR, source=SRC,
        remediation=Text(f"Herstel {cid}.", f"Fix {cid}."), check=check,
    )


CRITERIA = (
    _info("1a", "Multidisciplinair", "Multidisciplinary", "distinct_disciplines"),
    _info("1b", "Fysio, diëtist, psychosociaal", "Physio, dietitian, psychosocial",
          "required_disciplines"),
    _info("2a", "Verwijsgids (60%)", "Verwijsgids (60%)", "verwijsgids_share"),
    _info("2b", "Website toont Verwijsgids", "Website shows Verwijsgids", "declaration"),
    _info("3", "Deelname-afspraken", "Participation agreements", "documented"),
    _info("4", "Visie", "Vision", "documented"),
    _info("5", "Geen winstoogmerk", "Not for profit", "non_profit"),
    _info("6", "Lokaal", "Local", "area_scope"),
    _info("7", "Actuele website", "Up-to-date website", "website_current"),
    _info("8", "Ziekenhuis", "Hospital", "structural_contacts"),
    _info("9", "Huisarts", "GP", "structural_contacts"),
    _info("10", "Aanspreekpunt", "Contact point", "contact_point"),
)
SET_2024 = CriteriaSetInfo(LOPPSOZ_2024, Text("LOPPSOZ 2024", "LOPPSOZ 2024"), CRITERIA)


def _finding(info: CriterionInfo, status: Status, line: int, **extra: object) -> Finding:
    msg = extra.pop("message", None) or Text(f"{info.id} is {status}", f"{info.id} is {status}")
    return Finding(
        criterion=info.id, severity=info.severity, status=status, title=info.title,
        message=msg, location=Location("network", line, 1),
        remediation=None if status is Status.MET else info.remediation, check=info.check,
        **extra,
    )


def _members(file_line: int) -> tuple[MemberRow, ...]:
    return (
        MemberRow("A. de Vries", "Oncologiefysiotherapeut", "fysiotherapeut",
                  Text("fysiotherapeut", "physiotherapist"), "Fysio Noord", True, None,
                  Location("members[0]", file_line, 5)),
        MemberRow("C. Jansen", "logopedist", "logopedist", Text("logopedist", "speech therapist"),
                  None, False,
                  Text("beroep niet bevestigd in de Verwijsgids",
                       "profession not confirmed in the Verwijsgids"),
                  Location("members[1]", file_line + 4, 5)),
    )


def _digest(path: str, role: Role, size: int | None) -> InputFile:
    """A made-up digest (the SHA-256 of the path), or none for a document not read."""
    if size is None:
        return InputFile(path, role, None, None)
    return InputFile(path, role, hashlib.sha256(path.encode()).hexdigest(), size)


def sample_report(hostile: str | None = None) -> Report:
    """The sample report; `hostile` replaces the second network's name and note."""
    share = Text(
        "7/11 = 63,6% van de leden van Verwijsgids-beroepen staat vermeld (minstens 60% vereist)",
        "7/11 = 63.6% of members of Verwijsgids professions are listed (at least 60% required)",
    )
    line = Text("7/11 = 63,6% (≥ 60%)", "7/11 = 63.6% (≥ 60%)")  # as the share kind words it
    good = tuple(
        _finding(c, Status.MET, 10 + i, message=share if c.id == "2a" else None,
                 observed={"listed": 7, "eligible": 11, "share": 0.636, "threshold": 0.6}
                 if c.id == "2a" else {},
                 working=(("share", line),) if c.id == "2a" else ())
        for i, c in enumerate(CRITERIA)
    )
    name2 = hostile or "Netwerk Zuid"
    bad = []
    for i, c in enumerate(CRITERIA):
        status = {"1b": Status.NOT_MET, "7": Status.MISSING}.get(c.id, Status.MET)
        extra: dict = {}
        if c.id == "1b":
            extra = {"observed": {"missing": ["dietist"]}, "note": hostile or "Diëtist volgt",
                     "plan": (PlanItem("1b", "Een diëtist werven", "J. Bakker",
                                       date(2027, 3, 1)),),
                     "message": Text("ontbreekt: diëtist", "missing: dietitian")}
        if c.id == "7":
            extra = {"message": Text("voeg `network.website_updated` toe",
                                     "add `network.website_updated`")}
        bad.append(_finding(c, status, 20 + i, **extra))
    bad.append(Finding("duplicate-member", Severity.WARNING, Status.NOT_MET,
                       Text("Dubbel lid", "Duplicate member"),
                       Text("lid 2 en lid 5 hebben dezelfde naam en discipline",
                            "members 2 and 5 have the same name and discipline"),
                       location=Location("members[4]", 60, 5)))
    return Report(
        tool_version="0.1.0", as_of=date(2026, 11, 23), criteria=LOPPSOZ_2024,
        criteria_sets=(SET_2024,),
        results=(
            FileResult("examples/compliant/voorbeeldstad.yaml", Verdict.COMPLIANT,
                       "Oncologiezorgnetwerk Voorbeeldstad", LOPPSOZ_2024, (), good,
                       _members(31), as_of=date(2026, 11, 23), inputs=(
                           _digest("examples/compliant/voorbeeldstad.yaml", Role.NETWORK, 2634),
                           _digest("examples/compliant/docs/visie-2025.md", Role.DOCUMENT,
                                   199))),
            FileResult("examples/not-compliant/zuid.yaml", Verdict.NOT_COMPLIANT, name2,
                       LOPPSOZ_2024, (), tuple(bad), _members(40), as_of=date(2026, 11, 23),
                       inputs=(_digest("examples/not-compliant/zuid.yaml", Role.NETWORK, 1800),
                               _digest("examples/not-compliant/leden.xlsx", Role.MEMBERS, 9120),
                               _digest("examples/not-compliant/scan.pdf", Role.DOCUMENT,
                                       None))),
            FileResult("examples/invalid/typo.yaml", Verdict.INVALID, None, None,
                       (LoadError(Text("onbekende discipline 'dietis'; bedoelt u 'diëtist'?",
                                       "unknown discipline 'dietis'; did you mean 'diëtist'?"),
                                  "members[2].discipline", 40, 17),),
                       inputs=(_digest("examples/invalid/typo.yaml", Role.NETWORK, 2489),)),
        ),
    )
