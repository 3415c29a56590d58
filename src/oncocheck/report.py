"""The frozen report: the one data structure that flows from checking to every renderer.

Renderers take a `Report` and nothing else. Every text meant for people is a `Text` carrying
both languages, so a renderer picks one with `text.get(lang)`; the JSON report always uses English.
`observed` values are plain JSON-ready data (numbers, strings, lists, dicts).
"""

from __future__ import annotations

import pickle
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from operator import attrgetter
from typing import Any, dataclass_transform, overload


@dataclass_transform(frozen_default=True)
def record(cls: type) -> type:
    """A frozen, slotted dataclass that pickles as a call of its constructor.

    Batches move results between processes and keep them packed (`Packed`); the generic
    dataclass state restore is several times slower to load than calling the class.
    """
    built: Any = dataclass(frozen=True, slots=True)(cls)  # Any: given a method of its own
    values = attrgetter(*built.__slots__)  # in C: pickling a batch's results is a hot path
    if len(built.__slots__) == 1:
        built.__reduce__ = lambda self: (type(self), (values(self),))
    else:
        built.__reduce__ = lambda self: (type(self), values(self))
    return built


class Status(StrEnum):
    """What a file shows about one criterion."""

    MET = "met"
    NOT_MET = "not_met"
    MISSING = "missing"


class Severity(StrEnum):
    """Errors decide the verdict; warnings only with `--strict`."""

    ERROR = "error"
    WARNING = "warning"


class Verdict(StrEnum):
    """The outcome for one file."""

    COMPLIANT = "compliant"
    NOT_COMPLIANT = "not_compliant"
    INVALID = "invalid"


class Dated(StrEnum):
    """What gave a file its as-of date (domain.md: `--as-of`, else `submitted:`, else today)."""

    AS_OF = "as_of"  # the user's --as-of
    SUBMITTED = "submitted"  # the file's own submitted: date
    TODAY = "today"  # neither: the day of the run, which reports say (issue 23.10)


@record
class Text:
    """A text for people, in Dutch (`nl`) and English (`en`)."""

    nl: str
    en: str

    def get(self, lang: str) -> str:
        """The text in `lang` ("nl" or "en"); Dutch for anything else."""
        return self.en if lang == "en" else self.nl


@record
class Location:
    """Where in the network file (or its members spreadsheet) a finding points.

    `path` uses JSON-style 0-based indices (`members[2].discipline`); `line` and `column` are
    1-based. `source` is set when the place is in another file than the network file (the
    members spreadsheet), relative to the working directory like `FileResult.file`.
    """

    path: str
    line: int
    column: int
    source: str | None = None


@record
class LoadError:
    """Why a file could not be loaded. `line`/`column` are None only when no position exists
    (an unreadable file, a file that is not found). `detail` is what the YAML parser itself
    said (English, technical), shown only with `--debug`. `more` is set on the one line that
    stands for the errors past the cap (`errors.more_errors`)."""

    message: Text
    path: str = ""
    line: int | None = None
    column: int | None = None
    source: str | None = None
    detail: str | None = None
    #: Not 0 only for the line that stands for this many errors past the cap, not listed.
    more: int = 0


def error_count(errors: Sequence[LoadError]) -> int:
    """How many load errors a file's `errors` stand for: the listed ones, and the line past
    the cap for as many as it counts."""
    return sum(error.more or 1 for error in errors)


def version_label(set_name: str, version: str, file: str | None = None) -> str:
    """`set@version`, the form users type; with the rule file's path when it is not bundled,
    so a rule file cannot pass for a bundled version."""
    name = f"{set_name}@{version}"
    return f"{name} ({file})" if file else name


@record
class CriteriaRef:
    """A criteria set version, e.g. loppsoz@2024, in force from `valid_from`.

    `file` is set for a rule file the user gave by path (`--criteria FILE`), as shown in
    reports; a bundled version has none. Two refs with the same set and version are different
    versions when one comes from a file: a rule file cannot pass for a bundled version.
    """

    set: str
    version: str
    valid_from: date
    file: str | None = None

    @property
    def label(self) -> str:
        """`set@version`, the form users type; with the rule file's path when not bundled."""
        return version_label(self.set, self.version, self.file)


