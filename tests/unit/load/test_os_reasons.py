"""A file that cannot be opened is said in the run's language: the system's reason in Dutch
words in a Dutch run ("bestaat niet"), as the system says it in English."""

from __future__ import annotations

from pathlib import Path

import pytest

from oncocheck.errors import LoadFailed
from oncocheck.load.text import read_bytes


def test_a_missing_file_is_said_in_dutch_and_in_english(tmp_path: Path) -> None:
    with pytest.raises(LoadFailed) as caught:
        read_bytes(tmp_path / "weg.yaml")
    message = caught.value.errors[0].message
    assert message.nl == "kan het bestand niet openen (bestaat niet)"
    assert message.en == "cannot open the file (No such file or directory)"
