"""Generate the hostile inputs that are too big, binary or special to commit.

`build(case, directory)` makes one case's input in `directory` and returns the path to give
oncocheck; `cases()` reads the table of expected outcomes (`cases.yaml`). Run it as a script to
write every case into a folder: `python tests/hostile/make_corpus.py OUT`.
"""

from __future__ import annotations

import os
import random
import re
import shutil
import stat
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_packages import PACKAGES  # noqa: E402
from make_sheets import SHEETS  # noqa: E402

HERE = Path(__file__).resolve().parent
FILES = HERE / "files"
ROOT = HERE.parents[1]
COMPLIANT = ROOT / "examples" / "compliant" / "voorbeeldstad.yaml"
MIB = 1024 * 1024
HEAD = "format: 1\nnetwork:\n  name: Netwerk\n"
DISCIPLINES = ("fysiotherapeut", "dietist", "psycholoog", "ergotherapeut", "logopedist",
               "maatschappelijk werker", "haarwerker")


def _write(directory: Path, name: str, data: str | bytes) -> Path:
    path = directory / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def _compliant(directory: Path, name: str, data: bytes) -> Path:
    """The compliant example re-encoded, with the vision document beside it."""
    docs = COMPLIANT.parent / "docs"
    shutil.copytree(docs, directory / "docs", dirs_exist_ok=True)
    return _write(directory, name, data)


def _members(count: int, discipline: Callable[[int], str]) -> str:
    rows = (f"  - name: Lid {i}\n    discipline: {discipline(i)}\n    verwijsgids: ja\n"
            for i in range(count))
    return "members:\n" + "".join(rows)


def _network(count: int, discipline: Callable[[int], str]) -> str:
    text = COMPLIANT.read_text(encoding="utf-8")
    return text[: text.index("\nmembers:") + 1] + _members(count, discipline)


def _fifo(directory: Path) -> Path:
    path = directory / "fifo.yaml"
    os.mkfifo(path)
    return path


def _unreadable(directory: Path) -> Path:
    path = _write(directory, "unreadable.yaml", HEAD)
    path.chmod(0)
    return path


def _directory(directory: Path) -> Path:
    path = directory / "folder.yaml"
    path.mkdir()
    return path


def _symlink(directory: Path, name: str, target: str) -> Path:
    path = directory / name
    path.symlink_to(target)
    return path


def _symlink_device(directory: Path) -> Path:
    """A `.yaml` link to a character device like /dev/zero, made here (needs root)."""
    os.mknod(directory / "nul", stat.S_IFCHR | 0o600, os.makedev(1, 5))
    return _symlink(directory, "zero.yaml", str(directory / "nul"))


def _walk_with_loops(directory: Path) -> Path:
    """A folder to walk: a valid file, a link back to the folder itself, a file link loop."""
    top = directory / "walk-loops"
    (top / "sub").mkdir(parents=True)
    (top / "sub" / "ok.yaml").write_text(HEAD, encoding="utf-8")
    (top / "sub" / "up").symlink_to("..", target_is_directory=True)
    (top / "self.yaml").symlink_to("self.yaml")
    (top / "a.yaml").symlink_to("b.yaml")
    (top / "b.yaml").symlink_to("a.yaml")
    return top


def _walk_with_fifo(directory: Path) -> Path:
    top = directory / "walk-fifo"
    top.mkdir()
    (top / "ok.yaml").write_text(HEAD, encoding="utf-8")
    os.mkfifo(top / "pipe.yaml")
    return top


def _appended(name: str, tail: str) -> Callable[[Path], Path]:
    """The compliant example (with its documents) and `tail` after it."""
    return lambda d: _compliant(d, name, (COMPLIANT.read_text(encoding="utf-8") + tail).encode())


def _plan(count: int, criterion: str, extra: str = "") -> str:
    return "plan:\n" + "".join(f'  - criterion: "{criterion}"\n    action: Actie {i}\n'
                                 f"    due: 2026-01-01\n{extra}" for i in range(count))


