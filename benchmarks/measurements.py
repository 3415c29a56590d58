"""Measure a command: several runs through wrapper.py, each run's time, the peak memory.

A measurement's time is the median of its runs; its memory is the largest peak RSS of any
single process over all runs. A command whose exit code is not an expected one stops the
benchmark with its stderr: a figure from a failed run would be meaningless.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

WRAPPER = Path(__file__).resolve().parent / "wrapper.py"


class BenchError(Exception):
    """A measured command failed, or a tool the benchmark needs is missing."""


@dataclass(frozen=True)
class Measurement:
    """One command's runs: wall-clock seconds of each run and the peak RSS of any process."""

    name: str  # the key in the JSON results
    label: str  # what it is, for people
    seconds: tuple[float, ...]
    peak_mb: float
    invocations: int  # commands per run (more than one when a file list had to be split)

    @property
    def median(self) -> float:
        """The median run time in seconds."""
        return statistics.median(self.seconds)

    def as_json(self) -> dict[str, object]:
        """The figures as plain JSON values."""
        return {"seconds": list(self.seconds), "median_seconds": self.median,
                "peak_mb": self.peak_mb, "invocations": self.invocations}


def measure(name: str, label: str, commands: list[list[str]], runs: int, ok: tuple[int, ...] = (0,),
            warmup: bool = False) -> Measurement:
    """Run the commands (one after another) `runs` times; print and return the figures.

    ok lists the expected exit codes.

    With warmup, one extra run comes first and is not counted (caches, .pyc files).
    """
    if warmup:
        _run_once(label, commands, ok)
    seconds, peaks = [], []
    for number in range(1, runs + 1):
        result = _run_once(label, commands, ok)
        seconds.append(result["seconds"])
        peaks.append(result["max_rss_kb"] / 1024)
        print(f"  {label}: run {number}/{runs}: {seconds[-1]:.3f} s, {peaks[-1]:.1f} MB",
              flush=True)
    return Measurement(name, label, tuple(seconds), max(peaks), len(commands))


def _run_once(name: str, commands: list[list[str]], ok: tuple[int, ...]) -> dict:
    """One run through the wrapper; BenchError if any command exits with an unexpected code."""
    wrapper = subprocess.run([sys.executable, str(WRAPPER)], input=json.dumps(
        {"commands": commands}), capture_output=True, text=True, check=True)
    result = json.loads(wrapper.stdout)
    bad = [code for code in result["exit_codes"] if code not in ok]
    if bad:
        raise BenchError(f"{name}: exit code {bad[0]} (expected {' or '.join(map(str, ok))})"
                         f" from {' '.join(commands[0][:6])} ...\n"
                         f"{result['stderr'][-2000:] or '(no error output; stdout was discarded)'}")
    return result


def split_arguments(prefix: list[str], arguments: list[str]) -> list[list[str]]:
    """prefix + arguments as few commands as fit within the OS limit on argument lists."""
    budget = os.sysconf("SC_ARG_MAX") // 2 - sum(
        len(key) + len(value) + 2 for key, value in os.environ.items())
    commands: list[list[str]] = []
    current, size = list(prefix), sum(len(part) + 9 for part in prefix)
    for argument in arguments:
        cost = len(argument) + 9  # the string, its NUL and its pointer
        if size + cost > budget and len(current) > len(prefix):
            commands.append(current)
            current, size = list(prefix), sum(len(part) + 9 for part in prefix)
        current.append(argument)
        size += cost
    return [*commands, current]
