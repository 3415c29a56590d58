"""Hostile members spreadsheets (`members_file`): zip bombs, XML entity bombs, endless rows.

Each generator writes a network file naming the spreadsheet, and the spreadsheet beside it, and
returns the network file. The .xlsx files are written by hand (a minimal workbook), because the
point is what no spreadsheet program would write.
"""

from __future__ import annotations

import os
import re
import stat
import zipfile
from collections.abc import Callable, Iterable
from pathlib import Path
from xml.sax.saxutils import escape

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


def _cell(reference: str, text: str, kind: str = "inlineStr") -> str:
    """One cell: inline text (XML-escaped; control characters only as xlsx's `_x001B_`), or
    `<v>text</v>` of another type (`n` number, `b` boolean, `d` date, `s` shared string)."""
    if kind == "inlineStr":
        return f'<c r="{reference}" t="inlineStr"><is><t>{escape(text)}</t></is></c>'
    return f'<c r="{reference}" t="{kind}"><v>{escape(text)}</v></c>'


def _row(number: int, *cells: str, attributes: str = "") -> str:
    return f'<row r="{number}"{attributes}>{"".join(cells)}</row>'


def _bad_cell(name: str, *cell: str) -> Callable[[Path], Path]:
    """A sheet whose row 3, column B is malformed; row 2 is a good member."""
    def make(directory: Path) -> Path:
        good = _row(2, _cell("A2", "A. de Vries"), _cell("B2", "fysiotherapeut"))
        bad = _row(3, _cell("A3", "B. Jansen"), _cell("B3", *cell))
        _xlsx(directory / f"{name}.xlsx", [_HEADER, good, bad])
        return _network(directory, f"sheet-{name}", f"{name}.xlsx")
    return make


def _bad_row_number(directory: Path) -> Path:
    _xlsx(directory / "rijnummer.xlsx", [_HEADER, '<row r="abc"><c><v>1</v></c></row>'])
    return _network(directory, "sheet-row-number", "rijnummer.xlsx")


def _bad_reference(directory: Path) -> Path:
    _xlsx(directory / "verwijzing.xlsx", [_HEADER, _row(2, _cell("B", "x"))])
    return _network(directory, "sheet-cell-reference", "verwijzing.xlsx")


#: Text with every kind of character that must never reach a terminal or a CI log raw, as an
#: .xlsx stores it (`_x001B_` is ESC, `_x000D_` CR, `_x0000_` NUL) and as raw characters.
HOSTILE_CELLS = [
    ("A_x001B_[2J_x0007_B", "fysiotherapeut", "_x001B_]0;pwned_x0007_ Praktijk"),
    ("C\u202eD\u200bE\u2066F", "dietist", "Org\ufeff\u00ad\U000e0041"),
    ("G_x000D_\n::error::INJECTED", "psycholoog", "H_x0000_I\x85J"),
]


def hostile_xlsx(path: Path, bad_discipline: bool = False) -> Path:
    """A members .xlsx full of control, bidi and invisible characters in its cells (with
    `bad_discipline` also in a discipline, which makes the file invalid and quotes the cell)."""
    rows = [_row(1, _cell("A1", "naam"), _cell("B1", "discipline"), _cell("C1", "organisatie"))]
    for number, (name, discipline, organisation) in enumerate(HOSTILE_CELLS, start=2):
        rows.append(_row(number, _cell(f"A{number}", name), _cell(f"B{number}", discipline),
                         _cell(f"C{number}", organisation)))
    if bad_discipline:
        rows.append(_row(5, _cell("A5", "K"), _cell("B5", "fysio_x001B_[31m_x000A_::error::X")))
    _xlsx(path, rows)
    return path


def hostile_csv(path: Path, bad_discipline: bool = False) -> Path:
    """The same as a .csv, with the characters raw (ESC, BEL, CR LF inside a cell); without
    the NUL, as a .csv holding a NUL byte is refused whole (it is not UTF-8 text)."""
    text = "naam,discipline,organisatie\r\n" + "".join(
        f'"{_raw(name)}",{discipline},"{_raw(organisation)}"\r\n'.replace("\x00", "")
        for name, discipline, organisation in HOSTILE_CELLS)
    if bad_discipline:
        text += '"K","fysio\x1b[31m\r\n::error::X",x\r\n'
    path.write_bytes(text.encode("utf-8"))
    return path


def _raw(text: str) -> str:
    return re.sub("_x([0-9A-F]{4})_", lambda m: chr(int(m.group(1), 16)), text)