def _named(name: bytes) -> Callable[[Path], Path]:
    """A small network file whose name holds what a file system allows and a log must not
    show raw (control characters, line breaks, bidi, bytes that are not UTF-8)."""
    def make(directory: Path) -> Path:
        path = os.fsencode(directory) + b"/" + name
        with open(path, "wb") as stream:
            stream.write(HEAD.encode())
        return Path(os.fsdecode(path))
    return make


def _errors_from_both(directory: Path) -> Path:
    """150 model errors in the network file and 150 in its members spreadsheet."""
    rows = "".join(f"Lid {i},\n" for i in range(150))  # an empty discipline cell each
    (directory / "leeg-discipline.csv").write_text("naam,discipline\n" + rows, "utf-8")
    keys = "".join(f"  onbekend{i}: x\n" for i in range(150))
    return _write(directory, "errors-from-both.yaml",
                  HEAD + keys + "members_file: leeg-discipline.csv\n")


GENERATORS: dict[str, Callable[[Path], Path]] = {
    "nul-byte": lambda d: _write(d, "nul-byte.yaml", HEAD.encode() + b"  status: act\x00ief\n"),
    "nul-start": lambda d: _write(d, "nul-start.yaml", b"\x00\x00" + HEAD.encode()),
    "latin1": lambda d: _write(d, "latin1.yaml",
                               (HEAD + "  status: actief\n  summary: diëtist\n").encode("latin-1")),
    "utf16-le-bom": lambda d: _write(d, "utf16-le-bom.yaml", HEAD.encode("utf-16")),
    "utf16-be-bom": lambda d: _write(d, "utf16-be-bom.yaml",
                                     b"\xfe\xff" + HEAD.encode("utf-16-be")),
    "utf16-le-nobom": lambda d: _write(d, "utf16-le.yaml", HEAD.encode("utf-16-le")),
    "utf16-be-nobom": lambda d: _write(d, "utf16-be.yaml", HEAD.encode("utf-16-be")),
    "utf8-bom": lambda d: _compliant(d, "utf8-bom.yaml",
                                     b"\xef\xbb\xbf" + COMPLIANT.read_bytes()),
    "crlf": lambda d: _compliant(d, "crlf.yaml", COMPLIANT.read_bytes().replace(b"\n", b"\r\n")),
    "cr-only": lambda d: _compliant(d, "cr-only.yaml",
                                    COMPLIANT.read_bytes().replace(b"\n", b"\r")),
    "binary-garbage": lambda d: _write(d, "garbage.yaml", random.Random(7).randbytes(64 * 1024)),
    "size-50mb": lambda d: _write(d, "big.yaml", HEAD + ("# " + "x" * 1021 + "\n") * 50 * 1024),
    "line-1mb-value": lambda d: _write(d, "long-line.yaml",
                                       'format: 1\nnetwork: {name: "' + "x" * MIB + '"}\n'),
    "line-1mb-scalar": lambda d: _write(d, "long-scalar.yaml", "x" * MIB),
    "line-1mb-key": lambda d: _write(d, "long-key.yaml", HEAD + "k" * MIB + ": 1\n"),
    "huge-integer": lambda d: _write(d, "huge-integer.yaml", "format: " + "9" * 5000 + "\n"),
    "deep-flow-sequence": lambda d: _write(d, "deep-seq.yaml", "[" * 10_000 + "]" * 10_000),
    "deep-flow-mapping": lambda d: _write(d, "deep-map.yaml", "{a: " * 10_000 + "}" * 10_000),
    "deep-block": lambda d: _write(d, "deep-block.yaml", "".join(
        "  " * i + "a:\n" for i in range(100)) + "  " * 100 + "b: 1\n"),
    "many-values": lambda d: _write(d, "many-values.yaml",
                                    HEAD + "lijst: [" + "x, " * 1_100_000 + "x]\n"),
    "members-100k": lambda d: _compliant(d, "members-100k.yaml", _network(
        100_000, lambda i: DISCIPLINES[i % len(DISCIPLINES)]).encode()),
    "members-typos": lambda d: _write(d, "members-typos.yaml", HEAD + _members(
        20_000, lambda i: "fysioterapeut" if i % 2 else f"diëtistt{'t' * (i % 3)}")),
    "members-too-many": lambda d: _write(d, "members-too-many.yaml", HEAD + _members(
        100_001, lambda i: "dietist")),
    "unknown-keys": lambda d: _write(d, "unknown-keys.yaml", HEAD + "".join(
        f"  onbekend{i}: x\n" for i in range(5_000))),
    "document-path-too-long": lambda d: _write(d, "long-document.yaml", HEAD + (
        "  vision:\n    document: " + "map/" * 1500 + "visie.pdf\n")),
    "directory": _directory,
    "unreadable": _unreadable,
    "not-found": lambda d: d / "does-not-exist.yaml",
    "broken-symlink": lambda d: _symlink(d, "broken.yaml", "nowhere.yaml"),
    "symlink-self": lambda d: _symlink(d, "loop.yaml", "loop.yaml"),
    "symlink-device": _symlink_device,
    "walk-symlink-loops": _walk_with_loops,
    "fifo": _fifo,
    "walk-fifo": _walk_with_fifo,
    "notes-15mb": _appended("notes-15mb.yaml", "".join(
        f"  x{i}: uitleg\n" for i in range(840_000))),  # under `notes:`, 15 MB in all
    "plan-unknown-criteria": lambda d: _write(d, "plan-unknown.yaml", HEAD + _plan(5_000, "99")),
    "errors-from-both": _errors_from_both,
    "duplicate-members": lambda d: _compliant(d, "duplicates.yaml", re.sub(
        "name: Lid [0-9]+", "name: Jan Jansen", _network(5_000, lambda i: "dietist")).encode()),
    "plan-closable-many": _appended("plan-closable.yaml", _plan(500, "2a")),
    "zero-width-name": lambda d: _write(d, "zero-width.yaml", "format: 1\nnetwork:\n  name: "
                                        '"Netwerk\\u200bZuid\\ufeff\\u00ad\\U000e0041"\n'),
    "line-break-in-key": lambda d: _write(d, "key-break.yaml", HEAD + 'notes:\n  "1a\\n'
                                          '::error::INJECTED": x\n'),
    "line-break-in-plan": lambda d: _write(d, "plan-break.yaml", HEAD + _plan(
        1, "1a", '    owner: "J.\\n::warning::X"\n').replace(
        "Actie 0", '"actie\\n::error::INJECTED"')),
    "file-name-control": _named(b"net\x1b[2J\xe2\x80\xae\xe2\x80\x8b\r\n::error::INJECTED.yaml"),
    "file-name-not-utf8": _named(b"net\xffx.yaml"),
    **SHEETS,
    **PACKAGES,
}