@record
class CriterionInfo:
    """What a renderer needs to show about one criterion of a set."""

    id: str
    number: str  # the official group number: "1" for 1a and 1b, "10" for 10
    title: Text
    text: Text
    severity: Severity
    source: str
    remediation: Text
    check: str  # the check kind, e.g. "verwijsgids_share"
    #: What the check asks, its parameters in words: `minstens 5 verschillende disciplines`
    parameters: Text = Text("", "")
    how: Text = Text("", "")  # how the check kind decides (its documentation for people)


@record
class CriteriaSetInfo:
    """One criteria version with its criteria, in criteria order. `valid_from_assumed`: no
    source gives the in-force date (the first version's)."""

    ref: CriteriaRef
    title: Text
    criteria: tuple[CriterionInfo, ...]
    source: str = ""
    valid_from_assumed: bool = False

    def criterion(self, criterion_id: str) -> CriterionInfo | None:
        """The criterion with this id, or None."""
        return next((c for c in self.criteria if c.id == criterion_id), None)


@record
class PlanItem:
    """One improvement action (`plan:` in the network file)."""

    criterion: str
    action: str
    owner: str | None
    due: date | None
    location: Location | None = None


@record
class Finding:
    """The outcome of one criterion (or one extra warning) for one file.

    `criterion` is the criterion id (`2a`) or, for extra warnings, a warning id
    (`duplicate-member`, `criteria-pin`). `remediation` says what to add or change and is
    set when the status is not `met`. `note` and `plan` are the coordinator's own words for this
    criterion. `check` is the check kind that decided a criterion (`verwijsgids_share`), so
    analyses find a criterion by what it checks, not by its id; None for extra warnings.
    `working` is how that kind words its `observed` values for people: (observed key, the value
    in words) in the order the working shows them; empty, each value is shown as it is.
    """

    criterion: str
    severity: Severity
    status: Status
    title: Text
    message: Text
    observed: dict[str, Any] = field(default_factory=dict)
    location: Location | None = None
    remediation: Text | None = None
    note: str | None = None
    plan: tuple[PlanItem, ...] = ()
    check: str | None = None
    working: tuple[tuple[str, Text], ...] = ()

    @property
    def is_problem(self) -> bool:
        """True unless the criterion is met."""
        return self.status is not Status.MET


@record
class MemberRow:
    """One member as reports show it, with why it is left out of the 2a denominator (if so)."""

    name: str
    discipline_written: str
    discipline: str  # canonical id, e.g. "dietist"
    discipline_label: Text
    organisation: str | None
    verwijsgids: bool | None
    excluded_from_2a: Text | None
    location: Location | None


class Role(StrEnum):
    """What an input file is to the network file it belongs to."""

    NETWORK = "network"
    MEMBERS = "members"  # the members spreadsheet (`members_file`)
    DOCUMENT = "document"  # an evidence document that was found (`document:`)
    PACKAGE = "package"  # the application package the other files were read from


@record
class InputFile:
    """One file a check read, fingerprinted from the very bytes that were judged.

    `path` is as reports show it (relative to the working directory, like `FileResult.file`);
    `sha256` is the hex digest and `size` the length in bytes. Both are None for a document that
    counted as evidence but could not be read within the limits (see `oncocheck.load.digests`).
    """

    path: str
    role: Role
    sha256: str | None
    size: int | None


