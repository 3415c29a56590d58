"""Typer's `CliRunner`, running oncocheck's app as one Click command built once per process.

Typer builds the whole Click command tree from the app at every `invoke` (about 17 ms, some
2,000 times in the quick loop). The tree can be reused: the group that runs it puts every
text in the run's language at every run (`localise_tree`, from either language), so a reused
tree says what a fresh one says; `test_one_command.py` compares the two in alternating
languages. Tests about building the command (help texts, start-up, completion) keep Typer's
own runner.
"""

from __future__ import annotations

from functools import cache
from typing import Any
from unittest import mock

import typer.main
import typer.testing

from oncocheck.cli.app import app


@cache
def command() -> Any:
    """The Click command of oncocheck's app, built on first use."""
    return typer.main.get_command(app)


class CliRunner(typer.testing.CliRunner):
    """Typer's runner; oncocheck's app runs as the one command built (`command`)."""

    def invoke(self, cli: typer.Typer, *args: Any, **kwargs: Any) -> typer.testing.Result:
        """Run `cli`, reusing the built command when it is oncocheck's app."""
        if cli is not app:
            return super().invoke(cli, *args, **kwargs)
        with mock.patch.object(typer.testing, "_get_command", lambda _: command()):
            return super().invoke(cli, *args, **kwargs)
