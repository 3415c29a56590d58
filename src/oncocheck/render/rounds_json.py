"""The rounds report as JSON: English keys in a fixed order, deterministic for the same input.
Its published shape is rounds.schema.json beside this module (`oncocheck schema --rounds`):

    schema_version             the version of that schema the report follows

    tool                       the oncocheck that compared the rounds
    old, new                   each round: report (the file read), tool_version, folder
                               (the common folder of its files), as_of_dates [{as_of,
                               files}] (the dates that judged its files, by date),
                               criteria [{set, version, file?, files}], summary {files, ...}
    notes                      what changes verdicts between the rounds' versions (when each
                               applied one bundled version and they differ), in English
    summary                    networks per kind of change, every kind
    networks: [{change, network, matched_by ("name" | "path" | null),
                old, new ({file (as seen from its round's folder), network,
                verdict, criteria, as_of} | null),
                criteria [{criterion, old, new}]}]    statuses, or "absent"
"""

from __future__ import annotations

from typing import Any

from oncocheck.analysis.rounds import RoundInfo, Rounds, Side, Version
from oncocheck.render.json import dumps

SCHEMA_VERSION = "2"  # of rounds.schema.json; a key removed or changed in meaning is a new one


def _version(version: Version | None) -> dict[str, Any] | None:
    if version is None:
        return None
    data: dict[str, Any] = {"set": version.set, "version": version.version}
    if version.file is not None:
        data["file"] = version.file
    return data


def _round(info: RoundInfo) -> dict[str, Any]:
    return {"report": info.path, "tool_version": info.tool_version,
            "folder": info.folder,
            "as_of_dates": [{"as_of": day.isoformat(), "files": n} for day, n in info.dates],
            "criteria": [{**(_version(v) or {}), "files": n} for v, n in info.versions],
            "summary": dict(info.summary)}


def _side(side: Side | None) -> dict[str, Any] | None:
    if side is None:
        return None
    return {"file": side.file, "network": side.network, "verdict": side.verdict,
            "criteria": _version(side.criteria),
            "as_of": side.as_of.isoformat() if side.as_of else None}


def _name(before: Side | None, after: Side | None) -> str | None:
    """The network's name now, else then; None when neither file could be loaded."""
    return (after.network if after else None) or (before.network if before else None)


def as_dict(rounds: Rounds) -> dict[str, Any]:
    """The comparison as JSON-ready data."""
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "oncocheck", "version": rounds.tool_version},
        "old": _round(rounds.old), "new": _round(rounds.new),
        "notes": [note.en for note in rounds.notes],
        "summary": rounds.counts,
        "networks": [{
            "change": n.change, "network": _name(n.before, n.after),
            "matched_by": n.matched_by,
            "old": _side(n.before), "new": _side(n.after),
            "criteria": [{"criterion": m.criterion, "old": m.before, "new": m.after}
                         for m in n.moves],
        } for n in rounds.networks],
    }


def render(rounds: Rounds, lang: str) -> str:
    """The JSON text; `lang` is ignored because JSON is always English."""
    return dumps(as_dict(rounds)) + "\n"
