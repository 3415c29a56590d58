"""The records of every report kind, made once for the renderer tests."""

import pytest
from sample_records import sample_records


@pytest.fixture(scope="session")
def records():  # noqa: ANN201 - report kind -> record
    """Report kind -> a record of that kind (tests/support/sample_records.py)."""
    return sample_records()
