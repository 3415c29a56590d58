"""Writing reports: whole or not at all, and never over a file the run reads."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from oncocheck.errors import UsageError
from oncocheck.report import Text


def refuse_inputs(target: Path, inputs: Iterable[Path]) -> None:
    """UsageError when `target` is one of the input files (or inside an input directory's
    files that would be checked, i.e. the same file)."""
    resolved = target.resolve()
    for given in inputs:
        if given.resolve() == resolved:
            raise UsageError(Text(
                f"{target} is een invoerbestand; oncocheck schrijft er geen rapport overheen. "
                "Kies een ander pad voor --output.",
                f"{target} is an input file; oncocheck will not write a report over it. "
                "Choose another path for --output."))


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_atomic(target: Path, content: str | bytes | Iterable[str]) -> None:
    """Write `content` (text, bytes, or text in pieces) to `target` through a temporary file
    in the same folder, then rename, so readers never see half a report."""
    pieces: Iterable[bytes] = ((content.encode("utf-8"),) if isinstance(content, str) else
                               (content,) if isinstance(content, bytes) else
                               (piece.encode("utf-8") for piece in content))
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    except OSError as exc:
        raise _cannot_write(target, exc) from exc
    try:
        with os.fdopen(handle, "wb") as stream:
            for data in pieces:
                stream.write(data)
        os.chmod(temporary, 0o666 & ~_umask())  # mkstemp makes 0600; a report is shared
        os.replace(temporary, target)
    except BaseException as exc:
        Path(temporary).unlink(missing_ok=True)
        if isinstance(exc, OSError):  # a folder in the way, a full disk: the user can fix it
            raise _cannot_write(target, exc) from exc
        raise


def _cannot_write(target: Path, exc: OSError) -> UsageError:
    return UsageError(Text(f"kan het rapport niet schrijven naar {target} ({exc.strerror})",
                           f"cannot write the report to {target} ({exc.strerror})"))


def write_site(directory: Path, pages: dict[str, str], inputs: Iterable[Path]) -> None:
    """Write an HTML site (file name -> page) into `directory`, creating it.

    Each page is written atomically and `index.html` last, so an index never links to a page
    that is not there yet. No page may land on an input file.
    """
    if directory.exists() and not directory.is_dir():
        raise UsageError(Text(
            f"{directory} is een bestand; geef voor een HTML-site een map op met --output.",
            f"{directory} is a file; give a directory with --output for an HTML site."))
    inputs = list(inputs)
    for name in pages:
        if Path(name).name != name:  # page names come from the renderer; never a path
            raise ValueError(f"unsafe page name {name!r}")
        refuse_inputs(directory / name, inputs)
    for name in sorted(pages, key=lambda n: n == "index.html"):
        write_atomic(directory / name, pages[name])