# Encodings (issue 12): UTF-32, and bad bytes after a BOM or past wide characters, at the
# right line and column; members .csv files in the same forms.
_LATIN = (HEAD + "  status: actief\n  summary: diëtist\n").encode("latin-1")
_SHEET_HEAD = "format: 1\nnetwork:\n  name: Netwerk\nmembers_file: {}\n"


def _sheet(name: str, data: bytes) -> Callable[[Path], Path]:
    """A network file naming the members sheet `name`, which holds `data`."""
    def make(directory: Path) -> Path:
        (directory / name).write_bytes(data)
        return _write(directory, f"net-{name.replace('.', '-')}.yaml", _SHEET_HEAD.format(name))
    return make


DEEP_LEVELS = 1_200  # deeper than Python's recursion limit and than the walker goes


def _deep_tree(directory: Path) -> Path:
    """A valid file on top, one 50 folders down, and folders 1,200 deep (built through file
    descriptors: the full paths grow past what the system takes at once)."""
    top = directory / "walk-deep"
    top.mkdir()
    shutil.copyfile(COMPLIANT, top / "ok.yaml")
    shutil.copytree(COMPLIANT.parent / "docs", top / "docs")
    fd = os.open(top, os.O_RDONLY)
    try:
        for level in range(DEEP_LEVELS):
            os.mkdir("d", dir_fd=fd)
            if level == 50:
                with open(os.open("x.yaml", os.O_WRONLY | os.O_CREAT, dir_fd=fd), "w") as out:
                    out.write(HEAD)
            inner = os.open("d", os.O_RDONLY, dir_fd=fd)
            os.close(fd)
            fd = inner
    finally:
        os.close(fd)
    return top


