"""Shell completion (`oncocheck --install-completion`): what the shell offers for a value,
and the installing said in the language of the run.

Formats and languages complete by themselves (they are choices). A path completes as the shell
completes files: for a path the functions here offer nothing, and the completion scripts then
fall back to the shell's own file completion. A completion runs the program at every Tab, so
what is offered is cheap to find, and a failure offers nothing rather than printing a trace.
"""

from __future__ import annotations

from typing import Any

import typer

from oncocheck.cli.options import STATE, env_lang


def criteria_versions(incomplete: str) -> list[tuple[str, str]]:
    """The bundled sets and `set@version`s that begin with what is typed, each with when it is
    in force; nothing for what looks like a rule file's path."""
    from oncocheck.errors import UsageError
    from oncocheck.rules.bundled import bundled, is_path

    if is_path(incomplete):
        return []
    try:
        versions = bundled()
    except UsageError:  # a broken bundled file: `check` itself will say so
        return []
    english = env_lang(strict=False) == "en"  # the language of the run: ONCOCHECK_LANG
    offered = [(r.set, "the version in force on the as-of date" if english
                else "de versie die op de peildatum geldt") for r in versions]
    offered += [(r.ref.label, f"in force from {r.valid_from}" if english
                 else f"geldt vanaf {r.valid_from}") for r in versions]
    return [(value, text) for value, text in dict(offered).items()
            if value.startswith(incomplete)]


def criterion_ids(ctx: Any, incomplete: str) -> list[tuple[str, str]]:
    """The criterion ids of the version `explain` will read (its `--criteria`, else the one
    in force today) that begin with what is typed, each with its title."""
    from datetime import date

    from oncocheck.errors import UsageError
    from oncocheck.rules.bundled import find, is_path

    spec = (ctx.params.get("criteria") or "loppsoz").strip()
    try:
        rules = None if is_path(spec) else find(spec, date.today())
    except UsageError:  # an unknown version: `explain` itself will say so
        return []
    english = env_lang(strict=False) == "en"
    criteria = rules.criteria if rules is not None else []
    return [(c.id, c.title.en if english else c.title.nl) for c in criteria
            if c.id.lower().startswith(incomplete.lower())]


def install_completion(ctx: Any, param: Any, value: bool | str) -> None:
    """`--install-completion [SHELL]`: Typer's (which says what it did in English, not through
    gettext), saying it in the language of the run."""
    if not value or ctx.resilient_parsing:
        return
    from typer.completion import install

    from oncocheck.cli.faults import emit

    shell, path = install(shell=value) if isinstance(value, str) else install()
    emit((f"De aanvulling voor {shell} staat in {path}; die werkt zodra u de terminal opnieuw "
          f"start.\n", f"{shell} completion installed in {path}; it takes effect once you "
          f"restart the terminal.\n")[STATE["lang"] == "en"])
    raise typer.Exit()
