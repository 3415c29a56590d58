"""What CI services need from the run's surroundings: the folder their paths start from, and
GitHub's job summary file.

- The root (`Report.root`): `--base-dir DIR`, else the top level of the git repository that
  holds the checked files, found by walking up to a `.git` (a folder, or the file of a worktree
  or submodule) without running git; none outside a repository, and then CI formats name files
  relative to the working directory, as the other formats do.
- The job summary: when `$GITHUB_STEP_SUMMARY` names a file, the summary
  (`oncocheck.render.step_summary`) is added at its end (`cli.write.write_report`), never
  replacing what the step wrote there before, and kept under GitHub's 1 MiB with what is there
  already. It is left out when a report of this run already goes to that file.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path, PurePath

from oncocheck.cli.write import real_path, refuse_vanished
from oncocheck.cli.targets import Target
from oncocheck.errors import UsageError
from oncocheck.report import Report, Root, Text
from oncocheck.wording import working_folder

SUMMARY_VARIABLE = "GITHUB_STEP_SUMMARY"
_MAX_LEVELS = 256  # folders walked up looking for `.git`; deeper than any real checkout


def find_root(paths: Sequence[str], base_dir: Path | None) -> Root | None:
    """The root CI paths start from (see the module docstring); UsageError for a `--base-dir`
    that is not a folder."""
    cwd = working_folder()  # the physical path, as realpath gives
    if cwd is None:  # removed: only absolute paths name files, and they need no folder
        cwd = os.sep
    if base_dir is not None:
        refuse_vanished(base_dir, "--base-dir")
        if not base_dir.is_dir():
            raise UsageError(Text(
                f"--base-dir {base_dir} is geen map; geef de hoofdmap van de repository op",
                f"--base-dir {base_dir} is not a folder; give the top folder of the repository"))
        return Root(_posix(real_path(base_dir)), _posix(cwd))
    top = git_top(_common_folder(paths, cwd))
    return Root(_posix(top), _posix(cwd)) if top is not None else None


def _common_folder(paths: Sequence[str], cwd: str) -> str:
    folders = []
    for given in paths:
        full = real_path(os.path.join(cwd, given))
        folders.append(full if os.path.isdir(full) else os.path.dirname(full))
    try:
        return os.path.commonpath(folders) if folders else cwd
    except ValueError:  # paths on different drives (Windows)
        return cwd


def git_top(folder: str) -> str | None:
    """The nearest folder from `folder` upwards that holds a `.git`, or None."""
    current = folder
    for _ in range(_MAX_LEVELS):
        if os.path.lexists(os.path.join(current, ".git")):
            return current
        parent = os.path.dirname(current)
        if parent == current:
            return None
        current = parent
    return None


def _posix(path: str) -> str:
    return PurePath(path).as_posix()


def step_summary(report: Report, lang: str,
                 targets: Sequence[Target]) -> list[tuple[Path, Callable[[], str]]]:
    """What to add to GitHub's job summary file: none, or that file with its text (made
    when it is written, to fit the room the file has left)."""
    value = os.environ.get(SUMMARY_VARIABLE, "")
    if not value.strip():
        return []
    path = Path(value)
    if any(t.path is not None and real_path(t.path) == real_path(path) for t in targets):
        return []
    return [(path, lambda: _summary_text(report, lang, path))]


def _summary_text(report: Report, lang: str, path: Path) -> str:
    from oncocheck.render import step_summary as summary

    try:
        used = path.stat().st_size if path.is_file() else 0
    except OSError:
        used = 0
    return summary.render(report, lang, max(summary.LIMIT - summary.MARGIN - used, 0))
