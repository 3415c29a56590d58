"""The JSON report (cli.md): a plain dump of the Report, always in English, deterministic;
its published schema is `report.schema.json` (`render.REPORT`, `oncocheck schema --report`).

Every JSON text is written by `dumps`, fast: orjson (a C encoder) writes what
`json.dumps(data, ensure_ascii=False, indent=2)` writes, byte for byte, in a fraction of the
time (the standard library's encoder runs in pure Python as soon as `indent` is given). Where
the two differ the standard library's text is used, so a report never changes by a byte:
- a float that Python writes with an exponent (`1e-05`, `1e+16`): orjson writes `1e-5` or
  `0.00001`; each float in the data is written by both and compared (a walk of the data,
  four times as quick as searching the text for such numbers);
- what orjson refuses: an integer beyond 64 bits, a lone surrogate, a key that is not a string.
NaN and infinities, which the two also write differently, never reach a report: thresholds are
validated into (0, 1] and shares are ratios of counts.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from typing import Any

import orjson

from oncocheck.render import compare
from oncocheck.report import CriteriaRef, FileResult, Finding, LoadError, Location, Report

SCHEMA_VERSION = "2"  # of report.schema.json; a key removed or changed in meaning is a new one
# 2: top-level `criteria` and `as_of` are the version and date that judged every file judged
#    (null when several did), no longer the run's own; `summary.as_of` counts files per date


def dumps(data: Any, floats: Any = None) -> str:
    """`json.dumps(data, ensure_ascii=False, indent=2)`, through orjson where they agree;
    `floats` holds every float of `data` when the caller knows where they are (else: all
    of `data` is searched)."""
    try:
        text = orjson.dumps(data, option=orjson.OPT_INDENT_2).decode("utf-8")
        if _floats_agree(data if floats is None else floats):
            return text
    except TypeError:  # orjson.JSONEncodeError: big integer, surrogate, non-string key
        pass
    return json.dumps(data, ensure_ascii=False, indent=2)


def _floats_agree(data: Any) -> bool:
    """Whether both encoders write every float in `data` alike."""
    todo = [data]
    while todo:
        item = todo.pop()
        if isinstance(item, dict):
            todo.extend(item.values())
        elif isinstance(item, list | tuple):
            todo.extend(item)
        elif isinstance(item, float) and orjson.dumps(item) != json.dumps(item).encode():
            return False
    return True


def _location(location: Location | LoadError | None) -> dict[str, Any] | None:
    """Where a finding, a plan item or a load error points; `source` only when it is not the
    network file itself."""
    if location is None:
        return None
    data: dict[str, Any] = {"path": location.path, "line": location.line,
                            "column": location.column}
    if location.source:
        data["source"] = location.source
    return data


def _finding(finding: Finding) -> dict[str, Any]:
    data: dict[str, Any] = {
        "criterion": finding.criterion, "severity": finding.severity.value,
        "status": finding.status.value, "message": finding.message.en,
        "observed": finding.observed, "location": _location(finding.location),
    }
    if finding.remediation is not None:
        data["remediation"] = finding.remediation.en
    if finding.note is not None:
        data["note"] = finding.note
    if finding.plan:
        data["plan"] = [{"action": item.action, "owner": item.owner,
                         "due": item.due.isoformat() if item.due else None,
                         "location": _location(item.location)} for item in finding.plan]
    return data


def _result(result: FileResult) -> dict[str, Any]:
    data: dict[str, Any] = {"file": result.file, "network": result.network,
                            "verdict": result.verdict.value}
    if result.criteria is not None:
        data["criteria"] = ref_dict(result.criteria, with_date=False)
    if result.as_of is not None:
        data["as_of"] = result.as_of.isoformat()
    if result.dated is not None:
        data["as_of_from"] = result.dated.value
    data["errors"] = [{"message": e.message.en, **(_location(e) or {})} for e in result.errors]
    data["findings"] = [_finding(f) for f in result.findings]
    # every file read and judged: `sha256sum PATH` gives the same digest later when the
    # file is the one judged
    data["inputs"] = [{"path": i.path, "role": i.role.value, "sha256": i.sha256, "size": i.size}
                      for i in result.inputs]
    return data


def as_dict(report: Report, results: bool = True) -> dict[str, Any]:
    """The report as JSON-ready data (`results` empty unless asked for)."""
    applied, dates = report.applied, report.dates
    data: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "oncocheck", "version": report.tool_version},
        # only what judged every file that was judged: a batch under several versions or
        # dates names none here (its results and `summary` say which judged what)
        "criteria": ref_dict(applied[0][0]) if len(applied) == 1 else None,
        "as_of": dates[0].isoformat() if len(dates) == 1 else None,
        "settings": {"file": report.settings} if report.settings is not None else None,
        "summary": summary(report),
        "results": [_result(r) for r in report.results] if results else [],
    }
    if report.compare is not None:
        data["compare"] = _compared(report, report.compare)
    return data


def summary(report: Report) -> dict[str, Any]:
    """`Report.summary` with the files per as-of date (`as_of`) after those per version."""
    days = Counter(b.as_of for b in report.results.briefs if b.as_of is not None)
    data = dict(report.summary)
    skipped = data.pop("skipped", None)
    data["as_of"] = {day.isoformat(): days[day] for day in sorted(days)}
    return data | ({"skipped": skipped} if skipped is not None else {})


def ref_dict(ref: CriteriaRef, with_date: bool = True,
             with_file: bool = True) -> dict[str, Any]:
    """A criteria version as JSON: set, version (valid_from), and the rule file's path when it
    is not bundled (`with_file`: the impact and criteria diff JSON never had it)."""
    data: dict[str, Any] = {"set": ref.set, "version": ref.version}
    if with_date:
        data["valid_from"] = ref.valid_from.isoformat()
    if with_file and ref.file is not None:
        data["file"] = ref.file
    return data


def _compared(report: Report, other_run: Report) -> dict[str, Any]:
    """The `compare` object: the compared version, and per file the version applied
    (`applied`), the verdict and statuses under the compared version (`criteria`), and which
    criteria differ from the main result."""
    return {
        "criteria": ref_dict(other_run.criteria),
        "summary": summary(other_run),
        "results": [{
            "file": result.file,
            "applied": ref_dict(result.criteria, with_date=False) if result.criteria else None,
            "verdict": other.verdict.value if other else None,
            "criteria": (ref_dict(other.criteria, with_date=False)
                         if other and other.criteria else None),
            "statuses": {c: s.value for c, s in compare.statuses(other).items()},
            "changed": compare.changed(result, other),
        } for result, other in compare.pairs(report)],
    }


def render(report: Report, lang: str) -> str:
    """The JSON text; `lang` is ignored because the JSON report is always English."""
    return "".join(chunks(report, lang))


def chunks(report: Report, lang: str) -> Iterator[str]:
    """The JSON text in pieces, one file's result at a time: the report without its results,
    split where they go, and each result indented as it stands there. Byte for byte what
    `dumps(as_dict(report))` writes, without a batch's whole text or data in memory."""
    head, tail = dumps(as_dict(report, results=False)).split('"results": []', 1)
    yield head + '"results": ['
    for i, result in enumerate(report.results):
        yield ("\n    " if i == 0 else ",\n    ") + piece(result)
    yield ("\n  ]" if len(report.results) else "]") + tail + "\n"


def piece(result: FileResult) -> str:
    """A result's text in the report, indented as it stands in `results` (`chunks`). Its
    only floats are observed values: the others are texts, counts, lines and sizes."""
    data = _result(result)
    text = dumps(data, [finding["observed"] for finding in data["findings"]])
    return text.replace("\n", "\n    ")
