"""Which sheet of a members workbook holds the members: the one `members_sheet` names (in any
case), else the first of the first MAX_SHEETS sheets that has a header row. A CSV is one sheet.
"""

from __future__ import annotations

from collections.abc import Generator
from dataclasses import dataclass

from oncocheck.errors import LoadFailed
from oncocheck.load.sheets.header import WHERE, Row, find_header, no_header
from oncocheck.load.sheets.rows import Book
from oncocheck.load.visible import quoted
from oncocheck.load.words import did_you_mean, normalise
from oncocheck.report import LoadError, Text

MAX_SHEETS = 32  # sheets searched for a header row; a members list is on one of the first
SHEETS_LISTED = 3  # a message names at most this many sheets searched
_EMPTY = Text("de ledenlijst is leeg; zet in de eerste rij de kolomkoppen (naam, discipline, "
              "organisatie, postcode, verwijsgids) en daaronder één lid per rij",
              "the members list is empty; put the column names in the first row (name, "
              "discipline, organisation, postcode, verwijsgids) and one member per row below")


@dataclass
class Chosen:
    """The sheet read: its index, its header row, the rows above it that are not empty
    (`before`), the rows after the header (`rows`), whether it is a later sheet found by its
    header (`later`), and its title as messages name it ("" when the book has one sheet)."""

    index: int
    header: Row
    before: list[Row]
    rows: Generator[Row, None, None]
    later: bool
    named: str


def choose(book: Book, wanted: str | None) -> Chosen:
    """The sheet to read; LoadFailed when `wanted` is not in the book or no sheet has a
    header row."""
    if not book.titles:
        raise LoadFailed([LoadError(_EMPTY, WHERE, None, None, book.display)])
    order = [_named(book, wanted)] if wanted and book.is_workbook else list(
        range(min(len(book.titles), MAX_SHEETS)))
    looked: list[tuple[int, list[Row]]] = []
    for index in order:
        rows = book.rows(index)
        header, before = find_header(rows)
        if header is not None:
            named = book.titles[index] if len(book.titles) > 1 else ""
            return Chosen(index, header, before, rows, index != order[0], named)
        rows.close()
        looked.append((index, before))
    raise LoadFailed(_no_header(book, looked))


def _named(book: Book, wanted: str) -> int:
    """The index of the sheet `members_sheet` names: the same title, else the same in any case
    and spelling; LoadFailed naming the sheets there are."""
    titles = book.titles
    if wanted in titles:
        return titles.index(wanted)
    same = [i for i, t in enumerate(titles) if normalise(t) == normalise(wanted)]
    if same:
        return same[0]
    listed = ", ".join(quoted(t) for t in titles)
    nl_tail, en_tail = did_you_mean(wanted, titles)
    raise LoadFailed([LoadError(Text(
        f"blad {quoted(wanted)} staat niet in {book.display} (de bladen: {listed}){nl_tail}",
        f"sheet {quoted(wanted)} is not in {book.display} (the sheets: {listed}){en_tail}"),
        "members_sheet")])


def _no_header(book: Book, looked: list[tuple[int, list[Row]]]) -> list[LoadError]:
    """Why no sheet was read: the first sheet with text, said by what is wrong with it."""
    filled = [(i, rows) for i, rows in looked if rows]
    if not filled:
        return [LoadError(_EMPTY, WHERE, None, None, book.display)]
    index, rows = filled[0]
    if not book.is_workbook:
        return no_header(rows, book.display, "", "")
    if len(looked) == 1:
        title = quoted(book.titles[index])
        return no_header(rows, book.display, f" van blad {title}", f" of sheet {title}")
    if len(looked) > SHEETS_LISTED:
        return no_header(rows, book.display, f" van de eerste {len(looked)} bladen",
                         f" of the first {len(looked)} sheets")
    listed = ", ".join(quoted(book.titles[i]) for i, _ in looked)
    return no_header(rows, book.display, f" van de bladen {listed}",
                     f" of the sheets {listed}")
