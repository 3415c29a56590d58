"""The one-line summary of a run, shown last by the console and as GitHub's closing notice."""

from __future__ import annotations

from oncocheck.render.versions import criteria_text, dates_text
from oncocheck.render.words import words
from oncocheck.report import Report, Verdict


def tally(report: Report, lang: str) -> str:
    """`3 bestanden: 1 voldoet, 2 voldoen niet, 0 ongeldig`, each verb agreeing with its
    count."""
    w, counts = words(lang), report.summary
    files = w.lower("file") if counts["files"] == 1 else w["files"]
    verdicts = ", ".join(w[f"tally_{v.value}"].format(n=counts[v.value]) for v in Verdict)
    return f"{counts['files']} {files}: {verdicts}"


def summary_line(report: Report, lang: str) -> str:
    """`3 bestanden: 1 voldoet, 1 voldoet niet, 1 ongeldig (criteria ..., peildatum ...)`,
    counting the versions and spanning the dates when the files were judged by several."""
    w = words(lang)
    return (f"{tally(report, lang)} ({w.lower('criteria_set')} {criteria_text(report)}, "
            f"{w.lower('as_of')} {dates_text(report, lang)})")


def settings_line(report: Report, lang: str) -> str | None:
    """`instellingen: .oncocheck.yaml · genegeerde waarschuwingen: plan-closable (2)`, or None
    when no settings file applied and no warning was ignored."""
    w, parts = words(lang), []
    if report.settings is not None:
        parts.append(w["settings_file"].format(file=report.settings))
    if report.ignored:
        ignored = ", ".join(f"{i} ({n})" for i, n in report.ignored.items())
        parts.append(w["ignored_warnings"].format(ids=ignored))
    return " · ".join(parts) or None
