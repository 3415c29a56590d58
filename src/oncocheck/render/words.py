"""Every word the renderers show people, in Dutch and English: one table (`words.json` beside
this module, read once), one key per meaning; and the phrases every renderer says the same way
(which versions and dates judged a batch, the summary lines of a run, the coordinator's own
words on a finding and its observed working).

A key is a meaning, written once as a pair (nl, en); a word that depends on a count is a
`Counted` pair of singular and plural. Where a sentence needs another case of
the same word (`Voldoet` heading a cell, `voldoet` inside the summary line, `VOLDOET` on the
console's verdict line) the renderer asks `Words.lower`, `Words.upper` or `Words.capital`
instead of keeping a second spelling. Keys `observed.<name>` name the values a check kind
puts in a finding's `observed` data (shown in the HTML working).

A batch line shows one version and one date when every file was judged by them, and otherwise
counts the versions (`18 × loppsoz@2024, 2 × loppsoz@2021`) and spans the dates, so a summary
can never hide a file judged by other rules.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Any, Literal

from oncocheck.report import Dated, FileResult, Finding, PlanItem, Report, Status, Verdict

#: How a plan item is laid out; see `planned`.
PlanForm = Literal["line", "junit", "page"]


class Counted(str):
    """A word that depends on a count: `w.of_networks.format(n=1)` says `van 1 netwerk`,
    any other `n` the plural (which is also the word as it stands)."""

    one: str

    def __new__(cls, one: str, many: str) -> Counted:  # noqa: D102 - as str
        word = super().__new__(cls, many)
        word.one = one
        return word

    def __reduce__(self) -> tuple[type[Counted], tuple[str, str]]:
        """Copied and pickled as both forms (`str` would keep only the plural)."""
        return Counted, (self.one, str(self))

    def format(self, *args: object, **kwargs: object) -> str:
        """The singular for `n=1`, else the plural, with the values filled in."""
        text = self.one if kwargs.get("n") == 1 else str(self)
        return text.format(*args, **kwargs)


#: Status and verdict are always shown as a word with a symbol, never by colour alone.
STATUS_SYMBOL = {Status.MET: "✔", Status.NOT_MET: "✘", Status.MISSING: "?"}
VERDICT_SYMBOL = {Verdict.COMPLIANT: "✔", Verdict.NOT_COMPLIANT: "✘", Verdict.INVALID: "⊘"}


def _table() -> dict[str, tuple[str, str]]:
    """Key -> (Dutch, English) from words.json, whose sections say what their words are for;
    a counted word is written there as [singular, plural]."""
    def word(value: str | list[str]) -> str:
        return Counted(*value) if isinstance(value, list) else value

    sections = json.loads(Path(__file__).with_name("words.json").read_text(encoding="utf-8"))
    return {key: (word(nl), word(en)) for section in sections.values()
            for key, (nl, en) in section.items()}


WORDS = _table()


class Words(Mapping[str, str]):
    """The table in one language: `w["as_of"]` as written, and the other cases of a word.
    Templates read it as `w.as_of`."""

    def __init__(self, index: int) -> None:
        self._words = {key: pair[index] for key, pair in WORDS.items()}

    def __getitem__(self, key: str) -> str:
        return self._words[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._words)

    def __len__(self) -> int:
        return len(self._words)

    def lower(self, key: str) -> str:
        """The word in lower case, inside a sentence: `Peildatum` -> `peildatum`."""
        return self[key].lower()

    def upper(self, key: str) -> str:
        """The word in capitals, as the console's verdict line shows it: `VOLDOET NIET`."""
        return self[key].upper()

    def capital(self, key: str) -> str:
        """The word with a capital first letter, heading a row: `bestanden` -> `Bestanden`."""
        word = self[key]
        return word[:1].upper() + word[1:]

    def observed_name(self, key: str) -> str:
        """The name of an `observed` key; a key the table does not name, as it is."""
        return self._words.get(f"observed.{key}", key.replace("_", " "))

    def field_names(self) -> dict[str, str]:
        """Field key -> its name in words, for the keys a list in `observed` may hold."""
        return {key[len("field."):]: text for key, text in self._words.items()
                if key.startswith("field.")}


_BY_LANGUAGE = {"nl": Words(0), "en": Words(1)}


def words(lang: str) -> Words:
    """The words in `lang` (Dutch for anything but "en")."""
    return _BY_LANGUAGE["en" if lang == "en" else "nl"]


def criteria_text(report: Report) -> str:
    """`loppsoz@2024`, or `18 × loppsoz@2024, 2 × loppsoz@2021` for a mixed batch."""
    applied = report.applied
    if not applied or (len(applied) == 1 and applied[0][0] == report.criteria):
        return report.criteria.label
    if len(applied) == 1:
        return applied[0][0].label
    return ", ".join(f"{n} × {ref.label}" for ref, n in applied)


def dates_text(report: Report, lang: str) -> str:
    """`2026-11-23`, or `2023-11-01 t/m 2026-11-23 (per bestand)` over several dates."""
    return date_span(report.dates, report.as_of, lang)


def date_span(dates: Sequence[date], default: date, lang: str) -> str:
    """One date, or the first and last of (sorted) `dates`; `default` when there are none."""
    if not dates:
        return default.isoformat()
    if len(dates) == 1:
        return dates[0].isoformat()
    w = words(lang)
    return f"{dates[0].isoformat()} {w['date_to']} {dates[-1].isoformat()} ({w['per_file']})"


