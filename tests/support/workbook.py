"""The register workbook (`--format xlsx`) read back with openpyxl, for tests that check what
a reviewer's spreadsheet holds: the cells, and every cell's text for the checks that run on
text formats (no control characters, no line a CI log would run)."""

from __future__ import annotations

import io
from typing import Any

from openpyxl import load_workbook
from openpyxl.workbook.workbook import Workbook


def opened(data: bytes) -> Workbook:
    """The workbook in `data`, as Excel would open it (formulas as written, not computed)."""
    return load_workbook(io.BytesIO(data), data_only=False)


def rows(data: bytes, sheet: str = "Register") -> list[list[Any]]:
    """The values of `sheet`, row by row."""
    return [list(row) for row in opened(data)[sheet].iter_rows(values_only=True)]


def formulas(data: bytes) -> list[str]:
    """The coordinates of every formula cell of every sheet (a register must have none)."""
    book = opened(data)
    return [f"{ws.title}!{c.coordinate}" for ws in book.worksheets for row in ws.iter_rows()
            for c in row if c.data_type == "f"]


def workbook_text(data: bytes) -> str:
    """Every non-empty cell's text, one cell per line, sheet by sheet. A line break inside a
    cell (a criterion's text may have one) is shown as `\\n`, as the JSON report writes it:
    it starts no line of a log, as nothing prints a workbook's cells to one."""
    book = opened(data)
    return "\n".join(str(c.value).replace("\n", "\\n") for ws in book.worksheets
                     for row in ws.iter_rows() for c in row if c.value is not None)
