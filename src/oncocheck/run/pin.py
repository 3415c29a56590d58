"""The `criteria-pin` warning: a file's `criteria:` declaration differs from the version
that judges it (`oncocheck.run.decide`), and what changes between the two."""

from __future__ import annotations

from oncocheck.load.source import Source
from oncocheck.report import Finding, Severity, Status, Text
from oncocheck.rules import bundled
from oncocheck.rules.diff import outcome_changes
from oncocheck.rules.model import RuleFile
from oncocheck.run.decide import Basis, Decision

PIN = Text("Andere criteriaversie dan in het bestand", "Criteria version other than the file's")


def criteria_pin(declared: str | None, decision: Decision, source: Source) -> list[Finding]:
    """A warning when the file's `criteria:` declaration names another version than the one
    that judges it: both versions, why the applied one applies, and what differs."""
    applied = decision.rules
    if declared is None or declared == applied.ref.label:
        return []
    set_name, _, version = declared.partition("@")
    prepared = bundled.find_bundled(set_name, version)
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
        {"declared": declared, "applied": label, "basis": decision.basis.value,
         "changes": [c.en for c in changes]},
        source.locate("criteria"), _pin_todo(declared, prepared, applied))]


def _why(decision: Decision) -> Text:
    """Why the applied version applies, in a few words."""
    day = decision.as_of.isoformat()
    return {
        Basis.CRITERIA: Text("gekozen met --criteria", "chosen with --criteria"),
        Basis.AS_OF: Text(f"van kracht op de peildatum {day}", f"in force on the as-of date {day}"),
        Basis.SUBMITTED: Text(f"van kracht op de inzenddatum {day}",
                              f"in force on the submission date {day}"),
        Basis.TODAY: Text(f"van kracht op {day}", f"in force on {day}"),
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
