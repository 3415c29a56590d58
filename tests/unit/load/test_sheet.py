"""The members spreadsheet reader: CSV and XLSX (generated here, no binary fixtures)."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from oncocheck.wording import column_letter, cell
from oncocheck.report import Location, Text
from oncocheck.load.sheets import read_sheet

from make_sheets import _HEADER, _cell, _row, _xlsx  # noqa: E402
from sheets import write_xlsx


def test_csv_comma_english_headers(tmp_path: Path) -> None:
    path = tmp_path / "members.csv"
    path.write_text("Name,Discipline,Organisation,Postcode,Verwijsgids\n"
                    'A. de Vries,physiotherapist,"Fysio, Noord",1311,true\n', encoding="utf-8")
    sheet = read_sheet(path, "members.csv")
    assert sheet.errors == []
    assert sheet.members == [{"name": "A. de Vries", "discipline": "physiotherapist",
                              "organisation": "Fysio, Noord", "postcode": "1311",
                              "verwijsgids": "true"}]
    assert sheet.positions[0]["postcode"] == Location("members_file", 2, 4, "members.csv")
    assert sheet.rows == [Location("members_file", 2, 1, "members.csv")]


def test_csv_semicolon_with_bom_dutch_headers(tmp_path: Path) -> None:
    path = tmp_path / "leden.csv"
    path.write_bytes("\ufeff NAAM ;Discipline;Organisatie;Discipline_Anders\n"
                     "B. El Amrani;diëtist;Praktijk, Zuid;\n"
                     "P. Kunst;anders;;kunstzinnig therapeut\n".encode("utf-8"))
    sheet = read_sheet(path, "leden.csv")
    assert sheet.errors == []
    assert sheet.members == [
        {"name": "B. El Amrani", "discipline": "diëtist", "organisation": "Praktijk, Zuid"},
        {"name": "P. Kunst", "discipline": "anders", "discipline_other": "kunstzinnig therapeut"},
    ]


def test_csv_separated_by_tabs_as_its_header_row_is(tmp_path: Path) -> None:
    """The separator is the header's: `;` in a title row above it does not decide."""
    path = tmp_path / "leden.csv"
    path.write_text("Ledenlijst; bijgewerkt\nnaam\tdiscipline\tpostcode\nA, B\tdietist\t1311\n",
                    encoding="utf-8")
    sheet = read_sheet(path, "leden.csv")
    assert sheet.members == [{"name": "A, B", "discipline": "dietist", "postcode": "1311"}]
    assert sheet.positions[0]["postcode"] == Location("members_file", 3, 3, "leden.csv")


def test_windows_1252_csv_is_read_with_a_notice_saying_so(tmp_path: Path) -> None:
    path = tmp_path / "leden.csv"
    path.write_bytes("naam;discipline\nB. El Amrani;diëtist\nC. Çelik;fysio\n".encode("cp1252"))
    sheet = read_sheet(path, "leden.csv")
    assert sheet.errors == [] and [m["name"] for m in sheet.members] == ["B. El Amrani",
                                                                         "C. Çelik"]
    assert sheet.members[0]["discipline"] == "diëtist"
    [notice] = sheet.notices
    assert notice.id == "members-file-encoding" and notice.location.line == 2
    assert "gelezen als Windows-1252" in notice.message.nl
    assert "de byte 0xeb, in Windows-1252 'ë'" in notice.message.nl
    assert "CSV UTF-8" in notice.remediation.nl and "CSV UTF-8" in notice.remediation.en


@pytest.mark.parametrize("raw", [
    "naam;discipline\nB. El Amrani;diëtist\n".encode() + "C;diëtist\n".encode("cp1252"),
    b"\xef\xbb\xbf" + "naam;discipline\nB;diëtist\n".encode("cp1252"),
    b"naam;discipline\nB;di" + b"\x81tist\n"])
def test_a_csv_mixing_encodings_is_rejected_with_what_to_do(tmp_path: Path, raw: bytes) -> None:
    """UTF-8 letters beside a Windows-1252 byte (or after a UTF-8 BOM) could be read either
    way; a byte Windows-1252 does not use cannot be read as it at all."""
    path = tmp_path / "leden.csv"
    path.write_bytes(raw)
    [error] = read_sheet(path, "leden.csv").errors
    assert "rij" in error.message.nl and "CSV UTF-8" in error.message.nl
    assert "CSV UTF-8" in error.message.en and error.path == "members_file"


