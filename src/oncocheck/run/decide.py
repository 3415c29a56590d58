"""Which criteria version judges a file, and on which date: decided once per file.

The rule (domain.md, "Which version applies to a file"): the version the user named with
`--criteria`; else the version in force on the user's `--as-of` date; else the one in force on
the file's own `submitted:` date; else the one in force today. The same date (`--as-of`, else
`submitted:`, else today) is the file's as-of date, on which "up to date" and plan due dates
are judged. A file's own `criteria:` key is a declaration and never chooses: when it names
another version than the one that judges, the `criteria-pin` warning says so and what differs.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from oncocheck.load.source import Source
from oncocheck.report import Dated, Finding, Severity, Status, Text, record
from oncocheck.rules import bundled as criteria_sets
from oncocheck.rules.model import RuleFile

PIN = Text("Andere criteriaversie dan in het bestand", "Criteria version other than the file's")


@record
class Choice:
    """What the user asked for on the command line, resolved once per run.

    `rules` is the version named with `--criteria SET@VERSION` or `--criteria FILE`; without
    it the version of `set` in force on each file's as-of date applies. `as_of` is `--as-of`;
    `today` is read once per run, so every file of a batch sees the same today. `ignore` holds
    the warning ids the user accepts (`--ignore`), never a criterion of the version.
    """

    today: date
    rules: RuleFile | None = None
    set: str = criteria_sets.DEFAULT_SET
    as_of: date | None = None
    ignore: frozenset[str] = frozenset()
    #: Whether results list their members (`FileResult.members`): only the HTML site and
    #: `impact` show them; leaving them out spares a batch a fifth of its work per file.
    members: bool = True

    @property
    def run_as_of(self) -> date:
        """The run's own date: `--as-of`, else today."""
        return self.as_of or self.today

    def default(self) -> RuleFile:
        """The version that judges a file without a `submitted:` date."""
        return self.rules or criteria_sets.in_force(self.set, self.run_as_of)


@record
class Decision:
    """The version and the as-of date that judge one file; `dated` says what gave the date,
    `chosen` whether `--criteria` chose the version (else it is the one in force then)."""

    rules: RuleFile
    as_of: date
    dated: Dated
    chosen: bool = False

    @property
    def basis(self) -> str:
        """What chose the version: `criteria`, else what gave the date (`submitted`, ...)."""
        return "criteria" if self.chosen else self.dated.value


def choose(criteria: str | None, as_of: date | None, today: date) -> Choice:
    """The user's choice from `--criteria` and `--as-of`; UsageError for an unknown set,
    version or rule file, or an `--as-of` date on which no version was in force."""
    spec = (criteria or "").strip()
    if not spec:
        choice = Choice(today, as_of=as_of)
    elif criteria_sets.is_path(spec):
        choice = Choice(today, rules=criteria_sets.load_rule_file(Path(spec)), as_of=as_of)
    elif "@" in spec:
        set_name, _, version = spec.partition("@")
        choice = Choice(today, rules=criteria_sets.find_bundled(set_name, version), as_of=as_of)
    else:
        choice = Choice(today, set=spec, as_of=as_of)
    choice.default()  # an unknown set, or nothing in force on --as-of, fails now, not per file
    return choice


def decide(choice: Choice, submitted: date | None) -> Decision:
    """The version and date for a file with this `submitted:` date (None: not given).

    UsageError when no version of the set was in force on the file's date (a `submitted:`
    before the first version); the caller reports it as a load error at `submitted`.
    """
    if choice.as_of is not None:
        as_of, dated = choice.as_of, Dated.AS_OF
    elif submitted is not None:
        as_of, dated = submitted, Dated.SUBMITTED
    else:
        as_of, dated = choice.today, Dated.TODAY
    if choice.rules is not None:
        return Decision(choice.rules, as_of, dated, chosen=True)
    return Decision(criteria_sets.in_force(choice.set, as_of), as_of, dated)


def criteria_pin(declared: str | None, decision: Decision, source: Source) -> list[Finding]:
    """A warning when the file's `criteria:` declaration names another version than the one
    that judges it: both versions, why the applied one applies, and what differs."""
    applied = decision.rules
    if declared is None or declared == applied.ref.label:
        return []
    from oncocheck.rules.diff import outcome_changes  # only for a file pinned to another

    set_name, _, version = declared.partition("@")
    prepared = criteria_sets.find_bundled(set_name, version)
    changes = outcome_changes(prepared, applied)
    why = _why(decision)
    differs = Text("; ".join(c.nl for c in changes), "; ".join(c.en for c in changes))
    if not changes:
        differs = Text("in wat er gecontroleerd wordt verschillen ze niet",
                       "they do not differ in what is checked")
    label = applied.ref.label
    return [Finding(
        "criteria-pin", Severity.WARNING, Status.NOT_MET, PIN,
        Text(f"het bestand is voorbereid op {declared}, maar wordt beoordeeld volgens {label} "
             f"({why.nl}); verschil: {differs.nl}",
             f"the file is prepared for {declared}, but is judged by {label} ({why.en}); "
             f"what differs: {differs.en}"),
        {"declared": declared, "applied": label, "basis": decision.basis,
         "changes": [c.en for c in changes]},
        source.locate("criteria"), _pin_todo(declared, prepared, applied))]


def _why(decision: Decision) -> Text:
    """Why the applied version applies, in a few words."""
    day = decision.as_of.isoformat()
    return {
        "criteria": Text("gekozen met --criteria", "chosen with --criteria"),
        "as_of": Text(f"van kracht op de peildatum {day}", f"in force on the as-of date {day}"),
        "submitted": Text(f"van kracht op de inzenddatum {day}",
                          f"in force on the submission date {day}"),
        "today": Text(f"van kracht op {day}", f"in force on {day}"),
    }[decision.basis]


def _pin_todo(declared: str, prepared: RuleFile,
              applied: RuleFile) -> Text:
    """Update the declaration, or ask for the declared version's verdict on purpose."""
    older = prepared.valid_from < applied.valid_from
    ask_nl = (f"vraag het oude oordeel met `--criteria {declared}`" if older else
              f"vraag het oordeel volgens {declared} met `--criteria {declared}`")
    ask_en = (f"ask for the old verdict with `--criteria {declared}`" if older else
              f"ask for the verdict by {declared} with `--criteria {declared}`")
    if not applied.bundled:
        return Text(f"{ask_nl}, of laat `criteria:` weg", f"{ask_en}, or leave `criteria:` out")
    label = applied.ref.label
    return Text(f"werk `criteria:` bij naar {label}, of {ask_nl}",
                f"update `criteria:` to {label}, or {ask_en}")
