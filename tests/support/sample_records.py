"""One record of every report kind in the registry (`render.KINDS`), for the tests that go over
it: the hand-built check report, the impact of loppsoz@2021 -> loppsoz@2024 (with the 2a sweep)
on the fixtures in tests/impact/, and the two hand-made review rounds in tests/fixtures/rounds/.
"""

from __future__ import annotations

import os
from datetime import date
from typing import Any

from sample_report import sample_report

from oncocheck.report import Text
from paths import ROOT

ROUNDS = ("tests/fixtures/rounds/old.json", "tests/fixtures/rounds/new.json")
ROUNDS_NOTE = Text("2a: drempel 50% → 60%", "2a: threshold 50% → 60%")


def impact_record() -> Any:
    """The Impact of loppsoz@2021 -> loppsoz@2024 on tests/impact/ (paths as `tests/impact/…`)."""
    from oncocheck.analysis.impact import compare
    from oncocheck.run.batch import run
    from oncocheck.run.decide import choose
    from oncocheck.run.walk import network_files

    day, cwd = date(2026, 11, 23), os.getcwd()
    os.chdir(ROOT)
    try:
        reports = run(list(network_files(["tests/impact"])),
                      (choose("loppsoz@2021", day, day), choose("loppsoz@2024", day, day)))
    finally:
        os.chdir(cwd)
    return compare(*reports, sweep=True)


def rounds_record() -> Any:
    """The two review rounds of tests/fixtures/rounds/ compared, with a note on 2a."""
    from oncocheck.analysis.rounds import compare_rounds
    from oncocheck.load.reports import read_report

    old, new = (read_report(ROOT / p) for p in ROUNDS)
    return compare_rounds(old, new, ROUNDS, "0.1.0", [ROUNDS_NOTE])


def sample_records() -> dict[str, Any]:
    """Report kind -> a record of that kind."""
    return {"check": sample_report(), "impact": impact_record(), "rounds": rounds_record()}