def remove_deep_trees(directory: Path) -> None:
    """Remove the `walk-deep` trees in `directory` or one folder below, one level at a time:
    shutil.rmtree and Path.rglob recurse, and fail on a tree this deep."""
    tops = [directory / "walk-deep", *(Path(e.path, "walk-deep") for e in os.scandir(directory)
                                       if e.is_dir(follow_symlinks=False))]
    for top in (t for t in tops if t.is_dir()):
        chain, spare = top / "d", top / "e"
        while chain.is_dir():
            if (chain / "d").is_dir():
                (chain / "d").rename(spare)  # the rest of the chain moves up one level
            for leftover in chain.iterdir():
                leftover.unlink()
            chain.rmdir()
            if spare.is_dir():
                spare.rename(chain)
        shutil.rmtree(top)


GENERATORS.update({
    "utf32-le-bom": lambda d: _write(d, "utf32-le-bom.yaml", HEAD.encode("utf-32")),
    "utf32-be-bom": lambda d: _write(d, "utf32-be-bom.yaml",
                                     b"\x00\x00\xfe\xff" + HEAD.encode("utf-32-be")),
    "utf32-le-nobom": lambda d: _write(d, "utf32-le.yaml", HEAD.encode("utf-32-le")),
    "utf32-be-nobom": lambda d: _write(d, "utf32-be.yaml", HEAD.encode("utf-32-be")),
    "bom-latin1": lambda d: _write(d, "bom-latin1.yaml", b"\xef\xbb\xbf" + _LATIN),
    "bom-bad-first-line": lambda d: _write(d, "bom-first-line.yaml",
                                           b"\xef\xbb\xbfformat: 1\xff\n"),
    "cr-latin1": lambda d: _write(d, "cr-latin1.yaml", _LATIN.replace(b"\n", b"\r")),
    "bad-byte-after-wide": lambda d: _write(d, "after-wide.yaml", (
        HEAD + "  status: actief\n  summary: ëë").encode() + b"\xff\n"),
    "sheet-csv-utf16-nobom": _sheet("leden16.csv", "naam,discipline\nB. Jansen,dietist\n"
                                    .encode("utf-16-le")),
    "sheet-csv-utf32": _sheet("leden32.csv", "naam,discipline\nB. Jansen,dietist\n"
                              .encode("utf-32")),
    "sheet-csv-bom-latin1": _sheet("bomlatin.csv", b"\xef\xbb\xbf" + (
        "naam,discipline\nA. de Vries,dietist\nB. Jansen,diëtist\n").encode("latin-1")),
    "sheet-csv-nul": _sheet("nul.csv", b"naam,discipline\nB. Jan\x00sen,dietist\n"),
    "walk-deep": _deep_tree,
})


