"""The rounds report (`oncocheck rounds`) in its four formats: the terminal's (rich; plain text
when not a terminal), JSON, Markdown and one HTML page; what they say alike (the kind of change,
a network's verdicts, versions and moved criteria, the rounds' versions) is said once. Every
text from the reports is escaped: by `markdown.escape` in Markdown, by Jinja2 on the page, and
never read as rich markup on the terminal.

The JSON has English keys in a fixed order, deterministic for the same input; its published
shape is rounds.schema.json beside this module (`oncocheck schema --rounds`). A side's `file`
is as seen from its round's `folder`; a moved criterion's statuses are "absent" where a round
lacks it; `notes` say in English what changes verdicts between the rounds' versions (when each
applied one bundled version and they differ).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text as RichText

from oncocheck.analysis.rounds import CHANGES, NetworkRound, RoundInfo, Rounds, Side, Version
from oncocheck.render.impact import state
from oncocheck.render.json import dumps
from oncocheck.render.markdown import escape, table_row
from oncocheck.render.words import date_span, words
from oncocheck.render.terminal import COLOURS, heading, plain_text, table, title
from oncocheck.report import Verdict

SCHEMA_VERSION = "2"  # of rounds.schema.json; a key removed or changed in meaning is a new one
NOTHING = "–"


def change_title(kind: str, lang: str) -> str:
    """The heading of a kind of change (`no_longer_compliant` -> `Voldoet niet meer`)."""
    w = words(lang)
    return {"no_longer_compliant": w["rounds_lost"], "newly_compliant": w["rounds_gained"],
            "new": w["rounds_new"], "gone": w["rounds_gone"],
            "newly_invalid": w["rounds_newly_invalid"],
            "no_longer_invalid": w["rounds_no_longer_invalid"],
            "still_invalid": w["rounds_still_invalid"], "unchanged": w["rounds_same"]}[kind]


def groups(rounds: Rounds) -> list[tuple[str, list[NetworkRound]]]:
    """The kinds of change that happened, in CHANGES order, each with its networks."""
    found = [(kind, [n for n in rounds.networks if n.change == kind]) for kind in CHANGES]
    return [(kind, networks) for kind, networks in found if networks]


def versions_text(info: RoundInfo) -> str:
    """The versions a round applied: `loppsoz@2024`, or with counts when there were several
    (`loppsoz@2024 (18), loppsoz@2021 (2)`)."""
    if len(info.versions) == 1:
        return info.versions[0][0].label
    return ", ".join(f"{v.label} ({n})" for v, n in info.versions) or NOTHING


def dates_text(info: RoundInfo, lang: str) -> str:
    """The as-of dates that judged a round's files, said as `check` says them: one date, or
    `2023-11-01 t/m 2025-06-30 (per bestand)`; – when the round judged no file."""
    dates = [day for day, _ in info.dates]
    return date_span(dates, dates[0], lang) if dates else NOTHING


def verdict_text(side: Side | None, lang: str) -> str:
    """A network's verdict in one round, or – when it was not in that round."""
    return state(side.verdict, lang) if side else NOTHING


def version_text(network: NetworkRound) -> str:
    """The versions that judged a network: `loppsoz@2021 → loppsoz@2024`, one label when
    both rounds applied the same, – for a round that judged none."""
    before, after = (side.criteria.label if side and side.criteria else NOTHING
                     for side in (network.before, network.after))
    return before if before == after else f"{before} → {after}"


def moves_text(network: NetworkRound, lang: str) -> str:
    """`2a: voldaan → niet voldaan; 7: ontbreekt → voldaan`, or – when no status moved."""
    return "; ".join(f"{m.criterion}: {state(m.before, lang)} → {state(m.after, lang)}"
                     for m in network.moves) or NOTHING


def _name(network: NetworkRound) -> str | None:
    """The network's name now, else then; None when neither file could be loaded."""
    before, after = network.before, network.after
    return (after.network if after else None) or (before.network if before else None)


