"""What was judged (`results[].inputs`): the SHA-256 and size of the network file, its members
spreadsheet and each evidence document found, checked against hashlib on the very files; made
from the bytes the loader read (each file opened once); and never from a file outside the
network file's folder, a FIFO or a device."""

from __future__ import annotations

import copy
import hashlib
import json
import os
import stat
from datetime import date
from pathlib import Path

import pytest
import yaml

from oncocheck.load import store
from oncocheck.render import render
from oncocheck.report import InputFile, Role, Verdict
from oncocheck.run.batch import check, run
from oncocheck.run.decide import choose
from oncocheck.run.file import check_one
from oncocheck.run.walk import network_files
from paths import CASES, ROOT
from sheets import write_xlsx

DAY = date(2026, 11, 23)
CHOICE = choose(None, DAY, DAY)
BASE = yaml.safe_load((CASES / "base.yaml").read_text("utf-8"))
AS_ROOT = os.geteuid() == 0


def _digest(path: Path) -> tuple[str, int]:
    data = path.read_bytes()
    return hashlib.sha256(data).hexdigest(), len(data)


def _entry(path: Path, shown: str, role: Role) -> InputFile:
    return InputFile(shown, role, *_digest(path))


def _one(path: Path, display: str | None = None):  # noqa: ANN202 - a FileResult
    return check_one(path, display or path.name, [CHOICE])[0]


