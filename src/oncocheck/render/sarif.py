"""SARIF 2.1.0 (one run) for code scanning: a rule per criterion, a result per problem.

Rule ids are the stable criterion ids (`1a`, `2a`), warning ids (`duplicate-member`) and
`load-error`. When a batch applies several criteria versions that share an id, the rule text is
taken from the first set in the report (the run's default first) so that an id keeps one rule and
code-scanning alerts keep their identity across versions; each result names its own set in
`properties.criteria` and its message carries the version's own threshold. Texts for people follow
`--lang`; ids and property names are English.

GitHub code scanning accepts the log as it is: artifact URIs are relative to the repository
root (`uriBaseId` `%SRCROOT%`, given in `originalUriBaseIds`) when the report knows it
(`Report.root`), else relative to the working directory; every result carries
`partialFingerprints` that do not change when lines move (`places.ci_problems`).

Code scanning requires of every rule a short and a full description and help (its ingestion
rule GH2012), and shows them beside each alert; the help comes as text and as Markdown, in the
report's language, with `helpUri` the criterion's source (or, for warnings and load errors,
their description in docs/ci.md). A rule's `name` differs from its `id`, as the SARIF
specification asks. Every run lists the same rules, whatever it found, also rules that gave no
result in this run; so every warning id the checker can report is described, in Dutch and
English, in `warning_rules.json` beside this module (`tests/unit/render/test_warning_rules.py`
holds it to the ids and titles of `checks/` and `run/decide.py`), and so are load errors. An id
not described there (a newer checker) gets `GENERIC`, so no rule is ever left without one.
"""

from __future__ import annotations

import json
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import quote

from oncocheck.render.json import dumps
from oncocheck.render.markdown import escape
from oncocheck.render.words import criteria_text, dates_text, file_as_of, said_per_version, words
from oncocheck.render.places import (LOAD_ERROR, Place, Problem, ci_problems, criteria_label,
                                     problem_text, repository_path)
from oncocheck.report import CriterionInfo, FileResult, Report, Severity, Text

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
INFORMATION_URI = "https://github.com/oncocheck/oncocheck"
SRCROOT = "%SRCROOT%"
#: The key of oncocheck's own fingerprint in `partialFingerprints` (see `places.ci_problems`).
FINGERPRINT = "oncocheck/v1"
#: Where the warnings and load errors are described, for rules without a source of their own.
WARNINGS_URI = ("https://github.com/oncocheck/oncocheck/blob/main/docs/ci.md"
                "#warnings-and-load-errors")
_WEB = re.compile(r"https?://\S+\Z")
_PLAIN_URI = re.compile(r"https?://[^\s<>]+")
_CODE_SPAN = re.compile(r"`([^`\r\n]+)`")


@dataclass(frozen=True, slots=True)
class RuleText:
    """A rule's title (short description), what it means (full description) and what to do."""

    title: Text
    meaning: Text
    to_do: Text


def _rule_texts() -> tuple[dict[str, RuleText], RuleText, RuleText]:
    """The warnings' descriptions, the load error's and the generic one (warning_rules.json)."""
    data = json.loads(Path(__file__).with_name("warning_rules.json").read_text("utf-8"))

    def rule(entry: dict[str, list[str]]) -> RuleText:
        return RuleText(*(Text(*entry[part]) for part in ("title", "meaning", "to_do")))

    return ({rule_id: rule(entry) for rule_id, entry in data["warnings"].items()},
            rule(data["load-error"]), rule(data["generic"]))


WARNINGS, LOAD_ERROR_TEXT, GENERIC = _rule_texts()


def warning_rule(rule_id: str) -> RuleText:
    """The description of warning `rule_id` (GENERIC for an id the table does not know)."""
    return WARNINGS.get(rule_id, GENERIC)


def artifact_uri(file: str) -> str:
    """`file` as a URI reference relative to the working directory, with POSIX slashes and
    percent-encoding (a path outside the working directory becomes a `file://` URI)."""
    path = Path(file)
    if path.is_absolute():
        try:
            path = path.relative_to(Path.cwd())
        except (ValueError, OSError):  # outside it, or the working folder is gone
            return path.as_uri()
    return quote(PurePosixPath(path.as_posix()).as_posix().removeprefix("./"), safe="/")


def _artifact(report: Report, file: str) -> dict[str, Any]:
    """Where `file` is: from the repository root (`%SRCROOT%`) when the report knows it,
    else relative to the working directory as `artifact_uri` says."""
    if report.root is None:
        return {"uri": artifact_uri(file)}
    path = repository_path(report, file)
    if path is None:  # outside the repository: an absolute file URI
        full = posixpath.normpath(posixpath.join(report.root.cwd, PurePosixPath(file).as_posix()))
        return {"uri": PurePosixPath(full).as_uri()}
    return {"uri": quote(path, safe="/"), "uriBaseId": SRCROOT}


def _location(report: Report, place: Place) -> dict[str, Any]:
    location: dict[str, Any] = {"physicalLocation": {
        "artifactLocation": _artifact(report, place.file),
        "region": {"startLine": max(place.line or 1, 1), "startColumn": max(place.column or 1, 1)},
    }}
    if place.path:
        location["logicalLocations"] = [{"fullyQualifiedName": place.path}]
    return location


def _result(report: Report, result: FileResult, problem: Problem, index: dict[str, int],
            lang: str) -> dict[str, Any]:
    finding, error = problem.finding, problem.error
    if finding is None:
        assert error is not None
        grade, text = "error", error.message.get(lang)
        properties: dict[str, Any] = {"verdict": result.verdict.value}
    else:
        grade, text = level(finding.severity), problem_text(finding, lang)
        properties = {"criteria": criteria_label(report, result),
                      "asOf": file_as_of(report, result), "status": finding.status.value,
                      "observed": finding.observed}
    return {"ruleId": problem.rule, "ruleIndex": index[problem.rule], "level": grade,
            "message": {"text": text}, "locations": [_location(report, problem.place)],
            "partialFingerprints": {FINGERPRINT: problem.fingerprint},
            "properties": properties}


