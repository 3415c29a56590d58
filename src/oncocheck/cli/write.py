"""Writing reports: whole or not at all, never over a file the run reads, and never replacing
what is not a regular file.

- A regular file (or a new one) is written through a temporary file in the same folder and
  renamed over the target, so readers never see half a report; the temporary file is removed
  on any failure, also on SIGTERM, SIGHUP and Ctrl-C (see `oncocheck.cli.process`).
- A symbolic link to a regular file keeps being a link: the file it leads to is replaced.
- A FIFO or a character device (`/dev/null`, a terminal) is opened and written like a stream,
  never replaced; `/dev/stdout`, `/dev/fd/N` and `/proc/self/fd/N` write to that descriptor of
  this process, after what is already written there. A disk (block device), a socket or a
  folder is refused.
- Every failure is a UsageError naming the target (exit code 2).

`append_report` adds to a file the user keeps (GitHub's job summary) by the same rules: a
regular file, or the file a symbolic link leads to, is appended to (a missing one is created,
in a folder that exists, as the shell's `>>` does); a FIFO, a device or one of this process's
descriptors is written like a stream; anything else is refused. An append cannot be atomic:
the text is written in one go at the end, and nothing before it is touched.
"""

from __future__ import annotations

import errno
import os
import re
import stat
import sys
import tempfile
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

from oncocheck.cli.inputs import InputFiles, real_path, refuse_inputs
from oncocheck.cli.process import ESCAPE, StdoutFailed, blocked_signals, restore_signals
from oncocheck.errors import UsageError
from oncocheck.report import Text
from oncocheck.wording import os_reason

Content = str | bytes | Iterable[str] | Iterable[bytes]
_NOCTTY, _CLOEXEC = getattr(os, "O_NOCTTY", 0), getattr(os, "O_CLOEXEC", 0)  # 0: not Unix
_OWN_FDS = re.compile(r"/proc/(?:self|thread-self|(\d+))(?:/task/\d+)?/fd|/dev/fd")


def write_report(target: Path, content: Content) -> None:
    """Write `content` (text, bytes, or either in pieces; text as UTF-8) to `target` as the
    module docstring says."""
    pieces = _encoded(content)
    descriptor = own_descriptor(target)
    if descriptor is not None:
        _write_descriptor(target, descriptor, pieces)
        return
    info = _stat(target)
    if info is None or stat.S_ISREG(info.st_mode):
        if target.is_symlink():  # the link stays; the file it leads to is replaced
            _atomic(Path(real_path(target)), pieces, make_folder=False)
        else:
            _atomic(target, pieces)
    elif stat.S_ISCHR(info.st_mode) or stat.S_ISFIFO(info.st_mode):
        _write_stream(target, pieces)
    else:
        raise _not_writable(target, info)


def append_report(target: Path, content: Content) -> None:
    """Add `content` at the end of `target` as the module docstring says (never replacing it)."""
    pieces = _encoded(content)
    descriptor = own_descriptor(target)
    if descriptor is not None:
        _write_descriptor(target, descriptor, pieces)
        return
    info = _stat(target)
    if info is not None and (stat.S_ISCHR(info.st_mode) or stat.S_ISFIFO(info.st_mode)):
        _write_stream(target, pieces)
    elif info is None and target.is_symlink():  # a link to nothing: create what it names
        _append(Path(real_path(target)), pieces, create=True)
    elif info is None or stat.S_ISREG(info.st_mode):
        _append(target, pieces, create=info is None)
    else:
        raise _not_writable(target, info)


def _stat(target: Path) -> os.stat_result | None:
    """What `target` is now; None when nothing is there."""
    try:
        return os.stat(target)
    except FileNotFoundError:
        return None
    except OSError as exc:  # a symbolic link loop, a file where a folder should be
        raise _cannot_write(target, exc) from exc


def _not_writable(target: Path, info: os.stat_result) -> UsageError:
    """The error for a target that is a folder, a disk or a socket."""
    if stat.S_ISDIR(info.st_mode):
        return _cannot_write(target, IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR)))
    return UsageError(Text(
        f"{target} is een schijf of een socket; oncocheck schrijft rapporten alleen naar "
        "bestanden, pipes en apparaten als /dev/null",
        f"{target} is a disk or a socket; oncocheck writes reports only to files, pipes "
        "and devices such as /dev/null"))


def _append(target: Path, pieces: Iterator[bytes], create: bool) -> None:
    """Open a regular file for appending (a new one with O_EXCL, which follows no link, so
    nothing put there meanwhile is written through) and make sure it still is one."""
    flags = os.O_WRONLY | os.O_APPEND | _NOCTTY | _CLOEXEC
    flags |= os.O_CREAT | os.O_EXCL if create else 0
    try:
        fd = os.open(target, flags, 0o666)
    except OSError as exc:
        raise _cannot_write(target, exc) from exc
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):  # swapped for something else since the stat
            raise _cannot_write(target, OSError(errno.EINVAL, "not a regular file any more"))
        _write_all(fd, pieces)
    except OSError as exc:
        raise _cannot_write(target, exc) from exc
    finally:
        _close(fd)


