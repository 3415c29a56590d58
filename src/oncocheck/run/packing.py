"""The application package (`oncocheck pack`): one zip with the network file, its members
sheet, the documents that count, the reports of the check made while packing and
`manifest.json` (domain.md, "From the coordinator to the reviewer").

The zip is the same bytes for the same inputs, apart from the packing day: its entries are
sorted, each with one fixed timestamp, mode and compression. The files packed are the very
bytes the check read (`load.store.keeping`); nothing is read twice.
"""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Mapping
from datetime import date

from oncocheck import __version__
from oncocheck.load.package import FORMAT, MANIFEST, REPORT_ROLE, entry_problem
from oncocheck.report import FileResult

#: Every entry's timestamp (the earliest a zip can say): the bytes never depend on the clock.
_STAMP = (1980, 1, 1, 0, 0, 0)
#: The reports of the check made while packing, as named inside the package.
REPORT_NAMES = {"json": "oncocheck-rapport.json", "html": "oncocheck-rapport.html"}


def manifest(result: FileResult, files: Mapping[str, tuple[str, bytes]], day: date) -> bytes:
    """`manifest.json` for `result` (the check made while packing) and `files` (name ->
    role and bytes), sorted by path; an input's digest is the one the check took."""
    import hashlib

    taken = {i.path: i.sha256 for i in result.inputs}
    listed = [{"path": name, "role": role, "size": len(raw),
               "sha256": taken.get(name) or hashlib.sha256(raw).hexdigest()}
              for name, (role, raw) in sorted(files.items())]
    criteria = result.criteria
    data = {"format": FORMAT, "oncocheck": __version__, "packed": day.isoformat(),
            "network": result.file, "network_name": result.network,
            "criteria": criteria.label if criteria else None,
            "as_of": result.as_of.isoformat() if result.as_of else None,
            "verdict": result.verdict.value, "files": listed}
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def package(result: FileResult, kept: Mapping[str, bytes], reports: Mapping[str, bytes],
            day: date) -> bytes:
    """The zip's bytes: the inputs of `result` whose bytes are `kept`, the `reports` (format ->
    bytes) and the manifest."""
    files: dict[str, tuple[str, bytes]] = {}
    for entry in result.inputs:
        if entry.path in kept and entry_problem(entry.path) is None:
            files[entry.path] = (entry.role.value, kept[entry.path])
    for fmt, raw in reports.items():
        files[REPORT_NAMES[fmt]] = (REPORT_ROLE, raw)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        entries = {name: raw for name, (_, raw) in files.items()}
        entries[MANIFEST] = manifest(result, files, day)
        for name in sorted(entries):
            archive.writestr(_info(name), entries[name])
    return buffer.getvalue()


def _info(name: str) -> zipfile.ZipInfo:
    """A fixed entry: timestamp, system, mode and compression never vary."""
    info = zipfile.ZipInfo(name, _STAMP)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.create_system = 3  # Unix, whatever system packs: the mode bits mean the same
    info.external_attr = 0o644 << 16
    return info
