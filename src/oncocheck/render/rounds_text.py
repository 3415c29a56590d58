"""Pieces of the rounds report said the same way on the terminal, in Markdown and on the page:
the kind of change, a network's verdicts, versions and moved criteria, the rounds' versions."""

from __future__ import annotations

from oncocheck.analysis.rounds import CHANGES, NetworkRound, RoundInfo, Rounds, Side
from oncocheck.render.impact_text import state
from oncocheck.render.versions import date_span
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
    if not network.renamed:
        return None
    return words(lang)["was_named"].format(name=network.before.network)  # type: ignore[union-attr]


def file_note(network: NetworkRound, lang: str) -> str | None:
    """`eerder: oud/pad.yaml` for a network whose file moved."""
    if not network.moved:
        return None
    return words(lang)["was_file"].format(file=network.before.file)  # type: ignore[union-attr]


def summary_rows(info: RoundInfo) -> list[str]:
    """A round's files, compliant, not compliant and invalid counts, as texts."""
    return [str(n) for _, n in info.summary]
