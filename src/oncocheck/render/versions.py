"""Which versions and dates judged a batch, said in one place for every renderer.

A batch line shows one version and one date when every file was judged by them, and
otherwise counts the versions (`18 × loppsoz@2024, 2 × loppsoz@2021`) and spans the dates,
so a summary can never hide a file judged by other rules.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from oncocheck.render.words import words
from oncocheck.report import Dated, FileResult, Report


def criteria_text(report: Report) -> str:
    """`loppsoz@2024`, or `18 × loppsoz@2024, 2 × loppsoz@2021` for a mixed batch."""
    applied = report.applied
    if not applied or (len(applied) == 1 and applied[0][0] == report.criteria):
        return report.criteria.label
    if len(applied) == 1:
        return applied[0][0].label
    return ", ".join(f"{n} × {ref.label}" for ref, n in applied)


def dates_text(report: Report, lang: str) -> str:
    """`2026-11-23`, or `2023-11-01 t/m 2026-11-23 (per bestand)` when files were judged on
    different dates."""
    return date_span(report.dates, report.as_of, lang)


def date_span(dates: Sequence[date], default: date, lang: str) -> str:
    """One date, or the first and last of `dates` (sorted) when there are several; `default`
    when there are none."""
    if not dates:
        return default.isoformat()
    if len(dates) == 1:
        return dates[0].isoformat()
    w = words(lang)
    return f"{dates[0].isoformat()} {w['date_to']} {dates[-1].isoformat()} ({w['per_file']})"


def mixed_versions(report: Report) -> bool:
    """Whether the loaded files were judged by more than one version."""
    return len(report.applied) > 1


def mixed_dates(report: Report) -> bool:
    """Whether the loaded files were judged on more than one date."""
    return len(report.dates) > 1


def file_as_of(report: Report, result: FileResult) -> str:
    """The date a file was judged on; the run's date for a file that could not be loaded."""
    return (result.as_of or report.as_of).isoformat()


def undated_note(result: FileResult, lang: str) -> str:
    """` (de dag van de controle: het bestand heeft geen `submitted:`)` after the as-of date of
    a file judged on the day of the run for want of a date of its own; else nothing."""
    return f" ({words(lang)['undated']})" if result.dated is Dated.TODAY else ""