# Lenient members spreadsheets (issue 14): sheet names and cells from a workbook's other
# sheets, a Windows-1252 CSV with control bytes, and a workbook of many sheets without a header.
def _workbook(path: Path, sheets: list[tuple[str, list[list[str]]]]) -> None:
    """An .xlsx written by hand with these sheets (name, rows of inline text) in this order."""
    import zipfile
    from xml.sax.saxutils import escape, quoteattr

    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    pkg = "http://schemas.openxmlformats.org/package/2006/relationships"
    kind = "application/vnd.openxmlformats-officedocument.spreadsheetml"
    overrides = "".join(f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="{kind}'
                        '.worksheet+xml"/>' for i in range(1, len(sheets) + 1))
    names = "".join(f'<sheet name={quoteattr(name, {chr(10): "&#10;"})} sheetId="{i}" '
                    f'r:id="rId{i}"/>' for i, (name, _) in enumerate(sheets, start=1))
    links = "".join(f'<Relationship Id="rId{i}" Type="{rel}/worksheet" Target="worksheets/'
                    f'sheet{i}.xml"/>' for i in range(1, len(sheets) + 1))
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", '<Types xmlns="http://schemas.openxmlformats.org/'
                         'package/2006/content-types"><Default Extension="rels" ContentType='
                         '"application/vnd.openxmlformats-package.relationships+xml"/><Default '
                         'Extension="xml" ContentType="application/xml"/><Override PartName='
                         f'"/xl/workbook.xml" ContentType="{kind}.sheet.main+xml"/>{overrides}'
                         '</Types>')
        archive.writestr("_rels/.rels", f'<Relationships xmlns="{pkg}"><Relationship Id="rId1" '
                         f'Type="{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>')
        archive.writestr("xl/workbook.xml", f'<workbook xmlns="{main}" xmlns:r="{rel}"><sheets>'
                         f"{names}</sheets></workbook>")
        archive.writestr("xl/_rels/workbook.xml.rels", f'<Relationships xmlns="{pkg}">{links}'
                         "</Relationships>")
        for i, (_, rows) in enumerate(sheets, start=1):
            cells = "".join(f'<row r="{r}">' + "".join(
                f'<c r="{chr(64 + c)}{r}" t="inlineStr"><is><t>{escape(text)}</t></is></c>'
                for c, text in enumerate(row, start=1)) + "</row>"
                for r, row in enumerate(rows, start=1))
            archive.writestr(f"xl/worksheets/sheet{i}.xml", f'<worksheet xmlns="{main}">'
                             f"<sheetData>{cells}</sheetData></worksheet>")


def _sheet_names(directory: Path) -> Path:
    """Members on the second sheet; both sheets' names carry a bidi override, a line break
    and `::error::` (shown as escapes in the warning that names the sheet read)."""
    _workbook(directory / "bladen.xlsx", [
        ("Voor\u202eblad\n::error::X", [["Ledenlijst"]]),
        ("Leden\u202e\n::warning::Y", [["Ledenlijst 2026"], ["naam", "discipline", "telefoon"],
                                       ["A. de Vries", "fysiotherapeut", "06"]])])
    return _write(directory, "sheet-names.yaml", _SHEET_HEAD.format("bladen.xlsx"))


def _many_sheets(directory: Path) -> Path:
    """200 sheets, none with a header row: the search stops after the first MAX_SHEETS."""
    _workbook(directory / "veel.xlsx", [(f"Blad{i}", [["x", "y"]] * 10) for i in range(200)])
    return _write(directory, "sheet-many.yaml", _SHEET_HEAD.format("veel.xlsx"))


GENERATORS.update({
    "sheet-names-control": _sheet_names,
    "sheet-many-sheets": _many_sheets,
    "sheet-csv-1252-control": _sheet("ansi.csv", b"naam;discipline\r\nA\x1b[2J\x9b31m "
                                     b"Jans\xe9n;fysiotherapeut\r\n\"B\x85\r\n::error::X\";"
                                     b"di\xebtist\r\n"),
})


def cases() -> list[dict[str, Any]]:
    """The table of hostile cases and their expected outcomes (tests/hostile/cases.yaml)."""
    return yaml.safe_load((HERE / "cases.yaml").read_text(encoding="utf-8"))


def build(case: dict[str, Any], directory: Path) -> Path:
    """Make `case`'s input in `directory` (copy a committed file or generate one)."""
    if "file" in case:
        target = directory / case["file"]
        shutil.copyfile(FILES / case["file"], target)
        return target
    return GENERATORS[case["generate"]](directory)


def main(argv: list[str]) -> int:
    """Write every case into the folder named on the command line."""
    if len(argv) != 1:
        print("usage: make_corpus.py OUT", file=sys.stderr)
        return 2
    out = Path(argv[0])
    out.mkdir(parents=True, exist_ok=True)
    for case in cases():
        folder = out / case["id"]
        folder.mkdir(exist_ok=True)
        print(f"{case['id']}: {build(case, folder)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
