"""The application package (domain.md, "From the coordinator to the reviewer"), made and
checked.

`package` (`oncocheck pack`) zips the very bytes the check read (`load.store.keeping`), the
reports of that check and `manifest.json`: the same bytes for the same inputs, apart from the
packing day (sorted entries, one fixed timestamp, mode and compression). `check_package` reads
a package's files from the package alone (`load.store`) and warns of each file that differs
from its manifest, is missing or is extra (`package-changed`, `package-missing`,
`package-extra`).
"""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path

from oncocheck import __version__
from oncocheck.errors import LoadFailed
from oncocheck.load.package import (FORMAT, MANIFEST, MAX_PACKAGE_BYTES, REPORT_ROLE, Package,
                                    entry_problem, read_package)
from oncocheck.load.store import reading
from oncocheck.load.text import read_bytes
from oncocheck.load.visible import visible
from oncocheck.report import FileResult, Finding, InputFile, Role, Severity, Status, Text, Verdict
from oncocheck.run.decide import Choice

Check = Callable[[Path, str, Sequence[Choice]], tuple[FileResult, ...]]

#: Every entry's timestamp (the earliest a zip can say): the bytes never depend on the clock.
_STAMP = (1980, 1, 1, 0, 0, 0)
#: The reports of the check made while packing, as named inside the package.
REPORT_NAMES = {"json": "oncocheck-rapport.json", "html": "oncocheck-rapport.html"}


def manifest(result: FileResult, files: Mapping[str, tuple[str, bytes]], day: date) -> bytes:
    """`manifest.json` for `result` (the check made while packing) and `files` (name ->
    role and bytes), sorted by path; an input's digest is the one the check took."""
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

_WORDS = {
    "package-changed": (Text("bestand in het pakket gewijzigd", "file in the package changed"),
                        Text("is gewijzigd sinds het inpakken (andere SHA-256 dan in het "
                             "manifest)", "changed since it was packed (another SHA-256 than "
                             "in the manifest)")),
    "package-missing": (Text("bestand ontbreekt in het pakket", "file missing from the package"),
                        Text("staat in het manifest maar niet in het pakket",
                             "is in the manifest but not in the package")),
    "package-extra": (Text("bestand niet in het manifest", "file not in the manifest"),
                      Text("staat in het pakket maar niet in het manifest",
                           "is in the package but not in the manifest")),
}


def check_package(path: Path, display: str, choices: Sequence[Choice],
                  check: Check) -> tuple[FileResult, ...]:
    """The package's network judged under each of `choices` by `check` (`run.file.check_file`),
    read from the package alone, with its manifest's findings; invalid when it is refused."""
    try:
        package = read_package(read_bytes(path, MAX_PACKAGE_BYTES))
    except LoadFailed as exc:
        return tuple(FileResult(display, Verdict.INVALID, errors=tuple(exc.errors))
                     for _ in choices)
    with reading(path, package, display) as now:
        name = package.network
        results = check(Path(now.root) / name, now.display(name), choices)
    own = InputFile(display, Role.PACKAGE, package.sha256, package.size)
    findings = tuple(verified(package, display))
    return tuple(replace(r, inputs=(own, *r.inputs),
                         findings=r.findings + findings if r.verdict is not Verdict.INVALID
                         else r.findings) for r in results)


def verified(package: Package, display: str) -> list[Finding]:
    """A warning for each file that differs from the manifest, is missing or is extra."""
    listed = {f["path"]: f for f in package.manifest["files"]}
    found = []
    for name, entry in sorted(listed.items()):
        raw = package.files.get(name)
        if raw is None:
            found.append(_finding("package-missing", name, display))
        elif len(raw) != entry["size"] or hashlib.sha256(raw).hexdigest() != entry["sha256"]:
            found.append(_finding("package-changed", name, display))
    found += [_finding("package-extra", name, display)
              for name in sorted(package.files) if name not in listed and name != MANIFEST]
    return found


def _finding(kind: str, name: str, display: str) -> Finding:
    title, what = _WORDS[kind]
    name = visible(name)  # a name from the zip: untrusted text
    shown = f"{display}:{name}"
    return Finding(kind, Severity.WARNING, Status.NOT_MET, title,
                   Text(f"{shown} {what.nl}", f"{shown} {what.en}"), {"file": name},
                   remediation=Text("vraag de coördinator het pakket opnieuw te maken met "
                                    "`oncocheck pack`", "ask the coordinator to make the "
                                    "package again with `oncocheck pack`"))
