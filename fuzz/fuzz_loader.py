"""Coverage-guided fuzzing of the network-file loader and checker (atheris / libFuzzer).

Each input is taken as the bytes of a network file and run through what `oncocheck check`
does with a file: decode, parse, validate, decide every criterion, and the JSON report. The
only outcomes allowed are a FileResult (valid or invalid) whose load errors point inside the
input; anything else (an exception, an error on line 0 or past the end) is a crash.

    pip install atheris
    python fuzz/fuzz_loader.py /tmp/corpus fuzz/seeds -dict=fuzz/yaml.dict -max_total_time=180

`fuzz/seeds` is filled from the examples and tests/hostile/files by `make_seeds()` when empty.
"""

from __future__ import annotations

import json
import re
import shutil
import sys
from datetime import date
from pathlib import Path

import atheris

with atheris.instrument_imports():
    from oncocheck.network import read as network_read
    from oncocheck.run import file as engine
    from oncocheck.run.decide import choose
    from oncocheck.report import Report, Verdict
    from oncocheck.render import json as json_report
    from oncocheck.load.text import decode

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OPTIONS = choose(None, date(2026, 11, 23), date(2026, 11, 23))
_current = {"data": b""}
_BREAKS = re.compile(rb"\r\n|\r|\n|\xc2\x85|\xe2\x80[\xa8\xa9]")


def _read_current(path: Path) -> str:
    """Stands in for reading the file: the fuzzer's bytes, decoded as oncocheck decodes."""
    return decode(_current["data"])


network_read.read_text = _read_current  # the check's only file read, replaced for speed


def test_one_input(data: bytes) -> None:
    """One input: it must give a result, and every load error must point inside it."""
    _current["data"] = data
    result = engine.check_file(ROOT / "fuzz-input.yaml", "fuzz-input.yaml", [OPTIONS])[0]
    lines = len(_BREAKS.split(data))  # an upper bound: YAML also breaks lines at NEL, LS, PS
    for error in result.errors:
        if error.line is not None and not 1 <= error.line <= lines:
            raise AssertionError(f"error line {error.line} outside 1..{lines}: {error}")
        if error.column is not None and error.column < 1:
            raise AssertionError(f"error column {error.column}: {error}")
    if result.verdict is Verdict.INVALID and not result.errors:
        raise AssertionError("invalid without a load error")
    report = Report("0", OPTIONS.as_of, result.criteria or _DEFAULT, (), (result,))
    json.loads(json_report.render(report, "en"))


def make_seeds(folder: Path) -> None:
    """Fill `folder` with the examples and the committed hostile files."""
    folder.mkdir(parents=True, exist_ok=True)
    sources = [*ROOT.glob("examples/*/*.yaml"), *ROOT.glob("tests/hostile/files/*.yaml")]
    for source in sources:
        shutil.copyfile(source, folder / f"{source.parent.name}-{source.name}")


def main() -> None:
    """Run libFuzzer with the arguments given (see the module docstring)."""
    seeds = HERE / "seeds"
    if not seeds.exists() or not any(seeds.iterdir()):
        make_seeds(seeds)
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


from oncocheck.rules import bundled as _criteria  # noqa: E402 - after the instrumented imports

_DEFAULT = _criteria.in_force(_criteria.DEFAULT_SET, OPTIONS.as_of).ref

if __name__ == "__main__":
    main()
