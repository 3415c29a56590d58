"""`oncocheck check -`: one network file read from standard input, as an editor or a pipe
gives it (`oncocheck check - --stdin-filename netwerken/zuid.yaml < zuid.yaml`).

The file goes by `--stdin-filename` in every report, and relative paths in it (members_file,
documents) start from that name's folder; without it, it goes by `<stdin>` and they start from
the current folder. Reading is bounded like a file's. A terminal is refused rather than waited
on: nobody types a network file, and a CI job with no input must not hang.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from oncocheck.errors import UsageError
from oncocheck.load.text import from_stdin
from oncocheck.load.visible import printable
from oncocheck.report import Text

STDIN = "-"
NAMELESS = "<stdin>"


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
