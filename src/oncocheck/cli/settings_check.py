"""A settings file's values checked against `settings.KEYS`: an unknown key with "bedoelt u",
a key that would decide a verdict with the option to use instead, a value of the wrong type,
an `ignore` that names a criterion, a path that leaves the file's folder. Each a UsageError
at the key's place."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path, PurePosixPath
from typing import Any

from oncocheck.errors import UsageError
from oncocheck.load.visible import quoted
from oncocheck.load.words import did_you_mean
from oncocheck.report import Text

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

