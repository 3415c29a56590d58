"""The files a check reads: named, found in folders, or one network on standard input; what
`--list-files` says of them; and the folder CI paths start from.

`oncocheck check -` reads one network file from standard input, as an editor or a pipe gives it
(`oncocheck check - --stdin-filename netwerken/zuid.yaml < zuid.yaml`). It goes by
`--stdin-filename` in every report, and relative paths in it (members_file, documents) start
from that name's folder; without it, it goes by `<stdin>` and they start from the current
folder. Reading is bounded like a file's. A terminal is refused rather than waited on: nobody
types a network file, and a CI job with no input must not hang.

The root (`Report.root`): `--base-dir DIR`, else the top level of the git repository that holds
the checked files, found by walking up to a `.git` (a folder, or the file of a worktree or
submodule) without running git; none outside a repository, and then CI formats name files
relative to the working directory, as the other formats do.
"""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Sequence
from pathlib import Path, PurePath

from oncocheck.cli.write import real_path, refuse_vanished
from oncocheck.errors import UsageError
from oncocheck.load.text import from_stdin
from oncocheck.load.visible import printable
from oncocheck.report import Root, Text
from oncocheck.wording import working_folder

STDIN = "-"
NAMELESS = "<stdin>"
_MAX_LEVELS = 256  # folders walked up looking for `.git`; deeper than any real checkout


def network_inputs(paths: list[str], name: str | None, exclude: tuple[str, ...] = (),
                   networks_only: bool = False) -> list[tuple[Path, str]]:
    """The files to check with their display paths: those below `paths` (but what `exclude`
    leaves out; with `networks_only` a named file that is no network is skipped, as one
    found in a folder), or with `-` the one network on standard input. UsageError for `-`
    among other paths, or a name without `-`."""
    from oncocheck.run.walk import as_found, network_files

    if STDIN not in paths:
        if name is not None:
            raise UsageError(Text("--stdin-filename hoort bij `-` (het netwerkbestand van de "
                                  "standaardinvoer); geef `-` als pad, of laat de optie weg",
                                  "--stdin-filename goes with `-` (the network file on standard "
                                  "input); give `-` as the path, or leave the option out"))
        files = list(network_files(paths, exclude))
        return [(as_found(p), shown) for p, shown in files] if networks_only else files
    if len(paths) > 1:
        raise UsageError(Text("`-` leest één netwerkbestand van de standaardinvoer; geef er geen "
                              "andere paden bij (een bestand dat `-` heet: ./-)",
                              "`-` reads one network file from standard input; give no other "
                              "paths with it (a file named `-`: ./-)"))
    return [read_stdin(name)]


def read_stdin(name: str | None) -> tuple[Path, str]:
    """The network file on standard input, read now, with the name reports show."""
    if name is not None and not name.strip():
        raise UsageError(Text("--stdin-filename is leeg; geef de naam van het bestand",
                              "--stdin-filename is empty; give the file's name"))
    stream = sys.stdin
    if stream is None or stream.closed:
        raise UsageError(Text("`-` leest de standaardinvoer, maar die is gesloten; stuur het "
                              "bestand in met `< netwerk.yaml` of een pipe",
                              "`-` reads standard input, but it is closed; send the file in "
                              "with `< netwerk.yaml` or a pipe"))
    if stream.isatty():
        raise UsageError(Text("`-` leest een netwerkbestand van de standaardinvoer, maar die is "
                              "een terminal; stuur het bestand in (oncocheck check - < "
                              "netwerk.yaml) of geef het pad",
                              "`-` reads a network file from standard input, but that is a "
                              "terminal; send the file in (oncocheck check - < netwerk.yaml) "
                              "or give its path"))
    raw = getattr(stream, "buffer", None)
    if raw is None:  # a text stream without bytes beneath (a test's StringIO)
        raw = io.BytesIO(stream.read().encode("utf-8"))
    path = from_stdin(raw, name if name is not None else NAMELESS)
    return path, printable(name) if name is not None else NAMELESS


WHY = {"skipped": ("overgeslagen: geen netwerkbestand (geen `format` of `network` bovenaan)",
                   "skipped: not a network file (no `format` or `network` at the top)"),
       "excluded": ("uitgesloten door --exclude", "excluded by --exclude"),
       "unsearched": ("niet doorzocht (onleesbaar of te diep)",
                      "not searched (unreadable or too deep)")}


def listing(paths: Sequence[str], exclude: tuple[str, ...], networks_only: bool,
            lang: str) -> str:
    """The lines of `--list-files` for `paths`."""
    from oncocheck.run.walk import Found, Unsearched, network_files

    english = lang == "en"
    lines: list[str] = []
    if STDIN in paths:
        return "-\n"
    excluded: list[Path] = []
    list(network_files(paths, exclude, excluded))  # what --exclude leaves out
    for path, shown in network_inputs(list(paths), None, exclude, networks_only):
        why = None
        if isinstance(path, Unsearched):
            why = "unsearched"
        elif isinstance(path, Found) and not _network(path):
            why = "skipped"
        lines.append(shown if why is None else f"{shown}: {WHY[why][english]}")
    lines += [f"{printable(p.as_posix())}: {WHY['excluded'][english]}" for p in excluded]
    return "".join(f"{line}\n" for line in lines)


def _network(path: Path) -> bool:
    """Whether the check would take the YAML file at `path` as a network file: one that
    cannot be read is checked (and reported invalid), so it counts as one."""
    from oncocheck.errors import LoadFailed
    from oncocheck.load.parse import parse
    from oncocheck.load.text import decode, read_bytes
    from oncocheck.network.read import is_network

    try:
        return is_network(parse(decode(read_bytes(path))).data)
    except LoadFailed:
        return True


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
