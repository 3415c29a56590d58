"""Check one network file: load it, decide its criteria version and date, decide every
criterion.

`check_file` never raises for bad input: a file that cannot be loaded becomes an `invalid`
FileResult carrying its load errors.
"""

from __future__ import annotations

import os
from pathlib import Path

from oncocheck.rules import bundled as criteria_sets
from oncocheck.rules.model import Criterion, RuleFile
from oncocheck.checks import CheckContext, MemberView, VerwijsgidsShare
from oncocheck.checks.verwijsgids import REASONS
from oncocheck.run.decide import Choice, Decision, decide
from oncocheck.errors import LoadFailed, UsageError
from oncocheck.network.model import DOCUMENT_SECTIONS, NetworkFile
from oncocheck.report import (FileResult, Finding, LoadError, MemberRow, Severity,
                              Status, Text, Verdict)
from oncocheck.load.validate import capped, validate
from oncocheck.network.disciplines import OTHER, Vocabulary
from oncocheck.checks.notices import (capped_warnings, criteria_pin, document_warnings,
                               duplicate_members, placeholder_name)
from oncocheck.checks.plans import check_references, plan_warnings, with_plan
from oncocheck.load.sheets.merge import merge_sheet
from oncocheck.load.words import normalise
from oncocheck.load.parse import Source, parse, read_text


def check_file(path: Path, display: str, choice: Choice) -> FileResult:
    """The result for one network file (`display` is the path as reports show it), judged by
    the version and on the date `choice` and the file's `submitted:` date decide."""
    named: list[str] = []
    try:
        source, doc, vocabulary = load(path, display, named)
        decision = _decision(choice, doc, source)
        check_references(doc, source, decision.rules)
    except LoadFailed as exc:  # the one cap on a file's load errors, whatever their source
        return FileResult(display, Verdict.INVALID,
                          errors=tuple(capped(exc.listed, exc.omitted).errors),
                          references=tuple(named))
    rule_file, as_of = decision.rules, decision.as_of
    members = tuple(_view(i, m, vocabulary) for i, m in enumerate(doc.members or ()))
    ctx = CheckContext(doc, members, vocabulary, path.parent, as_of)
    findings = with_plan(doc, source, [_decide(c, ctx, source) for c in rule_file.criteria])
    findings += plan_warnings(doc, source, findings, as_of)
    findings += criteria_pin(doc.criteria, decision, source)
    findings += document_warnings(doc, path.parent, source)
    findings += duplicate_members(members, source)
    findings += placeholder_name(doc.network.name, source)
    findings = capped_warnings(findings)
    verdict = Verdict.COMPLIANT if all(
        f.status is Status.MET for f in findings if f.severity is Severity.ERROR
        and f.criterion in {c.id for c in rule_file.criteria}) else Verdict.NOT_COMPLIANT
    return FileResult(display, verdict, doc.network.name, rule_file.ref, (), tuple(findings),
                      _member_rows(members, rule_file, source), tuple(named), as_of)


def load(path: Path, display: str, named: list[str] | None = None
         ) -> tuple[Source, NetworkFile, Vocabulary]:
    """The parsed file (with the members spreadsheet merged in), its model and the vocabulary;
    LoadFailed lists the problems of both files. `named` receives the files it names."""
    source = parse(read_text(path))
    if named is not None:
        named += named_files(source.data, path.parent)
    source, sheet_errors, sheet_omitted = merge_sheet(source, path.parent, display)
    vocabulary = criteria_sets.vocabulary()
    try:
        doc = validate(NetworkFile, source, {"vocabulary": vocabulary,
                                             "declarable": criteria_sets.labels()})
    except LoadFailed as exc:
        raise LoadFailed(_in_order([*exc.listed, *sheet_errors]),
                         exc.omitted + sheet_omitted) from exc
    if sheet_errors:
        raise LoadFailed(sheet_errors, sheet_omitted)
    return source, doc, vocabulary


def named_files(data: object, base: Path) -> list[str]:
    """The members spreadsheet and documents a parsed network file names, as absolute paths
    (also when the file is not valid, so no report lands on them)."""
    network = data.get("network") if isinstance(data, dict) else None
    sections = [network.get(k) for k in DOCUMENT_SECTIONS] if isinstance(network, dict) else []
    names = [s.get("document") for s in sections if isinstance(s, dict)]
    names.append(data.get("members_file") if isinstance(data, dict) else None)
    return [os.path.abspath(base / n.strip()) for n in names
            if isinstance(n, str) and n.strip() and "://" not in n]


def _in_order(errors: list[LoadError]) -> list[LoadError]:
    """The network file's errors as found, then the spreadsheet's by row and column."""
    sheet = sorted((e for e in errors if e.source), key=lambda e: (e.line or 0, e.column or 0))
    return [e for e in errors if not e.source] + sheet


def _decision(choice: Choice, doc: NetworkFile, source: Source) -> Decision:
    """The version and date for this file; a `submitted:` date before the first version is a
    load error at that key."""
    try:
        return decide(choice, doc.submitted)
    except UsageError as exc:
        line, column = source.where("submitted")
        raise LoadFailed([LoadError(exc.text, "submitted", line, column)]) from exc


def _view(index: int, member, vocabulary: Vocabulary) -> MemberView:  # noqa: ANN001
    discipline = vocabulary.resolve(member.discipline)
    if discipline.id == OTHER and member.discipline_other:
        named = vocabulary.resolve(member.discipline_other)
        discipline = named or discipline
        key = named.id if named else normalise(member.discipline_other)
    else:
        key = discipline.id
    return MemberView(index, member, discipline, key if discipline.counts else None)


def _decide(criterion: Criterion, ctx: CheckContext, source: Source) -> Finding:
    outcome = criterion.check.evaluate(ctx)
    remediation = None
    if outcome.status is not Status.MET:
        remediation = outcome.todo or criterion.remediation.text()
    return Finding(criterion.id, criterion.severity, outcome.status, criterion.title.text(),
                   outcome.message, outcome.observed, source.locate(outcome.path, prefer_key=True),
                   remediation)


def _member_rows(members: tuple[MemberView, ...], rule_file: RuleFile,
                 source: Source) -> tuple[MemberRow, ...]:
    share = next((c.check for c in rule_file.criteria
                  if isinstance(c.check, VerwijsgidsShare)), None)
    rows = []
    for view in members:
        why = share.exclusion(view) if share else None
        label = view.discipline.label
        if view.discipline.id == OTHER:
            label = Text(view.member.discipline_other or label.nl,
                         view.member.discipline_other or label.en)
        rows.append(MemberRow(view.member.name, view.member.discipline, view.discipline.id,
                              label, view.member.organisation, view.member.verwijsgids,
                              REASONS[why] if why else None, source.locate(view.path)))
    return tuple(rows)
