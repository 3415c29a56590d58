"""Start-up of the command line: Typer builds only the command run, and coerces (with a
pydantic adapter each) only the options given."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from oncocheck.cli import app as application
from oncocheck.cli.app import app, only

EXAMPLE = Path(__file__).resolve().parents[3] / "examples/compliant/voorbeeldstad.yaml"


def test_only_the_command_run_is_built() -> None:
    assert [c.callback.__name__ for c in only(["check", "x"]).registered_commands] == ["check"]
    criteria = only(["criteria", "list"])
    assert not criteria.registered_commands and len(criteria.registered_groups) == 1
    for args in ([], ["--help"], ["--lang", "en", "check"], ["chek"]):  # Click needs them all
        assert only(args) is app
    assert len(app.registered_commands) > 1  # the app itself is left whole


def test_only_the_options_given_are_coerced(monkeypatch: pytest.MonkeyPatch) -> None:
    built: list[str] = []
    real = application.build_runtime_param
    monkeypatch.setattr(application, "build_runtime_param",
                        lambda descriptor: built.append(str(descriptor.annotation))
                        or real(descriptor))
    done = CliRunner().invoke(app, ["check", str(EXAMPLE), "--jobs", "1", "-f", "json"])
    assert done.exit_code == 0, done.output
    # the paths, --jobs, --format and the default of --lang (the app's and the command's); not
    # the other eighteen options of `check`
    assert sorted(built) == ["<class 'int'>", "<enum 'Format'>", "<enum 'Lang'>",
                             "<enum 'Lang'>", "list[str]"]
    bad = CliRunner().invoke(app, ["check", str(EXAMPLE), "--jobs", "0"])
    assert bad.exit_code == 2 and "--jobs" in bad.output
