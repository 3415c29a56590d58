"""The coordinator's own words: notes and the improvement plan (verbeterplan).

A note or plan item names a criterion of the applied set (else it is a load error with a
suggestion). Each criterion's finding carries its note and plan items; a plan item that is past
its due date, or whose criterion is already met, becomes a warning of its own.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from oncocheck.errors import LoadFailed
from oncocheck.load.source import Source
from oncocheck.load.validate import MAX_ERRORS
from oncocheck.load.visible import quoted, shortened, visible
from oncocheck.load.words import did_you_mean
from oncocheck.network.model import NetworkFile
from oncocheck.report import Finding, LoadError, PlanItem, Severity, Status, Text

OVERDUE = Text("Plan over de datum", "Plan item overdue")
CLOSABLE = Text("Plan kan worden afgesloten", "Plan item can be closed")


def _canonical(written: str, ids: Sequence[str]) -> str | None:
    return next((i for i in ids if i.lower() == written.strip().lower()), None)


def _suggest(written: str, ids: Sequence[str]) -> tuple[str, str]:
    """"did you mean": the nearest id, else the ids of the same number (`1c` -> 1a or 1b)."""
    nl_tail, en_tail = did_you_mean(written, ids)
    number = written.strip().rstrip("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
    same = [f"'{i}'" for i in ids if i.rstrip("abcdefghijklmnopqrstuvwxyz") == number]
    if nl_tail or not same or len(same) == len(ids):
        return nl_tail, en_tail
    return (f"; bedoelt u {' of '.join(same)}?", f"; did you mean {' or '.join(same)}?")


def check_references(doc: NetworkFile, source: Source, ids: Sequence[str], label: str) -> None:
    """LoadFailed for every note or plan item naming a criterion that version `label` (with
    criteria `ids`) lacks."""
    named = [(f"notes.{key}", key, True) for key in (doc.notes or {})]
    named += [(f"plan[{i}].criterion", item.criterion, False)
              for i, item in enumerate(doc.plan or ())]
    errors: list[LoadError] = []
    omitted = 0
    known = {i.lower() for i in ids}
    for path, written, is_key in named:
        if written.strip().lower() in known:
            continue
        if len(errors) >= MAX_ERRORS:  # counted, not spelt out: a 15 MB file holds 900,000
            omitted += 1
            continue
        nl_tail, en_tail = _suggest(written, ids)
        line, column = source.where(path, prefer_key=is_key)
        errors.append(LoadError(Text(
            f"{label} heeft geen criterium {quoted(written)}{nl_tail} (wel: "
            f"{', '.join(ids)})", f"{label} has no criterion {quoted(written)}"
            f"{en_tail} (it has: {', '.join(ids)})"), shortened(path), line, column))
    if errors:
        raise LoadFailed(errors, omitted)


def plan_items(doc: NetworkFile, source: Source, ids: Sequence[str]) -> list[PlanItem]:
    """The plan as report records, each with its canonical criterion id and place."""
    return [PlanItem(_canonical(item.criterion, ids) or item.criterion, item.action, item.owner,
                     item.due, source.locate(f"plan[{i}]"))
            for i, item in enumerate(doc.plan or ())]


def with_plan(doc: NetworkFile, source: Source, findings: list[Finding]) -> list[Finding]:
    """The criteria findings with their note and plan items filled in."""
    ids = [f.criterion for f in findings]
    notes = {_canonical(k, ids): v for k, v in (doc.notes or {}).items()}
    items = plan_items(doc, source, ids)
    if not notes and not items:
        return list(findings)
    return [replace(f, note=notes.get(f.criterion),
                    plan=tuple(i for i in items if i.criterion == f.criterion))
            for f in findings]


def plan_warnings(doc: NetworkFile, source: Source, findings: Sequence[Finding],
                  as_of: date) -> list[Finding]:
    """A warning per plan item that can be closed (its criterion is met) or is overdue."""
    status = {f.criterion: f.status for f in findings}
    warnings = []
    for index, item in enumerate(plan_items(doc, source, list(status))):
        owner = visible(item.owner, multiline=False) if item.owner else ""  # one line
        what = quoted(item.action) + (f" ({owner})" if owner else "")
        observed = {"plan": index, "criterion": item.criterion, "action": item.action,
                    "owner": item.owner, "due": item.due.isoformat() if item.due else None}
        if status.get(item.criterion) is Status.MET:
            warnings.append(Finding(
                "plan-closable", Severity.WARNING, Status.NOT_MET, CLOSABLE, Text(
                    f"aan criterium {item.criterion} is voldaan; plan-item {what} kan worden "
                    "afgesloten", f"criterion {item.criterion} is met; plan item {what} can be "
                    "closed"), observed, item.location, Text(
                    f"haal dit plan-item weg (`plan[{index}]`), of bewaar het elders als "
                    "verslag", f"remove this plan item (`plan[{index}]`), or keep it elsewhere "
                    "as a record")))
        elif item.due is not None and item.due < as_of:
            warnings.append(Finding(
                "plan-overdue", Severity.WARNING, Status.NOT_MET, OVERDUE, Text(
                    f"plan-item {what} voor criterium {item.criterion} had vóór {item.due} "
                    f"klaar moeten zijn (peildatum {as_of})", f"plan item {what} for criterion "
                    f"{item.criterion} was due before {item.due} (as of {as_of})"),
                observed | {"days_overdue": (as_of - item.due).days}, item.location, Text(
                    f"voer de actie uit, of zet er een nieuwe datum bij (`plan[{index}].due`)",
                    f"carry out the action, or give it a new date (`plan[{index}].due`)")))
    return warnings