def name_text(network: NetworkRound) -> str:
    """The network's name now (else then), or – for a file that could not be loaded."""
    return _name(network) or NOTHING


def earlier(network: NetworkRound, lang: str) -> tuple[str | None, str | None]:
    """`eerder: Oude naam` for a network that is called otherwise now, and `eerder:
    oud/pad.yaml` for one whose file moved; None for what did not change."""
    before, w = network.before, words(lang)
    if before is None:
        return None, None
    return (w["was_named"].format(name=before.network) if network.renamed else None,
            w["was_file"].format(file=before.file) if network.moved else None)


def summary_rows(info: RoundInfo) -> list[str]:
    """A round's files, compliant, not compliant and invalid counts, as texts."""
    return [str(n) for _, n in info.summary]


def _noted(network: NetworkRound, lang: str, show: Callable[[str], str]) -> tuple[str, str]:
    """The network's name and file, each with its earlier one after it when it changed
    (`Nieuwe naam (eerder: Oude naam)`), every part as `show` gives it."""
    name_note, file_note = earlier(network, lang)
    name, file = show(name_text(network)), show(network.file)
    name += f" ({show(name_note)})" if name_note else ""
    file += f" ({show(file_note)})" if file_note else ""
    return name, file


def _rounds(rounds: Rounds, lang: str) -> list[str]:
    w = words(lang)
    head = ["", w["report_file"], w["as_of"], w["criteria_set"], w.capital("files"),
            w["compliant"], w["not_compliant"], w["invalid"]]
    lines = [table_row(*head), table_row(*["---"] * 4, *["---:"] * 4)]
    for name, info in ((w["previous_round"], rounds.old), (w["this_round"], rounds.new)):
        lines.append(table_row(name, escape(info.path), escape(dates_text(info, lang)),
                          escape(versions_text(info)), *summary_rows(info)))
    return lines


def _network(rounds: Rounds, network: NetworkRound, lang: str) -> str:
    cells = [*_noted(network, lang, escape), verdict_text(network.before, lang),
             verdict_text(network.after, lang)]
    cells += [escape(version_text(network))] * rounds.mixed
    return table_row(*cells, escape(moves_text(network, lang)))  # criterion ids are the reports'


def markdown(rounds: Rounds, lang: str) -> str:
    """The rounds report as GitHub-flavoured Markdown in `lang`: the two rounds, the counts
    per kind of change, and a table per kind."""
    w = words(lang)
    lines = [f"# {w['rounds_title']}", "", *_rounds(rounds, lang), ""]
    if rounds.notes:
        lines += [w["versions_differ"] + " " + escape("; ".join(n.get(lang)
                                                                 for n in rounds.notes)), ""]
    lines += [f"## {w['summary']}", "", table_row(w["networks"], ""), table_row("---", "---:")]
    lines += [table_row(change_title(kind, lang), str(n)) for kind, n in rounds.counts.items()]
    head = [w["network"], w["file"], w["previous_round"], w["this_round"]]
    head += [w["criteria_set"]] * rounds.mixed
    head.append(w["status_moves"])
    for kind, networks in groups(rounds):
        lines += ["", f"## {change_title(kind, lang)} ({len(networks)})", "", table_row(*head),
                  table_row(*["---"] * len(head))]
        lines += [_network(rounds, n, lang) for n in networks]
    return "\n".join(lines) + "\n"


def page(rounds: Rounds, lang: str) -> str:
    """The rounds report as one self-contained HTML page in `lang`."""
    from oncocheck.render.html import page as html_page

    return html_page(
        "rounds.html", lang, report=rounds, rounds=rounds, groups=groups(rounds),
        old_dates=dates_text(rounds.old, lang), new_dates=dates_text(rounds.new, lang),
        page_as_of=f"{dates_text(rounds.old, lang)} → {dates_text(rounds.new, lang)}",
        old_versions=versions_text(rounds.old), new_versions=versions_text(rounds.new),
        notes="; ".join(n.get(lang) for n in rounds.notes),
        titles={kind: change_title(kind, lang) for kind in rounds.counts},
        notes_of={n: _shown(n, lang) for n in rounds.networks})


