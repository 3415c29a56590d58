"""Hostile application packages (`aanvraag.zip`, issue 26): names that leave the package,
links, duplicates, encryption, nested archives, zip bombs, an endless manifest.

Each generator writes one zip by hand (no `oncocheck pack`: the point is what pack never
writes) and returns its path. Each package holds a small valid network file and a manifest,
so the one thing wrong is the thing the case is about.
"""

from __future__ import annotations

import hashlib
import json
import zipfile
from collections.abc import Callable
from pathlib import Path

NETWORK = b"format: 1\nnetwork:\n  name: Netwerk\n"
MIB = 1024 * 1024


def _manifest(files: dict[str, bytes], count: int | None = None) -> bytes:
    listed = [{"path": n, "role": "network" if n == "netwerk.yaml" else "document",
               "size": len(raw), "sha256": hashlib.sha256(raw).hexdigest()}
              for n, raw in files.items()]
    if count is not None:  # padded with entries that list nothing real
        listed += [{"path": f"f{i}", "role": "document", "size": 0, "sha256": ""}
                   for i in range(count)]
    return json.dumps({"format": "oncocheck-package/1", "network": "netwerk.yaml",
                       "files": listed}).encode()


def _zip(name: str, entries: list[tuple[zipfile.ZipInfo | str, bytes]],
         manifest: bytes | None = None) -> Callable[[Path], Path]:
    """A package of `entries` (names or ZipInfos), the network file first and, unless given,
    a manifest listing exactly them."""
    def make(directory: Path) -> Path:
        files = {"netwerk.yaml": NETWORK}
        files.update({e if isinstance(e, str) else e.filename: raw for e, raw in entries})
        path = directory / name
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("netwerk.yaml", NETWORK)
            for entry, raw in entries:
                archive.writestr(entry, raw)
            archive.writestr("manifest.json", manifest or _manifest(files))
        return path
    return make


def _info(name: str, mode: int = 0o100644, flags: int = 0) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name)
    info.create_system, info.external_attr = 3, mode << 16
    info.flag_bits |= flags
    return info


def _duplicate(directory: Path) -> Path:
    """The same name twice (zipfile warns, and writes it)."""
    import warnings

    path = _zip("pkg-duplicate.zip", [("docs/a.md", b"een")])(directory)
    with warnings.catch_warnings(), zipfile.ZipFile(path, "a") as archive:
        warnings.simplefilter("ignore")
        archive.writestr("docs/a.md", b"twee")
    return path


def _encrypted(directory: Path) -> Path:
    """An entry whose header says it is encrypted (the flag bit; the bytes need not be)."""
    path = _zip("pkg-encrypted.zip", [("docs/geheim.md", b"x" * 64)])(directory)
    data = bytearray(path.read_bytes())
    for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):  # local and central
        at = data.find(signature + b"", 0)
        while at >= 0:
            name_at = at + (30 if signature == b"PK\x03\x04" else 46)
            if data[name_at:name_at + 14] == b"docs/geheim.md":
                data[at + offset] |= 0x1
            at = data.find(signature, at + 4)
    path.write_bytes(bytes(data))
    return path


def _declared(path: Path, size: int) -> Path:
    """The package with every document's uncompressed size in the central directory raised to
    `size`: what a zip bomb declares, without writing one."""
    import struct

    data = bytearray(path.read_bytes())
    at = data.find(b"PK\x01\x02")
    while at >= 0:
        if data[at + 46:at + 51] == b"docs/":
            struct.pack_into("<I", data, at + 24, size)
        at = data.find(b"PK\x01\x02", at + 4)
    path.write_bytes(bytes(data))
    return path


def _no_zip(directory: Path) -> Path:
    path = directory / "pkg-not-a-zip.zip"
    path.write_bytes(b"format: 1\nnetwork:\n  name: Netwerk\n")
    return path


PACKAGES: dict[str, Callable[[Path], Path]] = {
    "package-dotdot": _zip("pkg-dotdot.zip", [("../../buiten.md", b"x")]),
    "package-absolute": _zip("pkg-absolute.zip", [("/etc/oncocheck-test", b"x")]),
    "package-drive": _zip("pkg-drive.zip", [("C:/Windows/x.md", b"x")]),
    "package-backslash": _zip("pkg-backslash.zip", [("docs\\..\\..\\x.md", b"x")]),
    "package-symlink": _zip("pkg-symlink.zip", [(_info("docs/passwd", 0o120777),
                                                 b"/etc/passwd")]),
    "package-duplicate": _duplicate,
    "package-encrypted": _encrypted,
    "package-nested": _zip("pkg-nested.zip", [("docs/binnen.zip", b"PK\x05\x06" + b"\0" * 18)]),
    "package-ratio-bomb": _zip("pkg-ratio.zip", [("docs/nullen.md", b"\0" * (64 * MIB))]),
    "package-total-bomb": lambda d: _declared(_zip("pkg-total.zip", [
        (f"docs/{i}.md", b"x" * 1024) for i in range(3)])(d), 200 * MIB),
    "package-manifest-million": lambda d: _zip("pkg-manifest.zip", [], _manifest(  # made when
        {"netwerk.yaml": NETWORK}, 1_000_000))(d),  # used: a million entries take a second
    "package-no-manifest": lambda d: _strip_manifest(_zip("pkg-no-manifest.zip", [])(d)),
    "package-not-a-zip": _no_zip,
}


def _strip_manifest(path: Path) -> Path:
    with zipfile.ZipFile(path) as archive:
        kept = {i.filename: archive.read(i) for i in archive.infolist()
                if i.filename != "manifest.json"}
    with zipfile.ZipFile(path, "w") as archive:
        for name, raw in kept.items():
            archive.writestr(name, raw)
    return path
