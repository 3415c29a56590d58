"""Texts that let a coordinator read the criteria from the terminal: list, show, explain."""

from __future__ import annotations

import inspect
import textwrap
from datetime import date

from oncocheck.rules import bundled as criteria_sets
from oncocheck.errors import UsageError
from oncocheck.report import Text
from oncocheck.load.words import did_you_mean

WORDS = {
    "nl": {"in_force": "van kracht", "from": "vanaf", "severity": "ernst", "check": "controle",
           "assumed": "aanname: de precieze datum is niet bekend",
           "remediation": "wat te doen", "source": "bron", "how": "Zo controleert oncocheck dit",
           "parameters": "parameters", "today": "peildatum"},
    "en": {"in_force": "in force", "from": "from", "severity": "severity", "check": "check",
           "assumed": "assumed: the exact date is not known",
           "remediation": "what to do", "source": "source", "how": "How oncocheck checks this",
           "parameters": "parameters", "today": "as of"},
}


def _wrap(text: str, indent: str = "    ") -> str:
    return textwrap.fill(text, width=92, initial_indent=indent, subsequent_indent=indent)


def list_text(as_of: date, lang: str) -> str:
    """One line per bundled version, marking the one in force on `as_of`."""
    words, lines = WORDS[lang], []
    for rule_file in criteria_sets.bundled():
        current = criteria_sets.in_force(rule_file.set, as_of) is rule_file
        mark = f"  ← {words['in_force']} ({words['today']} {as_of})" if current else ""
        lines.append(f"{rule_file.ref.label:<16} {words['from']} {_since(rule_file, lang)}  "
                     f"{rule_file.title.text().get(lang)}{mark}")
    return "\n".join(lines) + "\n"


def _since(rule_file: criteria_sets.RuleFile, lang: str) -> str:
    """`2024-02-06`, or `2021-01-01 (aanname: ...)` for an in-force date no source gives."""
    if not rule_file.valid_from_assumed:
        return rule_file.valid_from.isoformat()
    return f"{rule_file.valid_from} ({WORDS[lang]['assumed']})"


def _parameters(criterion: criteria_sets.Criterion) -> str:
    params = criterion.check.model_dump(exclude={"kind"}, mode="json")
    return ", ".join(f"{k}={v}" for k, v in params.items() if v not in ({}, []))


def _criterion(criterion: criteria_sets.Criterion, lang: str, full: bool) -> list[str]:
    words = WORDS[lang]
    lines = [f"{criterion.id:<4} {criterion.title.text().get(lang)}",
             _wrap(criterion.text.text().get(lang)),
             f"    {words['severity']}: {criterion.severity.value}; {words['check']}: "
             f"{criterion.check.kind} ({_parameters(criterion)})",
             _wrap(f"{words['remediation']}: {criterion.remediation.text().get(lang)}"),
             f"    {words['source']}: {criterion.source}"]
    if full:
        doc = inspect.getdoc(type(criterion.check)) or ""
        lines += ["", f"{words['how']} ({criterion.check.kind}):"]
        lines += [_wrap(part) for part in doc.split("\n\n")]
    return lines


def show_text(spec: str, as_of: date, lang: str) -> str:
    """Every criterion of the version meant by `spec`."""
    rule_file = criteria_sets.find(spec, as_of)
    words = WORDS[lang]
    lines = [f"{rule_file.ref.label}: {rule_file.title.text().get(lang)} "
             f"({words['from']} {_since(rule_file, lang)})", f"{words['source']}: "
             f"{rule_file.source}", ""]
    for criterion in rule_file.criteria:
        lines += _criterion(criterion, lang, full=False) + [""]
    return "\n".join(lines)


def explain_text(criterion_id: str, spec: str, as_of: date, lang: str) -> str:
    """One criterion in full, with the check kind's own documentation."""
    rule_file = criteria_sets.find(spec, as_of)
    ids = [c.id for c in rule_file.criteria]
    found = next((c for c in rule_file.criteria if c.id == criterion_id.strip().lower()), None)
    if found is None:
        nl_tail, en_tail = did_you_mean(criterion_id, ids)
        raise UsageError(Text(
            f"{rule_file.ref.label} heeft geen criterium '{criterion_id}' (wel: "
            f"{', '.join(ids)}){nl_tail}",
            f"{rule_file.ref.label} has no criterion '{criterion_id}' (it has: "
            f"{', '.join(ids)}){en_tail}"))
    header = f"{rule_file.ref.label} ({WORDS[lang]['from']} {rule_file.valid_from})"
    return "\n".join([header, "", *_criterion(found, lang, full=True)]) + "\n"
