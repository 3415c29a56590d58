"""docs/handleiding.md read as a script: the coordinator's walk, step by step, in guide order.

The guide marks what a test needs with HTML comments a reader never sees:
`<!-- afsluitcode: 0 1 -->` before a command block (one exit code per `oncocheck` line),
`<!-- bestand: NAME -->` before the YAML block or the Excel grid the reader is told to make,
`<!-- kopie: FROM TO -->` where the reader saves a file they were sent (a package) as TO.
A ```text block after a command shows lines of that command's output (`…` stands for any text).
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook, load_workbook

from paths import ROOT

GUIDE = ROOT / "docs" / "handleiding.md"
FENCE = re.compile(r"^\s*```(\w*)\s*$")
MARKER = re.compile(r"^\s*<!-- (afsluitcode|bestand|kopie): (.+?) -->\s*$")


@dataclass(frozen=True)
class Step:
    """One thing the reader does: `run` a command, `see` output, `write` a file or a `sheet`,
    `copy` a file."""

    kind: str
    text: str  # the command, the output lines, the file's name
    code: int | None = None  # the exit code of a command
    body: str = ""  # a file's text, an Excel grid as a Markdown table, or where a copy goes


def blocks(text: str) -> list[tuple[str, str, list[str]]]:
    """Every fenced code block and marked table: (language or "table", marker, lines); a
    `kopie` marker is a block of its own ("copy", marker, [])."""
    found: list[tuple[str, str, list[str]]] = []
    lines, i, marker = text.splitlines(), 0, ""
    while i < len(lines):
        if (match := MARKER.match(lines[i])) and match[1] == "kopie":
            found.append(("copy", f"{match[1]}: {match[2]}", []))
        elif match:
            marker = f"{match[1]}: {match[2]}"
        elif match := FENCE.match(lines[i]):
            indent = len(lines[i]) - len(lines[i].lstrip())
            end = next(j for j in range(i + 1, len(lines)) if FENCE.match(lines[j]))
            found.append((match[1], marker, [line[indent:] for line in lines[i + 1:end]]))
            i, marker = end, ""
        elif lines[i].startswith("|") and marker.startswith("bestand"):
            end = next((j for j in range(i, len(lines)) if not lines[j].startswith("|")),
                       len(lines))
            found.append(("table", marker, lines[i:end]))
            i, marker = end - 1, ""
        i += 1
    return found


def steps(text: str) -> list[Step]:
    """The walk: commands with their documented exit codes, outputs and files, in order."""
    walk: list[Step] = []
    for language, marker, lines in blocks(text):
        if language == "copy":
            source, target = marker.removeprefix("kopie: ").split()
            walk.append(Step("copy", source, body=target))
        elif marker.startswith("bestand: "):
            kind = "sheet" if language == "table" else "write"
            walk.append(Step(kind, marker.removeprefix("bestand: "), body="\n".join(lines) + "\n"))
        elif language == "text":
            walk.append(Step("see", "\n".join(lines)))
        elif language in ("sh", "console", "powershell"):
            commands = [line for line in lines if line.startswith("oncocheck ")]
            codes = marker.removeprefix("afsluitcode: ").split() if commands else []
            assert len(codes) == len(commands), f"exit codes {marker!r} for {commands}"
            walk += [Step("run", c, int(code)) for c, code in zip(commands, codes, strict=True)]
    return walk


def cell(value: str) -> str | int | None:
    """A value typed into Excel: digits become a number, an empty cell stays empty."""
    value = value.strip()
    return int(value) if value.isdigit() else (value or None)


def write_sheet(path: Path, table: str) -> None:
    """Type an Excel grid (`| 2 | A. de Vries | ... |`, columns A, B, ...) into the workbook at
    `path`, into its first sheet, as the reader does in the file `init` made."""
    book = load_workbook(path) if path.exists() else Workbook()
    sheet = book.worksheets[0]
    for row in table.splitlines()[2:]:
        number, *values = [part for part in row.strip().strip("|").split("|")]
        for column, value in enumerate(values, 1):
            sheet.cell(row=int(number), column=column).value = cell(value)  # also a blank
    book.save(path)


def make(folder: Path, step: Step) -> None:
    """Make the file a `write`, `sheet` or `copy` step tells the reader to make."""
    if step.kind == "copy":
        (folder / step.body).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(folder / step.text, folder / step.body)
    elif step.kind == "write":
        (folder / step.text).write_text(step.body, encoding="utf-8")
    else:
        write_sheet(folder / step.text, step.body)


def section(text: str, marker: str) -> list[str]:
    """The lines after `<!-- marker -->` up to the next empty line."""
    after = text.split(f"<!-- {marker} -->\n", 1)[1]
    return after.split("\n\n", 1)[0].splitlines()
