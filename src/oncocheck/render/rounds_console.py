"""The rounds report in the terminal (rich): the two rounds, how many networks changed how,
then per kind of change the networks with their verdicts and the criteria that moved.

Plain text when not a terminal, like the other console reports; names from the reports are
shown as written, never read as rich markup.
"""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text as RichText

from oncocheck.analysis.rounds import NetworkRound, Rounds, Side
from oncocheck.render.rounds import (change_title, dates_text, file_note, groups, moves_text,
                                     name_note, name_text, summary_rows, verdict_text,
                                     version_text, versions_text)
from oncocheck.render.terminal import COLOURS, heading, plain_text, table, title
from oncocheck.render.words import words
from oncocheck.report import Verdict


def _verdict(side: Side | None, lang: str) -> RichText:
    """A round's verdict in its colour (on a terminal), or – when the network was not in it."""
    return RichText(verdict_text(side, lang), style=COLOURS[Verdict(side.verdict)] if side
                    else "")


def _rounds(rounds: Rounds, lang: str) -> Table:
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
        name, file = name_text(network), network.file
        name += "".join(f" ({note})" for note in [name_note(network, lang)] if note)
        file += "".join(f" ({note})" for note in [file_note(network, lang)] if note)
        cells = [RichText(name), RichText(file), _verdict(network.before, lang),
                 _verdict(network.after, lang)]
        cells += [RichText(version_text(network))] * rounds.mixed
        grid.add_row(*cells, moves_text(network, lang))
    return grid


def draw(rounds: Rounds, lang: str, console: Console) -> None:
    """Print the rounds report on `console`."""
    w = words(lang)
    title(console, f"{w['rounds_title']}: {rounds.old.path} → {rounds.new.path}")
    console.print(_rounds(rounds, lang))
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
