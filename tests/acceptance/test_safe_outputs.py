"""Outputs that cannot hurt: hostile text through every format, no writes where none belong,
and internal errors as a short message (exit 3) unless --debug.

The renderers' own tests feed hand-made hostile reports; these go through the real loader and
command line, with the hostile text in a network file and in its file name.
"""

from __future__ import annotations

import json
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
from one_command import CliRunner

from htmlcheck import external_references, strict_parse
from json_reports import validate_report
from oncocheck.cli import app as cli
from oncocheck.cli.options import STATE
from oncocheck.render import formats_of
from paths import ROOT
from workbook import formulas, workbook_text

COMPLIANT = ROOT / "examples" / "compliant" / "voorbeeldstad.yaml"
ARGS = ["check", "--lang", "en", "--as-of", "2026-11-23"]
EVIL = r"Zuid <script>alert(1)</script> | ]]> &amp; \n::error file=x.yaml::INJECTED %0A `c` *e*"
HOSTILE_FILE = f'''format: 1
network:
  name: "{EVIL} [a](javascript:alert(1))"
  status: actief
members:
  - name: "</td><td>|x| ]]><!-- \\n::warning::INJECTED"
    discipline: fysiotherapeut
  - name: "</td><td>|x| ]]><!-- \\n::warning::INJECTED"
    discipline: fysiotherapeut
notes:
  "1a": "<img src=x onerror=alert(1)> |a|b| \\n## kop\\n::error::INJECTED"
'''
_GITHUB_LINE = re.compile(r"::(error|warning|notice)(?: ([^:\n]*))?::[^\n]*")


def run(*args: str) -> tuple[int, str]:
    """Exit code and output of oncocheck in this process."""
    result = CliRunner().invoke(cli.app, list(args))
    return result.exit_code, result.output


