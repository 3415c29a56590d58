"""Load errors: exact messages, with line and column, for each kind of malformed input."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from oncocheck.run.decide import choose
from oncocheck.run.file import check_file
from oncocheck.report import Verdict

HEAD = "format: 1\nnetwork:\n  name: Netwerk\n"
OPTIONS = choose(None, date(2026, 11, 23), date(2026, 11, 23))

# (id, file text, path, line, column, English message, Dutch message fragment)
CASES = [
    ("unknown-discipline-suggests",
     HEAD + "members:\n  - name: A\n    discipline: dietis\n",
     "members[0].discipline", 6, 17,
     "member 1, 'A': unknown discipline 'dietis'; did you mean 'diëtist'? (every discipline: "
     "`oncocheck disciplines`)",
     "lid 1, 'A': onbekende discipline 'dietis'; bedoelt u 'diëtist'? (alle disciplines: "
     "`oncocheck disciplines`)"),
    ("unknown-discipline-spaced",
     HEAD + "members:\n  - name: A\n    discipline: fysio therapeut\n",
     "members[0].discipline", 6, 17,
     "member 1, 'A': unknown discipline 'fysio therapeut'; did you mean 'fysiotherapeut'? "
     "(every discipline: `oncocheck disciplines`)",
     "bedoelt u"),
    ("unknown-key-suggests",
     HEAD + "  websit: https://x.nl\n", "network.websit", 4, 3,
     "unknown key 'websit'; did you mean 'website'?", "onbekende sleutel 'websit'"),
    ("unknown-top-level-key",
     HEAD + "member:\n  - name: A\n", "member", 4, 1,
     "unknown key 'member'; did you mean 'members'?", "bedoelt u 'members'?"),
    ("unknown-key-in-member",
     HEAD + "members:\n  - name: A\n    discipline: dietist\n    organisatie: X\n",
     "members[0].organisatie", 7, 5,
     "member 1, 'A': unknown key 'organisatie'; did you mean 'organisation'?", "onbekende sleutel"),
    ("duplicate-key-names-both-lines",
     HEAD + "  website: https://a.nl\n  website: https://b.nl\n", "network.website", 5, 3,
     "duplicate key 'website' (first on line 4)", "dubbele sleutel 'website' (eerder op regel 4)"),
    ("duplicate-top-level-key",
     HEAD + "network:\n  name: B\n", "network", 4, 1,
     "duplicate key 'network' (first on line 2)", "dubbele sleutel"),
    ("python-tag-rejected",
     HEAD + "  website: !!python/object/apply:os.system [ls]\n", "network.website", 4, 12,
     "the YAML tag '!!python/object/apply:os.system' is not allowed; remove it", "niet toegestaan"),
    ("custom-tag-rejected",
     HEAD + "  website: !url https://x.nl\n", "network.website", 4, 12,
     "the YAML tag '!url' is not allowed; remove it", "YAML-tag '!url'"),
    ("tag-on-a-member-value",
     HEAD + "members:\n  - name: !!binary QQ==\n    discipline: dietist\n", "members[0].name",
     5, 11, "the YAML tag '!!binary' is not allowed; remove it", "niet toegestaan"),
    ("tag-on-a-list-item",
     HEAD + "  gp_contacts:\n    - !contact {name: X}\n", "network.gp_contacts[0]", 5, 7,
     "the YAML tag '!contact' is not allowed; remove it", "niet toegestaan"),
    ("unknown-anchor-names-the-value",
     HEAD + "  website: *adres\n", "network.website", 4, 12,
     "unknown anchor '*adres'; if the value starts with a *, put it in quotes", "onbekend anker"),
    ("control-character-names-the-value",
     HEAD + "  phone: \"036\\e[2J\"\n", "network.phone", 4, 10,
     "an invisible control character (U+001B) in the text; remove it; between double quotes a "
     "backslash (\\) makes one: put the value in single quotes or write / instead of \\",
     "stuurteken"),
    ("merge-key-rejected",
     HEAD + "  <<: {website: https://x.nl}\n", "network", 4, 3,
     "merge keys (`<<`) are not supported; write the keys out in full", "samenvoegsleutels"),
    ("syntax-error",
     HEAD + "  website: [https://x.nl\n", "network.website", 4, 12,
     "YAML syntax error: the list that starts here with '[' is not closed properly: separate "
     "the values with commas and end it with ']' (oncocheck got stuck at line 5, column 1)",
     "YAML-syntaxfout: de lijst die hier met '[' begint"),
    ("tab-indentation",
     HEAD + "\twebsite: https://x.nl\n", "network", 4, 1,
     "YAML syntax error: there is a tab here; indent with spaces, not tabs (replace the tab with "
     "as many spaces as the lines above use)", "geen tabs"),
    ("wrong-type-list-for-text",
     HEAD + "  website_updated: [2026]\n", "network.website_updated", 4, 20,
     "expected a date (YYYY-MM-DD)", "verwacht een datum"),
    ("impossible-date",
     HEAD + "  website_updated: 2024-02-30\n", "network.website_updated", 4, 20,
     "'2024-02-30' is not a real date", "geen bestaande datum"),
    ("date-in-wrong-format",
     HEAD + "  website_updated: 1-9-2026\n", "network.website_updated", 4, 20,
     "expected a date as YYYY-MM-DD, not '1-9-2026'; did you mean 2026-09-01?", "JJJJ-MM-DD"),
    ("bad-boolean",
     HEAD + "  non_profit: misschien\n", "network.non_profit", 4, 15,
     "expected true or false (or ja/nee), not 'misschien'", "verwacht ja of nee"),
    ("bad-url",
     HEAD + "  website: www.x.nl\n", "network.website", 4, 12,
     "expected an address starting with https://, not 'www.x.nl'; did you mean "
     "'https://www.x.nl'?", "https://"),
    ("bad-email",
     HEAD + "  contact_point: {name: J, email: jbakker}\n", "network.contact_point.email", 4, 35,
     "expected an e-mail address, not 'jbakker'", "e-mailadres"),
    ("bad-postcode",
     HEAD + "members:\n  - {name: A, discipline: dietist, postcode: 131}\n",
     "members[0].postcode", 5, 46,
     "member 1, 'A': expected a postcode like 1311 or 1311 AB, not '131'", "postcode"),
    ("postcode-suggests-the-fixed-form",
     HEAD + "members:\n  - {name: P. de Boer, discipline: dietist, postcode: 1311-AB}\n",
     "members[0].postcode", 5, 55, "member 1, 'P. de Boer': expected a postcode like 1311 or "
     "1311 AB, not '1311-AB'; did you mean '1311 AB'?", "bedoelt u '1311 AB'?"),
    ("network-postcode-suggests",
     HEAD + "  area:\n    postcodes: ['1311 - ab']\n", "network.area.postcodes[0]", 5, 17,
     "expected a postcode like 1311 or 1311 AB, not '1311 - ab'; did you mean '1311 AB'?",
     "bedoelt u '1311 AB'?"),
    ("postcode-in-other-digits",
     HEAD + "  area:\n    postcodes: ['١٣١١']\n", "network.area.postcodes[0]", 5, 17,
     "expected a postcode like 1311 or 1311 AB, not '١٣١١'", "postcode"),
    ("unknown-scope-suggests",
     HEAD + "  area: {scope: provincia}\n", "network.area.scope", 4, 17,
     "'provincia' is not a valid value (choose from: wijk, gemeente, regio, provincie, "
     "landelijk); did you mean 'provincie'?", "bedoelt u 'provincie'?"),
    ("unknown-legal-form",
     HEAD + "  legal_form: B.V.\n", "network.legal_form", 4, 15,
     "'B.V.' is not a valid value (choose from: stichting, vereniging, cooperatie, informeel, "
     "bv, vof, maatschap, eenmanszaak, anders); did you mean 'bv'?", "geen geldige waarde"),
    ("anders-needs-discipline-other",
     HEAD + "members:\n  - name: A\n    discipline: anders\n", "members[0]", 5, 5,
     "member 1, 'A': discipline 'anders' needs `discipline_other` naming the profession",
     "lid 1, 'A': bij discipline 'anders'"),
    ("missing-network-name",
     "format: 1\nnetwork:\n  website: https://x.nl\n", "network.name", 2, 1,
     "required key 'name' is missing; add it", "verplichte sleutel 'name' ontbreekt"),
    ("missing-network",
     "format: 1\n", "network", 1, 1, "required key 'network' is missing; add it", "ontbreekt"),
    ("empty-name",
     "format: 1\nnetwork:\n  name: ''\n", "network.name", 3, 9,
     "expected something that is not empty, not an empty value", "niet leeg"),
    ("unsupported-format",
     "format: 2\nnetwork:\n  name: N\n", "format", 1, 9,
     "format '2' is not supported; this version of oncocheck reads format 1", "leest format 1"),
    ("members-not-a-list",
     HEAD + "members: A. de Vries\n", "members", 4, 10,
     "expected a list (lines starting '- '), not 'A. de Vries'", "verwacht een lijst"),
    ("top-level-list",
     "- format: 1\n", "", 1, 1,
     "the file must hold keys with values (key: value), not a list", "sleutel: waarde"),
    ("empty-file", "", "", 1, 1,
     "the file must hold keys with values (key: value), not an empty value", "sleutel: waarde"),
    ("two-documents",
     HEAD + "---\nformat: 1\n", "", 4, 1,
     "the file holds more than one YAML document (`---`)", "meer dan één"),
    ("unknown-criteria-pin",
     "format: 1\ncriteria: loppsoz@2019\nnetwork:\n  name: N\n", "criteria", 2, 11,
     "unknown criteria version 'loppsoz@2019'; this must be a bundled version (known: "
     "loppsoz@2021, loppsoz@2024); did you mean 'loppsoz@2021'?", "onbekende criteriaversie"),
    ("criteria-pin-is-a-path",
     "format: 1\ncriteria: ../regels.yaml\nnetwork:\n  name: N\n", "criteria", 2, 11,
     "`criteria:` cannot name a rule file ('../regels.yaml'): a file does not choose its own "
     "rules; name a bundled version (loppsoz@2021, loppsoz@2024) or leave the key out",
     "kan geen regelbestand noemen"),
    ("submitted-not-a-date",
     "format: 1\nsubmitted: 1-11-2023\nnetwork:\n  name: N\n", "submitted", 2, 12,
     "expected a date as YYYY-MM-DD, not '1-11-2023'; did you mean 2023-11-01?",
     "verwacht een datum als JJJJ-MM-DD"),
    ("latin-1-bytes", None, "", 3, 11,
     "the file is not saved as UTF-8: line 3, column 11 holds the byte 0xeb, in Windows-1252 "
     "'ë' (the line: 'name: Diëtist'); save the file as UTF-8: in Notepad with File → Save As "
     "→ Encoding: UTF-8; in Word with File → Save As → Plain Text (*.txt) → Other encoding: "
     "Unicode (UTF-8), and keep the name ending in .yaml",
     "op regel 3, kolom 11 staat de byte 0xeb, in Windows-1252 'ë'"),
]


@pytest.mark.parametrize(("text", "path", "line", "column", "english", "dutch"),
                         [pytest.param(*c[1:], id=c[0]) for c in CASES])
def test_load_error(tmp_path: Path, text: str | None, path: str, line: int, column: int,
                    english: str, dutch: str) -> None:
    target = tmp_path / "netwerk.yaml"
    if text is None:
        target.write_bytes((HEAD.replace("Netwerk", "Di\xebtist")).encode("latin-1"))
    else:
        target.write_text(text, encoding="utf-8")

    result = check_file(target, "netwerk.yaml", [OPTIONS])[0]

    assert result.verdict is Verdict.INVALID
    error = result.errors[0]
    assert (error.path, error.line, error.column) == (path, line, column)
    assert error.message.en == english
    assert dutch in error.message.nl


def test_every_problem_is_reported_not_just_the_first(tmp_path: Path) -> None:
    target = tmp_path / "netwerk.yaml"
    target.write_text(HEAD + "  websit: x\nmembers:\n  - {name: A, discipline: dietis}\n")
    result = check_file(target, "netwerk.yaml", [OPTIONS])[0]
    assert {e.path for e in result.errors} == {"network.websit", "members[0].discipline"}


@pytest.mark.parametrize("text", ["phone: 0612345670", "phone: 036 123 4567"])
def test_phone_keeps_leading_zero(tmp_path: Path, text: str) -> None:
    target = tmp_path / "netwerk.yaml"
    target.write_text(HEAD + f"  contact_point:\n    name: J\n    {text}\n")
    result = check_file(target, "netwerk.yaml", [OPTIONS])[0]
    finding = next(f for f in result.findings if f.criterion == "10")
    assert finding.observed["phone"] == text.split(": ")[1]


def test_bare_number_postcode_is_text_and_ja_nee_are_booleans(tmp_path: Path) -> None:
    target = tmp_path / "netwerk.yaml"
    target.write_text(HEAD + "  website_lists_verwijsgids_members: Ja\nmembers:\n"
                      "  - {name: A, discipline: Diëtist, postcode: 1311, verwijsgids: nee}\n")
    result = check_file(target, "netwerk.yaml", [OPTIONS])[0]
    assert result.verdict is not Verdict.INVALID, result.errors
    assert result.members[0].verwijsgids is False
    assert result.members[0].discipline == "dietist"
    assert next(f for f in result.findings if f.criterion == "2b").status.value == "met"


def test_utf8_bom_and_crlf_are_accepted(tmp_path: Path) -> None:
    target = tmp_path / "netwerk.yaml"
    target.write_bytes(b"\xef\xbb\xbf" + HEAD.replace("\n", "\r\n").encode())
    assert check_file(target, "netwerk.yaml", [OPTIONS])[0].verdict is Verdict.NOT_COMPLIANT


def test_alias_bomb_is_stopped(tmp_path: Path) -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i, name in enumerate("bcdefghij"):
        prev = "abcdefghij"[i]
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    target = tmp_path / "bomb.yaml"
    target.write_text("\n".join(lines) + "\n")
    result = check_file(target, "bomb.yaml", [OPTIONS])[0]
    assert result.verdict is Verdict.INVALID
    assert "counting aliases" in result.errors[0].message.en


def test_closed_lists_match_any_case_and_accents_and_keep_the_canonical_word(
        tmp_path: Path) -> None:
    target = tmp_path / "netwerk.yaml"
    target.write_text(HEAD + "  status: In Oprichting\n  legal_form: Coöperatie\n"
                      "  area: {scope: GEMEENTE}\n", encoding="utf-8")
    result = check_file(target, "netwerk.yaml", [OPTIONS])[0]
    assert result.verdict is not Verdict.INVALID, result.errors
    five = next(f for f in result.findings if f.criterion == "5")
    six = next(f for f in result.findings if f.criterion == "6")
    assert five.observed["legal_form"] == "cooperatie" and six.observed["scope"] == "gemeente"


def test_the_declared_criteria_version_matches_any_case(tmp_path: Path) -> None:
    target = tmp_path / "netwerk.yaml"
    target.write_text(HEAD.replace("format: 1\n", "format: 1\ncriteria: LOPPSOZ@2024\n", 1),
                      encoding="utf-8")
    result = check_file(target, "netwerk.yaml", [OPTIONS])[0]
    assert result.verdict is not Verdict.INVALID, result.errors
