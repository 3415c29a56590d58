"""Which row of a members sheet holds the column names, and what each column is.

The header is the first of the first HEADER_ROWS rows that are not empty which names both
required columns (`naam`/`name` and `discipline`, in any case); the rows above it are title
rows. A column is a member field when its name is known (COLUMNS), ignored silently when it is
one of the usual extras of a members list (telephone, e-mail, website, AGB, BIG), and ignored
with one warning (`unknown`) otherwise.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from oncocheck.load.visible import quoted
from oncocheck.load.words import closest, normalise
from oncocheck.report import LoadError, Text
from oncocheck.wording import DUTCH_COLUMNS

Row = tuple[int, list[str | None]]
HEADER_ROWS = 10
WHERE = "members_file"
#: Every accepted column name (normalised) and the member field it fills.
COLUMNS = {"naam": "name", "name": "name", "discipline": "discipline",
           "organisatie": "organisation", "organisation": "organisation",
           "organization": "organisation", "postcode": "postcode", "verwijsgids": "verwijsgids",
           "discipline anders": "discipline_other", "discipline other": "discipline_other"}
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


def field_of(written: str) -> str | None:
    """The member field a column name stands for, or None."""
    return COLUMNS.get(normalise(written))


def is_extra(written: str) -> bool:
    """Whether a column is one of the usual extras (telephone, e-mail, AGB, ...)."""
    return normalise(written).replace(" ", "") in EXTRA


def find_header(rows: Iterator[Row]) -> tuple[Row | None, list[Row]]:
    """The header among the first HEADER_ROWS rows that are not empty, and the rows that are
    not empty read before it (title rows; all of them when none is the header)."""
    before: list[Row] = []
    for number, cells in rows:
        if not any(cells):
            continue
        named = {field_of(c) for c in cells if c}
        if all(needed in named for needed in REQUIRED):
            return (number, cells), before
        before.append((number, cells))
        if len(before) >= HEADER_ROWS:
            break
    return None, before


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
        if written is None:
            continue
        known = field_of(written)
        if known is not None and known in found.fields.values():
            errors.append(LoadError(Text(f"kolom {quoted(written)} staat er twee keer in",
                                         f"column {quoted(written)} appears twice"),
                                    WHERE, number, index + 1, display))
        elif known is not None:
            found.fields[index] = known
        else:
            found.skipped.add(index)
            if not is_extra(written):
                found.unknown.append((index, written))
    return found, errors


def no_header(read: list[Row], display: str, where_nl: str, where_en: str) -> list[LoadError]:
    """Why no header was found among the rows `read`: the required columns missing from the
    row that looks like the header (with "did you mean"), or no such row at all."""
    candidate = next((r for r in read if any(field_of(c) for c in r[1] if c)), None)
    if candidate is None:
        return [LoadError(Text(
            f"in de eerste {HEADER_ROWS} rijen{where_nl} staat geen rij met kolomkoppen; zet "
            f"boven de leden een rij met ten minste de kolommen 'naam' en 'discipline' (bekende "
            f"kolommen: {KNOWN[0]})", f"none of the first {HEADER_ROWS} rows{where_en} holds "
            f"the column names; put a row with at least the columns 'name' and 'discipline' "
            f"above the members (known columns: {KNOWN[1]})"), WHERE, None, None, display)]
    number, cells = candidate
    named = {field_of(c) for c in cells if c}
    errors = []
    for needed in (f for f in REQUIRED if f not in named):
        dutch = DUTCH_COLUMNS.get(needed, needed)
        guess = next(((i, c) for i, c in enumerate(cells) if c and field_of(c) is None
                      and closest(c, NAMES[needed])), None)
        if guess is not None:
            errors.append(LoadError(Text(
                f"kolom {quoted(guess[1])} wordt niet herkend; bedoelt u '{dutch}'? (de "
                "kolommen naam en discipline zijn nodig)", f"column {quoted(guess[1])} is not "
                f"known; did you mean '{needed}'? (the columns name and discipline are needed)"),
                WHERE, number, guess[0] + 1, display))
        else:
            errors.append(LoadError(Text(
                f"kolom '{dutch}' ontbreekt; rij {number} lijkt de kolomkoppen te bevatten, "
                f"maar zonder '{dutch}': voeg die kolom toe", f"column '{needed}' is missing; "
                f"row {number} looks like the column names, but without '{needed}': add that "
                "column"), WHERE, number, None, display))
    return errors


def suggestion(written: str) -> str | None:
    """The known column name nearest to an unknown one (`organsatie` -> `organisatie`)."""
    return closest(written, [n for names in NAMES.values() for n in names])
