"""rich's console, text and table as far as the check report uses them, without rich's console:
what `terminal.plain_text` prints (no colour, 120 columns, a line never broken but in a table),
laid out with rich's own measures (cell widths, word wrapping, the sharing of a table's width).

Off a terminal (a pipe, a file: the most common run) rich's console, table and text took a
one-file check a tenth of its time to import and run. `tests/unit/render/test_plain_console.py`
holds the two to the same bytes.
"""

from __future__ import annotations

import re
from itertools import pairwise
from typing import Any

_STRIPPED = dict.fromkeys((7, 8, 11, 12, 13))  # the control codes rich's Text leaves out
_TRAILING_SPACE = re.compile(r"\s+$")


class Plain:
    """The console: text printed as it is (never broken, tabs set to every eighth column),
    tables laid out as rich lays them out."""

    width = 120

    def __init__(self) -> None:
        self.lines: list[str] = []

    def print(self, item: Any = "", *_: Any, **__: Any) -> None:
        """Print a text or a `PlainTable` (rich's options: every line soft-wrapped)."""
        if isinstance(item, PlainTable):
            self.lines += item.lines(self.width)
        else:
            self.lines += [_tabs(line) for line in str(item).translate(_STRIPPED).split("\n")]

    def text(self) -> str:
        """All that was printed."""
        return "".join(f"{line}\n" for line in self.lines)


class PlainText:
    """rich's Text as the reports build it, without its styles."""

    def __init__(self, text: str = "", style: str = "") -> None:
        self.plain = text.translate(_STRIPPED)

    def append(self, text: str, style: str = "") -> None:
        """Add `text` at the end."""
        self.plain += text.translate(_STRIPPED)

    def append_text(self, text: PlainText) -> None:
        """Add another text at the end."""
        self.plain += text.plain

    def __str__(self) -> str:
        return self.plain


class PlainTable:
    """`terminal.table()` as rich draws it: each column as wide as its widest line; a table too wide
    for the console has its wrapping columns narrowed, the widest first, and their cells
    wrapped between words (a longer word folded); a `no_wrap` cell too long ends in `…`."""

    def __init__(self) -> None:
        self.heads: list[str] = []
        self.wraps: list[bool] = []
        self.rows: list[list[str]] = []

    def add_column(self, head: str, *, no_wrap: bool = False, **_: Any) -> None:
        """A column with this head."""
        self.heads.append(head)
        self.wraps.append(not no_wrap)

    def add_row(self, *cells: str | PlainText) -> None:
        """A row of cells, one per column."""
        self.rows.append([str(cell).translate(_STRIPPED) for cell in cells])

    def lines(self, width: int) -> list[str]:
        """The table's lines at `width` columns (less one for each line between columns)."""
        last = len(self.heads) - 1
        pads = [(int(i > 0), int(i < last)) for i in range(last + 1)]
        columns = list(zip(self.heads, *self.rows, strict=True))
        widths = _widths(columns, pads, self.wraps, width - last)
        rows = [[_cell(*cell) for cell in zip(row, widths, pads, self.wraps, strict=True)]
                for row in zip(*columns, strict=True)]
        head, *body = [_joined(row, widths, i == 0) for i, row in enumerate(rows)]
        return [*head, "╇".join("━" * w for w in widths), *(line for row in body for line in row)]


def _tabs(line: str) -> str:
    """`line` with each tab set to the next eighth column, as rich sets it."""
    if "\t" not in line:
        return line
    from rich.cells import cell_len

    parts = line.split("\t")
    out = parts[0]
    for part in parts[1:]:
        out += " " * (8 - cell_len(out) % 8) + part
    return out


def _measured(cells: tuple[str, ...], pad: tuple[int, int], most: int) -> int:
    """rich's measure of a column of padded cells at most `most` wide: its widest line."""
    from rich.cells import cell_len

    if most < 1:
        return 0
    if most - sum(pad) < 1:
        return most
    return max(min(max((cell_len(line) for line in text.splitlines()), default=0) + sum(pad),
                   most) for text in cells)


def _widths(columns: list[tuple[str, ...]], pads: list[tuple[int, int]], wraps: list[bool],
            room: int) -> list[int]:
    """The columns' widths, padding included, as rich's Table reckons them."""
    from rich._ratio import ratio_reduce

    widths = [_measured(cells, pad, room) or 1 for cells, pad in zip(columns, pads, strict=True)]
    if sum(widths) <= room:
        return widths
    # the widest wrapping column down to the next (rich then narrows every column alike, which
    # the reports' tables never need: their `no_wrap` columns, an id and a status, are narrow)
    while sum(widths) > room and any(wraps):
        widest = max(w for w, wrap in zip(widths, wraps, strict=True) if wrap)
        next_ = max(w if wrap and w != widest else 0 for w, wrap in zip(widths, wraps, strict=True))
        if widest == next_:
            break
        excess = sum(widths) - room
        ratios = [int(wrap and w == widest) for w, wrap in zip(widths, wraps, strict=True)]
        widths = ratio_reduce(excess, ratios, [min(excess, widest - next_)] * len(widths), widths)
    return [_measured(cells, pad, w) for cells, pad, w in zip(columns, pads, widths, strict=True)]


def _cell(text: str, width: int, pad: tuple[int, int], wraps: bool) -> list[str]:
    """A cell's lines, each `width` wide: wrapped (or cut with `…`) and padded, as rich does."""
    from rich._wrap import divide_line
    from rich.cells import cell_len, set_cell_size

    inner, lines = width - sum(pad), []
    for line in (_tabs(line) for line in text.split("\n")):
        breaks = divide_line(line, inner) if wraps else []
        for start, end in pairwise([0, *breaks, len(line)]):
            piece = line[start:end]
            if wraps and len(piece) > inner and (space := _TRAILING_SPACE.search(piece)):
                piece = piece[:len(piece) - min(len(space[0]), len(piece) - inner)]
            size = cell_len(piece)
            if size > inner:
                piece = set_cell_size(piece, inner) if wraps else \
                    set_cell_size(piece, inner - 1) + "…"
            lines.append(" " * pad[0] + piece + " " * (inner - min(size, inner) + pad[1]))
    return lines


def _joined(cells: list[list[str]], widths: list[int], head: bool) -> list[str]:
    """A row's lines: its cells side by side, the shorter ones filled with blank lines (at the
    top in the head, as rich aligns a head to its bottom)."""
    height = max(len(cell) for cell in cells)
    filled = [[" " * w] * (height - len(cell)) + cell if head else cell + [" " * w] * (
        height - len(cell)) for cell, w in zip(cells, widths, strict=True)]
    return [("┃" if head else "│").join(parts) for parts in zip(*filled, strict=True)]
