"""The `impact` command: what a criteria version changes for a batch of networks.

Registered on the app by `oncocheck.cli.app`; the analysis is `oncocheck.analysis.impact`, the
formats are `oncocheck.render.IMPACT_FORMATS`.
"""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Optional

import typer

from oncocheck.cli.app import Lang, fail, parse_as_of, print_console, rule_files
from oncocheck.render import IMPACT_FORMATS

#: Output of `impact`.
ImpactFormat = StrEnum("ImpactFormat", {n: n for n in IMPACT_FORMATS})  # type: ignore[misc]


def impact(
    paths: Annotated[list[str], typer.Argument(help="Network files, or directories to search "
                                               "for *.yaml / *.yml.")],
    before: Annotated[str, typer.Option("--from", metavar="SET@VERSION|FILE",
                                        help="The criteria version now, e.g. loppsoz@2021.")],
    after: Annotated[str, typer.Option("--to", metavar="SET@VERSION|FILE",
                                       help="The criteria version to compare with, e.g. "
                                       "loppsoz@2024.")],
    as_of: Annotated[Optional[str], typer.Option(
        "--as-of", metavar="YYYY-MM-DD", help="Date to judge every file on (default: each "
        "file's `submitted:` date, else today).")] = None,
    sweep: Annotated[Optional[str], typer.Option(
        "--sweep", metavar="ID", help="Also count the networks meeting this criterion at "
        "thresholds 40%..80% in steps of 5 (only 2a).")] = None,
    fmt: Annotated[ImpactFormat, typer.Option("--format", "-f", help="Output format.")
                   ] = ImpactFormat.console,
    output: Annotated[Optional[Path], typer.Option(
        "--output", "-o", help="Write the report here instead of stdout.")] = None,
    lang: Annotated[Lang, typer.Option("--lang", help="Language of texts.")] = Lang.nl,
    jobs: Annotated[Optional[int], typer.Option(
        "--jobs", "-j", min=1, metavar="N", help="Check files in N processes (default: the "
        "number of cores).")] = None,
) -> None:
    """What a criteria version changes for a batch: verdicts, criteria, the 2a share.

    Every file is checked under --from and under --to. The report lists the networks whose
    verdict changes, per criterion how statuses move, the distribution of the 2a share in 5%
    bins (networks without a share and invalid files counted apart) and, with --sweep 2a, how
    many networks meet 2a at each threshold. Exit 0 when the report is made (also when
    networks fail), 2 on a usage error.

    JSON (--format json, English keys in this order): tool, as_of, from, to (set, version,
    valid_from); summary {from, to} (files, compliant, not_compliant, invalid);
    verdict_changes [{file, network, from, to}]; criteria [{criterion, changed, transitions
    {"met->not_met": n, ...}, failing {from, to}}]; share_2a {networks, undefined, invalid,
    min, median, max, thresholds {from, to}, bins [{from, to, networks}]} in percent; sweep
    null or {criterion, networks, points [{threshold, networks}]}.
    """
    from datetime import date

    from oncocheck.run.decide import choose
    from oncocheck.errors import UsageError
    from oncocheck.analysis.impact import check_both, compare, sweep_criterion
    from oncocheck.run.workers import default_jobs
    from oncocheck.cli.write import refuse_inputs, write_report
    from oncocheck.run.batch import network_files

    target = None if output is None or str(output) == "-" else output
    try:
        criterion = sweep_criterion(sweep)
        day, today = parse_as_of(as_of, lang), date.today()
        choices = choose(before, day, today), choose(after, day, today)
        files = list(network_files(paths))
        if target is not None:
            refuse_inputs(target, [p for p, _ in files] + rule_files(before, after))
        reports = check_both(paths, *choices, jobs or default_jobs(), files)
        result = compare(*reports, criterion)
        if target is not None:
            refuse_inputs(target, [Path(f) for b in reports[1].results.briefs
                                   for f in b.references])
            write_report(target, _impact_text(result, fmt, lang.value))
            return
    except UsageError as exc:
        fail(exc.text, lang.value)
    try:
        if fmt is ImpactFormat.console:
            _print_impact(result, lang.value)
        else:
            sys.stdout.write(_impact_text(result, fmt, lang.value))
        sys.stdout.flush()
    except OSError as exc:  # a stdout that `process.prepare` did not wrap (tests)
        from oncocheck.cli.process import StdoutFailed

        raise StdoutFailed(exc) from exc


def _impact_text(result, fmt: ImpactFormat, lang: str) -> str:  # noqa: ANN001 - an Impact
    """The impact report as text in `fmt`."""
    from oncocheck.render import render_impact

    return render_impact(result, fmt.value, lang)


def _print_impact(result, lang: str) -> None:  # noqa: ANN001 - an Impact
    """The console report: coloured on a terminal, else plain text."""
    from oncocheck.render import draw_impact, render_impact

    print_console(lambda console: draw_impact(result, lang, console),
                  lambda: render_impact(result, "console", lang))
