"""Application packages against plain files (issue 26): checking a folder of packages takes at
most 1.5 x checking the same networks unpacked; packing one network at most 2 x checking it.

    python benchmarks/packages.py DIR [--count 300] [--members 40] [--runs 3]

Writes DIR/plain (the networks, each with two documents of 200 KB) and DIR/packages (each
packed with `oncocheck pack`, in this process), then times both pairs through measurements.py
(the whole process from outside, A and B in turn; the median of the paired ratios counts).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import random
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import network  # noqa: E402
from measurements import Command, measure_in_turns  # noqa: E402

DOCUMENT_BYTES = 200 * 1024
AS_OF = ["--as-of", "2026-11-23"]


def prepare(folder: Path, count: int, members: int) -> tuple[Path, Path]:
    """The plain networks and their packages (made once; kept between runs)."""
    from oncocheck.cli.options import Lang
    from oncocheck.cli.pack import pack

    plain, packed = folder / "plain", folder / "packages"
    if packed.is_dir() and len(list(packed.glob("*.zip"))) == count:
        return plain, packed
    (plain / "docs").mkdir(parents=True, exist_ok=True)
    packed.mkdir(exist_ok=True)
    for i in range(count):
        rnd = random.Random(i)
        vision, agreement = f"docs/{i:05d}-visie.pdf", f"docs/{i:05d}-afspraken.pdf"
        for name in (vision, agreement):
            (plain / name).write_bytes(rnd.randbytes(DOCUMENT_BYTES))  # like a PDF: packed
        text = network(i, members).replace("docs/visie.md", vision).replace(
            "  participation_agreement:\n",
            f"  participation_agreement:\n    document: {agreement}\n")
        path = plain / f"netwerk-{i:05d}.yaml"
        path.write_text(text, encoding="utf-8")
        with contextlib.redirect_stdout(io.StringIO()):
            pack(path, packed / f"netwerk-{i:05d}.zip", "2026-11-23", True, Lang.nl)
    return plain, packed


def bench(a: list[str], b: list[str], runs: int) -> None:
    """A against B (the yardstick), in turn, after one uncounted run each; prints the ratio."""
    figures = measure_in_turns([Command("a", " ".join(a[1:3]), [a], (0, 1)),
                                Command("b", " ".join(b[1:3]), [b], (0, 1))], runs, warmup=True)
    ratios = [x / y for x, y in zip(figures["a"].seconds, figures["b"].seconds, strict=True)]
    print(f"A/B wall: median {statistics.median(ratios):.2f} (min {min(ratios):.2f}, max "
          f"{max(ratios):.2f}); A {figures['a'].median:.3f} s, B {figures['b'].median:.3f} s; "
          f"peak {figures['a'].peak_mb:.1f} / {figures['b'].peak_mb:.1f} MB", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--count", type=int, default=300)
    parser.add_argument("--members", type=int, default=40)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    plain, packed = prepare(args.folder, args.count, args.members)
    oncocheck = str(Path(sys.executable).parent / "oncocheck")
    out = ["--format", "json", "--output", os.devnull]
    bench([oncocheck, "check", str(packed), *AS_OF, *out],
          [oncocheck, "check", str(plain), *AS_OF, *out], args.runs)
    one = plain / "netwerk-00000.yaml"
    bench([oncocheck, "pack", str(one), "--output", str(args.folder / "een.zip"), "--force",
           *AS_OF], [oncocheck, "check", str(one), *AS_OF, *out], max(args.runs, 5))


if __name__ == "__main__":
    main()
