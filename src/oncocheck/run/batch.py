"""The run: find the files, check each, and gather one frozen Report.

load -> check -> report happens here; rendering and where output goes belong to the CLI.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from oncocheck import __version__
from oncocheck.rules import bundled as criteria_sets
from oncocheck.run.decide import Choice
from oncocheck.run.file import check_file
from oncocheck.errors import LoadFailed, load_error
from oncocheck.cli.process import out_of_memory, release
from oncocheck.report import FileResult, Report, Results, Verdict
from oncocheck.load.words import visible

if TYPE_CHECKING:
    from oncocheck.cli.progress import Progress

SUFFIXES = (".yaml", ".yml")
SPILL_AFTER = 100  # files; a larger batch keeps its results on disk, not in memory


def network_files(paths: Iterable[str]) -> Iterator[tuple[Path, str]]:
    """Each file to check with its display path: files as given, directories walked for
    `*.yaml`/`*.yml` (hidden entries skipped, symlinked directories not followed), sorted.
    A folder the walk cannot enter (unreadable, or deeper than MAX_WALK_DEPTH) is listed too,
    as an `Unsearched` path, so its files cannot silently drop out of a batch."""
    for given in paths:
        path = Path(given)
        if not is_dir(path):
            yield path, printable(given)
            continue
        found = sorted(_walk(path))
        # a folder without network files is reported, so a typo in a CI path cannot pass
        yield from ((p, printable(p.as_posix())) for p in found) if found else [
            (path, printable(given))]


MAX_WALK_DEPTH = 100  # folders below the one given; submissions are a few levels deep


class Unsearched(type(Path())):  # type: ignore[misc]  # PosixPath or WindowsPath
    """A folder the walk did not go into; `check_one` reports it as an invalid entry."""


def _walk(top: Path) -> Iterator[Path]:
    """The network files below `top`, without recursion (a tree may be thousands deep)."""
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
            if real_dir:
                stack.append((folder / name, depth + 1))
            elif real_dir is None and name.endswith(SUFFIXES):
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


def printable(name: str) -> str:
    """A path as reports show it, on one line: control characters, line breaks (possible in
    file names), bidi and other invisible characters, and bytes that are not UTF-8 shown as
    escapes (`words.visible`), so a name cannot start a line of its own in a log (`::error::`
    in CI) nor read differently from what it is."""
    return visible(name, multiline=False)


def is_dir(path: Path) -> bool:
    """Whether `path` is a folder (False for names the system cannot handle)."""
    try:
        return path.is_dir()
    except (OSError, ValueError):  # a name too long for the system is no folder
        return False


def check_one(path: Path, display: str, choice: Choice) -> FileResult:
    """One file's result; a path that does not exist is an invalid result, not a crash."""
    try:
        os.lstat(path)
    except FileNotFoundError:
        error = load_error("bestand niet gevonden; controleer het pad",
                           "file not found; check the path").errors
        return FileResult(display, Verdict.INVALID, errors=tuple(error))
    except (OSError, ValueError):
        pass  # too long, not a folder on the way: reading it says why
    if isinstance(path, Unsearched):
        return FileResult(display, Verdict.INVALID, errors=tuple(_unsearched(path).errors))
    if is_dir(path):
        error = load_error("een map zonder .yaml- of .yml-bestanden",
                           "a folder with no .yaml or .yml files in it").errors
        return FileResult(display, Verdict.INVALID, errors=tuple(error))
    try:
        return check_file(path, display, choice)
    except BaseException as exc:
        if not out_of_memory(exc):
            raise
        release(exc)  # the file's data goes now, before anything else unwinds
        raise MemoryError from None


def _unsearched(folder: Path) -> LoadFailed:
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


def run(paths: Iterable[str], choice: Choice, jobs: int = 1,
        progress: Progress | None = None,
        files: list[tuple[Path, str]] | None = None, prepare: str | None = None) -> Report:
    """Check every file and build the Report (files in path order, whatever `jobs` is).

    With `jobs` > 1 the files are checked in a pool of that many processes. A batch of more
    than SPILL_AFTER files keeps its results in a spill file, so memory stays flat, and with
    `prepare` (a format that `render.prepares`) also each file's text in that format, made in
    the process that checked it. `files` is `network_files(paths)` when the caller has
    already listed them.
    """
    files = list(network_files(paths)) if files is None else files
    if progress is not None:
        progress.start(len(files))
    results = Results() if len(files) <= SPILL_AFTER else _spill(prepare)
    if jobs > 1 and len(files) > 1:
        from oncocheck.run.workers import checked

        keep = prepare if len(files) > SPILL_AFTER else None  # only a spill file keeps texts
        for brief, payload, text in checked(files, choice, jobs, keep):
            results.add_packed(brief, payload, text)
            if progress is not None:
                progress.advance()
    else:
        for path, display in files:
            results.add(check_one(path, display, choice))
            if progress is not None:
                progress.advance()
    return build_report(results, choice)


def _spill(prepare: str | None) -> Results:
    from oncocheck.run.spill import SpilledResults

    return SpilledResults(prepare)


def build_report(results: Results, choice: Choice) -> Report:
    """The Report for these results, with every criteria set they applied and the run's own
    date and version (what judges a file without a `submitted:` date)."""
    default = choice.default()
    applied = {b.criteria for b in results.briefs if b.criteria is not None} | {default.ref}
    by_ref = {rf.ref: rf for rf in criteria_sets.bundled()}
    by_ref[default.ref] = default
    order = sorted(applied, key=lambda r: (r.set, r.valid_from, r.file or ""))
    sets = tuple(by_ref[ref].info() for ref in order)
    return Report(__version__, choice.run_as_of, default.ref, sets, results)
