"""The rounds report as GitHub-flavoured Markdown: the two rounds, the counts per kind of
change, and a table per kind. Every text from the reports goes through `markdown.escape`."""

from __future__ import annotations

from oncocheck.analysis.rounds import NetworkRound, Rounds
from oncocheck.render.markdown import escape
from oncocheck.render.rounds_text import (change_title, dates_text, file_note, groups, moves_text,
                                          name_note, name_text, summary_rows, verdict_text,
                                          version_text, versions_text)
from oncocheck.render.words import words


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
    return _row(*cells, moves_text(network, lang))


def render(rounds: Rounds, lang: str) -> str:
    """The rounds report in `lang`."""
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
