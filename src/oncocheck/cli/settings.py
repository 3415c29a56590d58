"""The settings file: `.oncocheck.yaml`, or `[tool.oncocheck]` in `pyproject.toml`, and its
values checked: an unknown key with "bedoelt u", a key that would decide a verdict with the
option to use instead, a value of the wrong type, a path that leaves the file's folder.

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
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from oncocheck.errors import LoadFailed, UsageError
from oncocheck.load.visible import printable, quoted
from oncocheck.load.words import did_you_mean
from oncocheck.report import Text

YAML_NAME, TOML_NAME = ".oncocheck.yaml", "pyproject.toml"
MAX_BYTES = 64 * 1024  # a settings file is a dozen lines

#: Each key: what its value must be (a kind, or the values allowed).
KEYS: dict[str, Any] = {
    "lang": ("nl", "en"), "format": "format", "output": "path", "report": "reports",
    "fail-on": ("error", "warning", "invalid"), "base-dir": "path", "exclude": "texts",
    "ignore": "warnings", "jobs": "count", "strict": "bool", "quiet": "bool"}
#: Keys that would decide a verdict, with the option that sets them on the command line.
VERDICT_KEYS = {"criteria": "--criteria", "as-of": "--as-of", "as_of": "--as-of",
                "vocabulary": "--criteria FILE", "compare": "--compare"}

#: What each kind of value must be, in words (nl, en).
KINDS = {"path": ("een pad binnen de map van het bestand", "a path inside the file's folder"),
         "texts": ("een lijst van teksten", "a list of texts"),
         "reports": ("een lijst van FORMAAT=PAD", "a list of FORMAT=PATH"),
         "warnings": ("een lijst van waarschuwings-id's", "a list of warning ids"),
         "count": ("een geheel getal vanaf 1", "a whole number from 1"),
         "bool": ("true of false", "true or false"), "format": ("een formaat", "a format")}


@dataclass(frozen=True, slots=True)
class Settings:
    """A settings file read: its path as shown (None: no file), its values by key and where
    each stands (`file:line:column`)."""

    file: str | None = None
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


def settings(config: Path | None, no_config: bool) -> Settings:
    """The settings that apply: `--config FILE`, else the file found, else none."""
    if no_config:
        if config is not None:
            raise fault(None, "--config en --no-config sluiten elkaar uit; kies er een",
                         "--config and --no-config exclude each other; choose one")
        return Settings()
    path = config
    if path is None:
        try:
            start = Path.cwd()
        except OSError:  # the current folder is gone: the check says so for each relative path
            return Settings()
        path = find(start)
    return Settings() if path is None else read(path)


def read(path: Path) -> Settings:
    """The settings file at `path`, checked; UsageError naming the place of a problem."""
    from oncocheck.load.text import decode

    shown = printable(_relative(path))
    try:
        text = decode(_bounded(path, True))
    except LoadFailed as exc:
        raise fault(shown, exc.errors[0].message.nl, exc.errors[0].message.en) from exc
    table, where = (_toml(text, shown) if path.name.endswith(".toml") else _yaml(text, shown))
    values = checked(table, where, path.parent)
    return Settings(shown, values, {k: where(k) for k in values})


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
            raise fault(shown, "niet gevonden; controleer het pad", "not found; check the path")
        real = path.resolve()
        inside = real.parent == path.absolute().parent.resolve()
        if not inside or not os.path.isfile(real):
            if not strict:
                return b""
            raise fault(shown, "een instellingenbestand moet een gewoon bestand in zijn eigen "
                         "map zijn, geen link naar elders", "a settings file must be a regular "
                         "file in its own folder, not a link to elsewhere")
        with open(real, "rb") as stream:
            raw = stream.read(MAX_BYTES + 1)
    except OSError as exc:
        if not strict:
            return b""
        raise fault(shown, f"kan het niet lezen ({exc.strerror})",
                     f"cannot read it ({exc.strerror})") from exc
    if len(raw) > MAX_BYTES and strict:
        raise fault(shown, f"groter dan {MAX_BYTES // 1024} KiB; een instellingenbestand is "
                     "een paar regels", f"larger than {MAX_BYTES // 1024} KiB; a settings file "
                     "is a few lines")
    return raw


def _yaml(text: str, shown: str) -> tuple[Any, Any]:
    from oncocheck.load.parse import parse

    try:
        source = parse(text)
    except LoadFailed as exc:
        first = exc.errors[0]
        raise fault(f"{shown}:{first.line}:{first.column}", first.message.nl,
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
        raise fault(shown, f"geen geldige TOML: {exc}", f"not valid TOML: {exc}") from exc
    lines = text.splitlines()
    start = next((n for n, line in enumerate(lines) if line.strip() == "[tool.oncocheck]"), 0)

    def where(key: str) -> str:
        head = key.split("[")[0].split(".")[0]
        found = next((n for n in range(start, len(lines))
                      if re.match(rf'\s*"?{re.escape(head)}"?\s*=', lines[n])), start)
        return f"{shown}:{found + 1}:1"
    return table, where


def checked(table: Any, where: Callable[[str], str], folder: Path) -> dict[str, Any]:
    """The values of `table`, each checked; UsageError at the first problem."""
    if not isinstance(table, dict):
        raise fault(where(""), "verwacht sleutels met waarden (lang: en)",
                     "expected keys with values (lang: en)")
    values: dict[str, Any] = {}
    for key, value in table.items():
        name = str(key)
        if name in VERDICT_KEYS:
            option = VERDICT_KEYS[name]
            raise fault(where(name), f"`{name}` bepaalt het oordeel en kan niet uit een map "
                         f"komen (een inzending kan een instellingenbestand meebrengen); geef "
                         f"{option} op de opdrachtregel", f"`{name}` decides the verdict and "
                         f"cannot come from a folder (a submission can carry a settings file); "
                         f"give {option} on the command line")
        if name not in KEYS:
            nl, en = did_you_mean(name, KEYS)
            known = ", ".join(KEYS)
            raise fault(where(name), f"onbekende sleutel {quoted(name)}{nl} (bekend: {known})",
                         f"unknown key {quoted(name)}{en} (known: {known})")
        values[name] = _value(name, value, where(name), folder)
    return values


def _value(key: str, value: Any, place: str, folder: Path) -> Any:
    """`value` as `key` takes it; UsageError naming what it must be."""
    kind = KEYS[key]
    ok: Any = None
    if isinstance(kind, tuple):
        ok = value if value in kind else None
        words = (" of ".join(kind), " or ".join(kind))
    else:
        ok, words = _typed(kind, value, folder), KINDS[kind]
    if ok is None:
        raise fault(place, f"{key} moet {words[0]} zijn, niet {quoted(value)}",
                     f"{key} must be {words[1]}, not {quoted(value)}")
    if kind == "warnings":
        only_warnings(ok, place)
    return ok


def _typed(kind: str, value: Any, folder: Path) -> Any:
    """`value` as a value of `kind`, or None when it is not one."""
    from oncocheck.render import formats_of

    texts = value if isinstance(value, list) and all(isinstance(v, str) and v.strip()
                                                     for v in value) else None
    # the YAML loader keeps every scalar as its text (load/builder.py); TOML gives types
    if kind == "bool":
        words = {"true": True, "false": False}
        return value if isinstance(value, bool) else words.get(str(value).lower())
    if kind == "count":
        number = value if type(value) is int else int(value) if (
            isinstance(value, str) and value.isascii() and value.isdigit()) else 0
        return number if 1 <= number <= 1024 else None
    if kind == "format":
        return value if value in formats_of("check") else None
    if kind == "path":
        return inside(value, folder)
    if kind == "reports" and texts is not None:
        pairs = [t.partition("=") for t in texts]
        paths = [p if p == "-" else inside(p, folder) for _, _, p in pairs]
        if all(sep and p is not None for (_, sep, _), p in zip(pairs, paths, strict=True)):
            return [f"{f}={p}" for (f, _, _), p in zip(pairs, paths, strict=True)]
        return None
    return texts


def inside(value: Any, folder: Path) -> Path | None:
    """A relative path that stays inside `folder` (no `..`, not absolute), from `folder`;
    None for anything else: a found file may not send a report elsewhere."""
    if not isinstance(value, str) or not value.strip() or "\\" in value:
        return None
    path = PurePosixPath(value)
    if path.is_absolute() or ".." in path.parts or ":" in value:
        return None
    return folder / path


def only_warnings(ids: list[str] | tuple[str, ...], place: str | None) -> None:
    """UsageError for an id that is not a warning's (of `--ignore` when `place` is None): a
    criterion is never hidden."""
    if not ids:  # the usual case: no need to import the warnings' descriptions
        return
    from oncocheck.render.sarif import WARNINGS

    for given in ids:
        if given not in WARNINGS:
            known, what = ", ".join(sorted(WARNINGS)), "ignore" if place else "--ignore"
            raise fault(place, f"{what} neemt alleen waarschuwings-id's ({known}), nooit een "
                         f"criterium: {quoted(given)}", f"{what} takes warning ids only "
                         f"({known}), never a criterion: {quoted(given)}")


def fault(place: str | None, nl: str, en: str) -> UsageError:
    """A problem with the settings file at `place` (`file:line:column`)."""
    if place is None:
        return UsageError(Text(nl, en))
    return UsageError(Text(f"{place}: instellingenbestand: {nl} (--no-config leest het niet)",
                           f"{place}: settings file: {en} (--no-config skips it)"))

