"""What a run found, for people (tables on stdout) and for machines (the --json file)."""

from __future__ import annotations

import json
import os
import platform
from datetime import datetime
from pathlib import Path

from goals import Estimate, Goal
from measurements import Measurement


def machine(oncocheck_version: str) -> dict[str, object]:
    """The machine and software the figures come from."""
    return {"cpu": _cpu_model(), "cores": os.cpu_count(),
            "cores_usable": len(os.sched_getaffinity(0)),
            "python": platform.python_version(), "oncocheck": oncocheck_version,
            "platform": platform.platform(),
            "date": datetime.now().astimezone().isoformat(timespec="seconds")}


def _cpu_model() -> str:
    """The CPU model from /proc/cpuinfo (Linux), else whatever platform knows."""
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def table(header: list[str], rows: list[list[str]]) -> str:
    """A plain-text table with aligned columns."""
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    lines = [header, ["-" * width for width in widths], *rows]
    return "\n".join("  ".join(cell.ljust(width)
                               for cell, width in zip(line, widths, strict=True)).rstrip()
                     for line in lines)


def measurement_table(found: dict[str, Measurement]) -> str:
    """Every measurement: each run's time, the median, the peak memory."""
    rows = [[m.label, _runs(m.seconds), f"{m.median:.3f}", f"{m.peak_mb:.1f}"]
            for m in found.values()]
    return table(["measurement", "runs (s)", "median (s)", "peak (MB)"], rows)


def _runs(seconds: tuple[float, ...]) -> str:
    """Each run's time, or for many runs their count and range (each was printed as it ran)."""
    if len(seconds) <= 5:
        return " ".join(f"{s:.3f}" for s in seconds)
    return f"{len(seconds)} runs, {min(seconds):.3f}-{max(seconds):.3f}"


def goal_table(goals: list[Goal]) -> str:
    """Every goal with its ratio and verdict."""
    rows = [[g.what, g.ratio_of, "-" if g.ratio is None else f"{g.ratio:.2f}", g.goal,
             g.verdict] for g in goals]
    return table(["goal", "ratio of", "ratio", "goal", "verdict"], rows)


def estimate_lines(jsonschema: Estimate | None) -> list[str]:
    """check-jsonschema's time on all files, labelled as measured or as an estimate."""
    if jsonschema is None:
        return ["check-jsonschema: not measured (--skip-jsonschema)"]
    if jsonschema.measured:
        return [f"check-jsonschema on all {jsonschema.total_files:,} files: "
                f"{jsonschema.seconds:.2f} s (measured), {jsonschema.per_file * 1000:.2f} ms "
                "per file"]
    return [f"check-jsonschema on the first {jsonschema.files:,} of "
            f"{jsonschema.total_files:,} files: {jsonschema.per_file * 1000:.2f} ms per file",
            f"ESTIMATE (not measured) for all {jsonschema.total_files:,} files: "
            f"{jsonschema.seconds:.2f} s"]


def print_summary(about: dict[str, object], found: dict[str, Measurement],
                  large: dict[str, Measurement], jsonschema: Estimate | None,
                  goals: list[Goal], notes: list[str]) -> None:
    """Print the machine, the measurements, the large files, the goals and any notes."""
    print(f"\nMachine: {about['cpu']}, {about['cores']} cores ({about['cores_usable']} usable),"
          f" Python {about['python']}, oncocheck {about['oncocheck']}, {about['date']}\n")
    print(measurement_table(found), "", *estimate_lines(jsonschema), sep="\n")
    if large:
        print("\nLarge files (2,000 members each; figures only, no goal)\n")
        print(measurement_table(large))
    print("\nGoals\n")
    print(goal_table(goals))
    for note in notes:
        print(f"\nNote: {note}")


def write_json(path: Path, about: dict[str, object], settings: dict[str, object],
               found: dict[str, Measurement], large: dict[str, Measurement],
               jsonschema: Estimate | None, goals: list[Goal], notes: list[str]) -> None:
    """Write every figure, the machine, the settings and the goals to path."""
    document = {
        "machine": about, "settings": settings,
        "measurements": {m.name: {"label": m.label, **m.as_json()} for m in found.values()},
        "large": {m.name: {"label": m.label, **m.as_json()} for m in large.values()},
        "check_jsonschema": None if jsonschema is None else {
            "files": jsonschema.files, "total_files": jsonschema.total_files,
            "seconds_per_file": jsonschema.per_file, "seconds_all_files": jsonschema.seconds,
            "is_estimate": not jsonschema.measured},
        "goals": [goal.as_json() for goal in goals], "notes": notes,
    }
    path.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"\nwrote {path}")
