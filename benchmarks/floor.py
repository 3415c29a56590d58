"""The floor: read and parse every *.yaml file below the given folders, and nothing else.

    python benchmarks/floor.py DIR...

One process, PyYAML's C loader (`yaml.load(text, Loader=yaml.CSafeLoader)`): the least any
Python checker must do with these files. oncocheck's goals are stated against this time.
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml


def parse_all(folder: Path) -> int:
    """Parse every *.yaml file below folder; the number of files."""
    paths = sorted(folder.rglob("*.yaml"))
    for path in paths:
        yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    return len(paths)


def main() -> None:
    """Parse the folders named on the command line."""
    for folder in sys.argv[1:]:
        parse_all(Path(folder))


if __name__ == "__main__":
    main()
