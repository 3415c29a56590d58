"""An application package (a zip made by `oncocheck pack`) read as untrusted input: into
memory, never onto the disk, within the caps of docs/security.md.

Refused, each with its own message: a file that is no zip or larger than MAX_PACKAGE_BYTES;
more than MAX_ENTRIES entries; a name that could leave the package (`..`, absolute, a drive
letter, a backslash); a link; a duplicate name; an encrypted entry; a nested archive; an entry
compressed more than MAX_RATIO times or entries larger than MAX_TOTAL_BYTES together (a zip
bomb); a missing, unreadable or oversized manifest, or one listing more than MAX_ENTRIES files.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import posixpath
import re
import stat
import zipfile
from dataclasses import dataclass
from typing import cast

from oncocheck.errors import LoadFailed, load_error
from oncocheck.load.visible import quoted
from oncocheck.report import Text

FORMAT = "oncocheck-package/1"
MANIFEST = "manifest.json"
REPORT_ROLE = "report"  # the reports of the check made while packing: not inputs
MAX_PACKAGE_BYTES = 256 * 1024 * 1024
MAX_TOTAL_BYTES = 512 * 1024 * 1024
MAX_ENTRIES = 1000
MAX_RATIO = 200  # uncompressed / compressed, for an entry of more than RATIO_FROM bytes
RATIO_FROM = 1024 * 1024
MAX_MANIFEST_BYTES = 1024 * 1024
_NESTED = (".zip", ".jar", ".7z", ".rar", ".gz", ".tgz", ".tar", ".bz2", ".xz", ".zst")
_OFFICE = (".xlsx", ".docx", ".pptx", ".odt", ".ods")  # zips themselves, and welcome as such
_DRIVE = re.compile(r"^[A-Za-z]:")


@dataclass(frozen=True)
class Package:
    """A package read: its files (name -> bytes), its manifest's data, its own digest."""

    files: dict[str, bytes]
    manifest: dict
    sha256: str
    size: int

    @property
    def network(self) -> str:
        """The network file's name inside the package."""
        return str(self.manifest["network"])


def entry_problem(name: str) -> Text | None:
    """Why `name` may not stand in a package (it could leave the folder it is read into),
    or None."""
    if "\\" in name:
        return Text("bevat een backslash", "holds a backslash")
    if name.startswith("/") or _DRIVE.match(name):
        return Text("is een absoluut pad", "is an absolute path")
    if ".." in name.split("/") or "\0" in name or not name.strip("/"):
        return Text("verlaat het pakket (`..`)", "leaves the package (`..`)")
    return None


def read_package(raw: bytes) -> Package:
    """The package of bytes `raw` (at most MAX_PACKAGE_BYTES, read by the caller), its every
    entry checked and read into memory; LoadFailed with the one reason it is refused."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise _refused("is geen leesbaar zip-bestand", "is not a readable zip file") from exc
    with archive:
        infos = archive.infolist()
        if len(infos) > MAX_ENTRIES:
            raise _refused(f"heeft meer dan {MAX_ENTRIES} bestanden",
                           f"has more than {MAX_ENTRIES} files")
        _check_entries(infos)
        files = {i.filename: _read(archive, i) for i in infos if not i.is_dir()}
    return Package(files, _manifest(files), hashlib.sha256(raw).hexdigest(), len(raw))


def _check_entries(infos: list[zipfile.ZipInfo]) -> None:
    """LoadFailed for the entries' total size, or for the first entry that is unsafe."""
    if sum(i.file_size for i in infos) > MAX_TOTAL_BYTES:
        mib = MAX_TOTAL_BYTES // (1024 * 1024)
        raise _refused(f"pakt uit tot meer dan {mib} MiB (een zip-bom?)",
                       f"unpacks to more than {mib} MiB (a zip bomb?)")
    seen: set[str] = set()
    for info in infos:
        name = info.filename
        problem = entry_problem(name) or _kind_problem(info)
        if problem is None and name.rstrip("/").lower() in seen:
            problem = Text("staat er twee keer in", "is in it twice")
        if problem is not None:
            raise _refused(f"bestand {quoted(name)} {problem.nl}",
                           f"file {quoted(name)} {problem.en}")
        seen.add(name.rstrip("/").lower())


def _kind_problem(info: zipfile.ZipInfo) -> Text | None:
    """Why the entry is no plain file or folder to read, or None."""
    if stat.S_ISLNK(info.external_attr >> 16):
        return Text("is een snelkoppeling (link)", "is a link")
    if info.flag_bits & 0x1:
        return Text("is versleuteld", "is encrypted")
    if posixpath.splitext(info.filename.lower())[1] in _NESTED:
        return Text("is zelf een archief (een pakket in een pakket)",
                    "is an archive itself (a package in a package)")
    if info.file_size > RATIO_FROM and info.file_size > MAX_RATIO * max(info.compress_size, 1):
        return Text(f"is meer dan {MAX_RATIO} keer samengeperst (een zip-bom?)",
                    f"is compressed more than {MAX_RATIO} times (a zip bomb?)")
    return None


def _read(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    """The entry's bytes, never more than its header says (a header that lies is refused)."""
    try:
        with archive.open(info) as stream:
            data = stream.read(info.file_size + 1)
    except (zipfile.BadZipFile, NotImplementedError, RuntimeError, ValueError, OSError,
            EOFError) as exc:
        raise _refused(f"bestand {quoted(info.filename)} is niet te lezen",
                       f"file {quoted(info.filename)} cannot be read") from exc
    office = posixpath.splitext(info.filename.lower())[1] in _OFFICE
    if len(data) != info.file_size or data[:4] == b"PK\x03\x04" and not office:
        raise _refused(f"bestand {quoted(info.filename)} is niet wat de zip zegt (of een archief)",
                       f"file {quoted(info.filename)} is not what the zip says (or an archive)")
    return data


def _manifest(files: dict[str, bytes]) -> dict:
    """The manifest's data, checked for its shape; LoadFailed when it is not readable."""
    raw, data = files.get(MANIFEST), None
    if raw is None:
        why: Text | None = Text("er staat geen manifest.json in", "it holds no manifest.json")
    elif len(raw) > MAX_MANIFEST_BYTES:
        why = Text("manifest.json is te groot", "manifest.json is too large")
    else:
        with contextlib.suppress(ValueError, RecursionError):
            data = json.loads(raw)
        why = _shape(data)
    if why is not None:
        raise _refused(f"is geen oncocheck-pakket: {why.nl}",
                       f"is not an oncocheck package: {why.en}")
    return cast(dict, data)  # `_shape` found a dict of the format


def _shape(data: object) -> Text | None:
    """Why `data` is no manifest of this format, or None."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        return Text(f"manifest.json is niet leesbaar als {FORMAT}",
                    f"manifest.json is not readable as {FORMAT}")
    listed = data.get("files")
    if not isinstance(listed, list) or len(listed) > MAX_ENTRIES:
        return Text(f"manifest.json noemt geen lijst van hoogstens {MAX_ENTRIES} bestanden",
                    f"manifest.json names no list of at most {MAX_ENTRIES} files")
    keys = (("path", str), ("role", str), ("size", int), ("sha256", str))
    if not all(isinstance(f, dict) and all(isinstance(f.get(k), t) for k, t in keys)
               for f in listed) or not isinstance(data.get("network"), str):
        return Text("manifest.json noemt een bestand niet goed",
                    "manifest.json names a file wrongly")
    return None


def _refused(nl: str, en: str) -> LoadFailed:
    return load_error(f"het pakket {nl}; oncocheck leest het niet",
                      f"the package {en}; oncocheck does not read it")
