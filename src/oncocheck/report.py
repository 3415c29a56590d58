"""The frozen report: the one data structure that flows from checking to every renderer.

Renderers take a `Report` and nothing else. Every text meant for people is a `Text` carrying
both languages, so a renderer picks one with `text.get(lang)`; the JSON report always uses English.
`observed` values are plain JSON-ready data (numbers, strings, lists, dicts).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, fields
from datetime import date
from enum import StrEnum
from operator import attrgetter
from reprlib import recursive_repr
from typing import Any, dataclass_transform, overload


@dataclass_transform(frozen_default=True)
def record(cls: type) -> type:
    """A frozen, slotted dataclass that pickles as a call of its constructor.

    Batches move results between processes and keep them packed (`Packed`); the generic
    dataclass state restore is several times slower to load than calling the class. Equality,
    hash and repr are as a dataclass's (every field of a record is compared, hashed and shown)
    but made by functions all records share: Python 3.11 compiles each generated method of
    each class apart, which took a one-file check's start-up 3 ms.
    """
    built: Any = dataclass(frozen=True, slots=True, eq=False, repr=False)(cls)  # Any: see below
    names = tuple(f.name for f in fields(built))
    values = attrgetter(*names) if len(names) > 1 else (  # in C: pickling is a hot path
        lambda self: (getattr(self, names[0]),))
    built._values = values
    built.__eq__, built.__hash__, built.__repr__ = _eq, _hash, _repr
    built.__reduce__ = lambda self: (type(self), values(self))
    return built


def _eq(self: Any, other: object) -> bool:
    values = self._values
    if other.__class__ is self.__class__:
        return bool(values(self) == values(other))
    return NotImplemented


def _hash(self: Any) -> int:
    return hash(self._values(self))


@recursive_repr()
def _repr(self: Any) -> str:
    shown = zip(self.__match_args__, self._values(self), strict=True)
    return f"{self.__class__.__qualname__}({', '.join(f'{n}={v!r}' for n, v in shown)})"


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
    said (English, technical), shown only with `--debug`. `more` is not 0 only on the line that
    stands for this many errors past the cap (`errors.more_errors`)."""

    message: Text
    path: str = ""
    line: int | None = None
    column: int | None = None
    source: str | None = None
    detail: str | None = None
    more: int = 0


def error_count(errors: Sequence[LoadError]) -> int:
    """How many load errors a file's `errors` stand for, counting the line past the cap."""
    return sum(error.more or 1 for error in errors)


def version_label(set_name: str, version: str, file: str | None = None) -> str:
    """`set@version`, the form users type; with the rule file's path when it is not bundled,
    so a rule file cannot pass for a bundled version."""
    name = f"{set_name}@{version}"
    return f"{name} ({file})" if file else name


@record
class CriteriaRef:
    """A criteria set version, e.g. loppsoz@2024, in force from `valid_from`; `file` is the
    rule file the user gave by path (`--criteria FILE`), as reports show it, None when bundled:
    a rule file cannot pass for the bundled version of the same name."""

    set: str
    version: str
    valid_from: date
    file: str | None = None

    @property
    def label(self) -> str:
        """As `version_label`."""
        return version_label(self.set, self.version, self.file)


@record
class CriterionInfo:
    """What a renderer shows of one criterion: `number` is the official group ("1" for 1a
    and 1b), `parameters` what the check asks in words, `how` how its kind decides."""

    id: str
    number: str
    title: Text
    text: Text
    severity: Severity
    source: str
    remediation: Text
    check: str
    parameters: Text = Text("", "")
    how: Text = Text("", "")


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

    `criterion` is the criterion id (`2a`) or a warning id (`duplicate-member`). `remediation`
    says what to do when the status is not `met`; `note` and `plan` are the coordinator's own
    words. `check` is the check kind that decided a criterion, so analyses find a criterion by
    what it checks, not by its id (None for warnings). `working` is how that kind words its
    `observed` values for people, (key, words) in order; empty, each is shown as it is.
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
    """One file a check read, fingerprinted from the very bytes that were judged; `path` as
    reports show it. `sha256` and `size` are None for a document that counted as evidence but
    could not be read within the limits (`oncocheck.load.store`)."""

    path: str
    role: Role
    sha256: str | None
    size: int | None


_ORDER = {Role.PACKAGE: -1, Role.NETWORK: 0, Role.MEMBERS: 1, Role.DOCUMENT: 2}


def in_order(inputs: Iterable[InputFile]) -> tuple[InputFile, ...]:
    """The inputs once each, in the report's order: the package, the network file, the members
    spreadsheet, then the documents by path."""
    unique = {(i.role, i.path): i for i in inputs}
    return tuple(sorted(unique.values(), key=lambda i: (_ORDER[i.role], i.path)))


