"""The performance benchmark: oncocheck against its goals (issue 17), in one command.

    python benchmarks/bench.py [--files 10000] [--small 1000] [--runs 3] [--members 40]
        [--skip-jsonschema] [--jsonschema-files N] [--large 100] [--site 20000]
        [--site-small 2000] [--json results.json]

Generates (or reuses) the files under benchmarks/data/, measures the floor, oncocheck,
check-jsonschema and start-up latency, prints every run and a table of the goals. Not part of
the test suite; benchmarks/README.md says what each figure means.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from benchdata import dataset, network_files
from goals import Estimate, estimate, goals
from measurements import (BenchError, Command, Measurement, measure, measure_in_turns,
                          split_arguments)
from summary import machine, print_summary, write_json

HERE = Path(__file__).resolve().parent
BARE_IMPORT = "import typer, rich, pydantic, yaml"
CHECK_OK = (0, 1)  # 1: some generated networks are not compliant, by design


@dataclass(frozen=True)
class Tools:
    """The commands measured, all installed with the interpreter running this script."""

    oncocheck: list[str]
    jsonschema: list[str] | None  # None with --skip-jsonschema
    has_jobs: bool  # whether this oncocheck has `check --jobs`
    version: str


def parse_args() -> argparse.Namespace:
    """The command line."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add = parser.add_argument
    add("--files", type=int, default=10_000, help="files in the main batch (default 10000)")
    add("--small", type=int, default=1_000, help="files in the small batch, for the memory "
        "ratio (default 1000)")
    add("--runs", type=int, default=3, help="runs per measurement; the median counts")
    add("--latency-runs", type=int, default=15, help="runs of the short one-file, --version "
        "and bare-import commands (default 15)")
    add("--members", type=int, default=40, help="members per file (default 40)")
    add("--skip-jsonschema", action="store_true", help="do not run check-jsonschema")
    add("--jsonschema-files", type=int, help="run check-jsonschema on the first N files only "
        "and estimate the rest (default: all files, once)")
    add("--large", type=int, default=100, metavar="N", help="also check N files of 2,000 "
        "members (default 100; 0 to skip)")
    add("--site", type=int, default=20_000, metavar="N", help="also write the HTML site of N "
        "small files (default 20000; 0 to skip)")
    add("--site-small", type=int, default=2_000, metavar="N", help="the small HTML site, for "
        "the linear-time and flat-memory ratios (default 2000)")
    add("--site-members", type=int, default=5, metavar="N", help="members per file of the "
        "HTML site batches (default 5)")
    add("--json", type=Path, metavar="PATH", help="write every figure to this JSON file")
    return parser.parse_args()


def script(name: str) -> list[str] | None:
    """The console script `name` next to this interpreter, if it is installed there."""
    path = Path(sys.executable).parent / name
    return [str(path)] if path.exists() else None


def find_tools(skip_jsonschema: bool) -> Tools:
    """oncocheck (the console script users run) and check-jsonschema, from this interpreter."""
    oncocheck = script("oncocheck") or [sys.executable, "-m", "oncocheck"]
    jsonschema = None if skip_jsonschema else script("check-jsonschema")
    if not skip_jsonschema and jsonschema is None:
        raise BenchError("check-jsonschema is not installed next to this Python: "
                         "pip install -e '.[test]', or pass --skip-jsonschema")
    helptext = subprocess.run([*oncocheck, "check", "--help"], capture_output=True, text=True,
                              check=True).stdout
    version = subprocess.run([*oncocheck, "--version"], capture_output=True, text=True,
                             check=True).stdout.split()[-1]
    return Tools(oncocheck, jsonschema, "--jobs" in helptext, version)


def check(tools: Tools, name: str, label: str, target: Path, jobs1: bool = False) -> Command:
    """`oncocheck check TARGET --format json` (stdout goes to /dev/null), maybe --jobs 1."""
    return Command(name, label, [[*tools.oncocheck, "check", str(target), "--format", "json",
                                  *(["--jobs", "1"] if jobs1 else [])]], CHECK_OK)


def measure_batches(tools: Tools, runs: int, main: Path, small: Path) -> dict[str, Measurement]:
    """(a) the floor, (b) check, (c) check --jobs 1, and both on the small batch (memory)."""
    count, few = len(network_files(main)), len(network_files(small))
    floor = Command("floor", f"(a) floor: parse {count:,} files (C loader)",
                    [[sys.executable, str(HERE / "floor.py"), str(main)]])
    full = [floor, check(tools, "check", f"(b) check {count:,} files, default jobs", main)]
    part = [check(tools, "small-check", f"(f) check {few:,} files, default jobs", small)]
    if tools.has_jobs:
        full.append(check(tools, "check-jobs1", f"(c) check {count:,} files, --jobs 1", main,
                          jobs1=True))
        part.append(check(tools, "small-check-jobs1", f"(f) check {few:,} files, --jobs 1",
                          small, jobs1=True))
    return measure_in_turns(full, runs) | measure_in_turns(part, runs)


