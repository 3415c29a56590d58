"""A draft of a criteria version: a rule file that extends a bundled version and says only
what differs (issue 16, like a tailored compliance profile).

    extends: loppsoz@2024          # a bundled SET@VERSION, never another file
    version: concept-2026          # required; the set is the base's
    criteria:
      - id: 2a                     # a criterion of the base: only the parts that change;
        check: {threshold: 0.65}   #   `check:` parameters are merged into the base's check
      - id: "11"                   # a new id: the whole criterion (title, text, ... check)
        ...
    remove: ["8"]                  # criteria of the base that the draft drops
    vocabulary:                    # the Verwijsgids flag of a discipline, for every share
      logopedist: {verwijsgids: "yes"}   # criterion (2a): yes, no or unconfirmed

Everything else (title, valid_from, source) is the base's unless the draft gives it. The
resolved version is an ordinary `RuleFile` that remembers its base (`RuleFile.extends`), so
`criteria show` can mark what the draft changed. Each entry of `criteria:` is validated with
the positions it has in the draft, so errors carry the draft's own line and column.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, ValidationInfo

from oncocheck.checks.share import SHARE_KIND
from oncocheck.checks.verwijsgids import VerwijsgidsShare
from oncocheck.errors import LoadFailed
from oncocheck.load.fields import BiText, IsoDate, Strict, Url, YesNo, fail
from oncocheck.load.source import Source
from oncocheck.load.validate import capped, validate
from oncocheck.load.visible import quoted
from oncocheck.load.words import did_you_mean
from oncocheck.network.disciplines import Vocabulary
from oncocheck.report import LoadError, Text
from oncocheck.rules.model import Criterion, CriterionId, RuleFile

#: What a new criterion (an id the base does not have) must give in full.
REQUIRED = ("title", "text", "severity", "source", "remediation", "check")


def _in_base(value: str, info: ValidationInfo) -> str:
    base: RuleFile = (info.context or {})["base"]
    ids = [c.id for c in base.criteria]
    if value not in ids:
        nl_tail, en_tail = did_you_mean(value, ids)
        raise fail(f"{base.ref.label} heeft geen criterium {quoted(value)} om te laten vervallen "
                   f"(wel: {', '.join(ids)}){nl_tail}", f"{base.ref.label} has no criterion "
                   f"{quoted(value)} to remove (it has: {', '.join(ids)}){en_tail}")
    return value


def _a_discipline(value: str, info: ValidationInfo) -> str:
    vocabulary: Vocabulary = (info.context or {})["vocabulary"]
    if value not in vocabulary.ids:
        nl_tail, en_tail = did_you_mean(value, vocabulary.ids)
        raise fail(f"onbekende discipline-id {quoted(value)}{nl_tail}",
                   f"unknown discipline id {quoted(value)}{en_tail}")
    return value


class Flags(Strict):
    """What a draft may say of a discipline: whether the Verwijsgids Kanker has it."""

    verwijsgids: Literal["yes", "no", "unconfirmed"]


class Change(BaseModel):
    """One entry of a draft's `criteria:`: an id, and the parts checked when merged."""

    model_config = ConfigDict(extra="allow", frozen=True)
    id: CriterionId


class Draft(Strict):
    """A draft as written; `resolve` makes it a whole version."""

    extends: str
    set: CriterionId | None = None
    version: CriterionId
    valid_from: IsoDate | None = None
    valid_from_assumed: YesNo | None = None
    title: BiText | None = None
    source: Url | None = None
    criteria: list[Change] = []
    remove: list[Annotated[CriterionId, AfterValidator(_in_base)]] = []
    vocabulary: dict[Annotated[str, AfterValidator(_a_discipline)], Flags] = {}


