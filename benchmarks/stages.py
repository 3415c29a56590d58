"""Where one file's time goes: each stage of checking, timed over a batch, in ms per file.

    python benchmarks/stages.py benchmarks/data/small

Stages: the floor's own work (PyYAML C loader), oncocheck's read + parse (events, positions),
validation into the pydantic models, the criteria checks and report objects, packing a result
(a worker's reply, a large batch's `Packed`: pickle), unpacking it, and its JSON text.
"""

from __future__ import annotations

import json
import pickle
import sys
import time
from datetime import date
from pathlib import Path

import yaml

from oncocheck.rules import bundled as criteria
from oncocheck.run.decide import choose
from oncocheck.network.read import read_network_file
from oncocheck.run.file import check_file
from oncocheck.render.json import _result
from oncocheck.load.parse import parse
from oncocheck.load.text import read_text


def main() -> None:
    files = sorted(Path(sys.argv[1]).glob("*.yaml"))
    options = choose(None, date(2026, 11, 23), date(2026, 11, 23))
    criteria.bundled()
    texts = [f.read_text(encoding="utf-8") for f in files]
    stages: dict[str, float] = {}

    def timed(name: str, work) -> list:  # noqa: ANN001
        start = time.perf_counter()
        out = [work(i) for i in range(len(files))]
        stages[name] = (time.perf_counter() - start) * 1000 / len(files)
        return out

    timed("floor: yaml.load, C loader", lambda i: yaml.load(texts[i], Loader=yaml.CSafeLoader))
    timed("read + parse with positions", lambda i: parse(read_text(files[i])))
    words, declarable = criteria.vocabulary(), criteria.labels()
    timed("  + validate (pydantic)",
          lambda i: read_network_file(files[i], files[i].name, words, declarable))
    results = timed("  + checks and report = check_file",
                    lambda i: check_file(files[i], files[i].name, [options])[0])
    packed = timed("pack (pickle)", lambda i: pickle.dumps(results[i], protocol=5))
    timed("unpack", lambda i: pickle.loads(packed[i]))
    timed("JSON text of the result",
          lambda i: json.dumps(_result(results[i]), ensure_ascii=False, indent=2))
    for name, ms in stages.items():
        print(f"{name:40s} {ms:6.3f} ms per file")


if __name__ == "__main__":
    main()
