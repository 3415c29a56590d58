"""Check an application package (`aanvraag.zip`) as one network: its files are read from the
package alone (`load.store`), every file of its manifest is verified, and the package's own
digest is one of the inputs.

A file whose bytes differ from the manifest, one the manifest lists and the package lacks, and
one in the package the manifest does not list are each a warning naming the file
(`package-changed`, `package-missing`, `package-extra`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

from oncocheck.errors import LoadFailed
from oncocheck.load.package import MANIFEST, MAX_PACKAGE_BYTES, Package, read_package
from oncocheck.load.store import reading
from oncocheck.load.text import read_bytes
from oncocheck.load.visible import visible
from oncocheck.report import FileResult, Finding, InputFile, Role, Severity, Status, Text, Verdict
from oncocheck.run.decide import Choice

Check = Callable[[Path, str, Sequence[Choice]], tuple[FileResult, ...]]

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