def base_name(source: Source) -> str | None:
    """The bundled `SET@VERSION` a draft extends; None when the rule file is no draft.
    LoadFailed (at `extends`) for anything but a bundled version's name."""
    data = source.data
    if not isinstance(data, dict) or "extends" not in data:
        return None
    spec = data["extends"]
    if not isinstance(spec, str) or "@" not in spec or "/" in spec or "\\" in spec:
        raise LoadFailed([at(
            source, "extends", f"verwacht een meegeleverde versie als loppsoz@2024, niet "
            f"{quoted(spec)}; een concept bouwt alleen voort op een meegeleverde versie",
            f"expected a bundled version like loppsoz@2024, not {quoted(spec)}; a draft "
            "extends a bundled version only")])
    return spec.strip()


def resolve(source: Source, base: RuleFile, vocabulary: Vocabulary,
            taken: Sequence[str] = ()) -> RuleFile:
    """The whole version a draft describes: `base` with the draft's changes. LoadFailed, at
    the draft's own lines, for a wrong key or value, an id the base does not have, or a
    version name that is `taken` (the bundled versions of the base's set)."""
    draft = validate(Draft, source, {"base": base, "vocabulary": vocabulary})
    errors = _header_errors(draft, source, base, taken)
    criteria = {c.id: c for c in base.criteria}
    for index, change in enumerate(draft.criteria):
        try:
            criteria[change.id] = merge_criterion(source, index, change.id, criteria.get(change.id),
                                                  base, vocabulary)
        except LoadFailed as exc:
            errors += exc.listed
    flags = {k: v.verwijsgids for k, v in draft.vocabulary.items()}
    errors += _list_errors(draft, source, criteria, flags)
    if errors:
        raise capped(errors)
    kept = [flagged(c, flags) for cid, c in criteria.items() if cid not in draft.remove]
    resolved = RuleFile.model_validate({
        "set": base.set, "version": draft.version,
        "valid_from": draft.valid_from or base.valid_from,
        "valid_from_assumed": (draft.valid_from_assumed if draft.valid_from_assumed is not None
                               else base.valid_from_assumed and draft.valid_from is None),
        "title": draft.title or _title(base, draft.version), "source": draft.source or base.source,
        "criteria": kept}, context={"vocabulary": vocabulary})
    resolved._extends = base
    return resolved


def _title(base: RuleFile, version: str) -> BiText:
    return BiText(nl=f"{base.title.nl}, concept {version}", en=f"{base.title.en}, draft {version}")


def _header_errors(draft: Draft, source: Source, base: RuleFile,
                   taken: Sequence[str]) -> list[LoadError]:
    errors = []
    if draft.set is not None and draft.set != base.set:
        errors.append(at(source, "set", f"een concept hoort bij de set van {base.ref.label} "
                         f"({base.set}); laat `set` weg", f"a draft belongs to the set of "
                         f"{base.ref.label} ({base.set}); leave `set` out"))
    if draft.version in {base.version, *taken}:
        label = f"{base.set}@{draft.version}"
        errors.append(at(source, "version", f"geef het concept een eigen versienaam; {label} "
                         "is een meegeleverde versie", "give the draft a version name of its "
                         f"own; {label} is a bundled version"))
    return errors


def _list_errors(draft: Draft, source: Source, criteria: dict[str, Criterion],
                 flags: Mapping[str, str]) -> list[LoadError]:
    """Doubles in `criteria:`, an id both changed and removed, nothing left, flags that no
    criterion uses."""
    errors, seen = [], set()
    for index, change in enumerate(draft.criteria):
        where, shown = f"criteria[{index}].id", quoted(change.id)
        if change.id in seen:
            errors.append(at(source, where,
                             f"criterium {shown} staat twee keer in het concept",
                             f"criterion {shown} appears twice in the draft"))
        elif change.id in draft.remove:
            errors.append(at(source, where, f"criterium {shown} wordt gewijzigd én laten "
                             "vervallen; kies een van beide", f"criterion {shown} is changed "
                             "and removed; choose one"))
        seen.add(change.id)
    if not set(criteria) - set(draft.remove):
        errors.append(at(source, "remove", "een concept houdt minstens één criterium over",
                         "a draft keeps at least one criterion"))
    if flags and not any(c.check.kind == SHARE_KIND for cid, c in criteria.items()
                         if cid not in draft.remove):
        errors.append(at(source, "vocabulary", "geen criterium van dit concept gebruikt de "
                         "Verwijsgids-vlaggen (verwijsgids_share)", "no criterion of this "
                         "draft uses the Verwijsgids flags (verwijsgids_share)"))
    return errors


