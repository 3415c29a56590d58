"""Run commands one after another; print their wall-clock time and peak memory as JSON.

    echo '{"commands": [["oncocheck", "--version"]]}' | python benchmarks/wrapper.py

The commands come on stdin because a long list of files may not fit in one argument list.
Their stdin and stdout are /dev/null; stderr is kept and returned. The answer on stdout is
{"seconds": ..., "exit_codes": [...], "max_rss_kb": ..., "stderr": "..."}.

`max_rss_kb` is getrusage(RUSAGE_CHILDREN).ru_maxrss: the largest resident set of any single
process among the descendants that have been waited for (KiB on Linux). This process starts
nothing else, so the figure is the peak of the measured commands alone, without the wrapper's
own memory. Pool workers count once their parent has waited for them.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import tempfile
import time


def run(commands: list[list[str]]) -> dict[str, object]:
    """Run the commands in turn; their total time, exit codes, peak RSS and stderr."""
    with tempfile.TemporaryFile() as stderr:
        start = time.perf_counter()
        codes = [subprocess.run(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                stderr=stderr).returncode for command in commands]
        seconds = time.perf_counter() - start
        stderr.seek(0)
        text = stderr.read().decode("utf-8", errors="replace")
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return {"seconds": seconds, "exit_codes": codes, "max_rss_kb": peak, "stderr": text}


def main() -> None:
    """Read {"commands": [...]} from stdin and print the measurement."""
    json.dump(run(json.load(sys.stdin)["commands"]), sys.stdout)


if __name__ == "__main__":
    main()
