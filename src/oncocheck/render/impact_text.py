"""Pieces of the impact report said the same way on the terminal and on the page: a status
or verdict as a word, the transitions of a criterion, the versions' 2a thresholds."""

from __future__ import annotations

from oncocheck.analysis.impact import ABSENT, Impact
from oncocheck.render.words import words


def state(name: str, lang: str) -> str:
    """A status or verdict value as a word (`not_met` -> `niet voldaan`); `absent` (the
    version has no such criterion for the file) as `niet in de versie`."""
    return words(lang)["not_in_version" if name == ABSENT else name]


def transitions_text(transitions: tuple[tuple[str, str, int], ...], lang: str) -> str:
    """`voldaan → niet voldaan: 12` for every transition that happens, or `geen`."""
    found = [f"{state(a, lang)} → {state(b, lang)}: {n}" for a, b, n in transitions if n]
    return "; ".join(found) or words(lang)["no_transitions"]


def sweep_lines(impact: Impact) -> list[tuple[str, float, int | None]]:
    """(version label, 2a threshold, networks meeting it) for the sweep's lines: each version's
    line stands on its own count (its 2a result, with its own shares), not on the bars of
    `to`; one line when both versions agree on threshold and count."""
    lines = [(ref.label, value, n) for ref, value, n in zip(
        (impact.before, impact.after), impact.thresholds, impact.meeting_at_thresholds,
        strict=True) if value is not None]
    if len(lines) == 2 and lines[0][1:] == lines[1][1:]:
        return [(f"{lines[0][0]}, {lines[1][0]}", lines[0][1], lines[0][2])]
    return lines


def thresholds(impact: Impact) -> list[tuple[str, float]]:
    """(version label, 2a threshold) for the chart lines; one line when both are the same."""
    pairs = [(ref.label, value) for ref, value in
             zip((impact.before, impact.after), impact.thresholds, strict=True)
             if value is not None]
    if len(pairs) == 2 and pairs[0][1] == pairs[1][1]:
        return [(f"{pairs[0][0]}, {pairs[1][0]}", pairs[0][1])]
    return pairs
