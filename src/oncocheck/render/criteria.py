"""Texts that let a coordinator read the criteria from the terminal: `criteria list`, `criteria
show`, `explain` and `criteria diff` (text for people, and JSON).

Every function takes records only (`CriteriaSetInfo`, `CriterionInfo`, the `rules.diff`
changes): which version or criterion is meant, and what to say when there is none, is the
command's business.
"""

from __future__ import annotations

import json
import re
import textwrap
from collections.abc import Collection, Sequence
from datetime import date
from typing import Any

from oncocheck.render.json import ref_dict
from oncocheck.render.words import words
from oncocheck.report import CriteriaRef, CriteriaSetInfo, CriterionInfo
from oncocheck.rules.diff import CriterionChange, describe


# A CI runner reads a line that starts with `::` (after spaces) as a command, and `##` starts
# Azure's (`##vso[`). A rule file's texts are one line (`rules.bundled`), but wrapping can start
# a line with any of their words: such a word is glued to the word before it by a no-break
# space (textwrap breaks at ASCII spaces only, and here never inside a word), and a text that
# starts so is shown after a backslash.
_COMMAND_WORD = re.compile(r"\s+(?=::|##)")


def _wrap(text: str, indent: str = "    ") -> str:
    glued = _COMMAND_WORD.sub("\u00a0", text)
    if glued.startswith(("::", "##")):
        glued = "\\" + glued
    return textwrap.fill(glued, width=92, initial_indent=indent, subsequent_indent=indent,
                         break_long_words=False)


def _since(info: CriteriaSetInfo, lang: str) -> str:
    """`2024-02-06`, or `2021-01-01 (aanname: ...)` for an in-force date no source gives."""
    valid_from = info.ref.valid_from.isoformat()
    return f"{valid_from} ({words(lang)['assumed']})" if info.valid_from_assumed else valid_from


def list_text(sets: Sequence[CriteriaSetInfo], current: Collection[CriteriaRef], as_of: date,
              lang: str) -> str:
    """One line per version in `sets`, marking those in `current` as in force on `as_of`."""
    w, lines = words(lang), []
    for info in sets:
        mark = f"  ← {w['in_force']} ({w.lower('as_of')} {as_of})" if info.ref in current else ""
        lines.append(f"{info.ref.label:<16} {w['from_date']} {_since(info, lang)}  "
                     f"{info.title.get(lang)}{mark}")
    return "\n".join(lines) + "\n"


def _criterion(criterion: CriterionInfo, lang: str, full: bool) -> list[str]:
    """A criterion's text, severity, check and remediation, all in words (the check kind's
    name in code font before what it asks); `full` adds how the kind decides."""
    w = words(lang)
    check = criterion.parameters.get(lang) or criterion.check
    lines = [f"{criterion.id:<4} {criterion.title.get(lang)}",
             _wrap(criterion.text.get(lang)),
             _wrap(f"{w['severity']}: {w[f'severity.{criterion.severity.value}']}"),
             _wrap(f"{w['check']} (`{criterion.check}`): {check}"),
             _wrap(f"{w.lower('what_to_do')}: {criterion.remediation.get(lang)}"),
             f"    {w['source']}: {criterion.source}"]
    how = criterion.how.get(lang)
    if full and how:
        lines += ["", f"{w['how']}:"]
        for index, part in enumerate(how.split("\n\n")):
            lines += [""] * (index > 0) + [_wrap(part)]
    return lines


def show_text(info: CriteriaSetInfo, lang: str, base: CriteriaSetInfo | None = None,
              changes: Sequence[CriterionChange] = ()) -> str:
    """Every criterion of one version; for a draft, `base` (the version it extends) and the
    `changes` from it (`rules.diff.diff`) mark what the draft changes."""
    w = words(lang)
    lines = [f"{info.ref.label}: {info.title.get(lang)} ({w['from_date']} {_since(info, lang)})",
             f"{w['source']}: {info.source}", ""]
    if base is not None:
        lines[2:2] = [w["draft_of"].format(label=base.ref.label)]
    marks = {c.criterion: c for c in changes}
    for criterion in info.criteria:
        text = _criterion(criterion, lang, full=False)
        lines += text[:1] + _draft_mark(marks.get(criterion.id), lang) + text[1:] + [""]
    removed = [f"{c.criterion} ({c.title.get(lang)})" for c in changes if c.change == "removed"]
    if removed:
        lines += [f"{w['draft_removed']}: {', '.join(removed)}", ""]
    return "\n".join(lines)


def _draft_mark(change: CriterionChange | None, lang: str) -> list[str]:
    """`← gewijzigd in dit concept` and what changed, under a criterion a draft changes."""
    if change is None or change.change == "removed":
        return []
    w = words(lang)
    if change.change == "added":
        return [f"    ← {w['draft_added']}"]
    return [f"    ← {w['draft_changed']}: {part}" for part in _parts(change, lang)]


def _parts(change: CriterionChange, lang: str) -> list[str]:
    """What changed in a criterion, part by part; for a change in the other language's text
    only, that it is so."""
    parts = [d for d in (describe(p, lang) for p in change.parts) if d]
    if change.change == "changed" and not parts:
        return [words(lang)["other_language_only"]]
    return parts


def explain_text(info: CriteriaSetInfo, criterion: CriterionInfo, lang: str) -> str:
    """One criterion of version `info` in full, with the check kind's own documentation."""
    header = f"{info.ref.label} ({words(lang)['from_date']} {info.ref.valid_from})"
    return "\n".join([header, "", *_criterion(criterion, lang, full=True)]) + "\n"


def _unchanged(old: CriteriaSetInfo, new: CriteriaSetInfo,
               changes: Sequence[CriterionChange]) -> list[str]:
    touched = {c.criterion for c in changes}
    old_ids = {c.id for c in old.criteria}
    return [c.id for c in new.criteria if c.id in old_ids and c.id not in touched]


def diff_text(old: CriteriaSetInfo, new: CriteriaSetInfo, changes: Sequence[CriterionChange],
              lang: str) -> str:
    """The `changes` from version `old` to `new` (`rules.diff.diff`), as lines for the
    terminal."""
    w = words(lang)
    lines = [f"{old.ref.label} ({w['from_date']} {old.ref.valid_from}) → {new.ref.label} "
             f"({w['from_date']} {new.ref.valid_from})", ""]
    for change in changes:
        lines.append(f"{change.criterion:<4} {w[change.change]}: {change.title.get(lang)}")
        lines += [f"     {change.criterion}: {part}" for part in _parts(change, lang)]
    if not changes:
        lines.append(w["no_differences"])
    same = _unchanged(old, new, changes)
    if same:
        lines += ["", f"{w['unchanged']}: {', '.join(same)}"]
    return "\n".join(lines) + "\n"


def diff_json(old: CriteriaSetInfo, new: CriteriaSetInfo,
              changes: Sequence[CriterionChange]) -> str:
    """The same `changes` as JSON: every changed part with its value before and after."""
    data: dict[str, Any] = {
        "from": ref_dict(old.ref, with_file=False), "to": ref_dict(new.ref, with_file=False),
        "criteria": [{"criterion": c.criterion, "change": c.change, "title": c.title.en,
                      "changes": [{"part": p.part, "before": p.before, "after": p.after,
                                   "description": describe(p, "en") or None}
                                  for p in c.parts]} for c in changes],
        "unchanged": _unchanged(old, new, changes),
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
