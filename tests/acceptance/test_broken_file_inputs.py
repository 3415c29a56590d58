"""What a network file names stays an input also when that file cannot be loaded (cli.md,
"Reading and writing safely"; issue 21, point 1): a report aimed at its members spreadsheet or
at a document it names is refused with exit 2, and the file is left byte for byte as it was.

The table: every kind of load failure × every way of naming an input × every way of aiming a
report at it. The naming lines come after the failure, where a parser that gave up never read
them, and their values are written as people write them: plain, quoted, with backslashes. The
quick loop (`pytest -m "not slow"`) takes each failure once, the naming and the aim taking
turns; the full run takes the whole table.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from one_command import CliRunner

from oncocheck.cli.app import app

AS_OF = ["--as-of", "2026-11-23", "--lang", "en"]
HEAD = "format: 1\nnetwork:\n  name: Netwerk\n"
#: what breaks the file, inserted after its `name:` and before what it names
FAILURES: dict[str, bytes] = {
    "syntax error": b"  status: [open\n",
    "duplicate key": b"  name: Nogmaals\n",
    "bad escape": b'  status: "act\\qief"\n',
    "unknown alias": b"  status: *nowhere\n",
    "refused tag": b'  status: !!python/object/apply:os.system ["true"]\n',
    "merge key": b"  <<: {status: actief}\n",
    "two documents": b"...\n---\nformat: 1\nnetwork:\n  name: Tweede\n",
    "control character": b"  status: act\x07ief\n",
    "nested too deeply": b"  deep: " + b"[" * 100 + b"]" * 100 + b"\n",
    "wrong encoding (Latin-1)": b"  status: caf\xe9\n",
    "wrong encoding (UTF-16)": b"",  # the whole file is encoded so
    "breaks the model": b"  status: onbekend\n",
}
#: how an input is named: the line(s) naming it, and its path when a report is aimed at it
NAMED = {
    "members_file csv": ("members_file: {}\n", "leden.csv"),
    "members_file xlsx, quoted": ('members_file: "{}"  # the sheet\n', "leden.xlsx"),
    "document, backslashes": ("  vision:\n    document: '{}'\n", "docs\\visie.md"),
}
#: how a report is aimed at the input: the options, given the input's path
OUTPUTS = {
    "json -o": lambda path: ["-f", "json", "-o", str(path)],
    "html site into its folder": lambda path: ["-f", "html", "-o", str(path.parent)],
    "--report": lambda path: ["-q", "--report", f"sarif={path}"],
}


def _network(folder: Path, failure: str, named: str, name: str) -> Path:
    """The broken network file in `folder`, naming `name` as `named` says."""
    line = NAMED[named][0].format(name)
    data = HEAD.encode() + FAILURES[failure] + line.encode()  # a document under `network:`
    if failure == "wrong encoding (UTF-16)":
        data = data.decode("latin-1").encode("utf-16")
    network = folder / "netwerk.yaml"
    network.write_bytes(data)
    return network


def _table() -> list:
    """Every (failure, naming, aim); the quick loop keeps one per failure, taking turns."""
    quick = {(f, list(NAMED)[i % len(NAMED)], list(OUTPUTS)[i // len(NAMED) % len(OUTPUTS)])
             for i, f in enumerate(FAILURES)}
    return [pytest.param(f, n, o, marks=[pytest.mark.slow] * ((f, n, o) not in quick))
            for f in FAILURES for n in NAMED for o in OUTPUTS]


@pytest.mark.parametrize("named", NAMED)
@pytest.mark.parametrize("failure", FAILURES)
def test_each_broken_file_of_the_table_is_invalid(tmp_path: Path, failure: str,
                                                  named: str) -> None:
    """The table's files do not load (each as each aim below names its input): what the
    refusals are tested on is a broken file."""
    for name in (NAMED[named][1], "site\\index.html" if "\\" in NAMED[named][1]
                 else "site/index.html"):
        network = _network(tmp_path, failure, named, name)
        checked = CliRunner().invoke(app, ["check", str(network), "-f", "json", *AS_OF])
        assert checked.exit_code == 2 and '"invalid": 1' in checked.output, checked.output


@pytest.mark.parametrize("failure, named, output", _table())
def test_a_report_is_never_written_over_what_a_broken_file_names(
        tmp_path: Path, failure: str, named: str, output: str) -> None:
    name = NAMED[named][1]
    if output == "html site into its folder":  # the input is where the site's index goes
        name = "site\\index.html" if "\\" in name else "site/index.html"
    path = tmp_path / name.replace("\\", "/")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"PK\x03\x04 the member list, 'leden'\n")
    network = _network(tmp_path, failure, named, name)
    before = sorted(tmp_path.rglob("*"))
    result = CliRunner().invoke(app, ["check", str(network), *OUTPUTS[output](path), *AS_OF])
    assert result.exit_code == 2, result.output
    assert f"{path} is an input file; oncocheck will not write a report over it" in (
        result.output)
    assert path.read_bytes() == b"PK\x03\x04 the member list, 'leden'\n"
    assert sorted(tmp_path.rglob("*")) == before  # no page beside it, no temporary file


def test_a_broken_file_on_standard_input_protects_what_it_names(tmp_path: Path) -> None:
    sheet = tmp_path / "leden.csv"
    sheet.write_text("naam,discipline\n", encoding="utf-8")
    given = HEAD.encode() + FAILURES["syntax error"] + b"members_file: leden.csv\n"
    result = CliRunner().invoke(app, ["check", "-", "--stdin-filename",
                                      str(tmp_path / "net.yaml"), "-f", "json", "-o",
                                      str(sheet), *AS_OF], input=given)
    assert result.exit_code == 2 and f"{sheet} is an input file" in result.output
    assert sheet.read_text(encoding="utf-8") == "naam,discipline\n"


def test_watch_refuses_a_report_over_what_a_broken_file_names(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The first round's usage error ends the watch, before anything is written (a round that
    wrote would end the watch at once with exit 0, not wait for changes)."""
    monkeypatch.setattr("oncocheck.cli.watch._wait", lambda *args: None)
    sheet = tmp_path / "leden.csv"
    sheet.write_text("naam,discipline\n", encoding="utf-8")
    network = _network(tmp_path, "duplicate key", "members_file csv", "leden.csv")
    result = CliRunner().invoke(app, ["check", str(network), "--watch", "-f", "json", "-o",
                                      str(sheet), *AS_OF])
    assert result.exit_code == 2 and f"{sheet} is an input file" in result.output
    assert sheet.read_text(encoding="utf-8") == "naam,discipline\n"
