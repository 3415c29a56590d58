"""A JSON report of oncocheck (`check --format json`) read back, for `oncocheck rounds`.

A report from the archive is input like any other: read bounded, from a regular file, as
UTF-8 (`load.text`); JSON errors at their line and column; the shape `rounds` needs checked
by the models below (keys it does not need are ignored, as later versions may add keys);
every text shown through `visible`; numbers JSON cannot hold and a key written twice refused
(`load.strict_json`). Anything else is a LoadFailed that says what the file is not, never a
traceback.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from oncocheck.errors import LoadFailed, load_error
from oncocheck.load import strict_json
from oncocheck.load.fields import IsoDate
from oncocheck.load.source import Source
from oncocheck.load.text import read_text
from oncocheck.load.validate import validate
from oncocheck.load.visible import visible

#: What a report is and how to make one, said when a file is not one.
_NOT_A_REPORT = ("dit is geen JSON-rapport van oncocheck (maak er een met `oncocheck check "
                 "--format json`)", "this is not a JSON report of oncocheck (make one with "
                 "`oncocheck check --format json`)")

#: What to do with a report oncocheck would not have written.
_AGAIN = ("maak het rapport opnieuw met `oncocheck check --format json`",
          "make the report again with `oncocheck check --format json`")

Shown = Annotated[str, AfterValidator(lambda text: visible(text, multiline=False))]


class _Read(BaseModel):
    """A part of a report as read back: frozen, and keys it does not name are ignored."""

    model_config = ConfigDict(extra="ignore", frozen=True, strict=False)


class PastTool(_Read):
    """`tool`: the oncocheck that made the report."""

    name: Literal["oncocheck"]
    version: Shown


class PastCriteria(_Read):
    """A criteria version as a report names it (`file`: a rule file given by path)."""

    set: Shown
    version: Shown
    file: Shown | None = None


class PastFinding(_Read):
    """One finding: only what a round's comparison looks at."""

    criterion: Annotated[Shown, Field(min_length=1, max_length=64)]
    severity: Literal["error", "warning"]
    status: Literal["met", "not_met", "missing"]


class PastResult(_Read):
    """One file's result."""

    file: Shown
    network: Shown | None
    verdict: Literal["compliant", "not_compliant", "invalid"]
    criteria: PastCriteria | None = None
    as_of: IsoDate | None = None
    findings: list[PastFinding]


class PastReport(_Read):
    """A whole report: who made it, every file's result (the top-level `criteria` and `as_of`
    are not read: since schema version 2 they are null for a batch judged under several)."""

    tool: PastTool
    results: list[PastResult]


def read_report(path: Path) -> PastReport:
    """The report in the file at `path`; LoadFailed (at a line and column where JSON gives
    one) for a file that cannot be read, is not JSON, or is not an oncocheck report."""
    text = read_text(path)
    try:
        data = strict_json.loads(text)
    except json.JSONDecodeError as exc:
        raise load_error(f"geen geldige JSON: {exc.msg}", f"not valid JSON: {exc.msg}", "",
                         exc.lineno, exc.colno) from exc
    except strict_json.Refused as exc:  # NaN, 1e999999, 5,000 digits, a key twice
        line, column = (None, None) if exc.at is None else strict_json.place(text, exc.at)
        raise load_error(f"geen geldige JSON: {exc.text.nl}; {_AGAIN[0]}",
                         f"not valid JSON: {exc.text.en}; {_AGAIN[1]}", "", line,
                         column) from exc
    except RecursionError as exc:
        raise load_error("geen rapport: de JSON is te diep genest",
                         "not a report: the JSON is nested too deeply") from exc
    tool = data.get("tool") if isinstance(data, dict) else None
    if not isinstance(tool, dict) or tool.get("name") != "oncocheck" or "results" not in data:
        raise load_error(*_NOT_A_REPORT)
    try:
        return validate(PastReport, Source(data))
    except LoadFailed as exc:  # JSON has no positions to give: the path says where
        raise LoadFailed([replace(e, line=None, column=None) for e in exc.listed],
                         exc.omitted) from exc
