"""Evidence documents (`document:` in a network file): looked up, never fetched, and never
opened here (one that counts is read once more, only for its digest, by `load.store`:
`documents` gives those digests for `FileResult.inputs`).

A document counts only when a reviewer receives it with the file: a regular file whose real
path stays inside the network file's folder, or an http(s) address with a host. A relative
path written with Windows backslashes (`map\\visie.docx`) is looked up as `map/visie.docx`.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path, PureWindowsPath
from urllib.parse import urlsplit

from oncocheck.load.source import sheet_display, slashed
from oncocheck.load.store import document_digest, packaged
from oncocheck.network.model import NetworkFile
from oncocheck.network.sections import DOCUMENT_SECTIONS
from oncocheck.report import InputFile, Text, record

_URL = re.compile(r"[a-z][a-z0-9+.-]*://", re.IGNORECASE)

#: What can be wrong with a document: its JSON code, and the words for people.
PROBLEMS = {
    "not_found": Text("niet gevonden", "not found"),
    "folder": Text("is een map, geen document", "is a folder, not a document"),
    "not_a_file": Text("is geen gewoon bestand (apparaat, pipe of socket)",
                       "is not a regular file (a device, pipe or socket)"),
    "outside": Text("staat buiten de map van het netwerkbestand, dus niet in de inzending",
                    "is outside the network file's folder, so not part of the submission"),
    "bad_url": Text("is geen bruikbaar adres (een http(s)-adres met een host)",
                    "is not a usable address (an http(s) address with a host)"),
}


@record
class Evidence:
    """A document as written and as looked up; `problem` (a key of PROBLEMS) is None when it
    counts."""

    written: str
    looked_up: str
    problem: str | None

    @property
    def usable(self) -> bool:
        """Whether the document counts as evidence."""
        return self.problem is None

    def message(self) -> Text:
        """`document niet gevonden: docs/visie.pdf`, or what else is wrong with it."""
        shown = self.described()
        if self.problem == "not_found":
            return Text(f"document niet gevonden: {shown.nl}", f"document not found: {shown.en}")
        why = PROBLEMS[self.problem or "not_found"]
        return Text(f"document niet bruikbaar: {shown.nl} {why.nl}",
                    f"document not usable: {shown.en} {why.en}")

    def described(self) -> Text:
        """`docs/visie.pdf` or `map\\visie.docx (gezocht als map/visie.docx)`."""
        if self.looked_up == self.written:
            return Text(self.written, self.written)
        return Text(f"{self.written} (gezocht als {self.looked_up})",
                    f"{self.written} (looked up as {self.looked_up})")


def is_address(document: str) -> bool:
    """Whether `document` is written as an address (`https://...`) rather than a file path."""
    return bool(_URL.match(document))


def look_up(document: str, base_dir: Path) -> Evidence:
    """Whether `document` (as written in a network file in `base_dir`) counts."""
    if is_address(document):
        parts = urlsplit(document)
        ok = parts.scheme.lower() in ("http", "https") and bool(_host(document))
        return Evidence(document, document, None if ok else "bad_url")
    looked = slashed(document)
    if PureWindowsPath(document).drive or looked.startswith("/"):
        return Evidence(document, looked, "outside")
    return Evidence(document, looked, _file_problem(base_dir, looked))


def _host(url: str) -> str | None:
    try:
        return urlsplit(url).hostname
    except ValueError:  # a malformed address (an unclosed `[` in the host, say)
        return None


def _file_problem(base_dir: Path, relative: str) -> str | None:
    """Why the file at `relative` below `base_dir` does not count, or None (inside a
    package being checked, why the package's file does not)."""
    inside = packaged(base_dir / relative)
    if inside is not None:
        return inside.problem
    try:
        folder = os.path.realpath(base_dir)
        real = os.path.realpath(base_dir / relative)
        if os.path.commonpath([real, folder]) != folder:
            return "outside"
        mode = os.stat(real).st_mode
    except (OSError, ValueError):  # not there, or a name the system cannot look up
        return "not_found"
    if stat.S_ISDIR(mode):
        return "folder"
    return None if stat.S_ISREG(mode) else "not_a_file"


def named(doc: NetworkFile, base_dir: Path) -> Iterator[tuple[str, str, Evidence]]:
    """Each section that names a document, with the document as written and looked up."""
    for section in DOCUMENT_SECTIONS:
        document = getattr(getattr(doc.network, section), "document", None)
        if document:
            yield section, document, look_up(document, base_dir)


def documents(looked: Iterable[tuple[str, str, Evidence]], folder: Path,
              display: str) -> list[InputFile]:
    """A digest for every evidence document a network file in `folder` names (as `named`
    looked them up) that counts and is a file, not an address (`display` is the network
    file's path as reports show it)."""
    return [document_digest(folder, evidence.looked_up, sheet_display(display, evidence.looked_up))
            for _, document, evidence in looked if evidence.usable and not is_address(document)]
