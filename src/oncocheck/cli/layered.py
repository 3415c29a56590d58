"""`check`'s options in layers: the command line over the settings file over the defaults.

A list given on the command line (`--report`, `--exclude`, `--ignore`) replaces the file's,
as every other option does. `--show-settings` prints what applies and where it comes from.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from oncocheck.cli.options import LANG_ENV, STATE, FailOn
from oncocheck.cli.settings import Settings

#: Each key of a settings file and the `Request` field it sets (`strict` folds into fail-on).
FIELDS = {"lang": "lang", "format": "fmt", "output": "output", "report": "reports",
          "fail-on": "fail_on", "base-dir": "base_dir", "exclude": "exclude",
          "ignore": "ignore", "jobs": "jobs", "quiet": "quiet"}
COMMAND_LINE = "command line"


def lang_given(ctx: Any) -> bool:
    """Whether the language was chosen on the command line (here or before the command) or
    by ONCOCHECK_LANG: then the settings file's `lang` does not apply."""
    contexts = [ctx, getattr(ctx, "parent", None)]
    sources = [c.get_parameter_source("lang") for c in contexts if c is not None]
    given = any(s is not None and s.name != "DEFAULT" for s in sources)
    return given or bool(os.environ.get(LANG_ENV, "").strip())


def layered(given: dict[str, Any], found: Settings) -> tuple[dict[str, Any], dict[str, str]]:
    """The request's fields from the command line's `given` (None, False or () when not
    given) over `found`'s, and where each comes from (`command line` or `file:line:col`)."""
    values, origins = {}, {}
    for key, name in FIELDS.items():
        if given.get(name) not in (None, False, ()):
            values[name], origins[key] = given[name], COMMAND_LINE
        elif key in found.values:
            values[name], origins[key] = _as_field(key, found), found.places[key]
    if "fail_on" not in values and found.values.get("strict"):
        values["fail_on"], origins["fail-on"] = FailOn.warning, found.places["strict"]
    if "lang" in values:
        STATE["lang"] = values["lang"]  # the language of an error from here on
    return values, origins


def _as_field(key: str, found: Settings) -> Any:
    """A settings file's value as its Request field holds it."""
    value = found.values[key]
    if key == "fail-on":
        if found.values.get("strict") and value != "warning":
            from oncocheck.cli.settings_check import fault

            raise fault(found.places[key], "strict betekent fail-on: warning; kies een van "
                         "beide", "strict means fail-on: warning; choose one of the two")
        return FailOn(value)
    return tuple(str(v) for v in value) if isinstance(value, list) else value


def shown(values: dict[str, Any], origins: dict[str, str], found: Settings, lang: str) -> str:
    """`--show-settings`: the settings file, then each key with its value and origin."""
    english = lang == "en"
    default = "default" if english else "standaard"
    head = ("settings file: " if english else "instellingenbestand: ") + (
        found.file or ("none" if english else "geen"))
    lines = [head]
    for key, name in FIELDS.items():
        value = values.get(name)
        if isinstance(value, tuple):
            value = ", ".join(value) if value else None
        origin = origins.get(key, default)
        if origin == COMMAND_LINE and not english:
            origin = "opdrachtregel"
        lines.append(f"{key} = {_text(value)}  ({origin})")
    return "\n".join(lines) + "\n"


def _text(value: Any) -> str:
    from oncocheck.load.visible import printable

    if value is None:
        return "-"
    return printable(value.as_posix() if isinstance(value, Path) else str(value))
