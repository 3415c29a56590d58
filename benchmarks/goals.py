"""The goals (issue 17's, which replaced issue 6's), the ratios that test them, and the
check-jsonschema estimate."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from measurements import Measurement


@dataclass(frozen=True)
class Goal:
    """One goal: a ratio of two figures that must be at most (or at least) a limit."""

    what: str
    ratio_of: str  # which figures form the ratio
    ratio: float | None  # None: not measured in this run
    limit: float
    at_most: bool

    @property
    def verdict(self) -> str:
        """met, not met, or not measured."""
        if self.ratio is None:
            return "not measured"
        met = self.ratio <= self.limit if self.at_most else self.ratio >= self.limit
        return "met" if met else "not met"

    @property
    def goal(self) -> str:
        """The goal as people write it: ≤ 0.6 × or ≥ 20 ×."""
        return f"{'≤' if self.at_most else '≥'} {self.limit:g} ×"

    def as_json(self) -> dict[str, object]:
        """The goal, its ratio and its verdict as plain JSON values."""
        return {**asdict(self), "goal": self.goal, "verdict": self.verdict}


@dataclass(frozen=True)
class Estimate:
    """check-jsonschema's time on all files, measured, or estimated from the first files."""

    files: int  # how many files it ran on
    total_files: int
    per_file: float  # seconds per extra file
    seconds: float  # for all files: measured if files == total_files, else an estimate

    @property
    def measured(self) -> bool:
        """Whether seconds was measured on all files rather than estimated."""
        return self.files == self.total_files


def estimate(part: Measurement, files: int, total_files: int,
             one: Measurement | None) -> Estimate:
    """check-jsonschema on all files, from its median on the first `files` files.

    With a run on one file too, the fixed cost (start-up, loading the schema) is counted once
    and only the per-file cost is scaled; without it (or if the runs are too noisy to tell the
    two apart) the time is scaled in proportion, which slightly overstates it.
    """
    if files >= total_files:
        return Estimate(files, total_files, part.median / files, part.median)
    if one is not None and files > 1 and part.median > one.median:
        per_file = (part.median - one.median) / (files - 1)
        return Estimate(files, total_files, per_file, one.median + per_file * (total_files - 1))
    per_file = part.median / files
    return Estimate(files, total_files, per_file, per_file * total_files)


def goals(found: dict[str, Measurement], jsonschema: Estimate | None, files: int,
          small: int, members: int, site: tuple[int, int] | None = None) -> list[Goal]:
    """Every goal, with its ratio from the measurements found (None where one is missing).
    `site` is the (large, small) file counts of the HTML site measurements, if made."""
    def time(a: str, b: str) -> float | None:
        return found[a].median / found[b].median if a in found and b in found else None

    def memory(a: str, b: str) -> float | None:
        return found[a].peak_mb / found[b].peak_mb if a in found and b in found else None

    faster = jsonschema.seconds / found["check"].median if jsonschema else None
    per_file = None
    if site and "site" in found and "site-small" in found:
        per_file = (found["site"].median / site[0]) / (found["site-small"].median / site[1])
    big, few = site or (0, 0)
    return [
        Goal("one-file check", "check one.yaml / bare import",
             time("one-file", "bare-import"), 2.0, True),
        Goal(f"{files:,} files of {members} members, default jobs", "check / floor",
             time("check", "floor"), 0.9, True),
        Goal("the same with --jobs 1", "check --jobs 1 / floor",
             time("check-jobs1", "floor"), 1.8, True),
        Goal(f"peak memory, default jobs, {files:,} vs {small:,} files", "peak MB / peak MB",
             memory("check", "small-check"), 1.05, True),
        Goal(f"peak memory, --jobs 1, {files:,} vs {small:,} files", "peak MB / peak MB",
             memory("check-jobs1", "small-check-jobs1"), 1.05, True),
        Goal(f"HTML site, time per file, {big:,} vs {few:,} files (linear time)",
             "s per file / s per file", per_file, 1.15, True),
        Goal(f"HTML site, peak memory, {big:,} vs {few:,} files (flat memory)",
             "peak MB / peak MB", memory("site", "site-small"), 1.05, True),
        Goal("against check-jsonschema on the same files",
             "check-jsonschema" + ("" if jsonschema and jsonschema.measured else " (estimate)")
             + " / check", faster, 20, False),
        Goal("oncocheck --version", "--version / bare import",
             time("version", "bare-import"), 1.1, True),
    ]
