"""Members spreadsheets made for tests."""

from __future__ import annotations

from pathlib import Path


def write_xlsx(path: Path, rows: list[list[object]], extra_sheet: bool = False) -> Path:
    """An .xlsx with `rows` on its first sheet (and optionally a second sheet that must be
    ignored)."""
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    for row_number, row in enumerate(rows, start=1):
        for column, value in enumerate(row, start=1):
            if value is not None:
                sheet.cell(row=row_number, column=column, value=value)
    if extra_sheet:
        workbook.create_sheet("Ander blad").append(["onzin", "kolom"])
    workbook.save(path)
    return path


def write_sheets(path: Path, sheets: dict[str, list[list[object]]]) -> Path:
    """An .xlsx with one sheet per entry of `sheets`, in that order (empty cells as None)."""
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for number, row in enumerate(rows, start=1):
            for column, value in enumerate(row, start=1):
                if value is not None:
                    sheet.cell(row=number, column=column, value=value)
    book.save(path)
    return path
