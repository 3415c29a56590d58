"""The settings file: `.oncocheck.yaml`, or `[tool.oncocheck]` in `pyproject.toml`.

Found as ruff and yamllint find their own: the nearest one walking up from the current folder
(stopping at the user's home folder, as yamllint does), in each folder
`.oncocheck.yaml` before a `pyproject.toml` that has a `[tool.oncocheck]` table (one without
it is passed over); `--config FILE` names one, `--no-config` reads none. It sets how oncocheck
runs and reports, never what decides a verdict: a submission can carry such a file, so the
criteria, the as-of date and the vocabulary are refused with a pointer to the command line, and
`ignore` takes warning ids only. Paths in it start from its own folder and stay inside it.
A bad file is a usage error naming file, line and column (in TOML the line of the key, the
column 1: tomllib keeps no positions).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from oncocheck.cli.settings_check import checked
from oncocheck.cli.settings_check import fault as _error
from oncocheck.errors import LoadFailed
from oncocheck.load.visible import printable

YAML_NAME, TOML_NAME = ".oncocheck.yaml", "pyproject.toml"
MAX_BYTES = 64 * 1024  # a settings file is a dozen lines
@dataclass(frozen=True, slots=True)
class Settings:
    """A settings file read: its path as shown (None: no file), its values by key and where
    each stands (`file:line:column`)."""

    file: str | None = None
    folder: Path = Path()
    values: dict[str, Any] = field(default_factory=dict)
    places: dict[str, str] = field(default_factory=dict)


def find(start: Path, home: Path | None = None) -> Path | None:
    """The nearest settings file from `start` upwards, up to the user's `home` folder (as
    yamllint stops there) or the root, or None."""
    try:
        home = home or Path.home()
    except (RuntimeError, KeyError, OSError):  # no home folder known
        home = None
    for folder in (start, *start.parents):
        if (folder / YAML_NAME).is_file():
            return folder / YAML_NAME
        toml = folder / TOML_NAME
        if toml.is_file() and re.search(rb"(?m)^\s*\[tool\.oncocheck\]", _bounded(toml, False)):
            return toml
        if folder == home:
            break
    return None


def _found() -> Path | None:
    """The settings file found from the current folder; None when that folder is gone (the
    check then says so for every relative path)."""
    try:
        start = Path.cwd()
    except OSError:
        return None
    return find(start)


def settings(config: Path | None, no_config: bool) -> Settings:
    """The settings that apply: `--config FILE`, else the file found, else none."""
    if no_config:
        if config is not None:
            raise _error(None, "--config en --no-config sluiten elkaar uit; kies er een",
                         "--config and --no-config exclude each other; choose one")
        return Settings()
    path = config if config is not None else _found()
    return Settings() if path is None else read(path)


def read(path: Path) -> Settings:
    """The settings file at `path`, checked; UsageError naming the place of a problem."""
    from oncocheck.load.text import decode

    shown = printable(_relative(path))
    try:
        text = decode(_bounded(path, True))
    except LoadFailed as exc:
        raise _error(shown, exc.errors[0].message.nl, exc.errors[0].message.en) from exc
    table, where = (_toml(text, shown) if path.name.endswith(".toml") else _yaml(text, shown))
    values = checked(table, where, path.parent)
    return Settings(shown, path.parent, values, {k: where(k) for k in values})


def _relative(path: Path) -> str:
    """`path` from the current folder (as reports name files), absolute when that fails."""
    try:
        return Path(os.path.relpath(path.absolute(), Path.cwd())).as_posix()
    except (ValueError, OSError):  # another drive, or no current folder
        return path.as_posix()


def _bounded(path: Path, strict: bool) -> bytes:
    """The file's first bytes: a regular file inside its folder (no link out of it), at most
    MAX_BYTES; with `strict` UsageError otherwise, else b"" (while searching)."""
    shown = printable(str(path))
    try:
        if strict and not os.path.lexists(path):
            raise _error(shown, "niet gevonden; controleer het pad", "not found; check the path")
        real = path.resolve()
        inside = real.parent == path.absolute().parent.resolve()
        if not inside or not os.path.isfile(real):
            if not strict:
                return b""
            raise _error(shown, "een instellingenbestand moet een gewoon bestand in zijn eigen "
                         "map zijn, geen link naar elders", "a settings file must be a regular "
                         "file in its own folder, not a link to elsewhere")
        with open(real, "rb") as stream:
            raw = stream.read(MAX_BYTES + 1)
    except OSError as exc:
        if not strict:
            return b""
        raise _error(shown, f"kan het niet lezen ({exc.strerror})",
                     f"cannot read it ({exc.strerror})") from exc
    if len(raw) > MAX_BYTES and strict:
        raise _error(shown, f"groter dan {MAX_BYTES // 1024} KiB; een instellingenbestand is "
                     "een paar regels", f"larger than {MAX_BYTES // 1024} KiB; a settings file "
                     "is a few lines")
    return raw


def _yaml(text: str, shown: str) -> tuple[Any, Any]:
    from oncocheck.load.parse import parse

    try:
        source = parse(text)
    except LoadFailed as exc:
        first = exc.errors[0]
        raise _error(f"{shown}:{first.line}:{first.column}", first.message.nl,
                     first.message.en) from exc

    def where(key: str) -> str:
        line, column = source.where(key, prefer_key=True)
        return f"{shown}:{line}:{column}"
    return source.data if source.data is not None else {}, where


def _toml(text: str, shown: str) -> tuple[Any, Any]:
    import tomllib

    try:
        table = tomllib.loads(text).get("tool", {}).get("oncocheck", {})
    except tomllib.TOMLDecodeError as exc:
        raise _error(shown, f"geen geldige TOML: {exc}", f"not valid TOML: {exc}") from exc
    lines = text.splitlines()
    start = next((n for n, line in enumerate(lines) if line.strip() == "[tool.oncocheck]"), 0)

    def where(key: str) -> str:
        head = key.split("[")[0].split(".")[0]
        found = next((n for n in range(start, len(lines))
                      if re.match(rf'\s*"?{re.escape(head)}"?\s*=', lines[n])), start)
        return f"{shown}:{found + 1}:1"
    return table, where
