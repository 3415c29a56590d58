"""The rules of the SARIF log: one per criterion, per warning id and for load errors.

GitHub code scanning requires of every rule a short and a full description and help (its
ingestion rule GH2012), and shows them beside each alert; the help comes as text and as
Markdown, in the report's language, with `helpUri` the criterion's source (or, for warnings and
load errors, their description in docs/ci.md). A rule's `name` differs from its `id`, as the
SARIF specification asks. Every run lists the same rules, whatever it found.
"""

from __future__ import annotations

import re
from typing import Any

from oncocheck.render.markdown import escape
from oncocheck.render.places import LOAD_ERROR
from oncocheck.render.warning_rules import LOAD_ERROR as LOAD_ERROR_TEXT
from oncocheck.render.warning_rules import WARNINGS, RuleText, warning_rule
from oncocheck.render.phrases import said_per_version
from oncocheck.render.words import words
from oncocheck.report import CriterionInfo, Report, Severity, Text

#: Where the warnings and load errors are described, for rules without a source of their own.
WARNINGS_URI = ("https://github.com/oncocheck/oncocheck/blob/main/docs/ci.md"
                "#warnings-and-load-errors")
_WEB = re.compile(r"https?://\S+\Z")
_PLAIN_URI = re.compile(r"https?://[^\s<>]+")
_CODE_SPAN = re.compile(r"`([^`\r\n]+)`")


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