def own_descriptor(target: Path) -> int | None:
    """N when `target` leads to this process's file descriptor N (`/dev/stdout`,
    `/dev/fd/1`, `/proc/self/fd/1`), else None."""
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
        joined = os.path.join(head, tail)
        if not os.path.islink(joined):
            return None
        try:
            path = os.path.join(head, os.readlink(joined))
        except OSError:
            return None
    return None


def _encoded(content: Content) -> Iterator[bytes]:
    if isinstance(content, bytes):
        yield content
    elif isinstance(content, str):
        yield content.encode("utf-8", ESCAPE)  # ESCAPE: a lone surrogate from a file name
    else:
        for piece in content:
            yield piece if isinstance(piece, bytes) else piece.encode("utf-8", ESCAPE)


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _atomic(target: Path, pieces: Iterator[bytes], make_folder: bool = True) -> None:
    if make_folder:
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise _cannot_write(target, exc) from exc
    previous = blocked_signals()  # no signal between making the file and knowing its name
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    except OSError as exc:
        restore_signals(previous)
        raise _cannot_write(target, exc) from exc
    try:
        restore_signals(previous)  # a signal that came meanwhile is raised here, in the try
        with os.fdopen(handle, "wb") as stream:
            for data in pieces:
                stream.write(data)
        os.chmod(temporary, 0o666 & ~_umask())  # mkstemp makes 0600; a report is shared
        os.replace(temporary, target)
    except BaseException as exc:
        Path(temporary).unlink(missing_ok=True)
        if isinstance(exc, OSError):  # a folder in the way, a full disk: the user can fix it
            raise _cannot_write(target, exc) from exc
        raise


def _write_stream(target: Path, pieces: Iterator[bytes]) -> None:
    """Open a FIFO or a device and write into it (a FIFO waits for its reader, as `>` does)."""
    try:
        fd = os.open(target, os.O_WRONLY | _NOCTTY | _CLOEXEC)
    except OSError as exc:
        raise _cannot_write(target, exc) from exc
    try:
        if stat.S_ISREG(os.fstat(fd).st_mode):  # swapped for a file since the stat
            os.close(fd)
            fd = -1
            _atomic(target, pieces)
            return
        _write_all(fd, pieces)
    except OSError as exc:
        raise _cannot_write(target, exc) from exc
    finally:
        if fd >= 0:
            _close(fd)


def _write_descriptor(target: Path, fd: int, pieces: Iterator[bytes]) -> None:
    """Write to this process's descriptor `fd`, after what stdout and stderr hold so far."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except Exception:  # noqa: BLE001, S110 - its own failure is reported where it is used
            pass
    try:
        copy = os.dup(fd)
    except OSError as exc:
        raise _cannot_write(target, exc) from exc
    try:
        _write_all(copy, pieces)
    except OSError as exc:
        if fd == 1:  # stdout by another name: a closed pipe ends the run as on stdout
            raise StdoutFailed(exc) from exc
        raise _cannot_write(target, exc) from exc
    finally:
        _close(copy)


def _write_all(fd: int, pieces: Iterator[bytes]) -> None:
    for data in pieces:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]


def _close(fd: int) -> None:
    try:
        os.close(fd)
    except OSError:  # a device that fails on close has failed on write already
        pass


def _cannot_write(target: Path, exc: OSError) -> UsageError:
    reason = os_reason(exc)
    return UsageError(Text(f"kan het rapport niet schrijven naar {target} ({reason.nl})",
                           f"cannot write the report to {target} ({reason.en})"))


def write_site(directory: Path, pages: Mapping[str, str], inputs: Iterable[Path]) -> None:
    """Write an HTML site (file name -> page) into `directory`, creating it.

    Each page is written like a report (`write_report`) and `index.html` last, so an index
    never links to a page that is not there yet. No page may land on an input file. A site
    that makes its pages in pieces (`render.html.Site.chunks`) is written piece by piece, one
    page at a time.
    """
    try:
        a_file = directory.exists() and not directory.is_dir()
    except OSError as exc:  # a name too long for the system
        raise _cannot_write(directory, exc) from exc
    if a_file:
        raise UsageError(Text(
            f"{directory} is een bestand; geef voor een HTML-site een map op met --output.",
            f"{directory} is a file; give a directory with --output for an HTML site."))
    known = InputFiles(inputs)  # resolved once: a site has as many pages as inputs
    for name in pages:
        if Path(name).name != name:  # page names come from the renderer; never a path
            raise ValueError(f"unsafe page name {name!r}")
        refuse_inputs(directory / name, known)
    chunks = getattr(pages, "chunks", None)
    for name in sorted(pages, key=lambda n: n == "index.html"):
        write_report(directory / name, chunks(name) if chunks else pages[name])
