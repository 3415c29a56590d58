"""GitHub Actions workflow commands: `::error`/`::warning` lines for the problems, then a notice.

GitHub turns these lines into annotations on the offending lines of a pull request, and shows
at most 10 errors, 10 warnings and 10 notices of one step (actions/toolkit,
docs/problem-matchers.md, "Limitations"). So at most `CAP` of each kind are written, the most
important first: load errors (invalid files), then criteria not met, then missing, each in path
order; warnings after. One notice ends the output with the totals and how many were left out
(the job summary, `oncocheck.render.markdown.step_summary`, lists them all); before it, only when a
settings file applied or `--ignore` left warnings out, one notice says which. Notices have
their own cap, so these two never hide an error or a warning.

File paths are from the repository root when the report knows it (`places.ci_path`), since
GitHub reads them from there. Every value is encoded the way the runner decodes it (as in
actions/toolkit `command.ts`): in the message `%`, CR and LF become `%25`, `%0D`, `%0A`; in
properties also `:` and `,` become `%3A`, `%2C`. So a network name or note can never end the
line early or start another command.
"""

from __future__ import annotations

from oncocheck.render.words import settings_line, summary_line, words
from oncocheck.render.places import (Place, ci_path, criteria_label, place_of,
                                     problem_text, problems)
from oncocheck.report import FileResult, Report, Severity, Status

#: Annotations of one kind (error, warning, notice) GitHub shows for one step.
CAP = 10


def escape_data(text: str) -> str:
    """Encode a command's message."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def command(name: str, message: str, **properties: str | int | None) -> str:
    """One workflow command line, e.g. `::error file=a.yaml,line=3::text` (None values left
    out); a property value is encoded as the message is, and its `:` and `,` as well."""
    props = ",".join(f"{key}={escape_data(str(value)).replace(':', '%3A').replace(',', '%2C')}"
                     for key, value in properties.items() if value is not None)
    return f"::{name}{' ' + props if props else ''}::{escape_data(message)}"


def _annotation(report: Report, name: str, place: Place, title: str, message: str) -> str:
    return command(name, message, file=ci_path(report, place.file), line=place.line,
                   col=place.column, title=title)


#: The order of importance: invalid files, criteria not met, criteria missing, warnings.
_INVALID, _NOT_MET, _MISSING, _WARNING = range(4)


def _file_lines(report: Report, result: FileResult, lang: str) -> list[tuple[int, str]]:
    """Each annotation of one file, with its rank in the order of importance."""
    label = criteria_label(report, result)
    title = f"oncocheck: {words(lang)['invalid_file']}"
    lines = [(_INVALID, _annotation(report, "error", place_of(result, error), title,
                                    (f"{error.path}: " if error.path else "")
                                    + error.message.get(lang)))
             for error in result.errors]
    for finding in problems(result):
        if finding.severity is Severity.ERROR:
            name, rank = "error", _NOT_MET if finding.status is Status.NOT_MET else _MISSING
        else:
            name, rank = "warning", _WARNING
        message = problem_text(finding, lang, "\n→ ", "\n")
        lines.append((rank, _annotation(report, name, place_of(result, finding),
                                        f"{label} {finding.criterion}: "
                                        f"{finding.title.get(lang)}", message)))
    return lines


def render(report: Report, lang: str) -> str:
    """At most CAP errors and CAP warnings, the most important first, then a notice with the
    totals and how many were left out."""
    kept: list[list[str]] = [[] for _ in range(4)]
    found = 0
    for result in report.results:
        for rank, line in _file_lines(report, result, lang):
            found += 1
            kept[rank].append(line)
            _trim(kept)
    notice = summary_line(report, lang)
    shown = sum(len(lines) for lines in kept)
    if found > shown:
        notice += " · " + words(lang)["annotations_left_out"].format(n=found - shown)
    lines = [line for rank in kept for line in rank]
    settings = settings_line(report, lang)
    if settings is not None:
        lines.append(command("notice", settings, title="oncocheck"))
    lines.append(command("notice", notice, title="oncocheck"))
    return "\n".join(lines) + "\n"


def _trim(kept: list[list[str]]) -> None:
    """Keep CAP errors and CAP warnings: past the cap, the last one of the least important
    kind goes (so the earliest files of each kind stay)."""
    while sum(len(kept[rank]) for rank in (_INVALID, _NOT_MET, _MISSING)) > CAP:
        next(kept[rank] for rank in (_MISSING, _NOT_MET, _INVALID) if kept[rank]).pop()
    if len(kept[_WARNING]) > CAP:
        kept[_WARNING].pop()
