"""Files as Windows writes them load (issue 24.4 and 24.6): a relative path with backslashes
(`members_file: map\\leden.xlsx`, `document: docs\\visie.md`) is read with `/`, a network file
or a CSV with CRLF line ends or a UTF-8 BOM (Notepad, Excel's "CSV UTF-8") reads as any other."""

from __future__ import annotations

import copy
from datetime import date
from pathlib import Path

import pytest
import yaml

from oncocheck.report import Status, Verdict
from oncocheck.run.decide import choose
from oncocheck.run.file import check_file
from paths import CASES
from sheets import write_xlsx

BASE = yaml.safe_load((CASES / "base.yaml").read_text("utf-8"))
OPTIONS = choose("loppsoz@2024", date(2026, 11, 23), date(2026, 11, 23))
SHEET = [["Naam", "Discipline", "Verwijsgids"], ["F", "logopedist", "ja"]]


def _text(**keys: object) -> str:
    data = copy.deepcopy(BASE)
    data.update(keys)
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def _check(path: Path):  # noqa: ANN202 - a FileResult
    return check_file(path, path.name, [OPTIONS])[0]


def test_a_members_file_written_with_backslashes_is_read(tmp_path: Path) -> None:
    (tmp_path / "map").mkdir()
    write_xlsx(tmp_path / "map" / "leden.xlsx", SHEET)
    path = tmp_path / "netwerk.yaml"
    path.write_text(_text(members_file="map\\leden.xlsx"), encoding="utf-8")
    result = _check(path)
    assert result.verdict is Verdict.COMPLIANT, result.errors
    assert [m.name for m in result.members][-1] == "F"
    assert result.members[-1].location.source == "map/leden.xlsx"
    assert "map/leden.xlsx" in {i.path for i in result.inputs}


def test_a_document_written_with_backslashes_is_found(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "visie.md").write_text("Onze visie", encoding="utf-8")
    data = copy.deepcopy(BASE)
    data["network"]["vision"] = {"document": "docs\\visie.md"}
    path = tmp_path / "netwerk.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    result = _check(path)
    four = next(f for f in result.findings if f.criterion == "4")
    assert four.status is Status.MET, four


@pytest.mark.parametrize("bom", [b"", b"\xef\xbb\xbf"], ids=["no-bom", "bom"])
@pytest.mark.parametrize("ends", [b"\n", b"\r\n"], ids=["lf", "crlf"])
def test_a_network_file_and_csv_from_windows_load(tmp_path: Path, bom: bytes,
                                                  ends: bytes) -> None:
    csv = "Naam;Discipline;Verwijsgids\nF;logopedist;ja\nG;diëtist;nee\n"
    (tmp_path / "leden.csv").write_bytes(bom + csv.replace("\n", "\r\n").encode()
                                         if ends == b"\r\n" else bom + csv.encode())
    path = tmp_path / "netwerk.yaml"
    path.write_bytes(bom + _text(members_file="leden.csv").encode().replace(b"\n", ends))
    result = _check(path)
    assert result.verdict is Verdict.COMPLIANT, result.errors
    assert [m.name for m in result.members][-2:] == ["F", "G"]
    assert result.members[-1].verwijsgids is False  # "nee", no \r kept in the last column
