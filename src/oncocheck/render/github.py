"""GitHub Actions workflow commands: one `::error`/`::warning` line per problem, then a notice.

GitHub turns these lines into annotations on the offending lines of a pull request. Every value
is encoded the way the runner decodes it (as in actions/toolkit `command.ts`): in the message
`%`, CR and LF become `%25`, `%0D`, `%0A`; in properties also `:` and `,` become `%3A`, `%2C`.
So a network name or note can never end the line early or start another command.
"""

from __future__ import annotations

from oncocheck.render.notes import own_words
from oncocheck.render.places import Place, criteria_label, of_error, of_finding, problems
from oncocheck.render.summary import summary_line
from oncocheck.render.words import words
from oncocheck.report import FileResult, Report, Severity


def escape_data(text: str) -> str:
    """Encode a command's message."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Encode a command property value (file, title, ...)."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(name: str, message: str, **properties: str | int | None) -> str:
    """One workflow command line, e.g. `::error file=a.yaml,line=3::text` (None values left out)."""
    props = ",".join(f"{key}={escape_property(str(value))}"
                     for key, value in properties.items() if value is not None)
    return f"::{name}{' ' + props if props else ''}::{escape_data(message)}"


def _annotation(name: str, place: Place, title: str, message: str) -> str:
    return command(name, message, file=place.file, line=place.line, col=place.column,
                   title=title)


def _file_lines(report: Report, result: FileResult, lang: str) -> list[str]:
    label = criteria_label(report, result)
    title = f"oncocheck: {words(lang)['invalid_file']}"
    lines = [_annotation("error", of_error(result, error), title,
                         (f"{error.path}: " if error.path else "") + error.message.get(lang))
             for error in result.errors]
    for finding in problems(result):
        name = "error" if finding.severity is Severity.ERROR else "warning"
        message = finding.message.get(lang)
        if finding.remediation is not None:
            message += f"\n→ {finding.remediation.get(lang)}"
        message += "".join(f"\n{line}" for line in own_words(finding, lang))
        lines.append(_annotation(name, of_finding(result, finding),
                                 f"{label} {finding.criterion}: {finding.title.get(lang)}",
                                 message))
    return lines


def render(report: Report, lang: str) -> str:
    """Workflow commands for every problem and load error, then a summary notice."""
    lines = [line for result in report.results for line in _file_lines(report, result, lang)]
    lines.append(command("notice", summary_line(report, lang), title="oncocheck"))
    return "\n".join(lines) + "\n"
