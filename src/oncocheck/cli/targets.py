"""Several renderings of one check: which format goes where (`--format/--output`, `--report`).

All destinations are settled before anything is checked, so a usage error writes nothing: two
outputs to the same place, an output over an input file, or a binary report (the register
workbook, `xlsx`) to a terminal, where its bytes would only garble the screen, are refused up
front. `-` is stdout.
"""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from oncocheck.cli.write import own_descriptor, real_path, refuse_inputs, refuse_vanished
from oncocheck.errors import UsageError
from oncocheck.load.visible import quoted
from oncocheck.render import formats_of, is_binary
from oncocheck.report import Text
from oncocheck.run.walk import is_dir

STDOUT = "-"
PAGE_SUFFIXES = (".html", ".htm")  # a path named so is one page, not a site's folder


@dataclass(frozen=True, slots=True)
class Target:
    """One rendering: a format and a file, or stdout when `path` is None. A `site` target is
    an HTML site (index.html plus a page per network) written into the directory `path`."""

    fmt: str
    path: Path | None
    site: bool = False


def parse_report(value: str) -> Target:
    """`FORMAT=PATH` (PATH `-` is stdout) as a Target; UsageError when malformed."""
    fmt, sep, path = value.partition("=")
    fmt = fmt.strip()
    if not sep or not path or fmt not in formats_of("check"):
        known = ", ".join(formats_of("check"))
        raise UsageError(Text(
            f"--report verwacht FORMAAT=PAD met FORMAAT een van {known} (PAD - is het scherm), "
            f"niet {quoted(value)}",
            f"--report expects FORMAT=PATH with FORMAT one of {known} (PATH - is stdout), "
            f"not {quoted(value)}"))
    return Target(fmt, _path(path))


def _path(given: str | Path | None) -> Path | None:
    """The path a report goes to; None for stdout: `-`, and also by a name (`/dev/stdout`),
    so that it is written after what stdout holds and fails as stdout does."""
    if given is None or str(given) == STDOUT or own_descriptor(Path(given)) == 1:
        return None
    return Path(given)


def refuse_format_as_path(fmt: str | None, output: Path | None) -> None:
    """UsageError for `-o json` without `--format`: other tools read `-o` as the format, and
    a file named `json` written in silence is not what was meant."""
    if fmt is not None or output is None or output.as_posix() not in formats_of("check"):
        return
    name = output.as_posix()
    raise UsageError(Text(
        f"-o {name} schrijft het rapport naar een bestand dat {name} heet; bedoelde u "
        f"--format {name}? -o/--output is het pad (--format {name} -o rapport), --format het "
        f"formaat; wilt u toch een bestand {name}: --format console -o {name}",
        f"-o {name} writes the report to a file named {name}; did you mean --format {name}? "
        f"-o/--output is the path (--format {name} -o report), --format the format; to write "
        f"a file named {name} after all: --format console -o {name}"))


def plan(fmt: str | None, output: Path | None, reports: Iterable[str],
         inputs: Iterable[Path], networks: int) -> list[Target]:
    """Every rendering of this run, checked. The main one (`--format`, `--output`) is left out
    only when neither option is given and a `--report` already goes to stdout. `inputs` are
    every file no report may be written over; `networks` the number of network files among
    them, which alone decides whether HTML is one page or a site (a rule file is no page)."""
    refuse_format_as_path(fmt, output)
    extra = [parse_report(value) for value in reports]
    main = Target(fmt or "console", _path(output))
    explicit = fmt is not None or output is not None
    targets = extra if not explicit and any(t.path is None for t in extra) else [main, *extra]
    files = list(inputs)
    targets = [_as_site(t, networks) for t in targets]
    for option, target in [("--output", main), *(("--report", t) for t in extra)]:
        if target.path is not None:
            refuse_vanished(target.path, option)
    _refuse_same_place(targets)
    refuse_terminal(targets)
    for path in (t.path for t in targets if t.path is not None and not t.site):
        refuse_inputs(path, files)
    return targets


def _as_site(target: Target, files: int) -> Target:
    """HTML for several files is a site in a directory; for one file, when the path names an
    existing directory. Other formats are unchanged."""
    if target.fmt != "html" or (files == 1 and not (target.path and is_dir(target.path))):
        return target
    if target.path is None:
        raise UsageError(Text(
            f"html voor {files} bestanden schrijft een site: geef een map op, bijvoorbeeld "
            "--output rapport/ of --report html=rapport/",
            f"html for {files} files writes a site: give a directory, for example "
            "--output report/ or --report html=report/"))
    if target.path.suffix.lower() in PAGE_SUFFIXES and not is_dir(target.path):
        # without this, `-o rapport.html` silently became a folder of that name
        folder = target.path.with_suffix("")
        raise UsageError(Text(
            f"html voor {files} bestanden schrijft een site (index.html en een pagina per "
            f"netwerk) in een map, niet in één bestand {target.path}; geef een map op, "
            f"bijvoorbeeld {folder}/",
            f"html for {files} files writes a site (index.html and a page per network) into "
            f"a directory, not into one file {target.path}; give a directory, for example "
            f"{folder}/"))
    return Target(target.fmt, target.path, site=True)


def _refuse_same_place(targets: list[Target]) -> None:
    """UsageError when two reports go to the same place (by any name)."""
    seen: dict[object, Target] = {}
    for target in targets:
        key = STDOUT if target.path is None else real_path(target.path)
        if key in seen:
            where = str(target.path) if target.path is not None else None
            raise UsageError(Text(
                f"twee rapporten ({seen[key].fmt} en {target.fmt}) gaan naar "
                f"{where or 'het scherm (stdout)'}; geef elk rapport een eigen pad",
                f"two reports ({seen[key].fmt} and {target.fmt}) go to {where or 'stdout'}; "
                "give each report a path of its own"))
        seen[key] = target


def refuse_terminal(targets: Iterable[Target]) -> None:
    """UsageError when a binary format would be written to a terminal."""
    for target in targets:
        if is_binary(target.fmt) and is_terminal(target.path):
            raise UsageError(Text(
                f"{target.fmt} is een bestand, geen tekst voor het scherm; schrijf het naar een "
                f"bestand, bijvoorbeeld --output register.{target.fmt} of --report "
                f"{target.fmt}=register.{target.fmt}",
                f"{target.fmt} is a file, not text for the screen; write it to a file, for "
                f"example --output register.{target.fmt} or --report "
                f"{target.fmt}=register.{target.fmt}"))


def is_terminal(path: Path | None) -> bool:
    """Whether writing to `path` (None: stdout) would write to a terminal: stdout that is one,
    or a terminal device named as the path (`/dev/tty`, `/proc/self/fd/N` leading to one)."""
    try:
        if path is None:
            return sys.stdout.isatty()
        if not stat.S_ISCHR(os.stat(path).st_mode):
            return False  # a file, a FIFO, a folder: written or refused as usual
        # a character device: /dev/null, or a terminal? O_NONBLOCK: a modem line never waits
        fd = os.open(path, os.O_WRONLY | getattr(os, "O_NOCTTY", 0) | getattr(
            os, "O_NONBLOCK", 0))
    except (AttributeError, OSError, ValueError):  # no stdout, a closed one, no such file
        return False
    try:
        return os.isatty(fd)
    finally:
        os.close(fd)
