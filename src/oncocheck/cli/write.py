"""Writing reports (cli.md, "Reading and writing safely"): never over an input, a regular file
whole or not at all, anything else written into and never replaced.

- Inputs are read, never written: a report path is refused when it is any input of the run
  (network files, members spreadsheets, documents, rule files), also by another name:
  `dir/../x`, a symbolic link, a hard link.
- A regular file (or a new one, its folder made) is written as a temporary file `.NAME.XXXXXXXX`
  beside it and renamed over it: readers never see half a report, and the temporary file is
  removed on any exception, SIGTERM, SIGHUP and Ctrl-C included (`cli.faults` turns those into
  exceptions). A symbolic link stays a link: the file it leads to is replaced (or created).
- `/dev/stdout`, `/dev/fd/N` and `/proc/self/fd/N` write to this process's descriptor N, after
  what it holds; a FIFO or a character device (`/dev/null`, a terminal) is opened and written
  like a stream. A disk or a socket is refused, never opened.
- With `append` (GitHub's job summary) a regular file is added to, never replaced.
- Every failure is a UsageError naming the target (exit 2).
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterable, Iterator, Mapping
from contextlib import suppress
from pathlib import Path

from oncocheck.cli.faults import ESCAPE
from oncocheck.errors import UsageError
from oncocheck.report import Text
from oncocheck.wording import WORKING_FOLDER_GONE, absolute, os_reason, working_folder

Content = str | bytes | Iterable[str | bytes]
_OWN_FDS = re.compile(r"/proc/(?:self|thread-self|(\d+))(?:/task/\d+)?/fd|/dev/fd")
_FLAGS = os.O_WRONLY | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)  # per system


def write_report(target: Path, content: Content, append: bool = False) -> bool:
    """Write `content` (text as UTF-8, bytes, or either in pieces) to `target` as the module
    docstring says; whether a file was written (not a stream, a device or a descriptor)."""
    pieces = _encoded(content)
    own = own_descriptor(target) is not None  # written after what it holds, whatever it is
    real = target if own else Path(real_path(target))
    shown = real if os.path.islink(target) else target  # the file a link names, if it fails
    mode = None if own else _mode(real, shown)
    if mode is not None and (stat.S_ISBLK(mode) or stat.S_ISSOCK(mode)):
        raise UsageError(Text(
            f"{target} is een schijf of een socket; oncocheck schrijft rapporten alleen naar "
            "bestanden, pipes en apparaten als /dev/null",
            f"{target} is a disk or a socket; oncocheck writes reports only to files, pipes "
            "and devices such as /dev/null"))
    try:
        if own or (mode is not None and not stat.S_ISREG(mode)):  # a FIFO, a device, a folder
            _stream(real, pieces, os.O_APPEND)  # (that one fails: EISDIR)
            return False
        if append:
            _stream(real, pieces, os.O_APPEND | os.O_CREAT)
        else:
            if shown is target:  # a link's folder is the link's business, as with `>`
                real.parent.mkdir(parents=True, exist_ok=True)
            _replace(real, pieces)
    except OSError as exc:
        raise _cannot_write(shown, exc) from exc
    return True


def _mode(path: Path, shown: Path) -> int | None:
    """What `path` is (its `st_mode`); None when nothing is there."""
    try:
        return os.stat(path).st_mode
    except FileNotFoundError:
        return None
    except OSError as exc:  # a link loop, a file where a folder should be, a name too long
        raise _cannot_write(shown, exc) from exc


def _stream(path: Path, pieces: Iterator[bytes], flags: int = 0) -> None:
    """Open `path` for writing (a FIFO waits for its reader, as `>` does) and write it all."""
    with open(os.open(path, _FLAGS | flags, 0o666), "wb") as stream:  # 0o666: the umask rules
        stream.writelines(pieces)


def _replace(path: Path, pieces: Iterator[bytes]) -> None:
    """Write a temporary file beside `path` and rename it over `path`; the temporary file is
    named before it exists, so whatever interrupts (a signal too) can remove it."""
    temporary = path.with_name(f".{path.name}.{os.urandom(4).hex()}")
    try:
        _stream(temporary, pieces, os.O_CREAT | os.O_EXCL)
        os.replace(temporary, path)
    except BaseException:
        with suppress(OSError):
            os.unlink(temporary)
        raise


def own_descriptor(target: Path) -> int | None:
    """N when `target` leads to this process's file descriptor N (`/dev/stdout`,
    `/dev/fd/1`, `/proc/self/fd/1`), else None. Links are followed one at a time, as
    `realpath` would follow `/proc/self/fd/1` on to the file it has open."""
    try:
        path = os.path.abspath(target)
    except OSError:  # relative, and the working folder is gone: no descriptor of ours
        return None
    for _ in range(40):  # the kernel's own limit on links followed
        head, tail = os.path.split(path)
        head = real_path(head)
        match = _OWN_FDS.fullmatch(head)
        if match and tail.isdigit() and match.group(1) in (None, str(os.getpid())):
            return int(tail)
        try:
            path = os.path.join(head, os.readlink(os.path.join(head, tail)))
        except (OSError, ValueError):  # no link: no descriptor
            return None
    return None


def _encoded(content: Content) -> Iterator[bytes]:
    for piece in (content,) if isinstance(content, str | bytes) else content:
        # ESCAPE: a lone surrogate from a file name
        yield piece if isinstance(piece, bytes) else piece.encode("utf-8", ESCAPE)


def _cannot_write(target: Path, exc: OSError) -> UsageError:
    reason = os_reason(exc)
    return UsageError(Text(f"kan het rapport niet schrijven naar {target} ({reason.nl})",
                           f"cannot write the report to {target} ({reason.en})"))


def write_site(directory: Path, pages: Mapping[str, str]) -> None:
    """Write an HTML site (file name -> page) into `directory`, creating it, each page like a
    report and `index.html` last (an index never links to a page not there yet). A site
    (`render.html.Site`) makes each page as it is asked for, so one page is held at a time."""
    if os.path.exists(directory) and not os.path.isdir(directory):
        raise UsageError(Text(
            f"{directory} is een bestand; geef voor een HTML-site een map op met --output.",
            f"{directory} is a file; give a directory with --output for an HTML site."))
    for name in sorted(pages, key=lambda n: n == "index.html"):
        if Path(name).name != name:  # page names come from the renderer; never a path
            raise ValueError(f"unsafe page name {name!r}")
        write_report(directory / name, pages[name])


class InputFiles:
    """The run's inputs, each known by its real path and (a file) its identity, resolved once:
    checking the pages of a site costs one lookup per page, not one per page and input."""

    def __init__(self, inputs: Iterable[Path | str]) -> None:
        self.keys = {key for given in inputs for key in _keys(given)}

    def holds(self, target: Path) -> bool:
        """Whether `target` is one of the inputs, by any name."""
        return not self.keys.isdisjoint(_keys(target))


def refuse_inputs(target: Path, inputs: Iterable[Path | str] | InputFiles,
                  option: str = "--output") -> None:
    """UsageError when `target` is one of `inputs`, by any name."""
    if (inputs if isinstance(inputs, InputFiles) else InputFiles(inputs)).holds(target):
        raise UsageError(Text(
            f"{target} is een invoerbestand; oncocheck schrijft er geen rapport overheen. "
            f"Kies een ander pad voor {option}.",
            f"{target} is an input file; oncocheck will not write a report over it. "
            f"Choose another path for {option}."))


def real_path(path: Path | str) -> str:
    """The path with every symbolic link followed (as far as they lead), never raising."""
    try:
        return os.path.realpath(path)
    except (OSError, ValueError):
        return absolute(path)


def _keys(path: Path | str) -> set[object]:
    """The real path, and the device and inode of a regular file (a hard link's too)."""
    keys: set[object] = {real_path(path)}
    with suppress(OSError, ValueError):
        info = os.stat(path)
        if stat.S_ISREG(info.st_mode):
            keys.add((info.st_dev, info.st_ino))
    return keys


def refuse_vanished(path: Path, option: str) -> None:
    """UsageError for a relative `path` (given with `option`) when the working folder was
    removed: it names nothing, and opening it would say "does not exist" of a file that is
    there. Found before anything is read or written."""
    if not path.is_absolute() and working_folder() is None:
        raise UsageError(Text(f"{option} {path}: {WORKING_FOLDER_GONE.nl}",
                              f"{option} {path}: {WORKING_FOLDER_GONE.en}"))


def refuse_existing(target: Path, force: bool, option: str | None = None) -> None:
    """UsageError when `target` exists (a link too) and `--force` was not given: a file the
    user did not ask to replace is never overwritten (`init`, `pack`)."""
    if force or not (target.exists() or target.is_symlink()):
        return
    nl, en = (f" met {option}", f" with {option}") if option else ("", "")
    raise UsageError(Text(
        f"{target} bestaat al; oncocheck overschrijft het niet. Kies een ander pad{nl}, of "
        "gebruik --force om het te vervangen.",
        f"{target} already exists; oncocheck will not overwrite it. Choose another path{en}, "
        "or use --force to replace it."))
