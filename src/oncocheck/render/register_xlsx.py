"""The register as an Excel workbook (.xlsx): a sheet "Register" with one row per file
(columns: `register`) and a sheet "Criteria" with the criteria of the versions applied;
then, only when a settings file applied or `--ignore` left warnings out, a sheet "Instellingen"
("Settings" in English) naming the file and counting the warnings ignored per id.

Column names and status words are in the report's language; statuses and verdicts are a word
on the HTML report's colour pair (AA contrast), never colour alone. The header row is frozen
and filters are on. Every text is a string cell (never a formula, whatever it starts with),
and one that starts like a formula is also marked as typed text (`quotePrefix`, Excel's `'`),
so it stays text when someone edits the cell. Rows are streamed (openpyxl's write-only mode),
so memory does not grow with the number of files beyond the finished file itself.

The same report gives the same bytes: the document's dates are the report's as-of date and
every part of the zip archive carries one fixed time (openpyxl would write the current time).
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from oncocheck.render.register import RISKY, Entry, applied_sets, columns, entries
from oncocheck.render.words import words
from oncocheck.report import Report, Severity, Status, Verdict

if TYPE_CHECKING:
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet

#: The HTML report's colour pairs (text, fill), as in style.css; tests hold them equal.
COLOURS = {"met": ("116329", "DAFBE1"), "not_met": ("A40E26", "FFEBE9"),
           "missing": ("7D4E00", "FFF8C5"), "invalid": ("5B2EA6", "F3EBFF")}
HEADER_FILL = "F6F8FA"
_VERDICT_COLOURS = {Verdict.COMPLIANT: "met", Verdict.NOT_COMPLIANT: "not_met",
                    Verdict.INVALID: "invalid"}
#: Column widths in characters: file, network, verdict, errors, first error, version, as-of,
#: what gave it; each criterion; share, warnings, warning ids, SHA-256.
_WIDTHS = (42, 36, 15, 8, 48, 18, 12, 24)
_CRITERION_WIDTH, _TAIL_WIDTHS = 13, (14, 12, 34, 68)
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # the earliest a zip archive can say


def render(report: Report, lang: str) -> bytes:
    """The workbook's bytes."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    _register(book.create_sheet("Register"), report, lang)
    _criteria(book.create_sheet("Criteria"), report, lang)
    if report.settings is not None or report.ignored:
        _settings(book.create_sheet(words(lang)["settings_sheet"]), report, lang)
    buffer = io.BytesIO()
    book.save(buffer)
    return fixed(buffer.getvalue(), report.as_of)


def _register(sheet: WriteOnlyWorksheet, report: Report, lang: str) -> None:
    ids, names, extra = columns(report, lang)
    widths = [*_WIDTHS, *[_CRITERION_WIDTH] * len(ids), *_TAIL_WIDTHS, *_TAIL_WIDTHS[-1:] * extra]
    _fill(sheet, names, widths, ([*_row(sheet, item, lang), *[_text(sheet, item.package)] * extra]
                                 for item in entries(report, ids, lang)))


def _row(sheet: WriteOnlyWorksheet, item: Entry, lang: str) -> list[Any]:
    w = words(lang)
    verdict = _coloured(sheet, w[item.verdict.value], _VERDICT_COLOURS[item.verdict])
    statuses = [_status(sheet, s, lang) for s in item.statuses]
    share = _cell(sheet, None if item.share is None else float(item.share), "0.0%")
    return [_text(sheet, item.file), _text(sheet, item.network), verdict,
            _cell(sheet, item.errors), _text(sheet, item.first_error, True),
            _text(sheet, item.version), _cell(sheet, item.as_of, "yyyy-mm-dd"),
            _text(sheet, item.dated), *statuses,
            share, _cell(sheet, item.warnings), _text(sheet, item.warning_ids or None),
            _text(sheet, item.sha256)]


def _criteria(sheet: WriteOnlyWorksheet, report: Report, lang: str) -> None:
    """Each criterion of each version applied: version, id, title, text, severity."""
    w = words(lang)
    names = [w["version"], "ID", w["title"], w["text"], w["severity"].capitalize()]
    _fill(sheet, names, (18, 6, 36, 90, 14), (
        [_text(sheet, info.ref.label), _text(sheet, c.id), _text(sheet, c.title.get(lang)),
         _text(sheet, c.text.get(lang), True),
         _text(sheet, w["error"] if c.severity is Severity.ERROR else w["warning"])]
        for info in applied_sets(report) for c in info.criteria))