def _hostile_sheet(suffix: str) -> Callable[[Path], Path]:
    def make(directory: Path) -> Path:
        name = f"vreemd{suffix}"
        (hostile_xlsx if suffix == ".xlsx" else hostile_csv)(directory / name, True)
        return _network(directory, f"sheet-control-chars-{suffix[1:]}", name)
    return make


def _environ_header(directory: Path) -> Path:
    """A header row like /proc/self/environ: NUL-separated secrets in one 5 KB cell."""
    secrets = "\x00".join(f"SECRET_{i}=s3cr3t-{'x' * 40}" for i in range(100))
    (directory / "kop.csv").write_bytes(f"SHELL=/bin/bash\x00{secrets}\n".encode())
    return _network(directory, "sheet-environ-header", "kop.csv")


def _secret(directory: Path) -> Path:
    """A file outside the network file's folder that must never show up in a report."""
    (directory / "geheim").mkdir(exist_ok=True)
    secret = directory / "geheim" / "credentials.csv"
    secret.write_text("naam,discipline\nAWS_SECRET_ACCESS_KEY=abc,dietist\n", "utf-8")
    return secret


def _outside_link(name: str, target: str | None) -> Callable[[Path], Path]:
    """A network file in a folder of its own whose members .csv is a link leading out of it
    (to `target`, or to a file in a folder beside it)."""
    def make(directory: Path) -> Path:
        inside = directory / name
        inside.mkdir()
        (inside / "leden.csv").symlink_to(target or _secret(directory))
        return _network(inside, name, "leden.csv")
    return make


def _outside_path(name: str, absolute: bool) -> Callable[[Path], Path]:
    """`members_file: ../geheim/credentials.csv` (or its absolute path): a real sheet, outside
    the network file's folder."""
    def make(directory: Path) -> Path:
        inside = directory / name
        inside.mkdir()
        secret = _secret(directory)
        return _network(inside, name, str(secret) if absolute else "../geheim/credentials.csv")
    return make


def _socket(directory: Path) -> Path:
    os.mknod(directory / "sok.csv", stat.S_IFSOCK | 0o600)
    return _network(directory, "sheet-socket", "sok.csv")


def _char_device(directory: Path) -> Path:
    """A character device node like /dev/null, made here (needs root: the case says so)."""
    os.mknod(directory / "apparaat.csv", stat.S_IFCHR | 0o600, os.makedev(1, 3))
    return _network(directory, "sheet-char-device", "apparaat.csv")


def _typos(directory: Path) -> Path:
    rows = "".join(f"Lid {i},fysioterapeut\n" for i in range(5_000))
    (directory / "typos.csv").write_text("naam,discipline\n" + rows, "utf-8")
    return _network(directory, "sheet-typos", "typos.csv")


def _write(name: str, data: bytes) -> Callable[[Path], Path]:
    def make(directory: Path) -> Path:
        (directory / name).write_bytes(data)
        return _network(directory, f"sheet-{name.replace('.', '-')}", name)
    return make


def _fifo(directory: Path) -> Path:
    os.mkfifo(directory / "leden.csv")
    return _network(directory, "sheet-fifo", "leden.csv")


def _device(directory: Path) -> Path:
    """A link to a character device like /dev/zero, made here (needs root: the case says so;
    the tests never touch /dev itself)."""
    (directory / "apparaten").mkdir()
    os.mknod(directory / "apparaten" / "nul", stat.S_IFCHR | 0o600, os.makedev(1, 5))
    (directory / "nul.csv").symlink_to(directory / "apparaten" / "nul")
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
    "sheet-cell-nan": _bad_cell("nan", "NaN", "n"),
    "sheet-cell-abc": _bad_cell("abc", "abc", "n"),
    "sheet-cell-date": _bad_cell("datum", "gisteren", "d"),
    "sheet-cell-bool": _bad_cell("janee", "misschien", "b"),
    "sheet-cell-shared-string": _bad_cell("gedeeld", "99", "s"),
    "sheet-row-number": _bad_row_number,
    "sheet-cell-reference": _bad_reference,
    "sheet-control-chars-xlsx": _hostile_sheet(".xlsx"),
    "sheet-control-chars-csv": _hostile_sheet(".csv"),
    "sheet-environ-header": _environ_header,
    "sheet-link-environ": _outside_link("sheet-link-environ", "/proc/self/environ"),
    "sheet-link-pagemap": _outside_link("sheet-link-pagemap", "/proc/self/pagemap"),
    "sheet-link-outside": _outside_link("sheet-link-outside", None),
    "sheet-dotdot": _outside_path("sheet-dotdot", absolute=False),
    "sheet-absolute": _outside_path("sheet-absolute", absolute=True),
    "sheet-socket": _socket,
    "sheet-char-device": _char_device,
    "sheet-typos": _typos,
}
