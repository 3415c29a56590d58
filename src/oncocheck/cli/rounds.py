"""`oncocheck rounds OLD.json NEW.json`: two review rounds compared, network by network.

The reports are read back as hostile input (`load.reports`), compared in `analysis.rounds`
and written by the rounds renderers. Exit 0 when the comparison is made; with `--fail-on`,
1 when a network lost its qualification (`lost`) or anything changed (`changed`); 2 for a
file that is no JSON report of oncocheck, or a usage error.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from oncocheck.cli.options import Lang, LangOption, OutputOption, say
from oncocheck.errors import LoadFailed, UsageError
from oncocheck.load.visible import printable
from oncocheck.render import formats_of
from oncocheck.report import Text
from oncocheck.wording import where

if TYPE_CHECKING:
    from oncocheck.load.reports import PastReport

RoundsFormat = StrEnum("RoundsFormat", {n: n for n in formats_of("rounds")})  # type: ignore[misc]


def _json_keys(word_or: str) -> str:
    """The rounds JSON report's keys for the help text, with `or` in the help's language."""
    return (
        "`schema_version`, `tool`; `old`, `new` (`report`, `tool_version`, `folder`, "
        "`as_of_dates` [{`as_of`, `files`}], `criteria` "
        "[{`set`, `version`, `file`?, `files`}], `summary` {`files`, `compliant`, "
        "`not_compliant`, `invalid`}); `notes`; `summary` (`no_longer_compliant`, "
        "`newly_compliant`, `new`, `gone`, `newly_invalid`, `no_longer_invalid`, "
        "`still_invalid`, `unchanged`); `networks` [{`change`, `network`, `matched_by`, `old`, "
        f"`new` ({{`file`, `network`, `verdict`, `criteria`, `as_of`}} {word_or} `null`), "
        "`criteria` [{`criterion`, `old`, `new`}]}]")


HELP = say(
    f"""Vergelijk twee toetsrondes: welke netwerken nieuw zijn, weg zijn, voortaan voldoen of
    niet meer voldoen, en per netwerk de criteria met een andere status.

    Netwerken worden gevonden op naam (hoofdletters, accenten, spaties en leestekens tellen
    niet), daarna op bestand, vanuit de map van elke ronde: een netwerk met een
    nieuwe naam in hetzelfde bestand is hetzelfde netwerk. Bestanden die niet gelezen konden
    worden hebben geen naam en worden op hun pad gevonden. Afsluitcode 0 als de vergelijking
    gemaakt is (met --fail-on: 1 als een netwerk niet meer voldoet, of als er iets veranderde),
    2 voor een bestand dat geen JSON-rapport van oncocheck is.

    JSON (--format json; de sleutels in het Engels, in deze volgorde; schema: oncocheck
    schema --rounds): {_json_keys("of")}.""",
    f"""Compare two review rounds: which networks are new, gone, newly compliant or no longer
    compliant, and per network the criteria whose status changed.

    Networks are matched by name (case, accents, spaces and punctuation do not count), then by
    file, from each round's own folder: a network renamed in the same file is the same
    network. Files that could not be loaded have no name and are matched by path. Exit 0 when
    the comparison is made (with --fail-on: 1 when a network lost its qualification, or
    anything changed), 2 for a file that is no JSON report of oncocheck.

    JSON (--format json, English keys in this order; schema: oncocheck schema --rounds):
    {_json_keys("or")}.""")


class FailOnRounds(StrEnum):
    """What makes `rounds` exit 1."""

    lost = "lost"
    changed = "changed"


def rounds(
    old: Annotated[Path, typer.Argument(metavar=say("OUD.json", "OLD.json"), help=say(
        "Het JSON-rapport van de vorige ronde (oncocheck check --format json).",
        "The JSON report of the previous round (oncocheck check --format json)."))],
    new: Annotated[Path, typer.Argument(metavar=say("NIEUW.json", "NEW.json"), help=say(
        "Het JSON-rapport van deze ronde.", "The JSON report of this round."))],
    fmt: Annotated[RoundsFormat, typer.Option("--format", "-f", help=say(
        "Uitvoerformaat.", "Output format."))] = RoundsFormat["console"],
    output: OutputOption = None,
    lang: LangOption = Lang.nl,
    fail_on: Annotated[Optional[FailOnRounds], typer.Option("--fail-on", help=say(
        "Eindig met code 1 als een netwerk niet meer voldoet (lost) of als er iets "
        "veranderde (changed).", "Exit 1 when a network is no longer compliant (lost) or "
        "when anything changed (changed)."))] = None,
) -> None:
    """Compare two review rounds, network by network (what `--help` says is `HELP`)."""
    from oncocheck import __version__
    from oncocheck.analysis.rounds import compare_rounds
    from oncocheck.cli.deliver import deliver, one_target, record_output

    target = one_target(fmt.value, output, [old, new])
    before, after = _read(old), _read(new)
    result = compare_rounds(before, after, (printable(str(old)), printable(str(new))),
                            __version__, _notes(before, after))
    deliver(record_output(result, str(lang)), [target], [old, new])
    if fail_on is FailOnRounds.lost and result.lost() or \
            fail_on is FailOnRounds.changed and result.changed():
        raise typer.Exit(1)


def _read(path: Path) -> PastReport:
    """The report at `path`; UsageError naming the file (line:column where JSON gives one)."""
    from oncocheck.load.reports import read_report

    try:
        return read_report(path)
    except LoadFailed as exc:
        shown = printable(str(path))
        places = [where(shown, e.line, e.column) + (f": {e.path}" if e.path else "") + ": "
                  for e in exc.errors]
        pairs = list(zip(places, exc.errors, strict=True))
        raise UsageError(Text("; ".join(p + e.message.nl for p, e in pairs),
                              "; ".join(p + e.message.en for p, e in pairs))) from exc


def _notes(old: PastReport, new: PastReport) -> list[Text]:
    """What changes verdicts between the rounds' versions, when each round applied one
    bundled version and they differ (`rules.diff.outcome_changes`); else nothing."""
    from oncocheck.rules.bundled import find_bundled
    from oncocheck.rules.diff import outcome_changes

    applied = [{(r.criteria.set, r.criteria.version, r.criteria.file) for r in report.results
                if r.criteria is not None} for report in (old, new)]
    if any(len(versions) != 1 for versions in applied) or applied[0] == applied[1]:
        return []
    (a_set, a_version, a_file), (b_set, b_version, b_file) = (next(iter(v)) for v in applied)
    if a_file or b_file:
        return []  # a rule file of the past need not be at hand, nor the same now
    try:
        return outcome_changes(find_bundled(a_set, a_version), find_bundled(b_set, b_version))
    except UsageError:  # a version this oncocheck does not ship
        return []

