"""The rounds report (`oncocheck rounds`): what it says the same way on the terminal, in
Markdown and on the page (the kind of change, a network's verdicts, versions and moved
criteria, the rounds' versions), and its Markdown and HTML formats (the terminal's is
`rounds_console`, the JSON `rounds_json`). Every text from the reports is escaped: by
`markdown.escape` in Markdown, by Jinja2 on the page."""

from __future__ import annotations

from oncocheck.analysis.rounds import CHANGES, NetworkRound, RoundInfo, Rounds, Side
from oncocheck.render.impact import state
from oncocheck.render.markdown import escape
from oncocheck.render.phrases import date_span
from oncocheck.render.words import words

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


def name_text(network: NetworkRound) -> str:
    """The network's name now (else then), or – for a file that could not be loaded."""
    sides = [s for s in (network.after, network.before) if s is not None]
    return next((s.network for s in sides if s.network), NOTHING)


def name_note(network: NetworkRound, lang: str) -> str | None:
    """`eerder: Oude naam` for a network that is called otherwise now."""
    before = network.before
    if not network.renamed or before is None:
        return None
    return words(lang)["was_named"].format(name=before.network)


def file_note(network: NetworkRound, lang: str) -> str | None:
    """`eerder: oud/pad.yaml` for a network whose file moved."""
    before = network.before
    if not network.moved or before is None:
        return None
    return words(lang)["was_file"].format(file=before.file)


def summary_rows(info: RoundInfo) -> list[str]:
    """A round's files, compliant, not compliant and invalid counts, as texts."""
    return [str(n) for _, n in info.summary]


def _row(*cells: str) -> str:
    return "| " + " | ".join(cells) + " |"


def _rounds(rounds: Rounds, lang: str) -> list[str]:
    w = words(lang)
    head = ["", w["report_file"], w["as_of"], w["criteria_set"], w.capital("files"),
            w["compliant"], w["not_compliant"], w["invalid"]]
    lines = [_row(*head), _row(*["---"] * 4, *["---:"] * 4)]
    for title, info in ((w["previous_round"], rounds.old), (w["this_round"], rounds.new)):
        lines.append(_row(title, escape(info.path), escape(dates_text(info, lang)),
                          escape(versions_text(info)), *summary_rows(info)))
    return lines


def _network(rounds: Rounds, network: NetworkRound, lang: str) -> str:
    name, file = escape(name_text(network)), escape(network.file)
    name += "".join(f" ({escape(note)})" for note in [name_note(network, lang)] if note)
    file += "".join(f" ({escape(note)})" for note in [file_note(network, lang)] if note)
    cells = [name, file, verdict_text(network.before, lang), verdict_text(network.after, lang)]
    cells += [escape(version_text(network))] * rounds.mixed
    return _row(*cells, escape(moves_text(network, lang)))  # criterion ids are the reports'


def markdown(rounds: Rounds, lang: str) -> str:
    """The rounds report as GitHub-flavoured Markdown in `lang`: the two rounds, the counts
    per kind of change, and a table per kind."""
    w = words(lang)
    lines = [f"# {w['rounds_title']}", "", *_rounds(rounds, lang), ""]
    if rounds.notes:
        lines += [w["versions_differ"] + " " + escape("; ".join(n.get(lang)
                                                                 for n in rounds.notes)), ""]
    lines += [f"## {w['summary']}", "", _row(w["networks"], ""), _row("---", "---:")]
    lines += [_row(change_title(kind, lang), str(n)) for kind, n in rounds.counts.items()]
    head = [w["network"], w["file"], w["previous_round"], w["this_round"]]
    head += [w["criteria_set"]] * rounds.mixed
    head.append(w["status_moves"])
    for kind, networks in groups(rounds):
        lines += ["", f"## {change_title(kind, lang)} ({len(networks)})", "", _row(*head),
                  _row(*["---"] * len(head))]
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
        notes_of={n: {"shown": name_text(n), "name": name_note(n, lang), "file": file_note(n, lang),
                      "moves": moves_text(n, lang),
                      "versions": version_text(n)} for n in rounds.networks})
