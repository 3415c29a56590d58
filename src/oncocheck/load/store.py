"""Where files come from: the disk, or the package being checked.

While a package is checked (`reading`), every file the loader, the members sheet reader and the
document look-up ask for (`packaged`) comes from the package's bytes in memory and nowhere else:
a path that leaves the package is "outside", one it lacks "not found". Outside `reading`,
`packaged` is None and the callers read the disk as ever. A context variable, like the digests
(`load.digests`): the sheet is read four calls down the loader.
"""

from __future__ import annotations

import os
import posixpath
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from oncocheck.errors import load_error

if TYPE_CHECKING:
    from oncocheck.load.package import Package


@dataclass(frozen=True)
class Reading:
    """The package being checked: read as if it were the folder `root`; `shown` is the
    package's name in reports."""

    root: str
    package: Package
    shown: str

    def display(self, name: str) -> str:
        """`aanvraag.zip:netwerk.yaml`: a file inside the package as reports show it."""
        return f"{self.shown}:{name}"


@dataclass(frozen=True)
class Inside:
    """A path asked for while a package is checked: its name in the package, its bytes, and
    why it does not count (`checks.documents.PROBLEMS` keys), if so."""

    name: str
    raw: bytes | None
    problem: str | None

    def read(self) -> bytes:
        """The bytes, or LoadFailed naming the file in the package."""
        if self.raw is None:
            raise load_error(f"{self.name} staat niet in het pakket",
                             f"{self.name} is not in the package")
        return self.raw


_ACTIVE: ContextVar[Reading | None] = ContextVar("oncocheck_package", default=None)


@contextmanager
def reading(root: Path, package: Package, shown: str) -> Iterator[Reading]:
    """Inside the block every path below `root` is a file of `package`."""
    active = Reading(os.path.abspath(root), package, shown)
    token = _ACTIVE.set(active)
    try:
        yield active
    finally:
        _ACTIVE.reset(token)


def active() -> Reading | None:
    """The package being checked, or None."""
    return _ACTIVE.get()


def packaged(path: Path | str) -> Inside | None:
    """`path` as a file of the package being checked; None when no package is."""
    now = _ACTIVE.get()
    if now is None:
        return None
    relative = os.path.relpath(os.path.abspath(path), now.root).replace(os.sep, "/")
    if relative == ".." or relative.startswith("../") or os.path.isabs(relative):
        return Inside(relative, None, "outside")
    files = now.package.files
    if relative in files:
        return Inside(relative, files[relative], None)
    if any(name.startswith(relative + "/") for name in files):
        return Inside(relative, None, "folder")
    return Inside(relative, None, "not_found")


def shown_in_package(network_display: str, name: str) -> str | None:
    """A file the network file names, as reports show it inside the package being checked
    (`aanvraag.zip:docs/visie.pdf`); None when no package is."""
    now = _ACTIVE.get()
    if now is None:
        return None
    folder = posixpath.dirname(now.package.network)
    return now.display(posixpath.normpath(posixpath.join(folder, name.replace("\\", "/"))))
