"""`check --watch`: check again whenever a file the check read changes, until Ctrl-C.

A round is one whole `check`: the console report is drawn anew (on a terminal the screen is
cleared first) and every `--output`/`--report` file is written again. The files watched are
the round's inputs (network files, members spreadsheets, named documents, rule files) and, for
a folder given, the YAML files in it; each round lists them anew, so a `members_file:` changed
to another sheet is followed. HTML written in watch mode reloads itself in the browser until
the watch stops; then it is written once more as a page that stays.

Changes come from `watchfiles` (the folders of the inputs, not the files: an editor that saves
by writing a new file and renaming it over the old one stays seen). Whether a watched file
really changed is decided by comparing its `stat` (size, time, inode) before and after, and for
a folder the names of its YAML files, also once a second without any notification, so a change
made while a round ran is not missed.
"""

from __future__ import annotations

import os
import signal
import stat
import sys
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Any, cast

from oncocheck.cli.deliver import Output
from oncocheck.cli.faults import emit, say
from oncocheck.cli.faults import STOPPING, Terminated
from oncocheck.cli.targets import Target
from oncocheck.errors import UsageError
from oncocheck.load.visible import printable
from oncocheck.report import Text
from oncocheck.wording import absolute, working_folder

CLEAR = "\x1b[H\x1b[2J\x1b[3J"  # cursor home, clear the screen and its scrollback
YAML = (".yaml", ".yml")


@dataclass(frozen=True)
class Watched:
    """What one round read: its input files and the folders given to search."""

    files: tuple[str, ...]
    folders: tuple[str, ...]

    def dirs(self) -> list[str]:
        """The folders that exist of each file (and the file a link leads to), and those given."""
        found = [os.path.dirname(p) for f in self.files for p in _names(f)]
        return [d for d in dict.fromkeys([*found, *self.folders]) if os.path.isdir(d)]

    def state(self) -> dict[str, object]:
        """Each watched file's `stat` (None when it is gone) and each folder's YAML names."""
        seen: dict[str, object] = {f: _stat(f) for f in self.files}
        seen.update({d: _yaml_names(d) for d in self.folders})
        return seen

    def changes(self, before: dict[str, object]) -> list[str]:
        """The files and folders that are no longer as `before`."""
        after = self.state()
        return [name for name in after if after[name] != before.get(name)]


def watching(files: Iterable[Path | str], folders: tuple[str, ...]) -> Watched:
    """What a round read (`files`) and the folders given, as absolute paths; a document
    written `map\\visie.docx` is looked up (and so watched) as `map/visie.docx`."""
    return Watched(tuple(dict.fromkeys(absolute(str(f).replace("\\", os.sep))
                                       for f in files)), folders)


def since(now: object, started: int) -> object:
    """The state to compare with for a file first read in the round that began at
    `started`: its state now, unless it was written since then (or so shortly before that
    the file system's coarse clock cannot tell): then a state it cannot have, so it is
    checked again."""
    recent = isinstance(now, tuple) and len(now) == 3 and now[0] >= started - 50_000_000
    return "written during the round" if recent else now


def _names(path: str) -> list[str]:
    """`path`, and the file a symbolic link there leads to."""
    if not os.path.isabs(path):  # left relative by `absolute`: the working folder is gone
        return [path]
    real = os.path.realpath(path)
    return [path] if real == path else [path, real]


def _stat(path: str) -> tuple[int, ...] | None:
    """What tells a change of the file at `path`; a folder (one given without network files)
    never changes so, as writing a report into it would start a round again and again."""
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return None
    if stat.S_ISDIR(info.st_mode):
        return ()
    return info.st_mtime_ns, info.st_size, info.st_ino


def _yaml_names(folder: str) -> tuple[str, ...]:
    try:
        return tuple(sorted(n for n in os.listdir(folder) if n.lower().endswith(YAML)))
    except OSError:
        return ()


def keep_watching(once: Callable[[], Iterable[Path]], paths: list[str], lang: str,
                  stop: threading.Event | None = None,
                  last: Callable[[], object] | None = None) -> int:
    """Run `once` (a round; it returns the files it read), then again after each change,
    until Ctrl-C or `stop`: then `last` (the last round's HTML written once more, as a page
    that no longer reloads itself), and exit code 0. A usage error in the first round ends
    the watch; in a later one it is shown and the watch goes on (the user is fixing things)."""
    folders = tuple(absolute(p) for p in paths if os.path.isdir(p))
    watched = watching((p for p in paths if not os.path.isdir(p)), folders)
    first = True
    try:
        while True:
            before, started = watched.state(), time.time_ns()  # an edit in the round is seen
            try:
                watched = watching(once(), folders)
            except UsageError as exc:
                if first:
                    raise
                say(f"oncocheck: {'fout' if lang != 'en' else 'error'}: {exc.text.get(lang)}")
            first = False
            before = {name: before[name] if name in before else since(now, started)
                      for name, now in watched.state().items()}
            _waiting(watched, lang)
            changed = _wait(watched, before, stop)
            if changed is None:
                break
            if sys.stdout.isatty():
                emit(CLEAR)
            say(_changed_line(changed, lang))
    except KeyboardInterrupt:
        say(Text("oncocheck: gestopt met kijken", "oncocheck: stopped watching").get(lang))
    if last is not None:
        last()
    return 0