def flagged(criterion: Criterion, flags: Mapping[str, str]) -> Criterion:
    """A share criterion with the draft's `vocabulary:` flags over its own `represented`."""
    if not flags or not isinstance(criterion.check, VerwijsgidsShare):
        return criterion
    represented = {**criterion.check.represented, **flags}
    return criterion.model_copy(update={
        "check": criterion.check.model_copy(update={"represented": represented})})


def merge_criterion(source: Source, index: int, criterion_id: str, current: Criterion | None,
                    base: RuleFile, vocabulary: Vocabulary) -> Criterion:
    """Entry `index` of `criteria:` merged into `current` (the base's), or new and whole."""
    prefix = f"criteria[{index}]"
    written: dict[str, Any] = source.data["criteria"][index]
    if current is None:
        missing = [key for key in REQUIRED if key not in written]
        if missing:
            raise LoadFailed([_unknown(source, prefix, criterion_id, base, missing)])
        data = written
    else:
        data = merged(current.model_dump(mode="json"), written)
    try:
        return validate(Criterion, within(source, prefix, data), {"vocabulary": vocabulary})
    except LoadFailed as exc:
        raise LoadFailed([LoadError(e.message, f"{prefix}.{e.path}" if e.path else prefix,
                                    e.line, e.column) for e in exc.listed]) from exc


def merged(base: dict[str, Any], written: dict[str, Any]) -> dict[str, Any]:
    """`written` over `base`, part by part: a text keeps the language the draft leaves out, a
    `check:` of the same kind is merged parameter by parameter (a mapping such as
    `represented` key by key), and a check of another kind replaces the base's."""
    result = {**base, **written}
    for part, new in written.items():
        old = base.get(part)
        if not (isinstance(old, dict) and isinstance(new, dict)):
            continue
        if part == "check" and new.get("kind", old.get("kind")) != old.get("kind"):
            continue
        result[part] = {**old, **{key: {**old[key], **value} if isinstance(old.get(key), dict)
                                  and isinstance(value, dict) else value
                                  for key, value in new.items()}}
    return result


def within(source: Source, prefix: str, data: dict[str, Any]) -> Source:
    """`data` with the positions of the draft's entry at `prefix`, as if it stood alone."""
    def inside(table: dict[str, tuple[int, int]]) -> dict[str, tuple[int, int]]:
        return {path[len(prefix):].lstrip("."): pos for path, pos in table.items()
                if path == prefix or path.startswith((prefix + ".", prefix + "["))}
    return Source(data, inside(source.values), inside(source.keys))


def _unknown(source: Source, prefix: str, given: str, base: RuleFile,
             missing: list[str]) -> LoadError:
    ids = [c.id for c in base.criteria]
    nl_tail, en_tail = did_you_mean(given, ids)
    listed = ", ".join(missing)
    return at(source, f"{prefix}.id",
              f"{base.ref.label} heeft geen criterium {quoted(given)} (wel: {', '.join(ids)})"
              f"{nl_tail}; een nieuw criterium geeft u volledig (ontbreekt: {listed})",
              f"{base.ref.label} has no criterion {quoted(given)} (it has: {', '.join(ids)})"
              f"{en_tail}; a new criterion is given in full (missing: {listed})")


def at(source: Source, path: str, nl: str, en: str) -> LoadError:
    """A load error at `path` of the draft."""
    line, column = source.where(path)
    return LoadError(Text(nl, en), path, line, column)
