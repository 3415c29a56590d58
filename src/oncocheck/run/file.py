"""Check one network file: read it once, then judge it under each version asked for.

`check_one` never raises for bad input: a path that cannot be read, a folder, a file that
cannot be loaded all become `invalid` FileResults carrying their load errors. Under several
versions (`check --compare`, `impact`) the file is read and validated once. A file a folder
walk found that is no network file has no result at all: it is skipped (`walk.Skips`).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from oncocheck.checks.base import CheckContext, MemberView, member_rows, member_views
from oncocheck.checks.documents import Evidence, documents
from oncocheck.checks.documents import named as look_ups
from oncocheck.checks.notices import (capped_warnings, document_warnings, duplicate_members,
                                      load_warnings, placeholder_name)
from oncocheck.checks.plans import check_references, plan_warnings, with_plan
from oncocheck.errors import LoadFailed, UsageError, load_error, out_of_memory, release
from oncocheck.load.store import recording
from oncocheck.load.source import Source
from oncocheck.load.text import StdinFile
from oncocheck.load.validate import capped
from oncocheck.network.model import NetworkFile
from oncocheck.network.read import NotANetwork, read_network_file
from oncocheck.report import (FileResult, Finding, InputFile, LoadError, Severity, Status, Verdict,
                              in_order)
from oncocheck.rules import bundled
from oncocheck.rules.model import Criterion
from oncocheck.run.decide import Choice, Decision, criteria_pin, decide
from oncocheck.run.walk import (Found, Unsearched, is_dir, is_package, no_yaml, not_found,
                                unsearched)
from oncocheck.wording import WORKING_FOLDER_GONE, working_folder


def check_one(path: Path, display: str, choices: Sequence[Choice]) -> tuple[FileResult, ...]:
    """The file's result under each of `choices` (`display` is the path as reports show it);
    a path that is no network file is one invalid result, the same under each, or none (an
    empty tuple) when a folder walk found it (`walk.Found`): that one is skipped."""
    refused = _refused(path)
    if refused is not None:
        invalid = FileResult(display, Verdict.INVALID, errors=tuple(refused.errors))
        return tuple(invalid for _ in choices)
    try:
        if is_package(path):
            from oncocheck.run.package import check_package  # a package's modules: only then

            return check_package(path, display, choices, check_file)
        return check_file(path, display, choices)
    except BaseException as exc:
        if not out_of_memory(exc):
            raise
        release(exc)  # the file's data goes now, before anything else unwinds
        raise MemoryError from None


def _refused(path: Path) -> LoadFailed | None:
    """Why `path` is not a network file to read (not there, a folder), or None."""
    if isinstance(path, StdinFile):
        return None  # its text is at hand; the name may be anything
    if not path.is_absolute() and working_folder() is None:
        return load_error(WORKING_FOLDER_GONE.nl, WORKING_FOLDER_GONE.en)
    try:
        os.lstat(path)
    except FileNotFoundError:
        return not_found(path)  # naming `netwerk.yaml.txt` when that is there
    except (OSError, ValueError):
        pass  # too long, not a folder on the way: reading it says why
    if isinstance(path, Unsearched):
        return unsearched(path)
    if is_package(path):
        return None
    if is_dir(path):
        return no_yaml(path)
    return None


def check_file(path: Path, display: str, choices: Sequence[Choice]) -> tuple[FileResult, ...]:
    """The network file read once and judged under each of `choices`, with the digests of
    what was read (the network file's also when it could not be loaded)."""
    named: list[str] = []
    with recording() as heard:
        try:
            vocabulary = bundled.vocabulary()
            source, doc = read_network_file(path, display, vocabulary, bundled.labels(), named,
                                            only_networks=isinstance(path, Found))
        except LoadFailed as exc:
            return tuple(_invalid(display, exc, named, in_order(heard)) for _ in choices)
        except NotANetwork:
            return ()
    looked = tuple(look_ups(doc, path.parent))  # each document once, for every use of it
    inputs = in_order([*heard, *documents(looked, path.parent, display)])
    members = member_views(doc.members or (), vocabulary)
    return tuple(_judged(path, display, choice, source, doc, members, named, inputs, looked)
                 for choice in choices)


def _invalid(display: str, exc: LoadFailed, named: list[str],
             inputs: tuple[InputFile, ...]) -> FileResult:
    # the one cap on a file's load errors, whatever their source
    return FileResult(display, Verdict.INVALID, errors=tuple(capped(exc.listed,
                                                                    exc.omitted).errors),
                      references=tuple(named), inputs=inputs)


def _judged(path: Path, display: str, choice: Choice, source: Source, doc: NetworkFile,
            members: tuple[MemberView, ...], named: list[str], inputs: tuple[InputFile, ...],
            looked: tuple[tuple[str, str, Evidence], ...]) -> FileResult:
    """The file judged by the version and on the date `choice` and its `submitted:` decide."""
    try:
        decision = _decision(choice, doc, source)
        rule_file = decision.rules
        check_references(doc, source, [c.id for c in rule_file.criteria], rule_file.ref.label)
    except LoadFailed as exc:
        return _invalid(display, exc, named, inputs)
    ctx = CheckContext(doc, members, bundled.vocabulary(), path.parent, decision.as_of, source,
                       {section: evidence for section, _, evidence in looked})
    findings = with_plan(doc, source, [_finding(c, ctx, source) for c in rule_file.criteria])
    findings += plan_warnings(doc, source, findings, decision.as_of)
    findings += criteria_pin(doc.criteria, decision, source)
    findings += load_warnings(source)
    findings += document_warnings(looked, source)
    findings += duplicate_members(members, source)
    findings += placeholder_name(doc.network.name, source)
    findings = capped_warnings(findings)
    ids = {c.id for c in rule_file.criteria}
    ignored = tuple(f.criterion for f in findings if _ignored(f, choice, ids))
    findings = [f for f in findings if not _ignored(f, choice, ids)]
    met = all(f.status is Status.MET for f in findings
              if f.severity is Severity.ERROR and f.criterion in ids)
    checks = [c.check for c in rule_file.criteria]
    return FileResult(display, Verdict.COMPLIANT if met else Verdict.NOT_COMPLIANT,
                      doc.network.name, rule_file.ref, (), tuple(findings),
                      member_rows(members, checks, source) if choice.members else (),
                      tuple(named), decision.as_of, inputs,
                      ignored=ignored, dated=decision.dated)


def _ignored(finding: Finding, choice: Choice, criteria: set[str]) -> bool:
    """Whether `--ignore` leaves this finding out: an extra warning, never a criterion."""
    return finding.criterion in choice.ignore and finding.criterion not in criteria and \
        finding.severity is Severity.WARNING


def _decision(choice: Choice, doc: NetworkFile, source: Source) -> Decision:
    """The version and date for this file; a `submitted:` date before the first version is a
    load error at that key."""
    try:
        return decide(choice, doc.submitted)
    except UsageError as exc:
        line, column = source.where("submitted")
        raise LoadFailed([LoadError(exc.text, "submitted", line, column)]) from exc


def _finding(criterion: Criterion, ctx: CheckContext, source: Source) -> Finding:
    """The criterion decided for this file, with what to do when it is not met."""
    outcome = criterion.check.evaluate(ctx)
    remediation = None
    if outcome.status is not Status.MET:
        remediation = outcome.todo or criterion.said("remediation")
    return Finding(criterion.id, criterion.severity, outcome.status, criterion.said("title"),
                   outcome.message, outcome.observed, source.locate(outcome.path, prefer_key=True),
                   remediation, check=criterion.check.kind, working=outcome.working)
