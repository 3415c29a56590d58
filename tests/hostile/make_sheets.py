"""Hostile members spreadsheets (`members_file`): zip bombs, XML entity bombs, endless rows.

Each generator writes a network file naming the spreadsheet, and the spreadsheet beside it, and
returns the network file. The .xlsx files are written by hand (a minimal workbook), because the
point is what no spreadsheet program would write.
"""

from __future__ import annotations

import os
import zipfile
from collections.abc import Callable, Iterable
from pathlib import Path

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
_PARTS = {
    "[Content_Types].xml": '<Types xmlns="http://schemas.openxmlformats.org/package/2006/'
    'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-'
    'package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/'
    'sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.'
    'worksheet+xml"/></Types>',
    "_rels/.rels": f'<Relationships xmlns="{_PKG}"><Relationship Id="rId1" Type="{_REL}/'
    'officeDocument" Target="xl/workbook.xml"/></Relationships>',
    "xl/workbook.xml": f'<workbook xmlns="{_MAIN}" xmlns:r="{_REL}"><sheets><sheet '
    'name="Leden" sheetId="1" r:id="rId1"/></sheets></workbook>',
    "xl/_rels/workbook.xml.rels": f'<Relationships xmlns="{_PKG}"><Relationship Id="rId1" '
    f'Type="{_REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
}
_HEADER = ('<row r="1"><c r="A1" t="inlineStr"><is><t>naam</t></is></c>'
           '<c r="B1" t="inlineStr"><is><t>discipline</t></is></c></row>')
_LOL = ('<!DOCTYPE lolz [<!ENTITY lol0 "lol">' + "".join(
    f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)) + "]>")


def _xlsx(path: Path, rows: Iterable[str], doctype: str = "") -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, xml in _PARTS.items():
            archive.writestr(name, xml)
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            sheet.write(f'<?xml version="1.0"?>{doctype}<worksheet xmlns="{_MAIN}">'
                        "<sheetData>".encode())
            for chunk in rows:
                sheet.write(chunk.encode())
            sheet.write(b"</sheetData></worksheet>")


def _network(directory: Path, name: str, sheet: str) -> Path:
    path = directory / f"{name}.yaml"
    path.write_text(f"format: 1\nnetwork:\n  name: Netwerk\nmembers_file: {sheet}\n",
                    encoding="utf-8")
    return path


def _empty_rows(directory: Path) -> Path:
    """Rows without cells compress to almost nothing: a small file, endless rows."""
    _xlsx(directory / "rijen.xlsx", [_HEADER, *["<row/>" * 10_000] * 30])
    return _network(directory, "sheet-empty-rows", "rijen.xlsx")


def _far_row(directory: Path) -> Path:
    """One row numbered a million: the reader fills the gap with empty rows."""
    _xlsx(directory / "ver.xlsx", [_HEADER, '<row r="1000000"/>'])
    return _network(directory, "sheet-far-row", "ver.xlsx")


def _zip_bomb(directory: Path) -> Path:
    """300 MB of spaces inside the sheet's XML, compressed to a few hundred kilobytes."""
    _xlsx(directory / "bom.xlsx", [_HEADER, *[" " * (1024 * 1024)] * 300])
    return _network(directory, "sheet-zip-bomb", "bom.xlsx")


def _entities(directory: Path) -> Path:
    cell = '<row r="2"><c r="A2" t="inlineStr"><is><t>&lol9;</t></is></c></row>'
    _xlsx(directory / "lol.xlsx", [_HEADER, cell], doctype=_LOL)
    return _network(directory, "sheet-entities", "lol.xlsx")


def _write(name: str, data: bytes) -> Callable[[Path], Path]:
    def make(directory: Path) -> Path:
        (directory / name).write_bytes(data)
        return _network(directory, f"sheet-{name.replace('.', '-')}", name)
    return make


def _fifo(directory: Path) -> Path:
    os.mkfifo(directory / "leden.csv")
    return _network(directory, "sheet-fifo", "leden.csv")


def _device(directory: Path) -> Path:
    (directory / "nul.csv").symlink_to("/dev/zero")
    return _network(directory, "sheet-device", "nul.csv")


SHEETS: dict[str, Callable[[Path], Path]] = {
    "sheet-empty-rows": _empty_rows,
    "sheet-far-row": _far_row,
    "sheet-zip-bomb": _zip_bomb,
    "sheet-entities": _entities,
    "sheet-garbage": _write("kapot.xlsx", b"PK\x03\x04" + bytes(range(256)) * 100),
    "sheet-csv-empty-rows": _write("leeg.csv", b"naam,discipline\n" + b"\n" * 300_000),
    "sheet-csv-huge-cell": _write("cel.csv", b"naam,discipline\n\"" + b"x" * 300_000 + b"\",a\n"),
    "sheet-csv-latin1": _write("latin.csv", "naam,discipline\nB. Jansen,diëtist\n"
                               .encode("latin-1")),
    "sheet-fifo": _fifo,
    "sheet-device": _device,
}
