"""The files one check read and judged, fingerprinted: the network file, its members
spreadsheet and the evidence documents found (`FileResult.inputs`).

The network file's and the spreadsheet's digests are made from the bytes the loader read
(`oncocheck.load.store`); a document that counts as evidence is read once more, only to be
fingerprinted (`oncocheck.load.store`), as the checks never open it.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from oncocheck.checks.documents import is_address, look_up
from oncocheck.load.store import document_digest
from oncocheck.load.source import sheet_display
from oncocheck.network.model import NetworkFile
from oncocheck.network.sections import DOCUMENT_SECTIONS
from oncocheck.report import InputFile, Role

_ORDER = {Role.PACKAGE: -1, Role.NETWORK: 0, Role.MEMBERS: 1, Role.DOCUMENT: 2}


def documents(doc: NetworkFile, folder: Path, display: str) -> list[InputFile]:
    """A digest for every evidence document `doc` names that counts and is a file, not an
    address (`display` is the network file's path as reports show it)."""
    found = []
    for section in DOCUMENT_SECTIONS:
        document = getattr(getattr(doc.network, section), "document", None)
        if not document or is_address(document):
            continue
        evidence = look_up(document, folder)
        if evidence.usable:
            shown = sheet_display(display, evidence.looked_up)
            found.append(document_digest(folder, evidence.looked_up, shown))
    return found


def in_order(inputs: Iterable[InputFile]) -> tuple[InputFile, ...]:
    """The inputs once each, in the report's order: the network file, the members
    spreadsheet, then the documents by path."""
    unique = {(i.role, i.path): i for i in inputs}
    return tuple(sorted(unique.values(), key=lambda i: (_ORDER[i.role], i.path)))