def _settings(sheet: WriteOnlyWorksheet, report: Report, lang: str) -> None:
    """The settings file that applied, then each warning id `--ignore` left out, counted."""
    w = words(lang)

    def rows() -> Iterator[list[Any]]:  # made as written, after the header, as every sheet's
        if report.settings is not None:
            yield [_text(sheet, w["settings_file_row"]), _text(sheet, report.settings)]
        for warning, n in report.ignored.items():
            yield [_text(sheet, w["ignored_row"]), _text(sheet, warning), _cell(sheet, n)]

    _fill(sheet, (w["setting"], w["value"], w["count"]), (26, 42, 10), rows(), filtered=False)


def _fill(sheet: WriteOnlyWorksheet, names: Iterable[str], widths: Iterable[int],
          rows: Iterable[list[Any]], filtered: bool = True) -> None:
    """Column widths and the frozen header row (a write-only sheet needs them first), the
    header of `names`, the rows, and filters on every column when `filtered`."""
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[_letter(index)].width = width  # type: ignore[attr-defined]
    sheet.freeze_panes = "A2"
    names = list(names)
    sheet.append([_header(sheet, name) for name in names])
    count = 1
    for row in rows:
        sheet.append(row)
        count += 1
    if filtered:
        sheet.auto_filter.ref = f"A1:{_letter(len(names))}{count}"  # type: ignore[attr-defined]


def _header(sheet: WriteOnlyWorksheet, name: str) -> Any:
    from openpyxl.styles import Font, PatternFill

    cell = _text(sheet, name)
    cell.font = Font(bold=True)
    cell.fill = PatternFill("solid", fgColor=HEADER_FILL)
    return cell


def _status(sheet: WriteOnlyWorksheet, status: Status | None, lang: str) -> Any:
    if status is None:
        return None
    return _coloured(sheet, words(lang)[status.value], status.value)


def _coloured(sheet: WriteOnlyWorksheet, word: str, colour: str) -> Any:
    from openpyxl.styles import Font, PatternFill

    ink, fill = COLOURS[colour]
    cell = _text(sheet, word)
    cell.font = Font(color=ink, bold=True)
    cell.fill = PatternFill("solid", fgColor=fill)
    return cell


def _text(sheet: WriteOnlyWorksheet, text: str | None, wrap: bool = False) -> Any:
    """A string cell, whatever the text looks like: never a formula, a number or an error."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment

    if text is None:
        return None
    cell = WriteOnlyCell(sheet, value=text)
    cell.data_type = "s"  # openpyxl makes "=..." a formula and "#N/A" an error value
    if text.startswith(RISKY):
        cell.quotePrefix = True
    if wrap:
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    return cell


def _cell(sheet: WriteOnlyWorksheet, value: float | int | date | None,
          number_format: str | None = None) -> Any:
    from openpyxl.cell import WriteOnlyCell

    if value is None:
        return None
    cell = WriteOnlyCell(sheet, value=value)  # type: ignore[arg-type]  # a date is fine
    if number_format:
        cell.number_format = number_format
    return cell


def _letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(index)


def fixed(workbook: bytes, day: date) -> bytes:
    """The workbook with its document dates set to `day` (midnight) and every part of the
    archive stamped with one fixed time, so the same report gives the same bytes."""
    from openpyxl.packaging.core import DocumentProperties
    from openpyxl.xml.functions import tostring

    moment = datetime(day.year, day.month, day.day)
    core = tostring(DocumentProperties(creator="oncocheck", created=moment,
                                       modified=moment).to_tree())
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(workbook)) as made, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for part in made.infolist():
            info = zipfile.ZipInfo(part.filename, date_time=_ZIP_TIME)
            info.compress_type, info.create_system, info.external_attr = zipfile.ZIP_DEFLATED, 0, 0
            body = core if part.filename == "docProps/core.xml" else made.read(part)
            archive.writestr(info, body)
    return out.getvalue()
