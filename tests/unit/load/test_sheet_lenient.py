"""Members spreadsheets as coordinators keep them load: extra columns, title rows above the
column names, the members on another tab (`members_sheet:` or the first tab with column names),
a CSV saved by Excel as Windows-1252. Each case in .csv and .xlsx where both exist; the
spreadsheets are made here (no binary fixtures)."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
import yaml
from one_command import CliRunner

from oncocheck.cli.app import app
from oncocheck.load.sheets import read_sheet
from paths import CASES
from sheets import write_sheets

BASE = yaml.safe_load((CASES / "base.yaml").read_text("utf-8"))
MEMBERS = [["P. de Boer", "fysiotherapeut"], ["B. El Amrani", "diëtist"]]


def spreadsheet(folder: Path, kind: str, rows: list[list[object]]) -> Path:
    """`rows` as leden.csv (`;`, UTF-8) or as the one sheet 'Leden' of leden.xlsx."""
    if kind == "xlsx":
        return write_sheets(folder / "leden.xlsx", {"Leden": rows})
    path = folder / "leden.csv"
    path.write_text("".join(";".join("" if c is None else str(c) for c in row) + "\n"
                            for row in rows), encoding="utf-8")
    return path


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_extra_columns_are_skipped_and_only_unknown_ones_listed(tmp_path: Path, kind: str
                                                                ) -> None:
    header = ["Naam", "Telefoon", "E-mail", "Discipline", "Website", "AGB-code", "BIG",
              "Opmerking", "Organsatie"]
    rows = [header, ["P. de Boer", "0612345678", "p@x.nl", "fysiotherapeut", "www.x.nl", "1",
                     "2", "vaste", "Fysio Noord"]]
    sheet = read_sheet(spreadsheet(tmp_path, kind, rows), f"leden.{kind}")
    assert sheet.errors == []
    assert sheet.members == [{"name": "P. de Boer", "discipline": "fysiotherapeut"}]
    [notice] = sheet.notices
    assert notice.id == "members-file-columns"
    assert notice.observed == {"columns": ["Opmerking", "Organsatie"]}
    assert (notice.location.line, notice.location.column) == (1, 8)
    assert "'Opmerking' (kolom H)" in notice.message.nl
    assert "'Organsatie' (kolom I, bedoelt u 'organisatie'?)" in notice.message.nl
    assert "'Organsatie' (column I, did you mean 'organisation'?)" in notice.message.en
    assert "Telefoon" not in notice.message.nl and "AGB" not in notice.message.nl


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_no_notice_when_the_only_extra_columns_are_the_usual_ones(tmp_path: Path, kind: str
                                                                  ) -> None:
    rows = [["naam", "e_mail", "discipline", "telefoonnummer", "BIG-nummer"],
            ["P. de Boer", "p@x.nl", "fysiotherapeut", "06", "1"]]
    sheet = read_sheet(spreadsheet(tmp_path, kind, rows), f"leden.{kind}")
    assert (sheet.errors, sheet.notices) == ([], [])
    assert sheet.members == [{"name": "P. de Boer", "discipline": "fysiotherapeut"}]


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_title_rows_above_the_header_are_read_past_without_a_warning(tmp_path: Path, kind: str
                                                                     ) -> None:
    """An ordinary Excel layout (a title, a date, then the column names) is what the format
    allows: no warning that repeats on every run and counts under --strict (issue 24.16)."""
    rows = [["Ledenlijst OZN Voorbeeldstad"], [None], ["Bijgewerkt op 1 november"],
            ["Naam", "Discipline"], *MEMBERS]
    sheet = read_sheet(spreadsheet(tmp_path, kind, rows), f"leden.{kind}")
    assert sheet.errors == [] and [m["name"] for m in sheet.members] == ["P. de Boer",
                                                                         "B. El Amrani"]
    assert [r.line for r in sheet.rows] == [5, 6]  # rows keep their numbers in the file
    assert sheet.notices == []


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_a_header_below_the_first_ten_rows_is_not_looked_for(tmp_path: Path, kind: str) -> None:
    rows = [[f"titel {n}"] for n in range(10)] + [["Naam", "Discipline"], *MEMBERS]
    [error] = read_sheet(spreadsheet(tmp_path, kind, rows), f"leden.{kind}").errors
    assert "in de eerste 10 rijen" in error.message.nl and "'naam'" in error.message.nl
    assert "none of the first 10 rows" in error.message.en


def test_the_first_sheet_with_a_header_is_read_and_named(tmp_path: Path) -> None:
    path = write_sheets(tmp_path / "leden.xlsx", {
        "Uitleg": [["Op het tweede blad staan de leden"]],
        "Leden": [["Naam", "Discipline"], *MEMBERS, ["C", "fysio therapeut"]],
        "Oud": [["Naam", "Discipline"], ["Z", "huisarts"]]})
    sheet = read_sheet(path, "leden.xlsx")
    assert sheet.title == "Leden" and len(sheet.members) == 3
    [notice] = sheet.notices
    assert notice.id == "members-file-sheet" and notice.observed["sheet"] == "Leden"
    assert "gelezen is blad 'Leden'" in notice.message.nl and "'Uitleg'" in notice.message.nl
    assert "members_sheet: Leden" in notice.remediation.nl


@pytest.mark.parametrize("named", ["Oud", "oud", " OUD"])
def test_members_sheet_chooses_the_sheet_in_any_case(tmp_path: Path, named: str) -> None:
    path = write_sheets(tmp_path / "leden.xlsx", {
        "Leden": [["Naam", "Discipline"], *MEMBERS],
        "Oud": [["Ledenlijst 2025"], ["Naam", "Discipline"], ["Z", "huisarts"]]})
    sheet = read_sheet(path, "leden.xlsx", wanted=named.strip())
    assert sheet.errors == [] and sheet.members == [{"name": "Z", "discipline": "huisarts"}]
    assert sheet.notices == []  # its title row is read past without a word


def test_a_members_sheet_that_is_not_there_lists_the_sheets(tmp_path: Path) -> None:
    path = write_sheets(tmp_path / "leden.xlsx", {"Leden": [["Naam", "Discipline"], *MEMBERS],
                                              "Oud": [["Naam", "Discipline"]]})
    [error] = read_sheet(path, "leden.xlsx", wanted="Ledne").errors
    assert error.path == "members_sheet"
    assert "blad 'Ledne' staat niet in leden.xlsx (de bladen: 'Leden', 'Oud')" in \
        error.message.nl
    assert "'Leden'?" in error.message.nl


def network(folder: Path, members_file: str, **extra: str) -> Path:
    data = copy.deepcopy(BASE)
    data["members"] = data["members"][:1]
    data.update(members_file=members_file, **extra)
    path = folder / "netwerk.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def run(folder: Path, *options: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["check", str(folder / "netwerk.yaml"), "--as-of",
                                      "2026-11-23", *options])
    assert "Traceback" not in result.output
    return result.exit_code, result.output


def test_a_coordinators_workbook_loads_with_its_warnings_in_the_report(tmp_path: Path) -> None:
    """Title rows, extra columns and the members on the second tab together: the network is
    judged (not invalid) and the report says what was skipped."""
    rows = [["Ledenlijst"], ["Naam", "Telefoon", "Discipline", "Verwijsgids", "Opmerking"],
            ["B", "06", "diëtist", "ja", "x"], ["C", None, "psycholoog", "ja", None],
            ["D", None, "ergotherapeut", "nee", None], ["E", None, "huisarts", None, None]]
    write_sheets(tmp_path / "leden.xlsx", {"Voorblad": [["Ledenlijst van het netwerk"]],
                                       "Leden": rows})
    network(tmp_path, "leden.xlsx")
    code, out = run(tmp_path)
    assert code in (0, 1), out
    for words in ("members-file-sheet", "gelezen is blad 'Leden'", "members-file-columns",
                  "'Opmerking' (kolom E)"):
        assert words in out, out
    assert "Telefoon" not in out
    code, out = run(tmp_path, "--format", "json")
    [result] = json.loads(out)["results"]
    assert result["verdict"] != "invalid" and result["errors"] == []
    warned = {f["criterion"]: f for f in result["findings"] if f["severity"] == "warning"}
    assert warned["members-file-columns"]["observed"] == {"columns": ["Opmerking"]}
    assert "members-file-title-rows" not in warned and "Ledenlijst" not in out
    assert warned["members-file-sheet"]["location"]["source"].endswith("leden.xlsx")


def test_members_sheet_in_the_network_file_is_used(tmp_path: Path) -> None:
    write_sheets(tmp_path / "leden.xlsx", {
        "Leden": [["Naam", "Discipline"], ["Z", "onbekend beroep"]],
        "Leden 2026": [["Naam", "Discipline"], ["B", "diëtist"], ["C", "psycholoog"],
                       ["D", "ergotherapeut"], ["E", "huisarts"]]})
    network(tmp_path, "leden.xlsx", members_sheet="leden 2026")
    code, out = run(tmp_path)
    assert code in (0, 1), out
    assert "onbekend beroep" not in out and "members-file" not in out


def test_an_error_on_a_later_sheet_names_the_member_and_the_sheet(tmp_path: Path) -> None:
    write_sheets(tmp_path / "leden.xlsx", {"Uitleg": [["Zie het volgende blad"]],
                                       "Leden": [["Naam", "Discipline"], ["B", "diëtist"],
                                                 ["P. de Boer", "fysio therapeut"]]})
    network(tmp_path, "leden.xlsx")
    code, out = run(tmp_path)
    assert code == 2, out
    assert ("leden.xlsx: rij 3, kolom B (discipline): lid 'P. de Boer' op blad 'Leden': "
            "onbekende discipline 'fysio therapeut'; bedoelt u 'fysiotherapeut'?") in out, out


def test_a_windows_1252_csv_from_excel_loads_with_a_warning(tmp_path: Path) -> None:
    text = ("Naam;Discipline;Verwijsgids\nB. El Amrani;diëtist;ja\nC. Çelik;psycholoog;ja\n"
            "D;ergotherapeut;nee\nE;huisarts;\n")
    (tmp_path / "leden.csv").write_bytes(text.encode("cp1252"))
    network(tmp_path, "leden.csv")
    code, out = run(tmp_path)
    assert code in (0, 1), out
    assert "members-file-encoding" in out and "gelezen als Windows-1252" in out
    code, out = run(tmp_path, "--lang", "en")
    assert "read as Windows-1252" in out and "CSV UTF-8" in out


@pytest.mark.parametrize(("written", "meant"), [
    ("In Verwijsgids?", "verwijsgids"), ("Vermeld in de Verwijsgids Kanker (ja/nee)",
                                         "verwijsgids"), ("Beroep", "discipline"),
    ("Praktijk", "organisation"), ("Organisatie naam", "organisation"),
    ("Organisatienaam", "organisation")])
def test_a_header_close_to_a_known_column_is_read_as_it(tmp_path: Path, written: str,
                                                        meant: str) -> None:
    """Issue 24.2: the column is read, not skipped with a warning."""
    header = ["Naam", "Discipline", written] if meant != "discipline" else ["Naam", written]
    row = ["P. de Boer", "fysiotherapeut", "ja" if meant == "verwijsgids" else "Noord"]
    sheet = read_sheet(spreadsheet(tmp_path, "csv", [header, row[:len(header)]]), "leden.csv")
    assert sheet.errors == [] and sheet.notices == []
    assert meant in sheet.members[0]


@pytest.mark.parametrize("written", ["Verwijzer", "Verwezen door", "Opmerking"])
def test_other_columns_stay_skipped_with_a_warning(tmp_path: Path, written: str) -> None:
    rows = [["Naam", "Discipline", written], ["P. de Boer", "fysiotherapeut", "x"]]
    sheet = read_sheet(spreadsheet(tmp_path, "csv", rows), "leden.csv")
    assert sheet.errors == [] and [n.id for n in sheet.notices] == ["members-file-columns"]
