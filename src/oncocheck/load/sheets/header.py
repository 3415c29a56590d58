"""Which sheet and row of a members spreadsheet hold the column names, and what each column is.

A column's name stands for a member field when oncocheck knows it, in Dutch and English and as
coordinators write them (`In Verwijsgids?`, `Beroep`, `Praktijk`, `Organisatie naam`,
punctuation aside; any name with the word `verwijsgids`).

The sheet is the one `members_sheet` names (in any case), else the first of the first
MAX_SHEETS that has a header row; a CSV is one sheet. The header is the first of the first
HEADER_ROWS rows that are not empty which names both required columns (`naam`/`name` and
`discipline`, in any case); the rows above it are title rows. A column is a member field when
its name is known (`field_of`), ignored silently when it is a usual extra of a members list
(telephone, e-mail, website, AGB, BIG), and ignored with one warning (`Columns.unknown`)
otherwise, except a name close to `verwijsgids` while that column is missing
(`near_verwijsgids`): reading past it would give a false 2a, and 2a is never computed from a
column that was skipped.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import NamedTuple

from oncocheck.errors import LoadFailed
from oncocheck.load.sheets.rows import Book, Row
from oncocheck.load.visible import quoted
from oncocheck.load.words import closest, did_you_mean, normalise
from oncocheck.report import LoadError, Text
from oncocheck.wording import DUTCH_COLUMNS

WHERE = "members_file"
#: Every accepted column name (normalised) and the member field it fills.
COLUMNS = {"naam": "name", "name": "name", "discipline": "discipline",
           "organisatie": "organisation", "organisation": "organisation",
           "organization": "organisation", "postcode": "postcode", "verwijsgids": "verwijsgids",
           "discipline anders": "discipline_other", "discipline other": "discipline_other",
           # what coordinators write for the same columns
           "beroep": "discipline", "profession": "discipline", "praktijk": "organisation",
           "praktijknaam": "organisation", "organisatie naam": "organisation",
           "organisatienaam": "organisation", "naam organisatie": "organisation",
           "organisation name": "organisation", "organization name": "organisation"}
_PUNCTUATION = re.compile(r"[^\w ]+")
NEAR = 0.8  # how like `verwijsgids` a skipped column's name may be (`Verwijzer` is 0.7)
REQUIRED = ("name", "discipline")
#: Columns a members list often has beside the members' fields, written without spaces
#: (`E-mail`, `e_mail` and `email` alike): read past without a word.
EXTRA = {"telefoon", "telefoonnummer", "telnummer", "telnr", "tel", "telefoonnr", "mobiel",
         "mobielnummer", "phone", "phonenumber", "telephone", "mobile", "email", "emailadres",
         "emailaddress", "mail", "mailadres", "website", "webadres", "site", "url", "agb",
         "agbcode", "agbnummer", "big", "bignummer", "bignr", "bigregistratie", "bigcode"}
#: The names a coordinator may have meant, per field (for "did you mean").
NAMES = {"name": ("naam", "name"), "discipline": ("discipline",),
         "organisation": ("organisatie", "organisation"), "postcode": ("postcode",),
         "verwijsgids": ("verwijsgids",), "discipline_other": ("discipline_anders",
                                                              "discipline_other")}
KNOWN = ("naam, discipline, organisatie, postcode, verwijsgids, discipline_anders",
         "name, discipline, organisation, postcode, verwijsgids, discipline_other")
HEADER_ROWS = 10
MAX_SHEETS = 32  # sheets searched for a header row; a members list is on one of the first
SHEETS_LISTED = 3  # a message names at most this many sheets searched
_EMPTY = Text("de ledenlijst is leeg; zet in de eerste rij de kolomkoppen (naam, discipline, "
              "organisatie, postcode, verwijsgids) en daaronder één lid per rij",
              "the members list is empty; put the column names in the first row (name, "
              "discipline, organisation, postcode, verwijsgids) and one member per row below")


def field_of(written: str | None) -> str | None:
    """The member field a column name stands for, or None."""
    if not written:
        return None
    words = " ".join(_PUNCTUATION.sub(" ", normalise(written)).split())
    known = COLUMNS.get(words) or COLUMNS.get(normalise(written))
    return known or ("verwijsgids" if "verwijsgids" in words.split() else None)


class Chosen(NamedTuple):
    """The sheet read: its index (`sheet`), its header row, the rows above it that are not empty
    (`before`), the rows after the header, whether a later sheet was taken for its header
    (`later`), and its title as messages name it ("" when the book has one sheet)."""

    sheet: int
    header: Row
    before: list[Row]
    rows: Iterator[Row]
    later: bool
    named: str


def choose(book: Book, wanted: str | None) -> Chosen:
    """The sheet to read; LoadFailed when `wanted` is not in the book or no sheet has a header."""
    if not book.titles:
        raise LoadFailed([LoadError(_EMPTY, WHERE, None, None, book.display)])
    order = [_named(book, wanted)] if wanted and book.is_workbook else list(
        range(min(len(book.titles), MAX_SHEETS)))
    looked: list[tuple[int, list[Row]]] = []
    for index in order:
        rows, before = book.rows(index), list[Row]()
        for number, cells in rows:  # the header among the first HEADER_ROWS rows with text
            if not any(cells):
                continue
            if all(needed in {field_of(c) for c in cells} for needed in REQUIRED):
                named = book.titles[index] if len(book.titles) > 1 else ""
                return Chosen(index, (number, cells), before, rows, index != order[0], named)
            before.append((number, cells))
            if len(before) >= HEADER_ROWS:
                break
        looked.append((index, before))
    raise LoadFailed(_no_header(book, looked))


def _named(book: Book, wanted: str) -> int:
    """The index of the sheet `members_sheet` names: the same title, else the same in any case
    and spelling; LoadFailed naming the sheets there are."""
    titles = book.titles
    same = [i for i, t in enumerate(titles) if t == wanted] or [
        i for i, t in enumerate(titles) if normalise(t) == normalise(wanted)]
    if same:
        return same[0]
    listed = ", ".join(quoted(t) for t in titles)
    nl_tail, en_tail = did_you_mean(wanted, titles)
    raise LoadFailed([LoadError(Text(
        f"blad {quoted(wanted)} staat niet in {book.display} (de bladen: {listed}){nl_tail}",
        f"sheet {quoted(wanted)} is not in {book.display} (the sheets: {listed}){en_tail}"),
        "members_sheet")])


def _no_header(book: Book, looked: list[tuple[int, list[Row]]]) -> list[LoadError]:
    """Why no sheet was read, said of the first sheet with text: the required columns missing
    from the row that looks like the header (with "did you mean"), or no such row at all."""
    filled = [(i, rows) for i, rows in looked if rows]
    if not filled:
        return [LoadError(_EMPTY, WHERE, None, None, book.display)]
    listed = ", ".join(quoted(book.titles[i]) for i, _ in looked)
    count = len(looked) if book.is_workbook else 0
    where_nl, where_en = ("", "") if not count else (
        (f" van blad {listed}", f" of sheet {listed}") if count == 1 else
        (f" van de eerste {count} bladen", f" of the first {count} sheets")
        if count > SHEETS_LISTED else (f" van de bladen {listed}", f" of the sheets {listed}"))
    candidate = next((r for r in filled[0][1] if any(map(field_of, r[1]))), None)
    if candidate is None:
        return [LoadError(Text(
            f"in de eerste {HEADER_ROWS} rijen{where_nl} staat geen rij met kolomkoppen; zet "
            f"boven de leden een rij met ten minste de kolommen 'naam' en 'discipline' (bekende "
            f"kolommen: {KNOWN[0]})", f"none of the first {HEADER_ROWS} rows{where_en} holds "
            f"the column names; put a row with at least the columns 'name' and 'discipline' "
            f"above the members (known columns: {KNOWN[1]})"), WHERE, None, None, book.display)]
    number, cells = candidate
    errors = []
    for needed in (f for f in REQUIRED if f not in map(field_of, cells)):
        dutch = DUTCH_COLUMNS.get(needed, needed)
        guess = next(((i, c) for i, c in enumerate(cells) if c and field_of(c) is None
                      and closest(c, NAMES[needed])), None)
        errors.append(LoadError(Text(
            f"kolom {quoted(guess[1])} wordt niet herkend; bedoelt u '{dutch}'? (de "
            "kolommen naam en discipline zijn nodig)", f"column {quoted(guess[1])} is not "
            f"known; did you mean '{needed}'? (the columns name and discipline are needed)")
            if guess else Text(
            f"kolom '{dutch}' ontbreekt; rij {number} lijkt de kolomkoppen te bevatten, "
            f"maar zonder '{dutch}': voeg die kolom toe", f"column '{needed}' is missing; "
            f"row {number} looks like the column names, but without '{needed}': add that "
            "column"), WHERE, number, guess[0] + 1 if guess else None, book.display))
    return errors


@dataclass(frozen=True)
class Columns:
    """The header's columns: column index -> member field, the indexes that are read past,
    and the unknown columns among them (index, name) for the warning."""

    fields: dict[int, str] = field(default_factory=dict)
    skipped: set[int] = field(default_factory=set)
    unknown: list[tuple[int, str]] = field(default_factory=list)


def columns(header: Row, display: str) -> tuple[Columns, list[LoadError]]:
    """What each column of `header` is, and the header's problems (a column twice)."""
    number, cells = header
    found, errors = Columns(), []
    for index, written in enumerate(cells):
        known = field_of(written)
        if written is None:
            continue
        if known is not None and known in found.fields.values():
            errors.append(LoadError(Text(f"kolom {quoted(written)} staat er twee keer in",
                                         f"column {quoted(written)} appears twice"),
                                    WHERE, number, index + 1, display))
        elif known is not None:
            found.fields[index] = known
        else:
            found.skipped.add(index)
            if normalise(written).replace(" ", "") not in EXTRA:
                found.unknown.append((index, written))
    return found, errors + near_verwijsgids(found.unknown, found.fields, number, display)


def near_verwijsgids(unknown: list[tuple[int, str]], fields: dict[int, str], number: int,
                     display: str) -> list[LoadError]:
    """An error for a skipped column whose name is close to `verwijsgids` while that column is
    missing: read past, it would make 2a count nobody as listed."""
    if "verwijsgids" in fields.values():
        return []
    near = [(i, w) for i, w in unknown if difflib.SequenceMatcher(
        None, _PUNCTUATION.sub("", normalise(w)), "verwijsgids").ratio() >= NEAR]
    return [LoadError(Text(
        f"kolom 'verwijsgids' ontbreekt; bedoelt u {quoted(written)}? Geef die kolom de kop "
        "'verwijsgids': zonder die kolom telt criterium 2a niemand als vermeld",
        f"column 'verwijsgids' is missing; did you mean {quoted(written)}? Name that column "
        "'verwijsgids': without it criterion 2a counts nobody as listed"),
        WHERE, number, index + 1, display) for index, written in near[:1]]
