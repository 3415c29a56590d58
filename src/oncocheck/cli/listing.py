"""`check --list-files`: every file the paths given expand to, one a line, and after a file that
is not checked why (no network file, left out by `--exclude`, a folder not searched). Each
YAML file found is parsed to tell, as the check would; nothing is judged."""

from __future__ import annotations

from pathlib import Path

from oncocheck.cli.request import Request
from oncocheck.load.visible import printable

WHY = {"skipped": ("overgeslagen: geen netwerkbestand (geen `format` of `network` bovenaan)",
                   "skipped: not a network file (no `format` or `network` at the top)"),
       "excluded": ("uitgesloten door --exclude", "excluded by --exclude"),
       "unsearched": ("niet doorzocht (onleesbaar of te diep)",
                      "not searched (unreadable or too deep)")}


def listing(request: Request) -> str:
    """The lines of `--list-files` for `request`'s paths."""
    from oncocheck.cli.stdin import network_inputs
    from oncocheck.run.walk import Found, Unsearched, network_files

    english = request.lang == "en"
    lines: list[str] = []
    if "-" in request.paths:
        return "-\n"
    excluded: list[Path] = []
    list(network_files(request.paths, request.exclude, excluded))  # what --exclude leaves out
    for path, shown in network_inputs(list(request.paths), None, request.exclude,
                                      request.networks_only):
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