@record
class FileResult:
    """Everything known about one checked file.

    `criteria` and `as_of` are the version and date that judged the file, decided once per
    file (`oncocheck.run.decide`); every renderer shows these, never a batch-wide default.
    `references` are the other files the network file names (its members spreadsheet and
    documents), as absolute paths: reports are never written over them. Renderers ignore it.
    `inputs` are the files whose bytes were read and judged, with their digests: the network
    file, its members spreadsheet and the evidence documents found, in that order (documents
    by path); an invalid file has those read before loading failed.
    """

    file: str
    verdict: Verdict
    network: str | None = None
    criteria: CriteriaRef | None = None
    errors: tuple[LoadError, ...] = ()
    findings: tuple[Finding, ...] = ()
    members: tuple[MemberRow, ...] = ()
    references: tuple[str, ...] = ()
    #: The date this file was judged on (`--as-of`, else its `submitted:`, else today);
    #: None when it could not be loaded.
    as_of: date | None = None
    inputs: tuple[InputFile, ...] = ()
    #: The id of every warning finding `--ignore` left out (one per finding), in order.
    ignored: tuple[str, ...] = ()
    #: What gave `as_of` (None when the file could not be loaded).
    dated: Dated | None = None

    @property
    def warnings(self) -> tuple[Finding, ...]:
        """Warning findings that are not met."""
        return tuple(f for f in self.findings if f.severity is Severity.WARNING and f.is_problem)

    @property
    def statuses(self) -> dict[str, Status]:
        """Criterion id -> status, for the criteria (not the extra warnings)."""
        return {f.criterion: f.status for f in self.findings if f.severity is Severity.ERROR}

    def fails(self, strict: bool = False) -> bool:
        """True when this file makes the run fail (with `strict`, warnings count too)."""
        return self.verdict is not Verdict.COMPLIANT or (strict and bool(self.warnings))


@record
class Brief:
    """What the summary, the exit code and the output guards need of one file's result."""

    verdict: Verdict
    warned: bool  # it has warnings that are not met
    criteria: CriteriaRef | None = None
    references: tuple[str, ...] = ()
    as_of: date | None = None
    ignored: tuple[str, ...] = ()

    @classmethod
    def of(cls, result: FileResult) -> Brief:
        """The brief of a result."""
        return cls(result.verdict, bool(result.warnings), result.criteria, result.references,
                   result.as_of, result.ignored)

    def fails(self, strict: bool = False) -> bool:
        """As FileResult.fails."""
        return self.verdict is not Verdict.COMPLIANT or (strict and self.warned)


@record
class Packed:
    """A result pickled, with its brief: a large batch keeps its results so, in about a
    quarter of the memory (`oncocheck.run.batch`), and unpacks one when it is read."""

    brief: Brief
    payload: bytes

    @classmethod
    def of(cls, result: FileResult) -> Packed:
        """The result packed."""
        return cls(Brief.of(result), pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))

    def unpack(self) -> FileResult:
        """The result as it was."""
        result: FileResult = pickle.loads(self.payload)  # noqa: S301 - packed by oncocheck
        return result


class Results(Sequence[FileResult]):
    """The files of a report in path order, each kept as it is or `Packed`, its `Brief` at
    hand either way."""

    def __init__(self, results: Iterable[FileResult | Packed] = ()) -> None:
        self._results = list(results)

    @property
    def briefs(self) -> tuple[Brief, ...]:
        """Each file's brief, in order."""
        return tuple(r.brief if isinstance(r, Packed) else Brief.of(r) for r in self._results)

    def add(self, result: FileResult | Packed) -> None:
        """Append the next file's result (while the report is being built)."""
        self._results.append(result)

    def __len__(self) -> int:
        return len(self._results)

    @overload
    def __getitem__(self, index: int) -> FileResult: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[FileResult, ...]: ...

    def __getitem__(self, index: int | slice) -> FileResult | tuple[FileResult, ...]:
        if isinstance(index, slice):
            return tuple(_unpacked(r) for r in self._results[index])
        return _unpacked(self._results[index])

    def __iter__(self) -> Iterator[FileResult]:
        return (_unpacked(r) for r in self._results)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sequence) and tuple(self) == tuple(other)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"{type(self).__name__}({len(self)} files)"