def _base_ids(report: Report, lang: str) -> dict[str, Any]:
    """`%SRCROOT%`: the repository root the artifact URIs are relative to."""
    if report.root is None:
        return {}
    uri = PurePosixPath(report.root.path).as_uri()
    return {"originalUriBaseIds": {SRCROOT: {
        "uri": uri if uri.endswith("/") else uri + "/",
        "description": {"text": words(lang)["repository_root"]}}}}


def as_dict(report: Report, lang: str) -> dict[str, Any]:
    """The SARIF log as JSON-ready data."""
    rule_list = rules(report, lang)
    index = {rule["id"]: i for i, rule in enumerate(rule_list)}
    results = [_result(report, result, problem, index, lang) for result in report.results
               for problem in ci_problems(report, result)]
    driver = {"name": "oncocheck", "version": report.tool_version,
              "semanticVersion": report.tool_version, "informationUri": INFORMATION_URI,
              "rules": rule_list}
    # as the JSON report: only the date and version that judged every file judged
    dates, applied = report.dates, report.applied
    run = {"tool": {"driver": driver}, **_base_ids(report, lang), "results": results,
           "columnKind": "unicodeCodePoints",
           "properties": {"asOf": dates[0].isoformat() if len(dates) == 1 else None,
                          "criteria": applied[0][0].label if len(applied) == 1 else None,
                          "criteriaApplied": criteria_text(report),
                          "asOfApplied": dates_text(report, lang), "summary": report.summary,
                          # as the JSON report's; `summary.ignored` counts the ignored warnings
                          **({"settingsFile": report.settings} if report.settings else {})}}
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}


def render(report: Report, lang: str) -> str:
    """The SARIF log as JSON text."""
    return dumps(as_dict(report, lang)) + "\n"


def level(severity: Severity) -> str:
    """SARIF's level for a severity."""
    return "error" if severity is Severity.ERROR else "warning"


def _markdown(text: str) -> str:
    """A rule text as Markdown: its code spans (`criteria:`, `--criteria`) stay code spans,
    whose content Markdown shows literally; everything else is escaped."""
    parts = _CODE_SPAN.split(text)
    return "".join(f"`{part}`" if i % 2 and part.isprintable() else
                   escape(f"`{part}`" if i % 2 else part) for i, part in enumerate(parts))


def _help(to_do: str, uri: str, lang: str) -> dict[str, str]:
    """What to do, as text and as Markdown, with a link to the criterion's source (or to
    the description of oncocheck's own warnings)."""
    w = words(lang)
    link = f"<{uri}>" if _PLAIN_URI.fullmatch(uri) else escape(uri)
    label = w["more_info"] if uri == WARNINGS_URI else w.capital("source")
    return {"text": to_do,
            "markdown": f"**{escape(w['what_to_do'])}:** {_markdown(to_do)}\n\n"
                        f"{escape(label)}: {link}"}


def _rule(rule_id: str, name: str, text: RuleText, uri: str, default: str,
          lang: str) -> dict[str, Any]:
    return {"id": rule_id, "name": name,
            "shortDescription": {"text": text.title.get(lang)},
            "fullDescription": {"text": text.meaning.get(lang)},
            "help": _help(text.to_do.get(lang), uri, lang),
            "helpUri": uri, "defaultConfiguration": {"level": default}}


def _criterion_rule(info: CriterionInfo, title: str, text: str,
                    lang: str) -> dict[str, Any]:
    """A criterion's rule, titled and described as the versions that judged the batch say it
    (per version where they differ: `streven 60%`, `streven 50%`)."""
    uri = info.source if _WEB.match(info.source or "") else WARNINGS_URI
    return _rule(info.id, f"criterion-{info.id}", RuleText(Text(title, title), Text(text, text),
                 info.remediation), uri, level(info.severity), lang)


def _warning_rule(rule_id: str, title: Text | None, lang: str) -> dict[str, Any]:
    """A warning id's rule; an id the table does not know keeps its finding's own title."""
    text = warning_rule(rule_id)
    if rule_id not in WARNINGS and title is not None:
        text = RuleText(title, text.meaning, text.to_do)
    name = "".join(part.capitalize() for part in re.split(r"[^A-Za-z0-9]+", rule_id))
    return _rule(rule_id, name or "Warning", text, WARNINGS_URI, "warning", lang)


def rules(report: Report, lang: str) -> list[dict[str, Any]]:
    """Criteria of every applied set (default set first), then every warning id the checker
    knows and any other one in the report, then load-error: the same rules in every run."""
    sets = sorted(report.criteria_sets, key=lambda s: s.ref != report.criteria)
    titles, texts = (said_per_version(report, part, lang) for part in ("title", "text"))
    found: dict[str, dict[str, Any]] = {}
    for info in (c for s in sets for c in s.criteria):
        if info.id not in found:
            found[info.id] = _criterion_rule(info, titles.get(info.id, info.title.get(lang)),
                                             texts.get(info.id, info.text.get(lang)), lang)
    for rule_id in WARNINGS:
        found.setdefault(rule_id, _warning_rule(rule_id, None, lang))
    for finding in (f for r in report.results for f in r.findings):
        if finding.criterion not in found:
            found[finding.criterion] = _warning_rule(finding.criterion, finding.title, lang)
    found[LOAD_ERROR] = _rule(LOAD_ERROR, "LoadError", LOAD_ERROR_TEXT, WARNINGS_URI, "error",
                              lang)
    return list(found.values())
