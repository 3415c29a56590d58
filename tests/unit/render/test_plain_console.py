"""Off a terminal the check report prints on `plain.Plain`, not rich's console: its text and
tables must be the bytes rich draws, for any text a file can bring (wide characters, tabs, line
breaks, words longer than a column, markup and emoji codes, which neither interprets)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.console import Console
from one_command import CliRunner

from oncocheck.cli.app import app
from oncocheck.render.plain import Plain
from oncocheck.render.terminal import kit

EXAMPLE = Path(__file__).resolve().parents[3] / "examples/compliant/voorbeeldstad.yaml"

#: Letters, spaces and tabs, wide and combining characters, brackets and colons.
TEXT = st.text(st.sampled_from("ab xyz\t\n-.→✔✘漢字éé😀[]:/" + "w" * 5), max_size=90)


def _rich(draw) -> str:  # noqa: ANN001 - a function of a console
    buffer = io.StringIO()
    draw(Console(file=buffer, width=120, no_color=True, color_system=None, soft_wrap=True,
                 force_terminal=False, highlight=False))
    return buffer.getvalue()


def _plain(draw) -> str:  # noqa: ANN001
    plain = Plain()
    draw(plain)
    return plain.text()


def _table(rows: list[list[str]], console) -> object:  # noqa: ANN001
    text, make = kit(console)
    new = make()
    new.add_column("ID", no_wrap=True)
    new.add_column("Criterium", ratio=2, overflow="fold")
    new.add_column("Status", no_wrap=True)
    new.add_column("Bevinding", ratio=3, overflow="fold")
    for row in rows:
        new.add_row(row[0], *(text(cell) for cell in row[1:]))
    return new


@given(st.lists(st.tuples(st.text("ab1.-_", max_size=16), TEXT, TEXT, TEXT), min_size=1,
                max_size=4), st.integers(1, 30))
def test_a_table_is_laid_out_as_rich_lays_it_out(cells: list[tuple[str, ...]], long: int) -> None:
    # the id as a criterion id can be (rich reads markup in it), the status short, and the
    # findings now and then longer than the table is wide
    rows = [[cell[0], cell[1], cell[2][:20], cell[3] + "v" * long * (i + 1)]
            for i, cell in enumerate(cells)]
    assert _plain(lambda c: c.print(_table(rows, c))) == _rich(lambda c: c.print(_table(rows, c)))


@given(TEXT)
def test_a_line_is_printed_as_rich_prints_it(line: str) -> None:
    def drawn(console) -> None:  # noqa: ANN001
        console.print(line, markup=False, emoji=False, highlight=False, soft_wrap=True)
        text = kit(console)[0](line, style="bold")
        text.append(line, style="dim")
        console.print(text)
        console.print()

    assert _plain(drawn) == _rich(drawn)


@pytest.mark.parametrize("terminal", [False, True])
def test_a_file_name_is_shown_as_written(tmp_path: Path, terminal: bool,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """Not read as an emoji code (`:x:` is ❌ to rich), on a terminal or off it."""
    (tmp_path / ":x:.yaml").write_bytes(EXAMPLE.read_bytes())
    monkeypatch.chdir(tmp_path)  # a short name: a long tmp path would wrap on the terminal
    env = {"FORCE_COLOR": "1", "NO_COLOR": "1"} if terminal else {"FORCE_COLOR": None}
    done = CliRunner().invoke(app, ["check", ":x:.yaml", "--as-of", "2026-11-23"], env=env)
    assert done.exit_code == 0 and ":x:.yaml" in done.output and "❌" not in done.output
