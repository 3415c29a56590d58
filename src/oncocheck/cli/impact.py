"""`oncocheck impact`: what a criteria version changes for a batch of networks.

The analysis is `oncocheck.analysis.impact`; every file is checked under both versions in one
batch (`run.batch.run`), each file read once.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Annotated, Optional

import typer

from oncocheck.cli.options import (AsOfOption, JobsOption, Lang, LangOption, OutputOption,
                                   PathsArgument, as_of_date, criteria_versions, say)
from oncocheck.errors import UsageError
from oncocheck.load.visible import quoted
from oncocheck.render import formats_of
from oncocheck.report import Text

ImpactFormat = StrEnum("ImpactFormat", {n: n for n in formats_of("impact")})  # type: ignore[misc]
VERSION = say("SET@VERSIE|BESTAND", "SET@VERSION|FILE")
_JSON_KEYS = (
    "`schema_version`, `tool`, `as_of`, `as_of_dates`, `from`, `to` (`set`, `version`, "
    "`valid_from`); `summary` "
    "{`from`, `to`} (`files`, `compliant`, `not_compliant`, `invalid`, `criteria`); "
    "`verdict_changes` [{`file`, `network`, `from`, `to`}]; `criteria` [{`criterion`, "
    "`changed`, `transitions` {`met->not_met`: n, ...}, `failing` {`from`, `to`}}]; "
    "`share_2a` {`networks`, `undefined`, `invalid`, `min`, `median`, `max`, `thresholds` "
    "{`from`, `to`}, `bins` [{`from`, `to`, `networks`}]}")
HELP = say(
    f"""Wat een criteriaversie verandert voor een reeks netwerken.

    Elk bestand wordt gecontroleerd onder --from en onder --to. Het rapport noemt de netwerken
    met een ander oordeel, per criterium hoe de statussen verschuiven, de verdeling van het
    aandeel 2a in stappen van 5% (netwerken zonder aandeel en ongeldige bestanden apart
    geteld) en, met --sweep 2a, hoeveel netwerken 2a halen bij elke drempel, onder elke versie
    met haar eigen aandelen. Afsluitcode 0
    als het rapport gemaakt is (ook als netwerken niet voldoen), 2 bij verkeerd gebruik.

    JSON (--format json; de sleutels in het Engels, in deze volgorde; schema: oncocheck
    schema --impact): {_JSON_KEYS}, in
    procenten; `sweep` `null` of {{`criterion`, `networks`, `points` [{{`threshold`,
    `networks`, `networks_from`}}], `at_thresholds` {{`from`, `to`}}}}.""",
    f"""What a criteria version changes for a batch of networks.

    Every file is checked under --from and under --to. The report lists the networks whose
    verdict changes, per criterion how statuses move, the distribution of the 2a share in 5%
    bins (networks without a share and invalid files counted apart) and, with --sweep 2a, how
    many networks meet 2a at each threshold, under each version with its own shares. Exit 0
    when the report is made (also when networks fail), 2 on a usage error.

    JSON (--format json, English keys in this order; schema: oncocheck schema --impact):
    {_JSON_KEYS}, in percent; `sweep`
    `null` or {{`criterion`, `networks`, `points` [{{`threshold`, `networks`,
    `networks_from`}}], `at_thresholds` {{`from`, `to`}}}}.""")


def impact(
    paths: PathsArgument,
    before: Annotated[str, typer.Option("--from", metavar=VERSION,
                                        autocompletion=criteria_versions, help=say(
        "De criteriaversie van nu, bv. loppsoz@2021.",
        "The criteria version now, e.g. loppsoz@2021."))],
    after: Annotated[str, typer.Option("--to", metavar=VERSION,
                                       autocompletion=criteria_versions, help=say(
        "De criteriaversie om mee te vergelijken, bv. loppsoz@2024.",
        "The criteria version to compare with, e.g. loppsoz@2024."))],
    as_of: AsOfOption = None,
    sweep: Annotated[Optional[str], typer.Option("--sweep", metavar="ID", help=say(
        "Tel ook de netwerken die dit criterium halen bij drempels van 40% tot 80% in "
        "stappen van 5 (alleen het aandeelcriterium, 2a).", "Also count the networks meeting "
        "this criterion at thresholds 40%..80% in steps of 5 (only the share criterion, "
        "2a)."))] = None,
    fmt: Annotated[ImpactFormat, typer.Option("--format", "-f", help=say(
        "Uitvoerformaat.", "Output format."))] = ImpactFormat["console"],
    output: OutputOption = None,
    lang: LangOption = Lang.nl,
    jobs: JobsOption = None,
) -> None:
    """What a criteria version changes for a batch: verdicts, criteria, the 2a share (what
    `--help` says, with the JSON report's keys, is `HELP`)."""
    from oncocheck.analysis.impact import compare
    from oncocheck.cli.deliver import deliver, named_inputs, one_target, record_output
    from oncocheck.cli.request import rule_files, run_batch
    from oncocheck.run.decide import choose
    from oncocheck.run.walk import network_files

    day, today = as_of_date(as_of), date.today()
    choices = choose(before, day, today), choose(after, day, today)
    _check_sweep(sweep, choices[1])
    files = list(network_files(paths))
    _refuse_no_files(paths, files)
    target = one_target(fmt.value, output, [p for p, _ in files] + rule_files(before, after))
    reports = run_batch(files, choices, jobs, str(lang))
    result = compare(reports[0], reports[1], sweep is not None)
    inputs = named_inputs(reports[1].results.briefs, [target])
    deliver(record_output(result, str(lang)), [target], inputs)


def _check_sweep(value: Optional[str], after) -> None:  # noqa: ANN001 - a decide.Choice
    """UsageError unless `--sweep` names the share criterion of the --to version."""
    from oncocheck.analysis.impact import sweepable
    from oncocheck.checks.share import SHARE_KIND

    if value is None:
        return
    share = next((c.id for c in after.default().criteria if c.check.kind == SHARE_KIND), None)
    if not sweepable(value, share):
        known = share or "—"
        raise UsageError(Text(f"--sweep kan alleen {known} verkennen, niet {quoted(value)}",
                              f"--sweep can only sweep {known}, not {quoted(value)}"))


def _refuse_no_files(paths: list[str], files: list) -> None:
    """UsageError when no path holds a network file or package (an impact of nothing is no
    report)."""
    from oncocheck.run.walk import is_dir

    if not files or all(is_dir(path) for path, _ in files):
        given = ", ".join(paths) or "-"
        raise UsageError(Text(f"geen netwerkbestanden (*.yaml, *.yml) of aanvraagpakketten "
                              f"(*.zip) gevonden in {given}", f"no network files (*.yaml, "
                              f"*.yml) or application packages (*.zip) found in {given}"))
