"""Shared fixtures, and the rule that under CI=true no test may skip."""

import os
import stat
import sys
from pathlib import Path

import pytest
from hypothesis import settings

# test helpers (tests/support) and the hostile corpus's generators import by plain name
for folder in ("support", "hostile"):
    sys.path.insert(0, str(Path(__file__).parent / folder))

from sample_report import sample_report  # noqa: E402

# The tests choose their language themselves; a developer's own default must not leak in
os.environ.pop("ONCOCHECK_LANG", None)

# Property tests try 100 examples each in the full run and 20 in the quick loop
# (`pytest -m "not slow"`), where they are a smoke test; a test that asks for more asks for
# a multiple of `settings().max_examples`, so it shrinks alike.
settings.register_profile("quick", max_examples=20)


def pytest_configure(config: pytest.Config) -> None:
    """The small hypothesis profile when the run leaves the slow tests out."""
    if config.getoption("markexpr", "").replace(" ", "") == "notslow":
        settings.load_profile("quick")


@pytest.fixture(scope="session", autouse=True)
def _children_compile_once(tmp_path_factory: pytest.TempPathFactory) -> None:
    """The child processes the tests start (`python -m oncocheck`, the hooks, CI's shell
    steps) keep the bytecode they compile in a folder of this run's own: with
    PYTHONDONTWRITEBYTECODE set each of them would compile oncocheck's modules anew, and
    nothing is written into the checkout either way."""
    if os.environ.get("PYTHONDONTWRITEBYTECODE") and not os.environ.get("PYTHONPYCACHEPREFIX"):
        del os.environ["PYTHONDONTWRITEBYTECODE"]
        os.environ["PYTHONPYCACHEPREFIX"] = str(tmp_path_factory.mktemp("pycache"))


@pytest.fixture(scope="session")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where the browser tests put their screenshots: docs/img/ for the README when asked
    (ONCOCHECK_UPDATE_GOLDEN=1, as for the golden files), else a folder of the run's own, so a
    test run rewrites nothing in the checkout unasked and parallel workers share no file."""
    if os.environ.get("ONCOCHECK_UPDATE_GOLDEN") == "1":
        return Path(__file__).resolve().parents[1] / "docs" / "img"
    return tmp_path_factory.mktemp("screenshots")


@pytest.fixture
def report():
    """The hand-built sample report (see tests/support/sample_report.py)."""
    return sample_report()


def _in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):  # noqa: ANN201
    """Under CI=true a skipped test fails: CI installs every tool the tests use, so a skip
    there means a promise went unchecked. Locally a test may skip for a documented missing
    tool (Chromium, a device node that needs root)."""
    outcome = yield
    report = outcome.get_result()
    if _in_ci() and report.skipped and not hasattr(report, "wasxfail"):
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else report.longrepr
        report.outcome = "failed"
        report.longrepr = f"skipped under CI=true, where every test must run: {reason}"


@pytest.fixture(scope="session", autouse=True)
def _devices_stay_devices():  # noqa: ANN202 - a guard, no value
    """No test may replace the machine's own devices (an output written over /dev/null as root
    used to make it a regular file): they must still be character devices at the end."""
    yield
    for device in ("/dev/null", "/dev/full", "/dev/zero"):
        if os.path.exists(device):
            assert stat.S_ISCHR(os.stat(device).st_mode), f"{device} is no longer a device"


@pytest.fixture(autouse=True)
def _json_reports_fit_their_schemas(monkeypatch: pytest.MonkeyPatch):  # noqa: ANN202 - a guard
    """Every JSON report a test makes in this process is validated against its published
    schema (tests/support/json_reports.py); what does not fit fails the test."""
    from json_reports import guard

    problems = guard(monkeypatch)
    yield
    assert not problems, "a JSON report does not fit its published schema:\n" + "\n".join(
        problems[:10])


@pytest.fixture(autouse=True)
def _no_job_summary(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests that run under GitHub Actions must not write into the job's own summary: `check`
    appends to `$GITHUB_STEP_SUMMARY` when it is set (tests of that set it themselves)."""
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
