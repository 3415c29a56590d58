"""The files a batch checks: files as given, folders walked for `*.yaml` / `*.yml` and
application packages (`*.zip`, `is_package`); and for a name not there, the file probably meant.

The walk does not recurse (a tree may be thousands of folders deep), skips hidden entries,
does not follow links to folders, and lists the folders it could not search, so their files
cannot silently drop out of a batch. A YAML file the walk finds with neither `format` nor
`network` at its top (a settings file) is skipped and listed (`Skips`); a file named on the
command line is always checked. A name not there may be nearly there (Notepad's hidden `.txt`,
another case, no extension): `not_found` and `no_yaml` name the near file.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from fnmatch import fnmatchcase
from pathlib import Path

from oncocheck.errors import LoadFailed, load_error
from oncocheck.load.visible import printable, quoted
from oncocheck.report import FileResult, Verdict

SUFFIXES = (".yaml", ".yml")
MAX_WALK_DEPTH = 100  # folders below the one given; submissions are a few levels deep
LOOKED_AT = 10_000  # entries of a folder read for a near name; a submission has a few
_EXTENSIONS = (
    "Kladblok zet er '.txt' achter en Windows verbergt dat: zet in de Verkenner bij Beeld de "
    "Bestandsnaamextensies aan om de hele naam te zien en te wijzigen",
    "Notepad adds '.txt' and Windows hides it: turn on File name extensions under View in "
    "File Explorer to see and change the whole name")


def network_files(paths: Iterable[str], exclude: Sequence[str] = (),
                  excluded: list[Path] | None = None) -> Iterator[tuple[Path, str]]:
    """Each file to check with its display path, sorted within each folder given. A folder
    without network files is listed itself, so a typo in a CI path cannot pass. Paths a
    walk meets that match a glob of `exclude` are left out (and put in `excluded`)."""
    for given in paths:
        path = Path(given)
        if not is_dir(path):
            yield path, printable(given)
            continue
        found = sorted(_walk(path, Excluder(path, exclude, excluded)))
        yield from ((_found(p, printable(given)), printable(p.as_posix())) for p in found
                    ) if found else [(path, printable(given))]


class Unsearched(type(Path())):  # type: ignore[misc]  # PosixPath or WindowsPath
    """A folder the walk did not go into; checking it reports it as an invalid entry."""


class Found(type(Path())):  # type: ignore[misc]
    """A file the walk found in `folder` (as shown): when it is no network file it is skipped
    rather than checked. (`folder` stays in this process: a worker gets the path alone.)"""

    folder = ""


def _found(path: Path, folder: str) -> Path:
    if isinstance(path, Unsearched):
        return path
    found = Found(path)
    found.folder = folder
    return found


def as_found(path: Path) -> Path:
    """A file named on the command line treated as one a walk found (`--networks-only`): when
    it is no network file it is skipped, and listed, but no folder is blamed for it."""
    return path if isinstance(path, (Found, Unsearched)) or is_dir(path) else _found(path, "")


class Skips:
    """The files of a batch skipped as no network file, in path order; and for a folder given
    whose every file was skipped, an invalid entry of its own, so that a wrong folder (a CI
    path to the settings) cannot pass as a folder of compliant networks."""

    def __init__(self, files: Sequence[tuple[Path, str]]) -> None:
        self.skipped: list[str] = []
        self._left = Counter(path.folder for path, _ in files if isinstance(path, Found))
        self._checked: set[str] = set()

    def note(self, path: Path, display: str, checked: bool) -> FileResult | None:
        """Note whether this file was `checked` (else it was skipped); after the last file
        of a folder that held no network file, the invalid entry for that folder."""
        if not isinstance(path, Found):
            return None
        self._left[path.folder] -= 1
        if checked:
            self._checked.add(path.folder)
        else:
            self.skipped.append(display)
        if self._left[path.folder] or path.folder in self._checked or not path.folder:
            return None
        return FileResult(path.folder, Verdict.INVALID, errors=tuple(load_error(
            "een map zonder netwerkbestanden: geen van de YAML-bestanden erin heeft `format` of "
            "`network` bovenaan; ze zijn overgeslagen", "a folder with no network files: none "
            "of the YAML files in it has `format` or `network` at the top; they were skipped"
        ).errors))


class Excluder:
    """`--exclude GLOB`: a path the walk of `top` meets is left out when a glob matches its
    path from `top` (`archief/*.yaml`) or its name alone (`archief`); a folder left out is
    not walked into. What is left out is put in `excluded` (for `--list-files`)."""

    def __init__(self, top: Path, globs: Sequence[str], excluded: list[Path] | None) -> None:
        self.top, self.globs, self.excluded = top, tuple(globs), excluded

    def __call__(self, path: Path) -> bool:
        """Whether `path` is left out."""
        if not self.globs:
            return False
        inside = path.relative_to(self.top).as_posix()
        if not any(fnmatchcase(inside, g) or fnmatchcase(path.name, g) for g in self.globs):
            return False
        if self.excluded is not None:
            self.excluded.append(path)
        return True


def _walk(top: Path, excluding: Excluder) -> Iterator[Path]:
    """The network files below `top`, without recursion, but those `excluding` leaves out."""
    stack = [(top, 0)]
    while stack:
        folder, depth = stack.pop()
        if depth > MAX_WALK_DEPTH:
            yield Unsearched(folder)
            continue
        try:
            with os.scandir(folder) as entries:
                listed = [(e.name, _is_real_dir(e)) for e in entries if not e.name.startswith(".")]
        except OSError:
            yield Unsearched(folder)
            continue
        for name, real_dir in listed:
            if (real_dir or real_dir is None and name.endswith(SUFFIXES)) and \
                    excluding(folder / name):
                continue
            if real_dir:
                stack.append((folder / name, depth + 1))
            elif real_dir is None and (name.endswith(SUFFIXES) or is_package(name)):
                yield folder / name


def _is_real_dir(entry: os.DirEntry) -> bool | None:
    """True for a folder to walk into, False for a link to one (not followed, not a file),
    None for anything else (a file, a broken link, a FIFO: checked if its name fits)."""
    try:
        if not entry.is_dir():
            return None
        return not entry.is_symlink()
    except OSError:
        return None


def is_package(path: Path | str) -> bool:
    """Whether `path` is named as an application package (`aanvraag.zip`, `oncocheck pack`)."""
    return os.fspath(path).lower().endswith(".zip")


def is_dir(path: Path) -> bool:
    """Whether `path` is a folder (False for names the system cannot handle)."""
    try:
        return path.is_dir()
    except (OSError, ValueError):  # a name too long for the system is no folder
        return False


def unsearched(folder: Path) -> LoadFailed:
    """Why the walk left `folder` out: it could not be read, or lies too deep."""
    try:
        os.scandir(folder).close()
    except OSError as exc:
        return load_error(f"kan deze map niet doorzoeken ({exc.strerror}); de bestanden erin "
                          "zijn niet gecontroleerd", f"cannot search this folder "
                          f"({exc.strerror}); the files in it were not checked")
    return load_error(f"deze map ligt meer dan {MAX_WALK_DEPTH} mappen diep; oncocheck zoekt er "
                      "niet in. Geef de map zelf op als u de bestanden erin wilt controleren",
                      f"this folder lies more than {MAX_WALK_DEPTH} folders deep; oncocheck does "
                      "not search it. Give the folder itself to check the files in it")


def not_found(path: Path) -> LoadFailed:
    """`bestand niet gevonden`, naming a file in the same folder that was probably meant."""
    wanted = path.name.casefold()
    meant = {wanted, *(wanted + suffix for suffix in SUFFIXES)}
    near = [n for n in _names(path.parent) if _without_txt(n).casefold() in meant]
    if not near:
        return load_error("bestand niet gevonden; controleer het pad",
                          "file not found; check the path")
    name = near[0]
    if name == _without_txt(name):  # another case, or the extension left out
        return load_error(f"bestand niet gevonden; bedoelt u {quoted(name)}? Dat staat in "
                          "deze map", f"file not found; did you mean {quoted(name)}? That one "
                          "is in this folder")
    nl, en = _rename(name)
    return load_error(f"bestand niet gevonden; in deze map staat wel {quoted(name)}: {nl}",
                      f"file not found; this folder does have {quoted(name)}: {en}")


def no_yaml(folder: Path) -> LoadFailed:
    """A folder without YAML files or packages, naming one saved as `.yaml.txt` when there is
    one."""
    near = [n for n in _names(folder) if _without_txt(n).lower().endswith(SUFFIXES)
            and n != _without_txt(n)]
    if not near:
        return load_error("een map zonder .yaml-, .yml- of .zip-bestanden (netwerkbestanden "
                          "of aanvraagpakketten)", "a folder with no .yaml, .yml or .zip files "
                          "(network files or application packages) in it")
    nl, en = _rename(near[0])
    return load_error(f"een map zonder .yaml-, .yml- of .zip-bestanden (netwerkbestanden of "
                      f"aanvraagpakketten); wel {quoted(near[0])}: {nl}",
                      f"a folder with no .yaml, .yml or .zip files (network files or "
                      f"application packages) in it; it does have {quoted(near[0])}: {en}")


def _rename(name: str) -> tuple[str, str]:
    right = quoted(_without_txt(name))
    return (f"hernoem het naar {right} ({_EXTENSIONS[0]})",
            f"rename it to {right} ({_EXTENSIONS[1]})")


def _without_txt(name: str) -> str:
    return name[:-4] if name.lower().endswith(".txt") else name


def _names(folder: Path) -> list[str]:
    """The names of the regular files in `folder` (at most LOOKED_AT looked at), sorted; none
    when it cannot be read."""
    try:
        with os.scandir(folder) as entries:
            names = [e.name for _, e in zip(range(LOOKED_AT), entries, strict=False)
                     if not e.name.startswith(".") and _is_file(e)]
    except (OSError, ValueError):
        return []
    return sorted(names)


def _is_file(entry: os.DirEntry) -> bool:
    try:
        return entry.is_file()
    except OSError:
        return False
