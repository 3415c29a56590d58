"""Which versions and dates judged a batch, said in one place for every renderer.

A batch line shows one version and one date when every file was judged by them, and
otherwise counts the versions (`18 × loppsoz@2024, 2 × loppsoz@2021`) and spans the dates,
so a summary can never hide a file judged by other rules.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from oncocheck.render.words import words
from oncocheck.report import CriteriaSetInfo, Dated, FileResult, Report


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


def judging_sets(report: Report) -> list[CriteriaSetInfo]:
    """The versions that judged a file, most files first; every set of the report when none
    did (all files invalid)."""
    applied = [s for ref, _ in report.applied if (s := report.criteria_set(ref)) is not None]
    return applied or list(report.criteria_sets)


def said_per_version(report: Report, part: str, lang: str) -> dict[str, str]:
    """Criterion id -> its `part` (`title` or `text`) as the versions that judged the batch
    word it: one text where they agree, else each after its versions, most files first
    (`loppsoz@2024: … (streven 60%) · loppsoz@2021: … (streven 50%)`), so a batch-wide view
    never states one version's threshold for files another judged."""
    said: dict[str, dict[str, list[str]]] = {}
    for info in judging_sets(report):
        for criterion in info.criteria:
            text = getattr(criterion, part).get(lang)
            said.setdefault(criterion.id, {}).setdefault(text, []).append(info.ref.label)
    return {cid: next(iter(texts)) if len(texts) == 1 else " · ".join(
        f"{', '.join(labels)}: {text}" for text, labels in texts.items())
        for cid, texts in said.items()}