def measure_jsonschema(tools: Tools, runs: int, main: Path,
                       files: int | None) -> tuple[dict[str, Measurement], Estimate]:
    """(d) check-jsonschema against `oncocheck schema` on the first `files` files, scaled up."""
    paths = [str(path) for path in network_files(main)]
    files = min(files or len(paths), len(paths))
    runs = 1 if files == len(paths) else runs  # on all files it is slow: one run
    with tempfile.TemporaryDirectory() as scratch:
        schema = Path(scratch) / "network.schema.json"
        schema.write_text(subprocess.run([*tools.oncocheck, "schema"], capture_output=True,
                                         text=True, check=True).stdout, encoding="utf-8")
        prefix = [*tools.jsonschema, "--schemafile", str(schema)]
        found = {"jsonschema": measure(Command(
            "jsonschema", f"(d) check-jsonschema, {files:,} files",
            split_arguments(prefix, paths[:files])), runs)}
        if 1 < files < len(paths):  # the fixed cost, so that only the per-file cost is scaled
            found["jsonschema-one"] = measure(Command(
                "jsonschema-one", "(d) check-jsonschema, 1 file", [[*prefix, paths[0]]]), runs)
    return found, estimate(found["jsonschema"], files, len(paths), found.get("jsonschema-one"))


def measure_latency(tools: Tools, runs: int, one: Path) -> dict[str, Measurement]:
    """(e) one-file check and --version against the bare import of the libraries they use."""
    return measure_in_turns([
        Command("bare-import", f"(e) python -c '{BARE_IMPORT}'",
                [[sys.executable, "-c", BARE_IMPORT]]),
        Command("one-file", "(e) check one 40-member file",
                [[*tools.oncocheck, "check", str(one)]], CHECK_OK),
        Command("version", "(e) oncocheck --version", [[*tools.oncocheck, "--version"]]),
    ], runs, warmup=True)


def measure_large(tools: Tools, runs: int, large: Path) -> dict[str, Measurement]:
    """N files of 2,000 members, default jobs and --jobs 1: figures only."""
    count = len(network_files(large))
    commands = [check(tools, "large-check", f"check {count:,} large files, default jobs", large)]
    if tools.has_jobs:
        commands.append(check(tools, "large-check-jobs1", f"check {count:,} large files, "
                              "--jobs 1", large, jobs1=True))
    return measure_in_turns(commands, runs)


def measure_site(tools: Tools, runs: int, big: Path, small: Path,
                 scratch: Path) -> dict[str, Measurement]:
    """The HTML site (`--format html --output DIR`) of a large and a small batch of small
    files, taking turns; each run writes a new folder in `scratch` (removed afterwards, so
    no run's time includes removing another's)."""
    def site(name: str, label: str, target: Path) -> Command:
        script = 'exec "${@:2}" --output "$(mktemp -u -p "$1" site-XXXXXX)"'
        return Command(name, label, [["bash", "-c", script, "site", str(scratch),
                                      *tools.oncocheck, "check", str(target), "--format",
                                      "html"]], CHECK_OK)

    count, few = len(network_files(big)), len(network_files(small))
    return measure_in_turns([site("site", f"HTML site of {count:,} small files", big),
                             site("site-small", f"HTML site of {few:,} small files", small)],
                            runs)


def run(args: argparse.Namespace) -> None:
    """Prepare the data, measure everything, print the tables, maybe write the JSON file."""
    tools = find_tools(args.skip_jsonschema)
    print(f"oncocheck {tools.version}: {' '.join(tools.oncocheck)}; check --jobs "
          f"{'available' if tools.has_jobs else 'not available'}")
    main = dataset("main", args.files, args.members)
    small = dataset("small", args.small, args.members)
    one = network_files(dataset("one", 1, 40))[0]
    large = dataset("large", args.large, 2000) if args.large else None
    found = measure_batches(tools, args.runs, main, small)
    jsonschema = None
    if tools.jsonschema:
        more, jsonschema = measure_jsonschema(tools, args.runs, main, args.jsonschema_files)
        found.update(more)
    found.update(measure_latency(tools, args.latency_runs, one))
    big = measure_large(tools, args.runs, large) if large else {}
    site = None
    if args.site:
        site = (args.site, args.site_small)
        with tempfile.TemporaryDirectory(prefix="oncocheck-bench-") as scratch:
            found.update(measure_site(tools, args.runs,
                                      dataset("site", args.site, args.site_members),
                                      dataset("site-small", args.site_small, args.site_members),
                                      Path(scratch)))
    notes = [] if tools.has_jobs else [
        "(c) --jobs 1: not available (this oncocheck has no `check --jobs`); (b) ran without it"]
    results = goals(found, jsonschema, args.files, args.small, args.members, site)
    about = machine(tools.version)
    print_summary(about, found, big, jsonschema, results, notes)
    if args.json:
        write_json(args.json, about, vars(args) | {"json": str(args.json)}, found, big,
                   jsonschema, results, notes)


def main() -> None:
    """Run the benchmark; a failed command stops it with exit code 1."""
    try:
        run(parse_args())
    except BenchError as exc:
        sys.exit(f"bench: {exc}")


if __name__ == "__main__":
    main()
