"""Coverage-guided fuzzing of the members spreadsheet reader (`.csv`), with atheris.

Each input is written as `leden.csv` and read as a network file's `members_file` is read. The
only outcome allowed is a Sheet: members, or load errors in both languages that point at a row
and column of the sheet (1-based). Anything else is a crash.

    python fuzz/fuzz_sheet.py /tmp/sheet-corpus -max_total_time=120
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import atheris

with atheris.instrument_imports():
    from oncocheck.load.sheets.read import read_sheet

FILE = Path(tempfile.mkdtemp(prefix="oncocheck-fuzz-")) / "leden.csv"


def test_one_input(data: bytes) -> None:
    """One input: a Sheet whose errors are well-formed."""
    FILE.write_bytes(data)
    sheet = read_sheet(FILE, "leden.csv")
    rows = data.count(b"\n") + data.count(b"\r") + 1
    for error in sheet.errors:
        if not (error.message.nl and error.message.en):
            raise AssertionError(f"an error without a message: {error}")
        if error.line is not None and not 1 <= error.line <= rows:
            raise AssertionError(f"row {error.line} outside 1..{rows}: {error}")
        if error.column is not None and error.column < 1:
            raise AssertionError(f"column {error.column}: {error}")
    if len(sheet.members) != len(sheet.rows):
        raise AssertionError("members and their rows differ in number")


def main() -> None:
    """Run libFuzzer with the arguments given."""
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