@record
class FileResult:
    """Everything known about one checked file.

    `criteria` and `as_of` (`--as-of`, else `submitted:`, else today; None when it could not
    be loaded) are the version and date that judged the file (`oncocheck.run.decide`), what
    every renderer shows. `references` are the files the network file names, as absolute
    paths: reports are never written over them. `inputs` are the files read and judged, with
    their digests (`in_order`); an invalid file has those read before loading failed.
    `ignored` has the id of every warning finding `--ignore` left out; `dated` says what gave
    `as_of`.
    """

    file: str
    verdict: Verdict
    network: str | None = None
    criteria: CriteriaRef | None = None
    errors: tuple[LoadError, ...] = ()
    findings: tuple[Finding, ...] = ()
    members: tuple[MemberRow, ...] = ()
    references: tuple[str, ...] = ()
    as_of: date | None = None
    inputs: tuple[InputFile, ...] = ()
    ignored: tuple[str, ...] = ()
    dated: Dated | None = None

    @property
    def warnings(self) -> tuple[Finding, ...]:
        """Warning findings that are not met."""
        return tuple(f for f in self.findings if f.severity is Severity.WARNING and f.is_problem)

    @property
    def statuses(self) -> dict[str, Status]:
        """Criterion id -> status, for the criteria (not the extra warnings)."""
        return {f.criterion: f.status for f in self.findings if f.severity is Severity.ERROR}


@record
class Move:
    """One criterion whose status differs for a file between two versions; a finding is None
    where its version has no such criterion (or the file could not be read)."""

    criterion: str
    before: Finding | None
    after: Finding | None

    def status(self, side: int) -> Status | None:
        """The status under the first (0) or the second (1) version."""
        finding = (self.before, self.after)[side]
        return finding.status if finding else None


def _criteria(result: FileResult | None) -> dict[str, Finding]:
    return {f.criterion: f for f in (result.findings if result else ())
            if f.severity is Severity.ERROR}


def moves(before: FileResult | None, after: FileResult | None) -> tuple[Move, ...]:
    """The criteria (not the extra warnings) whose status differs, in the order the files
    list them (the first version's criteria, then any only the second has)."""
    old, new = _criteria(before), _criteria(after)
    return tuple(Move(cid, old.get(cid), new.get(cid)) for cid in dict.fromkeys([*old, *new])
                 if (old[cid].status if cid in old else None)
                 != (new[cid].status if cid in new else None))


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
        """True when this file makes the run fail (with `strict`, warnings count too)."""
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
        import pickle  # here: one file, the most common run, is never packed

        return cls(Brief.of(result), pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))

    def unpack(self) -> FileResult:
        """The result as it was."""
        import pickle

        result: FileResult = pickle.loads(self.payload)  # noqa: S301 - packed by oncocheck
        return result


class Results(Sequence[FileResult]):
    """The files of a report in path order, each kept as it is or `Packed`, its `Brief` at
    hand either way (made once: the summary, the exit code and the guards each read them)."""

    def __init__(self, results: Iterable[FileResult | Packed] = ()) -> None:
        self._results: list[FileResult | Packed] = []
        self._briefs: list[Brief] = []
        for result in results:
            self.add(result)

    @property
    def briefs(self) -> tuple[Brief, ...]:
        """Each file's brief, in order."""
        return tuple(self._briefs)

    def add(self, result: FileResult | Packed) -> None:
        """Append the next file's result (while the report is being built)."""
        self._results.append(result)
        self._briefs.append(result.brief if isinstance(result, Packed) else Brief.of(result))

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
    """The folder CI reports name files from (`path`: the git repository's top level, or
    `check --base-dir`), and the working directory the report's names are relative to (`cwd`);
    both absolute (POSIX), for path arithmetic only."""

    path: str
    cwd: str


@record
class Report:
    """The outcome of one run: every file, in path order, and the criteria sets applied.

    `as_of` and `criteria` are the run's own date and version (`--as-of`/`--criteria`, else
    today and the version in force today); each result carries those that judged it.
    `results` may be any sequence of FileResults; it is kept as a `Results`. `compare`: the
    same files under another version (`check --compare`). `root`: where CI formats name files
    from (None: as the other formats do). `skipped`: YAML files a folder walk found that are
    no network file, listed, not checked. `settings`: the settings file that applied, if any.
    """

    tool_version: str
    as_of: date
    criteria: CriteriaRef
    criteria_sets: tuple[CriteriaSetInfo, ...]
    results: Results
    compare: Report | None = None
    root: Root | None = None
    skipped: tuple[str, ...] = ()
    settings: str | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.results, Results):
            object.__setattr__(self, "results", Results(self.results))

    def criteria_set(self, ref: CriteriaRef | None) -> CriteriaSetInfo | None:
        """The applied set with this reference, or None."""
        return next((s for s in self.criteria_sets if s.ref == ref), None)

    @property
    def summary(self) -> dict[str, Any]:
        """The JSON report's `summary`: files per verdict and per applied version, then the
        skipped files and the warnings `--ignore` left out, if any."""
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
