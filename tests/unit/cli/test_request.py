"""`check` as request → run → report → deliver (cli/request.py), without the command line:
`--compare`, a round of `--watch`, `--strict` and `--fail-on`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from oncocheck.cli import request as checking
from oncocheck.cli.options import FailOn
from oncocheck.cli.targets import Target
from oncocheck.errors import UsageError
from paths import ROOT

EXAMPLES = ROOT / "examples"
COMPLIANT = EXAMPLES / "compliant" / "voorbeeldstad.yaml"
AS_OF = "2026-11-23"


def test_compare_puts_the_other_version_beside_the_report() -> None:
    done = checking.checked(checking.Request((str(EXAMPLES),), as_of=AS_OF,
                                             compare="loppsoz@2021"))
    report = done.report
    assert report.compare is not None and report.criteria.label == "loppsoz@2024"
    assert {ref.label for ref, _ in report.compare.applied} == {"loppsoz@2021"}
    assert [r.file for r in report.compare.results] == [r.file for r in report.results]
    assert done.targets == [Target("console", None)]


def test_compare_with_the_version_that_already_judges_is_refused() -> None:
    with pytest.raises(UsageError, match="already judges"):
        checking.checked(checking.Request((str(COMPLIANT),), as_of=AS_OF,
                                          compare="loppsoz@2024"))


def test_a_watched_round_shows_the_report_on_screen_and_names_what_it_read(
        tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    target = tmp_path / "report.json"
    ask = checking.Request((str(COMPLIANT),), as_of=AS_OF, fmt="json", output=target)
    assert checking.checked(ask).targets == [Target("json", target)]  # not watched: the file
    done = checking.once(ask, watching=True)
    assert Target("console", None) in done.targets and Target("json", target) in done.targets
    assert json.loads(target.read_text(encoding="utf-8"))["summary"]["compliant"] == 1
    assert "Voorbeeldstad" in capsys.readouterr().out  # the console report of the round
    read = {p.name for p in done.inputs}
    assert "voorbeeldstad.yaml" in read and len(read) > 1  # and the documents it names


def test_strict_is_fail_on_warning_and_refuses_another_fail_on() -> None:
    assert checking.fail_on(True, None) is FailOn.warning
    assert checking.fail_on(False, FailOn.invalid) is FailOn.invalid
    with pytest.raises(UsageError, match="--strict"):
        checking.fail_on(True, FailOn.invalid)


def test_fail_on_invalid_passes_a_network_that_is_only_not_compliant() -> None:
    report = checking.checked(checking.Request(
        (str(EXAMPLES / "not-compliant" / "geen-dietist.yaml"),), as_of=AS_OF)).report
    assert checking.exit_code(report, None) == 1
    assert checking.exit_code(report, FailOn.invalid) == 0
