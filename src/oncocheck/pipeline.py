"""The run: find the files, check each, and gather one frozen Report.

load -> check -> report happens here; rendering and where output goes belong to the CLI.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from oncocheck import __version__
from oncocheck import criteria as criteria_sets
from oncocheck.engine import Options, check_file
from oncocheck.errors import load_error
from oncocheck.report import FileResult, Report, Verdict

SUFFIXES = (".yaml", ".yml")
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def network_files(paths: Iterable[str]) -> Iterator[tuple[Path, str]]:
    """Each file to check with its display path: files as given, directories walked for
    `*.yaml`/`*.yml` (hidden entries skipped, symlinked directories not followed), sorted."""
    for given in paths:
        path = Path(given)
        if not is_dir(path):
            yield path, printable(given)
            continue
        found = []
        for folder, dirs, files in os.walk(path):
            dirs[:] = [d for d in dirs if not d.startswith(".")]
            found += [Path(folder, f) for f in files
                      if f.endswith(SUFFIXES) and not f.startswith(".")]
        # a folder without network files is reported, so a typo in a CI path cannot pass
        found.sort()
        yield from ((p, printable(p.as_posix())) for p in found) if found else [
            (path, printable(given))]


def printable(name: str) -> str:
    """A path as reports show it: control characters and line breaks (possible in file names)
    become `?`, so a name cannot start a line of its own in a log (`::error::` in CI)."""
    return _UNPRINTABLE.sub("?", name)


def is_dir(path: Path) -> bool:
    """Whether `path` is a folder (False for names the system cannot handle)."""
    try:
        return path.is_dir()
    except (OSError, ValueError):  # a name too long for the system is no folder
        return False


def check_one(path: Path, display: str, options: Options) -> FileResult:
    """One file's result; a path that does not exist is an invalid result, not a crash."""
    try:
        os.lstat(path)
    except FileNotFoundError:
        error = load_error("bestand niet gevonden; controleer het pad",
                           "file not found; check the path").errors
        return FileResult(display, Verdict.INVALID, errors=tuple(error))
    except (OSError, ValueError):
        pass  # too long, not a folder on the way: reading it says why
    if is_dir(path):
        error = load_error("een map zonder .yaml- of .yml-bestanden",
                           "a folder with no .yaml or .yml files in it").errors
        return FileResult(display, Verdict.INVALID, errors=tuple(error))
    return check_file(path, display, options)


def run(paths: Iterable[str], options: Options) -> Report:
    """Check every file and build the Report (files in path order)."""
    default = (criteria_sets.find(options.criteria, options.as_of) if options.criteria
               else criteria_sets.in_force(criteria_sets.DEFAULT_SET, options.as_of))
    results = tuple(check_one(p, d, options) for p, d in network_files(paths))
    return build_report(results, default, options)


def build_report(results: tuple[FileResult, ...], default: criteria_sets.RuleFile,
                 options: Options) -> Report:
    """The Report for these results, with every criteria set they applied."""
    applied = {r.criteria for r in results if r.criteria is not None} | {default.ref}
    by_ref = {rf.ref: rf for rf in criteria_sets.bundled()}
    by_ref[default.ref] = default
    if options.criteria:
        chosen = criteria_sets.find(options.criteria, options.as_of)
        by_ref[chosen.ref] = chosen
    sets = tuple(by_ref[ref].info() for ref in sorted(applied, key=lambda r: (r.set, r.valid_from)))
    return Report(__version__, options.as_of, default.ref, sets, results)
