"""Which criteria version judges a file, and on which date: decided once per file.

The rule (domain.md, "Which version applies to a file"): the version the user named with
`--criteria`; else the version in force on the user's `--as-of` date; else the one in force on
the file's own `submitted:` date; else the one in force today. The same date (`--as-of`, else
`submitted:`, else today) is the file's as-of date, on which "up to date" and plan due dates
are judged. A file's own `criteria:` key is a declaration and never chooses.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from pathlib import Path

from oncocheck.report import Dated
from oncocheck.rules import bundled as criteria_sets
from oncocheck.rules.model import RuleFile


class Basis(StrEnum):
    """Why a file is judged by its version: what chose it."""

    CRITERIA = "criteria"  # the user's --criteria SET@VERSION or FILE
    AS_OF = "as_of"  # in force on the user's --as-of date
    SUBMITTED = "submitted"  # in force on the file's submitted: date
    TODAY = "today"  # in force today


@dataclass(frozen=True, slots=True)
class Choice:
    """What the user asked for on the command line, resolved once per run.

    `rules` is the version named with `--criteria SET@VERSION` or `--criteria FILE`; without
    it the version of `set` in force on each file's as-of date applies. `as_of` is `--as-of`;
    `today` is read once per run, so every file of a batch sees the same today. `ignore`
    never reaches a criterion of the version: only extra warnings are left out.
    """

    today: date
    rules: RuleFile | None = None
    set: str = criteria_sets.DEFAULT_SET
    as_of: date | None = None
    #: Warning ids the user accepts (`--ignore`): left out of the findings, counted apart.
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


@dataclass(frozen=True, slots=True)
class Decision:
    """The version and the as-of date that judge one file, and what chose the version."""

    rules: RuleFile
    as_of: date
    basis: Basis
    dated: Dated = Dated.AS_OF  # what gave the as-of date


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
        as_of, basis, dated = choice.as_of, Basis.AS_OF, Dated.AS_OF
    elif submitted is not None:
        as_of, basis, dated = submitted, Basis.SUBMITTED, Dated.SUBMITTED
    else:
        as_of, basis, dated = choice.today, Basis.TODAY, Dated.TODAY
    if choice.rules is not None:
        return Decision(choice.rules, as_of, Basis.CRITERIA, dated)
    return Decision(criteria_sets.in_force(choice.set, as_of), as_of, basis, dated)
