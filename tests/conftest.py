"""Shared fixtures."""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from sample_report import sample_report  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def report():
    """The hand-built sample report (see tests/sample_report.py)."""
    return sample_report()
