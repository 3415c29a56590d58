"""Evidence documents: what counts, and that a document that does not count is never silent.

Each case names a `document:` under `network.vision` (criterion 4, alternative `summary`) and
what it is on disk; with and without a summary the criterion and the warning must say it.
"""

from __future__ import annotations

import copy
import os
import stat
from datetime import date
from pathlib import Path

import pytest
import yaml

from oncocheck.run.decide import choose
from oncocheck.run.file import check_file
from oncocheck.report import Finding, Severity, Status
from paths import CASES

BASE = yaml.safe_load((CASES / "base.yaml").read_text("utf-8"))
AS_OF = date(2026, 11, 23)
AS_ROOT = os.geteuid() == 0


def _file(folder: Path, name: str) -> None:
    (folder / name).parent.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text("%PDF", encoding="utf-8")


def _make(kind: str, folder: Path) -> None:
    """Put on disk what the case's document is."""
    if kind in ("file", "backslashes"):
        _file(folder, "map/visie.pdf")
    elif kind == "folder":
        (folder / "map").mkdir()
    elif kind == "fifo":
        os.mkfifo(folder / "visie.pdf")
    elif kind == "device":
        if not AS_ROOT:
            pytest.skip("making a device node needs root (os.mknod); run as root to check it")
        os.mknod(folder / "visie.pdf", stat.S_IFCHR | 0o600, os.makedev(1, 3))
    elif kind == "symlink-out":
        _file(folder.parent, "geheim.pdf")
        (folder / "visie.pdf").symlink_to(folder.parent / "geheim.pdf")
    elif kind == "symlink-in":
        _file(folder, "stukken/visie.pdf")
        (folder / "visie.pdf").symlink_to("stukken/visie.pdf")
    elif kind == "parent":
        _file(folder.parent, "visie.pdf")


CASES = [  # id, what is on disk, the document as written, problem (None: it counts)
    ("a-file-inside", "file", "map/visie.pdf", None),
    ("windows-backslashes", "backslashes", "map\\visie.pdf", None),
    ("not-there", "nothing", "map/visie.pdf", "not_found"),
    ("backslashes-not-there", "nothing", "map\\visie.pdf", "not_found"),
    ("a-folder", "folder", "map", "folder"),
    ("a-fifo", "fifo", "visie.pdf", "not_a_file"),
    ("a-device", "device", "visie.pdf", "not_a_file"),
    ("symlink-leading-out", "symlink-out", "visie.pdf", "outside"),
    ("symlink-staying-in", "symlink-in", "visie.pdf", None),
    ("parent-folder", "parent", "../visie.pdf", "outside"),
    ("absolute-path", "nothing", "/etc/passwd", "outside"),
    ("windows-drive", "nothing", "C:\\stukken\\visie.pdf", "outside"),
    ("proc", "nothing", "/proc/self/environ", "outside"),
    ("http-without-host", "nothing", "http://", "bad_url"),
    ("https-without-host", "nothing", "https:///visie.pdf", "bad_url"),
    ("ftp-address", "nothing", "ftp://example.org/visie.pdf", "bad_url"),
    ("an-address", "nothing", "https://www.example.org/visie.pdf", None),
]


def _check(folder: Path, document: str, summary: bool) -> dict[str, Finding]:
    data = copy.deepcopy(BASE)
    data["network"]["vision"] = {"document": document} | ({"summary": "Dichtbij"} if summary
                                                          else {})
    path = folder / "netwerk.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    result = check_file(path, "netwerk.yaml", [choose(None, AS_OF, AS_OF)])[0]
    assert not result.errors, result.errors
    return {f.criterion: f for f in result.findings}


@pytest.mark.parametrize(("kind", "document", "problem"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
@pytest.mark.parametrize("summary", [False, True], ids=["alone", "with-summary"])
def test_document(tmp_path: Path, kind: str, document: str, problem: str | None,
                  summary: bool) -> None:
    folder = tmp_path / "inzending"
    folder.mkdir()
    _make(kind, folder)
    found = _check(folder, document, summary)
    vision = found["4"]
    warning = found.get("document-not-found") or found.get("document-not-usable")
    if problem is None:
        assert vision.status is Status.MET and warning is None
        assert vision.observed["document_found"] is True
    else:
        assert vision.status is (Status.MET if summary else Status.MISSING)
        assert vision.observed["document_problem"] == problem
        assert warning is not None and warning.severity is Severity.WARNING
        assert warning.criterion == ("document-not-found" if problem == "not_found"
                                     else "document-not-usable")
        assert warning.observed["problem"] == problem
        assert warning.location.path == "network.vision.document"
        assert document in warning.message.en and document in warning.message.nl
        if not summary:
            assert vision.message == warning.message


def test_backslashes_are_said(tmp_path: Path) -> None:
    _make("backslashes", tmp_path)
    vision = _check(tmp_path, "map\\visie.pdf", summary=False)["4"]
    assert vision.message.en == ("recorded: document map\\visie.pdf (looked up as map/visie.pdf) "
                                 "(`network.vision`)")
    assert vision.message.nl == ("vastgelegd: document map\\visie.pdf (gezocht als map/visie.pdf) "
                                 "(`network.vision`)")
    assert vision.observed["document_looked_up"] == "map/visie.pdf"


def test_not_found_is_a_warning_even_when_the_summary_meets_the_criterion(tmp_path: Path) -> None:
    found = _check(tmp_path, "docs/visie.pdf", summary=True)
    assert found["4"].status is Status.MET
    assert found["document-not-found"].message.en == "document not found: docs/visie.pdf"
    assert found["document-not-found"].remediation is not None