def _wait(watched: Watched, before: dict[str, object],
          stop: threading.Event | None) -> list[str] | None:
    """Block until a watched file or folder is no longer as `before`: what changed; None
    when `stop` is set."""
    import watchfiles

    dirs = watched.dirs() or [working_folder() or os.sep]
    caught: list[int] = []
    previous = _noting(caught)
    try:
        try:
            ticks = watchfiles.watch(*dirs, watch_filter=None, stop_event=stop,
                                     rust_timeout=1000, yield_on_timeout=True, recursive=False,
                                     debounce=400, step=100)
            for _ in ticks:
                if changed := watched.changes(before):
                    return changed
        except OSError:  # a folder gone or unreadable meanwhile: look once a second instead
            while stop is None or not stop.is_set():
                time.sleep(1)
                if changed := watched.changes(before):
                    return changed
    except KeyboardInterrupt:
        if caught:  # watchfiles says KeyboardInterrupt for any signal; SIGTERM is no Ctrl-C
            raise Terminated(caught[0]) from None
        raise
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
    return None


def _noting(caught: list[int]) -> dict[int, Any]:
    """While watchfiles waits: SIGTERM and SIGHUP noted in `caught` (and stopping the wait),
    so they end the run as `Terminated` and not as Ctrl-C; the handlers they replace."""
    if threading.current_thread() is not threading.main_thread():
        return {}

    def note(signum: int, frame: object) -> None:
        caught.append(signum)
        raise KeyboardInterrupt

    wanted = [getattr(signal, name) for name in STOPPING if hasattr(signal, name)]
    return {signum: signal.signal(signum, note) for signum in wanted}


def _waiting(watched: Watched, lang: str) -> None:
    """`oncocheck: kijkt naar netwerk.yaml, leden.xlsx; ...`: the files named up to three."""
    count = len(watched.files)
    if 0 < count <= 3:
        names = ", ".join(printable(_shown(name)) for name in watched.files)
        files = Text(names, names)
    else:
        files = Text(f"{count} bestanden", f"{count} files")
    say(Text(f"oncocheck: kijkt naar {files.nl}; bij elke wijziging volgt een nieuwe controle "
             "(Ctrl-C stopt)",
             f"oncocheck: watching {files.en}; every change is checked again (Ctrl-C stops)"
             ).get(lang))


def _changed_line(changed: list[str], lang: str) -> str:
    names = ", ".join(printable(_shown(name)) for name in changed[:3])
    more = "" if len(changed) <= 3 else f" (+{len(changed) - 3})"
    clock = datetime.now().strftime("%H:%M:%S")
    return Text(f"oncocheck: {clock} gewijzigd: {names}{more}; opnieuw controleren",
                f"oncocheck: {clock} changed: {names}{more}; checking again").get(lang)


def _shown(path: str) -> str:
    """A path from the current folder when it lies below it, else as it is (also when that
    folder was removed meanwhile)."""
    cwd = working_folder()
    if cwd is None or not os.path.isabs(path):
        return path
    try:
        relative = os.path.relpath(path, cwd)
    except ValueError:  # another drive (Windows)
        return path
    return path if relative.startswith("..") else relative


def on_screen(targets: list[Target]) -> list[Target]:
    """The targets with a console report on stdout when none goes there: a person watching
    sees each round, also when every report goes to a file."""
    if any(t.path is None for t in targets):
        return targets
    return [Target("console", None), *targets]


def live_output(output: Output) -> Output:
    """`output` with its HTML pages reloading themselves in the browser."""
    from oncocheck.render.html import live

    def text(fmt: str) -> Iterable[str | bytes]:
        pieces = output.text(fmt)
        if fmt != "html":
            return pieces
        return (live("".join(cast("Iterable[str]", pieces))),)  # HTML is text

    site = output.site
    return replace(output, text=text,
                   site=None if site is None else lambda: {n: live(p) for n, p in site().items()})


def refuse_stdin(paths: list[str]) -> None:
    """UsageError for `--watch` with `-` (standard input) among the paths: it has no file to
    watch."""
    if "-" in paths:
        raise UsageError(Text("--watch kijkt naar bestanden; standaardinvoer (-) kan niet",
                              "--watch watches files; standard input (-) cannot be watched"))
