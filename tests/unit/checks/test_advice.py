"""Advice that works (cli.md "Words and numbers for people"): for every `not_met` and `missing`
case of tests/cases/criteria.yaml, doing what the finding's advice says turns it `met`.

Each advice is read by `ADVICE` below: a pattern of the English text, the keys and values the
advice must name in both languages, and the edit of the network file that follows it to the
letter. An advice no entry reads fails the test, as does one whose edit leaves the criterion
anything but `met` (a BV told to declare `non_profit: true`, which it already did).
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
import yaml

from oncocheck.report import Finding
from oncocheck.rules.bundled import vocabulary
from oncocheck.run.decide import choose
from oncocheck.run.file import check_file
from test_criteria_cases import AS_OF, CASES, VERSIONS, _network_file

Data = dict[str, Any]
Edit = Callable[[Data, re.Match[str], Finding, Path], None]
VOCABULARY = vocabulary()


def _set(path: str, value: Any) -> Edit:
    """Set `network.a.b` to `value`, making the mappings on the way."""
    def edit(data: Data, _m: re.Match[str], _f: Finding, _d: Path) -> None:
        *parents, last = path.split(".")
        node = data
        for key in ["network", *parents[1:]]:
            if not isinstance(node.get(key), dict):
                node[key] = {}
            node = node[key]
        node[last] = value
    return edit


def _new_disciplines(data: Data, match: re.Match[str], _f: Finding, _d: Path) -> None:
    """`add members of N more disciplines`: N members of counting disciplines not yet there."""
    present = {VOCABULARY.resolve(m["discipline"]).id for m in data["members"]}
    fresh = [d.id for d in VOCABULARY.disciplines if d.counts and d.id not in present
             and d.id != "anders"]
    data["members"] += [{"name": f"Nieuw {i}", "discipline": d}
                        for i, d in enumerate(fresh[:int(match[1])])]


def _missing_groups(data: Data, _m: re.Match[str], finding: Finding, _d: Path) -> None:
    """`add as a member: a dietitian`: one member of each group the advice names."""
    for group in finding.observed["missing"]:
        first = VOCABULARY.resolve(group.split(" / ")[0])
        assert first.label.en in finding.remediation.en, (first.label.en, finding.remediation)
        assert first.label.nl in finding.remediation.nl, (first.label.nl, finding.remediation)
        data["members"].append({"name": f"Nieuw {first.id}", "discipline": first.id})


def _list_more(data: Data, match: re.Match[str], _f: Finding, _d: Path) -> None:
    """`ask N more members to register`: N unlisted members of Verwijsgids professions."""
    unlisted = [m for m in data["members"] if not m.get("verwijsgids")
                and VOCABULARY.resolve(m["discipline"]).verwijsgids == "yes"]
    for member in unlisted[:int(match[1])]:
        member["verwijsgids"] = True


def _add_listed(data: Data, _m: re.Match[str], _f: Finding, _d: Path) -> None:
    """`add members of professions in the Verwijsgids Kanker, with verwijsgids: true`."""
    data["members"].append({"name": "Nieuw", "discipline": "fysiotherapeut", "verwijsgids": True})


def _put_document(data: Data, match: re.Match[str], _f: Finding, folder: Path) -> None:
    """`put the document as a regular file at X`."""
    (folder / match[1]).parent.mkdir(parents=True, exist_ok=True)
    (folder / match[1]).write_text("%PDF-1.4", encoding="utf-8")


def _add_contact(key: str) -> Edit:
    """`list them in network.<key> with structural: true` (also to an empty or absent list)."""
    def edit(data: Data, _m: re.Match[str], _f: Finding, _d: Path) -> None:
        data["network"][key] = [*(data["network"].get(key) or []),
                                {"name": "Nieuw contact", "structural": True}]
    return edit


def _updated(data: Data, match: re.Match[str], _f: Finding, _d: Path) -> None:
    """`add the date the website was updated, at most N days before the as-of date`: N days."""
    data["network"]["website_updated"] = AS_OF - timedelta(days=int(match[1]))


def _both(*edits: Edit) -> Edit:
    def edit(data: Data, match: re.Match[str], finding: Finding, folder: Path) -> None:
        for one in edits:
            one(data, match, finding, folder)
    return edit


TODAY = AS_OF.isoformat()
POINT = {"name": "J. Bakker", "email": "info@x.nl"}
#: (pattern of the English advice, what both languages must name, the edit that follows it).
ADVICE: list[tuple[str, list[str], Edit]] = [
    (r"add members of (\d+) more disciplines? \(`discipline`\)", ["`discipline`"],
     _new_disciplines),
    (r"^add as a member: ", [], _missing_groups),
    (r"^ask (\d+) more members? to register", ["`verwijsgids:"], _list_more),
    (r"^add members of professions in the Verwijsgids Kanker, with `verwijsgids: true`",
     ["`verwijsgids:"], _add_listed),
    (r"set `network.website_lists_verwijsgids_members` to `true`",
     ["`network.website_lists_verwijsgids_members`"],
     _set("network.website_lists_verwijsgids_members", True)),
    (r"^say with true or false whether the website",
     ["`network.website_lists_verwijsgids_members`"],
     _set("network.website_lists_verwijsgids_members", True)),
    (r"^put the document as a regular file at (\S+) ", [], _put_document),
    (r"^(add|fill in) .*a description \(`description`\)$", ["`network.participation_agreement`",
     "`description`"], _set("network.participation_agreement", {"description": "Vier keer."})),
    (r"^fill in .*a description \(`network.participation_agreement`\)$",
     ["`network.participation_agreement`"],
     _set("network.participation_agreement.description", "Vier keer per jaar.")),
    (r"^add the vision or objective .* a summary \(`summary`\)$", ["`network.vision`",
     "`summary`"], _set("network.vision", {"summary": "Goede zorg dichtbij."})),
    (r"^set `network.non_profit` to `true` if", ["`network.non_profit`"],
     _set("network.non_profit", True)),
    (r"^change the legal form \(with legal form \w+ this cannot be met.*`stichting` or "
     r"`vereniging`$",
     ["`network.legal_form`", "`stichting`"], _set("network.legal_form", "stichting")),
    (r"^change the legal form \(with legal form \w+ this cannot be met.*`stichting` or "
     r"`vereniging`, and set "
     r"`network.non_profit` to `true`$", ["`network.legal_form`", "`stichting`"],
     _both(_set("network.legal_form", "stichting"), _set("network.non_profit", True))),
    (r"^say with true or false whether the network is not for profit",
     ["`network.non_profit`"], _set("network.non_profit", True)),
    (r"`network.area.scope`.*\(?wijk, gemeente or regio", ["`network.area.scope`", "gemeente"],
     _set("network.area.scope", "gemeente")),
    (r"^update the website and put the new date in `network.website_updated`$",
     ["`network.website_updated`"], _set("network.website_updated", TODAY)),
    (r"^add the website \(`network.website`\)$", ["`network.website`"],
     _set("network.website", "https://example.invalid")),
    (r"^add the date the website was updated \(`network.website_updated`\), at most (\d+) days "
     r"before the as-of date$", ["`network.website_updated`"], _updated),
    (r"^add the website \(`network.website`\) and add the date the website was updated "
     r"\(`network.website_updated`\), at most (\d+) days before", ["`network.website`",
     "`network.website_updated`"], _both(_set("network.website", "https://x.invalid"), _updated)),
    (r"list them in `network.hospital_contacts` with `structural: true`|^add the hospital "
     r"contacts .*at least one with `structural: true`$", ["`network.hospital_contacts`",
     "`structural:"], _add_contact("hospital_contacts")),
    (r"list them in `network.gp_contacts` with `structural: true`|^add the GP "
     r"contacts .*at least one with `structural: true`$", ["`network.gp_contacts`",
     "`structural:"], _add_contact("gp_contacts")),
    (r"^add the contact point's name \(`network.contact_point.name`\)$",
     ["`network.contact_point.name`"], _set("network.contact_point.name", "J. Bakker")),
    (r"^add an e-mail address \(`network.contact_point.email`\)", ["`network.contact_point.email`"],
     _set("network.contact_point.email", "info@x.nl")),
    (r"^add the contact point \(`network.contact_point`\), with a name \(`name`\) and an "
     r"e-mail address \(`email`\)", ["`network.contact_point`", "`name`", "`email`"],
     _set("network.contact_point", POINT)),
]


#: The verbs an advice starts with: it is said to the coordinator, in the imperative.
IMPERATIVE = {
    "nl": {"neem", "vraag", "zet", "geef", "maak", "voeg", "beschrijf", "werk", "vul", "verander",
           "vermeld", "werf", "leg", "schrijf"},
    "en": {"add", "ask", "put", "set", "say", "make", "describe", "update", "fill", "change",
           "list", "recruit", "record", "write", "include", "show"}}


def _check(case: dict, data: Data, version: str, folder: Path) -> Finding:
    path = folder / "netwerk.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    result = check_file(path, "netwerk.yaml", [choose(version, AS_OF, AS_OF)])[0]
    assert not result.errors, result.errors
    return next(f for f in result.findings if f.criterion == str(case["expect"]["criterion"]))


def _params():
    for case in CASES:
        if case["expect"]["status"] != "met":
            for version in case.get("versions", VERSIONS):
                yield pytest.param(case, version, id=f"{case['id']}@{version.split('@')[1]}")


@pytest.mark.parametrize(("case", "version"), list(_params()))
def test_following_the_advice_meets_the_criterion(case: dict, version: str,
                                                  tmp_path: Path) -> None:
    for name, content in (case.get("files") or {}).items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(content, encoding="utf-8")
    data = copy.deepcopy(_network_file(case))  # the edits below must not reach CASES
    finding = _check(case, data, version, tmp_path)
    assert finding.status.value == case["expect"]["status"]
    advice = finding.remediation
    readings = [(m, named, edit) for pattern, named, edit in ADVICE
                if (m := re.search(pattern, advice.en))]
    assert len(readings) == 1, f"{len(readings)} readings of the advice: {advice.en}"
    for lang, verbs in IMPERATIVE.items():  # one voice: every advice says what to do
        assert advice.get(lang).split()[0].lower() in verbs, advice.get(lang)
    match, named, edit = readings[0]
    for word in named:  # the field and value the edit writes, named in both languages
        assert word in advice.en and word.replace("true", "ja") in advice.nl, (word, advice)
    edit(data, match, finding, tmp_path)
    after = _check(case, data, version, tmp_path)
    assert after.status.value == "met", f"followed {advice.en!r}: {after.message.en}"

