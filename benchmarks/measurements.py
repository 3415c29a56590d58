"""Measure commands: several runs through wrapper.py, each run's time, the peak memory.

A measurement's time is the median of its runs; its memory is the largest peak RSS of any
single process over all runs. Commands that are compared take turns, run by run. A command
whose exit code is not an expected one stops the benchmark with its stderr: a figure from a
failed run would be meaningless.
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


@dataclass(frozen=True)
class Command:
    """What to measure: a key, a label, the commands of one run, the exit codes expected."""

    name: str
    label: str
    commands: list[list[str]]  # run one after another (a file list split to fit the OS limit)
    ok: tuple[int, ...] = (0,)


def measure(command: Command, runs: int) -> Measurement:
    """Run the command `runs` times; print each run and return the figures."""
    return measure_in_turns([command], runs)[command.name]


def measure_in_turns(commands: list[Command], runs: int,
                     warmup: bool = False) -> dict[str, Measurement]:
    """Run each command `runs` times, taking turns, and return their figures by name.

    Taking turns spreads any change in the machine's load over all the commands compared.
    With warmup, each command first runs once uncounted (file caches, .pyc files).
    """
    for command in commands if warmup else []:
        _run_once(command)
    seconds: dict[str, list[float]] = {command.name: [] for command in commands}
    peaks: dict[str, list[float]] = {command.name: [] for command in commands}
    for number in range(1, runs + 1):
        for command in commands:
            result = _run_once(command)
            seconds[command.name].append(result["seconds"])
            peaks[command.name].append(result["max_rss_kb"] / 1024)
            print(f"  {command.label}: run {number}/{runs}: {result['seconds']:.3f} s, "
                  f"{peaks[command.name][-1]:.1f} MB", flush=True)
    return {c.name: Measurement(c.name, c.label, tuple(seconds[c.name]), max(peaks[c.name]),
                                len(c.commands)) for c in commands}


def _run_once(command: Command) -> dict:
    """One run through the wrapper; BenchError if any command exits with an unexpected code."""
    wrapper = subprocess.run([sys.executable, str(WRAPPER)], input=json.dumps(
        {"commands": command.commands}), capture_output=True, text=True, check=True)
    result = json.loads(wrapper.stdout)
    bad = [code for code in result["exit_codes"] if code not in command.ok]
    if bad:
        raise BenchError(
            f"{command.label}: exit code {bad[0]} (expected {' or '.join(map(str, command.ok))})"
            f" from {' '.join(command.commands[0][:6])} ...\n"
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