def file_as_of(report: Report, result: FileResult) -> str:
    """The date a file was judged on; the run's date for a file that could not be loaded."""
    return (result.as_of or report.as_of).isoformat()


def undated_note(result: FileResult, lang: str) -> str:
    """` (de dag van de controle: ...)` after the as-of date of a file judged on the day of the
    run for want of a `submitted:` date of its own; else nothing."""
    return f" ({words(lang)['undated']})" if result.dated is Dated.TODAY else ""


def said_per_version(report: Report, part: str, lang: str) -> dict[str, str]:
    """Criterion id -> its `part` (`title` or `text`) as the versions that judged the batch
    word it (every set of the report when none did): one text where they agree, else each
    after its versions, most files first (`loppsoz@2024: … (streven 60%) · loppsoz@2021: …
    (streven 50%)`), so a batch-wide view never states one version's threshold for files
    another judged."""
    applied = [s for ref, _ in report.applied if (s := report.criteria_set(ref)) is not None]
    said: dict[str, dict[str, list[str]]] = {}
    for info in applied or report.criteria_sets:
        for criterion in info.criteria:
            text = getattr(criterion, part).get(lang)
            said.setdefault(criterion.id, {}).setdefault(text, []).append(info.ref.label)
    return {cid: next(iter(texts)) if len(texts) == 1 else " · ".join(
        f"{', '.join(labels)}: {text}" for text, labels in texts.items())
        for cid, texts in said.items()}


def tally(report: Report, lang: str) -> str:
    """`3 bestanden: 1 voldoet, 2 voldoen niet, 0 ongeldig`, each verb agreeing with its
    count."""
    w, counts = words(lang), report.summary
    files = w.lower("file") if counts["files"] == 1 else w["files"]
    verdicts = ", ".join(w[f"tally_{v.value}"].format(n=counts[v.value]) for v in Verdict)
    return f"{counts['files']} {files}: {verdicts}"


def summary_line(report: Report, lang: str) -> str:
    """The tally with the versions and dates: shown last by the console and as GitHub's
    closing notice."""
    w = words(lang)
    return (f"{tally(report, lang)} ({w.lower('criteria_set')} {criteria_text(report)}, "
            f"{w.lower('as_of')} {dates_text(report, lang)})")


def settings_line(report: Report, lang: str) -> str | None:
    """`instellingen: .oncocheck.yaml · genegeerde waarschuwingen: plan-closable (2)`, or None
    when no settings file applied and no warning was ignored."""
    w, parts = words(lang), []
    if report.settings is not None:
        parts.append(w["settings_file"].format(file=report.settings))
    if report.ignored:
        ignored = ", ".join(f"{i} ({n})" for i, n in report.ignored.items())
        parts.append(w["ignored_warnings"].format(ids=ignored))
    return " · ".join(parts) or None


def planned(item: PlanItem, lang: str, form: PlanForm = "line") -> str:
    """One planned action, with its owner and date when given:

    - `line`: `gepland: Een diëtist werven, J. Bakker, vóór 2027-03-01` (console, Markdown,
      GitHub, SARIF);
    - `junit`: `gepland: Een diëtist werven (J. Bakker, vóór 2027-03-01)`, JUnit's own form,
      kept so that test reports in CI read as they always did;
    - `page`: `Een diëtist werven (door J. Bakker, vóór 2027-03-01)`, an item of the HTML
      page's list under its heading "Verbeterplan".
    """
    w = words(lang)
    due = f"{w['before']} {item.due.isoformat()}" if item.due else None
    if form == "line":
        return f"{w['planned']}: " + ", ".join(x for x in (item.action, item.owner, due) if x)
    owner = f"{w['by']} {item.owner}" if item.owner and form == "page" else item.owner
    details = ", ".join(x for x in (owner, due) if x)
    head = item.action if form == "page" else f"{w['planned']}: {item.action}"
    return head + (f" ({details})" if details else "")


def note_line(finding: Finding, lang: str) -> str | None:
    """`notitie: <the note>`, or None when the finding has no note."""
    return f"{words(lang)['note']}: {finding.note}" if finding.note else None


def own_words(finding: Finding, lang: str, form: PlanForm = "line") -> list[str]:
    """The note (if any) and every plan item of the finding, one line each."""
    note = note_line(finding, lang)
    return ([note] if note else []) + [planned(item, lang, form) for item in finding.plan]


def value_text(value: Any, lang: str) -> str:
    """One observed value as text: yes or no, a list (of a section's fields, named in words),
    or as written."""
    w = words(lang)
    if value is None:
        return w["not_given"]
    if isinstance(value, bool):
        return w["yes"] if value else w["no"]
    if isinstance(value, list):
        labels = w.field_names()
        return ", ".join(labels.get(str(v), str(v).replace("_", " ")) for v in value) or w["none"]
    if isinstance(value, dict):
        return "; ".join(f"{k}: {value_text(v, lang)}" for k, v in value.items())
    return str(value)


def working(finding: Finding, lang: str) -> list[tuple[str, str]]:
    """The finding's observed values as (label, value) pairs: as its kind words them
    (`Finding.working`), else each as it is."""
    w = words(lang)
    if finding.working:
        return [(w.observed_name(key), text.get(lang) or w["none"])
                for key, text in finding.working]
    return [(w.observed_name(key), value_text(value, lang))
            for key, value in finding.observed.items()]