def _shown(network: NetworkRound, lang: str) -> dict[str, str | None]:
    """What the page shows of a network beside its verdicts."""
    name, file = earlier(network, lang)
    return {"shown": name_text(network), "name": name, "file": file,
            "moves": moves_text(network, lang), "versions": version_text(network)}


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


def as_dict(rounds: Rounds) -> dict[str, Any]:
    """The comparison as JSON-ready data."""
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "oncocheck", "version": rounds.tool_version},
        "old": _round(rounds.old), "new": _round(rounds.new),
        "notes": [note.en for note in rounds.notes],
        "summary": rounds.counts,
        "networks": [{
            "change": n.change, "network": _name(n),
            "matched_by": n.matched_by,
            "old": _side(n.before), "new": _side(n.after),
            "criteria": [{"criterion": m.criterion, "old": m.before, "new": m.after}
                         for m in n.moves],
        } for n in rounds.networks],
    }


def json_text(rounds: Rounds, lang: str) -> str:
    """The JSON text; `lang` is ignored because JSON is always English."""
    return dumps(as_dict(rounds)) + "\n"


def _verdict(side: Side | None, lang: str) -> RichText:
    """A round's verdict in its colour (on a terminal), or – when the network was not in it."""
    return RichText(verdict_text(side, lang), style=COLOURS[Verdict(side.verdict)] if side
                    else "")


def _rounds_table(rounds: Rounds, lang: str) -> Table:
    w = words(lang)
    grid = table("", w["as_of"], w["criteria_set"], w.capital("files"), w["compliant"],
                 w["not_compliant"], w["invalid"])
    for name, info in ((w["previous_round"], rounds.old), (w["this_round"], rounds.new)):
        grid.add_row(name, dates_text(info, lang), RichText(versions_text(info)),
                     *summary_rows(info))
    return grid


def _counts(rounds: Rounds, lang: str) -> Table:
    grid = table(words(lang)["networks"], "")
    for kind, count in rounds.counts.items():
        grid.add_row(change_title(kind, lang), str(count))
    return grid


def _networks(rounds: Rounds, networks: list[NetworkRound], lang: str) -> Table:
    w = words(lang)
    head = [w["network"], w["file"], w["previous_round"], w["this_round"]]
    head += [w["criteria_set"]] * rounds.mixed
    grid = table(*head, w["status_moves"])
    grid.columns[1].overflow = "fold"  # a path cut short with … would name no file
    for network in networks:
        cells = [*map(RichText, _noted(network, lang, str)), _verdict(network.before, lang),
                 _verdict(network.after, lang)]
        cells += [RichText(version_text(network))] * rounds.mixed
        grid.add_row(*cells, moves_text(network, lang))
    return grid


def draw(rounds: Rounds, lang: str, console: Console) -> None:
    """Print the rounds report on `console`."""
    w = words(lang)
    title(console, f"{w['rounds_title']}: {rounds.old.path} → {rounds.new.path}")
    console.print(_rounds_table(rounds, lang))
    if rounds.notes:
        console.print(w["versions_differ"] + " " + "; ".join(n.get(lang) for n in rounds.notes),
                      markup=False, highlight=False, soft_wrap=True)
    heading(console, w["summary"])
    console.print(_counts(rounds, lang))
    for kind, networks in groups(rounds):
        heading(console, f"{change_title(kind, lang)} ({len(networks)})")
        console.print(_networks(rounds, networks, lang))


def render(rounds: Rounds, lang: str) -> str:
    """The rounds report as plain text (no colour), 120 columns wide."""
    return plain_text(lambda console: draw(rounds, lang, console))