def _unpacked(result: FileResult | Packed) -> FileResult:
    return result.unpack() if isinstance(result, Packed) else result


@record
class Root:
    """The folder CI reports name files from: the top level of the git repository that holds
    the checked files, or `check --base-dir`. Code scanning, GitLab and GitHub read a path
    from there, whatever folder oncocheck ran in.

    `path` is that folder and `cwd` the working directory the report's file names are
    relative to, both absolute (POSIX); renderers only do path arithmetic with them.
    """

    path: str
    cwd: str


@record
class Report:
    """The outcome of one run: every file, in path order, and the criteria sets applied.

    `as_of` and `criteria` are the run's own date and version (`--as-of`/`--criteria`, else
    today and the version in force today): what a file without a `submitted:` date is judged
    by. Each result carries the version and date that judged it; `applied` and `dates` count
    them. `results` may be given as any sequence of FileResults; it is kept as a `Results`.
    """

    tool_version: str
    as_of: date
    criteria: CriteriaRef
    criteria_sets: tuple[CriteriaSetInfo, ...]
    results: Results
    #: The same files checked under another criteria version (`check --compare`), or None.
    compare: Report | None = None
    #: Where CI formats name files from (a repository's top level), or None: then they name
    #: them as the other formats do, relative to the working directory.
    root: Root | None = None
    #: YAML files a folder walk found that are no network file (neither `format` nor
    #: `network` at the top), as shown: listed, not checked, not counted (`check DIR`).
    skipped: tuple[str, ...] = ()
    #: The settings file that applied (`.oncocheck.yaml`, `pyproject.toml`), as shown; None
    #: when none did.
    settings: str | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.results, Results):
            object.__setattr__(self, "results", Results(self.results))

    def criteria_set(self, ref: CriteriaRef | None) -> CriteriaSetInfo | None:
        """The applied set with this reference, or None."""
        return next((s for s in self.criteria_sets if s.ref == ref), None)

    @property
    def summary(self) -> dict[str, Any]:
        """Counts of files per verdict, then per applied version (`summary.criteria`), in
        the JSON report's order; then the skipped files (`summary.skipped`) and the warnings
        left out by `--ignore` (`summary.ignored`), if any."""
        counts = Counter(b.verdict for b in self.results.briefs)
        return {
            "files": len(self.results),
            "compliant": counts[Verdict.COMPLIANT],
            "not_compliant": counts[Verdict.NOT_COMPLIANT],
            "invalid": counts[Verdict.INVALID],
            "criteria": {ref.label: n for ref, n in self.applied},
            # only when there are any: a report of network files alone stays as it was
            **({"skipped": list(self.skipped)} if self.skipped else {}),
            **({"ignored": self.ignored} if self.ignored else {}),
        }

    @property
    def ignored(self) -> dict[str, int]:
        """How many warning findings `--ignore` left out, per warning id (by id)."""
        counts = Counter(i for b in self.results.briefs for i in b.ignored)
        return dict(sorted(counts.items()))

    @property
    def applied(self) -> tuple[tuple[CriteriaRef, int], ...]:
        """Each criteria version that judged a file, with how many files; most files first,
        then the newest version. Files that could not be loaded were judged by none."""
        counts = Counter(b.criteria for b in self.results.briefs if b.criteria is not None)
        return tuple(sorted(counts.items(), key=lambda item: (
            -item[1], item[0].set, -item[0].valid_from.toordinal(), item[0].label)))

    @property
    def dates(self) -> tuple[date, ...]:
        """The distinct as-of dates that judged the files, earliest first."""
        return tuple(sorted({b.as_of for b in self.results.briefs if b.as_of is not None}))

    def exit_code(self, strict: bool = False) -> int:
        """0 all compliant, 1 some not compliant, 2 some invalid (cli.md)."""
        briefs = self.results.briefs
        if any(b.verdict is Verdict.INVALID for b in briefs):
            return 2
        return 1 if any(b.fails(strict) for b in briefs) else 0