def test_utf16_csv_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "leden.csv"
    path.write_bytes("naam,discipline\n".encode("utf-16"))
    [error] = read_sheet(path, "leden.csv").errors
    assert "UTF-16" in error.message.en and "CSV UTF-8" in error.message.en


def test_empty_rows_are_skipped_and_rows_keep_their_numbers(tmp_path: Path) -> None:
    path = tmp_path / "leden.csv"
    path.write_text("naam,discipline\n\n,\nA,fysio\n  ,  \nB,dietist\n", encoding="utf-8")
    sheet = read_sheet(path, "leden.csv")
    assert [m["name"] for m in sheet.members] == ["A", "B"]
    assert [r.line for r in sheet.rows] == [4, 6]


def test_xlsx_first_sheet_cells_become_text(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "leden.xlsx", [
        ["Naam", "Discipline", "Postcode", "Verwijsgids", "Organisatie"],
        ["A. de Vries", "fysio", 1311, True, None],
        [None, None, None, None, None],
        ["B", "dietist", 1312.0, False, datetime(2026, 1, 2)],
        ["C", "psycholoog", "1313 AB", "ja", date(2026, 3, 4)],
    ], extra_sheet=True)
    sheet = read_sheet(path, "leden.xlsx")
    assert sheet.errors == []
    assert sheet.members == [
        {"name": "A. de Vries", "discipline": "fysio", "postcode": "1311", "verwijsgids": "true"},
        {"name": "B", "discipline": "dietist", "postcode": "1312", "verwijsgids": "false",
         "organisation": "2026-01-02"},
        {"name": "C", "discipline": "psycholoog", "postcode": "1313 AB", "verwijsgids": "ja",
         "organisation": "2026-03-04"},
    ]
    assert [r.line for r in sheet.rows] == [2, 4, 5]
    assert sheet.positions[1]["organisation"] == Location("members_file", 4, 5, "leden.xlsx")


def test_a_misspelt_required_column_suggests_and_names_the_cell(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "leden.xlsx", [["naam", "disciplne", "telefoon"], ["A", "x", "1"]])
    errors = read_sheet(path, "leden.xlsx").errors
    assert [(e.line, e.column, e.source) for e in errors] == [(1, 2, "leden.xlsx")]
    assert "kolom 'disciplne' wordt niet herkend; bedoelt u 'discipline'?" in errors[0].message.nl
    assert "column 'disciplne' is not known; did you mean 'discipline'?" in errors[0].message.en


@pytest.mark.parametrize("header, missing", [(["naam", "postcode"], "discipline"),
                                             (["discipline"], "naam")])
def test_missing_required_column(tmp_path: Path, header: list[str], missing: str) -> None:
    path = tmp_path / "leden.csv"
    path.write_text(",".join(header) + "\n", encoding="utf-8")
    [error] = read_sheet(path, "leden.csv").errors
    assert f"kolom '{missing}' ontbreekt" in error.message.nl and error.line == 1


def test_duplicate_header(tmp_path: Path) -> None:
    path = tmp_path / "leden.csv"
    path.write_text("naam,discipline,name\n", encoding="utf-8")
    [error] = read_sheet(path, "leden.csv").errors
    assert (error.line, error.column) == (1, 3) and "twice" in error.message.en


def test_bad_rows_name_row_and_column(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "leden.xlsx", [
        ["naam", "organisatie", "discipline"],
        ["A", "Praktijk", "fysio"],
        [None, "Praktijk", "dietist"],
        ["C", None, None, "losse cel"],
    ])
    sheet = read_sheet(path, "leden.xlsx")
    assert [(e.line, e.column) for e in sheet.errors] == [(3, 1), (4, 4), (4, 3)]
    assert "vul de naam in" in sheet.errors[0].message.nl
    assert "column without a name" in sheet.errors[1].message.en
    assert [m["name"] for m in sheet.members] == ["A"]  # broken rows are reported, not loaded


def test_row_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("oncocheck.load.sheets.MAX_MEMBERS", 3)
    path = tmp_path / "leden.csv"
    path.write_text("naam,discipline\n" + "A,fysio\n" * 5, encoding="utf-8")
    sheet = read_sheet(path, "leden.csv")
    assert len(sheet.members) == 3
    assert sheet.errors[0].line == 5 and "meer dan 3 leden" in sheet.errors[0].message.nl


