"""The benchmark's files under benchmarks/data/ (gitignored): generated once, then reused.

Each data set is a folder with a marker, `generated.json`, that records the file count, the
members per file and a digest of generate.py. A folder whose marker (or file count) does not
match what is asked for is generated again from scratch.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

from generate import generate

DATA = Path(__file__).resolve().parent / "data"
GENERATOR = Path(__file__).resolve().parent / "generate.py"
MARKER = "generated.json"  # not *.yaml, so `oncocheck check DIR` never reads it


def network_files(folder: Path) -> list[Path]:
    """The generated network files in folder, in order."""
    return sorted(folder.glob("netwerk-*.yaml"))


def dataset(name: str, count: int, members: int) -> Path:
    """benchmarks/data/NAME holding files 0..count-1 with `members` members each."""
    folder = DATA / name
    wanted = {"count": count, "members": members,
              "generator": hashlib.sha256(GENERATOR.read_bytes()).hexdigest()}
    what = f"{count:,} file{'s' * (count != 1)} of {members:,} members"
    if _marker(folder) == wanted and len(network_files(folder)) == count:
        print(f"reusing {folder} ({what})")
        return folder
    print(f"generating {folder} ({what}) ...", flush=True)
    if folder.exists():
        shutil.rmtree(folder)
    generate(folder, count, members)
    (folder / MARKER).write_text(json.dumps(wanted) + "\n", encoding="utf-8")
    return folder


def _marker(folder: Path) -> dict[str, object] | None:
    """The marker of folder, or None if it has none (or an unreadable one)."""
    try:
        return json.loads((folder / MARKER).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