def test_every_example_has_the_digest_of_its_network_file_and_documents(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    report = check(["examples"], CHOICE)
    for result in report.results:
        assert result.inputs[0] == _entry(ROOT / result.file, result.file, Role.NETWORK)
        assert [i.role for i in result.inputs[1:]] == [Role.DOCUMENT] * (len(result.inputs) - 1)
    voorbeeldstad = next(r for r in report.results if r.file.endswith("voorbeeldstad.yaml"))
    document = "examples/compliant/docs/visie-2025.md"
    assert voorbeeldstad.inputs[1:] == (_entry(ROOT / document, document, Role.DOCUMENT),)
    invalid = [r for r in report.results if r.verdict is Verdict.INVALID]
    assert invalid and all(len(r.inputs) == 1 for r in invalid)  # read, then found invalid


def test_the_json_report_has_them_and_sha256sum_agrees(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    data = json.loads(render(check(["examples"], CHOICE), "json", "nl"))
    listed = [i for r in data["results"] for i in r["inputs"]]
    assert len(listed) == len(data["results"]) + 1  # one document among the examples
    for item in listed:
        assert set(item) == {"path", "role", "sha256", "size"}
        assert (item["sha256"], item["size"]) == _digest(ROOT / item["path"])


def test_a_members_spreadsheet_is_listed_after_the_network_file(tmp_path: Path) -> None:
    data = copy.deepcopy(BASE)
    data["members_file"] = "leden.xlsx"
    sheet = write_xlsx(tmp_path / "leden.xlsx", [["naam", "discipline"], ["F", "logopedist"]])
    (tmp_path / "visie.pdf").write_bytes(b"%PDF-1.7 visie")
    data["network"]["vision"] = {"document": "visie.pdf"}
    network = tmp_path / "netwerk.yaml"
    network.write_text(yaml.safe_dump(data), "utf-8")
    result = _one(network, "inzending/netwerk.yaml")
    assert result.verdict is not Verdict.INVALID, result.errors
    assert result.inputs == (
        _entry(network, "inzending/netwerk.yaml", Role.NETWORK),
        _entry(sheet, "inzending/leden.xlsx", Role.MEMBERS),
        _entry(tmp_path / "visie.pdf", "inzending/visie.pdf", Role.DOCUMENT))


def test_documents_are_listed_once_each_by_path(tmp_path: Path) -> None:
    data = copy.deepcopy(BASE)
    for name in ("b.pdf", "a.pdf"):
        (tmp_path / name).write_bytes(name.encode())
    data["network"]["vision"] = {"document": "b.pdf"}
    data["network"]["participation_agreement"] = {"document": "a.pdf"}
    network = tmp_path / "netwerk.yaml"
    network.write_text(yaml.safe_dump(data), "utf-8")
    assert [i.path for i in _one(network).inputs] == ["netwerk.yaml", "a.pdf", "b.pdf"]
    data["network"]["participation_agreement"] = {"document": "b.pdf"}
    network.write_text(yaml.safe_dump(data), "utf-8")
    assert [i.path for i in _one(network).inputs] == ["netwerk.yaml", "b.pdf"]


@pytest.mark.parametrize("text", ["format: 1\nnetwork: [\n", b"\xff\xfe\x00n".decode("latin-1"),
                                  "format: 1\nnetwork:\n  name: X\nonbekend: 1\n"],
                         ids=["yaml-syntax", "not-utf8", "unknown-key"])
def test_an_invalid_file_still_has_the_digest_of_the_bytes_read(tmp_path: Path,
                                                                 text: str) -> None:
    network = tmp_path / "netwerk.yaml"
    network.write_bytes(text.encode("latin-1"))
    result = _one(network)
    assert result.verdict is Verdict.INVALID
    assert result.inputs == (_entry(network, "netwerk.yaml", Role.NETWORK),)


def test_a_broken_members_spreadsheet_still_has_its_digest(tmp_path: Path) -> None:
    data = copy.deepcopy(BASE)
    data["members_file"] = "leden.csv"
    (tmp_path / "leden.csv").write_bytes(b"naam;discipline\nF;onbekend-beroep\n")
    network = tmp_path / "netwerk.yaml"
    network.write_text(yaml.safe_dump(data), "utf-8")
    result = _one(network)
    assert result.verdict is Verdict.INVALID
    assert [i.role for i in result.inputs] == [Role.NETWORK, Role.MEMBERS]
    assert result.inputs[1] == _entry(tmp_path / "leden.csv", "leden.csv", Role.MEMBERS)


def test_nothing_is_listed_for_what_was_never_read(tmp_path: Path) -> None:
    assert _one(tmp_path / "er-niet.yaml").inputs == ()
    big = tmp_path / "groot.yaml"
    with big.open("wb") as stream:
        stream.truncate(17 * 1024 * 1024)  # over the 16 MiB limit: refused before reading
    assert _one(big).inputs == ()


def test_each_file_is_opened_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The digests are of the bytes the loader judged: no second read of the network file or
    the spreadsheet (a file changed in between would be judged by other bytes)."""
    data = copy.deepcopy(BASE)
    data["members_file"] = "leden.csv"
    (tmp_path / "leden.csv").write_text("naam,discipline\nF,logopedist\n", "utf-8")
    network = tmp_path / "netwerk.yaml"
    network.write_text(yaml.safe_dump(data), "utf-8")
    opened: list[str] = []
    real_open = os.open

    def counting(path, flags, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        opened.append(os.path.basename(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", counting)
    result = _one(network)
    assert [i.role for i in result.inputs] == [Role.NETWORK, Role.MEMBERS]
    assert opened.count("netwerk.yaml") == 1 and opened.count("leden.csv") == 1


def _unsafe(kind: str, folder: Path) -> None:
    """Put a document on disk that must never be read."""
    secret = folder.parent / "geheim.pdf"
    secret.write_bytes(b"secret")
    if kind == "symlink-out":
        (folder / "visie.pdf").symlink_to(secret)
    elif kind == "fifo":
        os.mkfifo(folder / "visie.pdf")  # reading it would block the check for ever
    elif kind == "device":
        if not AS_ROOT:
            pytest.skip("making a device node needs root (os.mknod); run as root to check it")
        os.mknod(folder / "visie.pdf", stat.S_IFCHR | 0o600, os.makedev(1, 5))  # a zero source
    elif kind == "folder":
        (folder / "visie.pdf").mkdir()


@pytest.mark.parametrize("kind, document", [
    ("symlink-out", "visie.pdf"), ("fifo", "visie.pdf"), ("device", "visie.pdf"),
    ("folder", "visie.pdf"), ("parent", "../geheim.pdf"), ("absolute", "/etc/hostname"),
    ("address", "https://www.example.org/visie.pdf"), ("missing", "visie.pdf")])
def test_a_document_that_does_not_count_is_never_read(tmp_path: Path, kind: str,
                                                      document: str) -> None:
    folder = tmp_path / "inzending"
    folder.mkdir()
    _unsafe(kind, folder)
    data = copy.deepcopy(BASE)
    data["network"]["vision"] = {"document": document}
    network = folder / "netwerk.yaml"
    network.write_text(yaml.safe_dump(data), "utf-8")
    result = _one(network)
    assert [i.role for i in result.inputs] == [Role.NETWORK]


def test_a_document_swapped_or_too_large_is_listed_without_a_digest(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "visie.pdf").write_bytes(b"x" * 100)
    shown = "visie.pdf"
    assert store.document_digest(tmp_path, "visie.pdf", shown).sha256 is not None
    monkeypatch.setattr(store, "MAX_DOCUMENT_BYTES", 99)
    assert store.document_digest(tmp_path, "visie.pdf", shown) == InputFile(
        shown, Role.DOCUMENT, None, None)
    monkeypatch.undo()
    os.mkfifo(tmp_path / "pijp.pdf")  # what the look-up saw was a file; now it is a FIFO
    assert store.document_digest(tmp_path, "pijp.pdf", "pijp.pdf").sha256 is None
    outside = tmp_path.parent / f"{tmp_path.name}-buiten.pdf"
    outside.write_bytes(b"secret")
    (tmp_path / "link.pdf").symlink_to(outside)
    assert store.document_digest(tmp_path, "link.pdf", "link.pdf").sha256 is None


def test_a_large_document_is_read_in_pieces(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    data = os.urandom(3 * store.CHUNK + 17)
    (tmp_path / "scan.pdf").write_bytes(data)
    reads: list[int] = []
    real_read = store._hashed

    def watched(stream, kept=None):  # noqa: ANN001, ANN202
        original = stream.read
        stream.read = lambda n: reads.append(n) or original(n)  # type: ignore[method-assign]
        return real_read(stream, kept)

    monkeypatch.setattr(store, "_hashed", watched)
    found = store.document_digest(tmp_path, "scan.pdf", "scan.pdf")
    assert (found.sha256, found.size) == (hashlib.sha256(data).hexdigest(), len(data))
    assert set(reads) == {store.CHUNK} and len(reads) == 5


@pytest.mark.slow  # a pool of processes
def test_the_same_digests_in_one_process_or_several(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    files = list(network_files(["examples"]))
    one, = run(files, [CHOICE], jobs=1)
    two, = run(files, [CHOICE], jobs=2)
    assert [r.inputs for r in one.results] == [r.inputs for r in two.results]