@pytest.mark.parametrize("name, content, words", [
    ("leden.txt", b"naam,discipline\n", ".csv or .xlsx"),
    ("leden.xlsx", b"not a zip", "not a readable Excel workbook"),
    ("leden.csv", b"", "the members list is empty"),
    ("leden.csv", b"naam,discipline\n\"A,fysio\n", "not valid CSV"),
])
def test_unreadable_files(tmp_path: Path, name: str, content: bytes, words: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    errors = read_sheet(path, name).errors
    assert words in errors[0].message.en


def test_missing_file(tmp_path: Path) -> None:
    [error] = read_sheet(tmp_path / "leden.xlsx", "sub/leden.xlsx").errors
    assert error.message.nl.startswith("ledenlijst niet gevonden: sub/leden.xlsx")
    assert error.line is None


def test_place_text() -> None:
    assert cell("leden.xlsx", 7, 3, "discipline") == Text(
        "leden.xlsx: rij 7, kolom C (discipline)", "leden.xlsx: row 7, column C (discipline)")
    assert cell("leden.xlsx", 7, 1, "name").nl == "leden.xlsx: rij 7, kolom A (naam)"
    assert cell("leden.csv", 4, None).en == "leden.csv: row 4"
    assert [column_letter(n) for n in (1, 26, 27, 52, 703)] == ["A", "Z", "AA", "AZ", "AAA"]



def test_a_sheet_is_read_only_inside_its_folder(tmp_path: Path) -> None:
    """The real path decides: a link leading out, `../` or an absolute path elsewhere is
    refused before anything is opened; a link that stays inside is followed."""
    (tmp_path / "net").mkdir()
    (tmp_path / "geheim.csv").write_text("naam,discipline\nGeheim,dietist\n", "utf-8")
    (tmp_path / "net" / "sub").mkdir()
    (tmp_path / "net" / "sub" / "leden.csv").write_text("naam,discipline\nA,dietist\n", "utf-8")
    (tmp_path / "net" / "uit.csv").symlink_to(tmp_path / "geheim.csv")
    (tmp_path / "net" / "binnen.csv").symlink_to("sub/leden.csv")
    folder = tmp_path / "net"
    for name in ("uit.csv", "../geheim.csv", str(tmp_path / "geheim.csv")):
        [error] = read_sheet(folder / name, name, folder).errors
        assert "is outside the network file's folder" in error.message.en, name
    for name in ("sub/leden.csv", "binnen.csv"):
        sheet = read_sheet(folder / name, name, folder)
        assert sheet.errors == [] and sheet.members == [{"name": "A", "discipline": "dietist"}]


def test_system_files_are_refused_even_from_a_network_file_in_the_root() -> None:
    """A network file in `/` has every file in its folder; /proc, /sys and /dev stay out."""
    from oncocheck.errors import LoadFailed
    from oncocheck.load.store import read_members_file

    for path in ("/proc/self/environ", "/sys/kernel/notes"):  # (never /dev in tests)
        with pytest.raises(LoadFailed) as refused:
            read_members_file(Path(path), Path("/"), path)
        assert "leads to a file of the system" in refused.value.errors[0].message.en


def test_cells_are_shown_safely_and_xlsx_escapes_decoded(tmp_path: Path) -> None:
    path = tmp_path / "leden.csv"
    path.write_bytes("naam,discipline\n\"A\x1b[2J\r\nB\u202e\",dietist\n".encode())
    assert read_sheet(path, "leden.csv").members[0]["name"] == "A\\u001b[2J\nB\\u202e"
    from oncocheck.load.sheets.rows import cell_text

    assert cell_text("x_x001B_y_x000D_\nz\u200b") == "x\\u001by\nz\\u200b"


def test_a_bad_cell_reference_names_the_row_not_the_previous_cell(tmp_path: Path) -> None:
    _xlsx(tmp_path / "a.xlsx", [_HEADER, _row(2, _cell("A2", "A"), _cell("ZZZZ2", "x"))])
    [error] = read_sheet(tmp_path / "a.xlsx", "a.xlsx").errors
    assert (error.source, error.line, error.column) == ("a.xlsx", 2, None)
    assert "the cell reference 'ZZZZ2' in the file is not valid" in error.message.en


def test_a_failure_outside_the_cells_is_an_unreadable_workbook_after_the_last_row(
        tmp_path: Path) -> None:
    margins = '<pageMargins left="abc" right="1" top="1" bottom="1" header="1" footer="1"/>'
    _xlsx(tmp_path / "a.xlsx", [_HEADER, _row(2, _cell("A2", "A"), _cell("B2", "dietist")),
                                f"</sheetData>{margins}<sheetData>"])
    [error] = read_sheet(tmp_path / "a.xlsx", "a.xlsx").errors
    assert "a.xlsx is not a readable Excel workbook (.xlsx) (after row 2)" in error.message.en