@pytest.fixture(params=["evil <b>|]]>::error::x.yaml", "regel\n::error::INJECTED.yaml"])
def hostile(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    """A network file full of markup and CI commands, with a hostile name."""
    path = tmp_path / request.param
    try:
        path.write_text(HOSTILE_FILE, encoding="utf-8")
    except OSError:
        pytest.skip("this file system does not allow that file name")
    return path


def _no_line_starts_a_command(out: str) -> None:
    for line in out.splitlines():
        assert not line.lstrip().startswith("::") or _GITHUB_LINE.fullmatch(line), line


def _check(fmt: str, out: str) -> None:
    """The output of `fmt` is well-formed and the hostile text stayed text."""
    if fmt in ("json", "sarif"):
        data = json.loads(out)
        if fmt == "json":
            validate_report(data)
            assert data["results"][0]["network"].startswith("Zuid <script>alert(1)</script> |")
    elif fmt == "codequality":  # GitLab's documented fields, the hostile text a description
        quality = ROOT / "tests" / "schemas" / "gitlab-codequality.schema.json"
        issues = json.loads(out)
        jsonschema.validate(issues, json.loads(quality.read_text("utf-8")))
        assert any("<img src=x onerror=alert(1)> |a|b| \n## kop" in i["description"]
                   for i in issues)  # JSON text: markup and line breaks harmless
    elif fmt == "junit":
        ET.fromstring(out)
    elif fmt == "html":
        strict_parse(out)
        assert "<script>alert" not in out and "<img src=x" not in out
        # the note's escaped "&lt;img src=x" is text, not a fetch: left out of that check
        assert external_references(out.replace("&lt;img src=x", "&lt;img")) == []
    elif fmt == "markdown":
        assert "<script>alert" not in out
        for block in re.findall(r"(?m)(?:^\|.*\n?)+", out):
            pipes = {len(re.findall(r"(?<!\\)\|", row)) for row in block.splitlines()}
            assert len(pipes) == 1, block
    _no_line_starts_a_command(out)
    assert "\x1b" not in out


@pytest.mark.parametrize("fmt", sorted(formats_of("check")))
def test_hostile_file_through_every_format(hostile: Path, fmt: str) -> None:
    # GitLab wants paths from the repository root; outside one the path stays absolute
    root = ["--base-dir", str(hostile.parent)] if fmt == "codequality" else []
    result = CliRunner().invoke(cli.app, [*ARGS, "--format", fmt, *root, str(hostile)])
    code, out = result.exit_code, result.output
    if fmt == "xlsx":  # a workbook: its cells' text is what a reviewer sees
        assert formulas(result.stdout_bytes) == []
        out = workbook_text(result.stdout_bytes)
    assert code == 1, out[:2000]
    assert "Traceback" not in out
    _check(fmt, out)


def test_github_annotations_are_one_line_each(hostile: Path) -> None:
    out = run(*ARGS, "--format", "github", str(hostile))[1]
    commands = [line for line in out.splitlines() if line.startswith("::")]
    assert len(commands) >= 12 and all(_GITHUB_LINE.fullmatch(c) for c in commands)
    assert not any(re.match(r"::\w+( [^:]*)?::INJECTED", c) for c in commands)


def test_output_refused_when_it_is_an_input_by_another_name(tmp_path: Path) -> None:
    network = tmp_path / "netwerk.yaml"
    network.write_bytes(COMPLIANT.read_bytes())
    link = tmp_path / "link.yaml"
    link.symlink_to(network)
    for target in (tmp_path / "sub" / ".." / "netwerk.yaml", link):
        (tmp_path / "sub").mkdir(exist_ok=True)
        code, out = run(*ARGS, str(network), "--format", "json", "--output", str(target))
        assert code == 2 and "is an input file" in out
        assert network.read_bytes() == COMPLIANT.read_bytes()


@pytest.mark.parametrize("bad", [["--as-of", "2026-02-30"], ["--format", "pdf"],
                                 ["--criteria", "loppsoz@1999"], ["--lang", "fr"]])
def test_nothing_written_on_a_usage_error(tmp_path: Path, bad: list[str]) -> None:
    target = tmp_path / "out" / "report.json"
    code, out = run("check", str(COMPLIANT), "--output", str(target), *bad)
    assert code == 2 and "Traceback" not in out
    assert not target.parent.exists() or list(target.parent.iterdir()) == []


def _crash(monkeypatch: pytest.MonkeyPatch, argv: list[str]) -> int:
    """Run the real entry point with a renderer that fails; the exit code."""
    def broken(report: object, lang: str) -> str:
        raise RuntimeError("secret: Oncologiezorgnetwerk Voorbeeldstad")

    monkeypatch.setattr("oncocheck.render.json.render", broken)
    monkeypatch.setattr("oncocheck.render.json.chunks", broken)  # what a report file is made of
    monkeypatch.setitem(STATE, "debug", False)
    monkeypatch.setattr(sys, "argv", ["oncocheck", *argv])
    with pytest.raises(SystemExit) as stopped:
        cli.main()
    return stopped.value.code


def test_internal_error_is_a_short_message_and_exit_3(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture) -> None:
    target = tmp_path / "report.json"
    code = _crash(monkeypatch, ["check", str(COMPLIANT), "-f", "json", "-o", str(target)])
    out, err = capsys.readouterr()
    assert code == 3
    assert "internal error" in err and "--debug" in err and "meld het" in err
    assert "Traceback" not in out + err and "Voorbeeldstad" not in out + err
    assert not target.exists()


def test_debug_shows_the_traceback(monkeypatch: pytest.MonkeyPatch,
                                   capsys: pytest.CaptureFixture) -> None:
    assert _crash(monkeypatch, ["--debug", "check", str(COMPLIANT), "-f", "json"]) == 3
    err = capsys.readouterr().err
    assert "Traceback" in err and "RuntimeError: secret" in err


def test_a_path_too_long_for_the_system_is_an_invalid_file() -> None:
    code, out = run(*ARGS, "a" * 5000 + ".yaml")
    assert code == 2 and "Traceback" not in out and "File name too long" in out


@pytest.mark.parametrize("named", ["leden.csv", "docs/visie.md"])
def test_output_refused_over_a_file_the_network_names(tmp_path: Path, named: str) -> None:
    """The members spreadsheet and a document are inputs too, even if the file is invalid."""
    (tmp_path / "docs").mkdir()
    (tmp_path / "leden.csv").write_text("naam,discipline\nA. de Vries,dietist\n", "utf-8")
    (tmp_path / "docs" / "visie.md").write_text("Onze visie.\n", "utf-8")
    before = (tmp_path / named).read_bytes()
    for extra in ("", "  status: onbekend\n"):  # valid, then invalid
        network = tmp_path / "netwerk.yaml"
        network.write_text("format: 1\nnetwork:\n  name: Netwerk\n" + extra + "  vision:\n"
                           "    document: docs/visie.md\nmembers_file: leden.csv\n", "utf-8")
        code, out = run(*ARGS, str(network), "-f", "json", "-o", str(tmp_path / named))
        assert code == 2 and "is an input file" in out
        assert (tmp_path / named).read_bytes() == before
