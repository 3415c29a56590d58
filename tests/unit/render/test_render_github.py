"""GitHub workflow commands: one line per annotation, and no input text can inject a command."""

from __future__ import annotations

import re

import pytest
from hostile import HOSTILE, hostile_report
from sample_report import sample_report

from oncocheck.render import render
from oncocheck.render.github import command

# How the Actions runner reads a line: `::name k=v,k=v::message`, properties up to the first `::`.
LINE = re.compile(r"::(?P<name>[a-z]+)(?: (?P<props>.*?))?::(?P<data>.*)")


def _unescape(text: str, prop: bool) -> str:
    """Decode as the runner does: the specific escapes first, `%25` last."""
    pairs = [("%0D", "\r"), ("%0A", "\n")] + ([("%3A", ":"), ("%2C", ",")] if prop else [])
    for code, char in pairs + [("%25", "%")]:
        text = text.replace(code, char)
    return text


def parse(line: str) -> tuple[str, dict[str, str], str]:
    """One workflow command, decoded."""
    match = LINE.fullmatch(line)
    assert match, line
    props = {}
    for pair in (match["props"] or "").split(","):
        if pair:
            key, value = pair.split("=", 1)
            props[key] = _unescape(value, prop=True)
    return match["name"], props, _unescape(match["data"], prop=False)


def _lines(output: str) -> list[str]:
    assert output.endswith("\n") and "\r" not in output
    return output[:-1].split("\n")


def test_one_annotation_per_problem_then_a_notice() -> None:
    lines = [parse(line) for line in _lines(render(sample_report(), "github", "en"))]
    assert [(name, props.get("file"), props.get("line"), props.get("col"))
            for name, props, _ in lines] == [
        ("error", "examples/not-compliant/zuid.yaml", "21", "1"),
        ("error", "examples/not-compliant/zuid.yaml", "28", "1"),
        ("warning", "examples/not-compliant/zuid.yaml", "60", "5"),
        ("error", "examples/invalid/typo.yaml", "40", "17"),
        ("notice", None, None, None)]
    name, props, message = lines[0]
    assert props["title"] == "loppsoz@2024 1b: Physio, dietitian, psychosocial"
    assert message == ("missing: dietitian\n→ Fix 1b.\nnote: Diëtist volgt\n"
                       "planned: Een diëtist werven, J. Bakker, before 2027-03-01")
    assert lines[3][2] == "members[2].discipline: unknown discipline 'dietis'; did you mean " \
        "'dietist'?"
    assert lines[4][2].startswith("3 files: 1 compliant, 1 not compliant, 1 invalid")


def test_properties_without_position_are_left_out() -> None:
    assert command("error", "a\nb", file="x.yaml", line=None, col=None, title="t") == \
        "::error file=x.yaml,title=t::a%0Ab"
    assert command("notice", "plain") == "::notice::plain"


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_cannot_inject_commands(text: str) -> None:
    report = hostile_report(text)
    lines = _lines(render(report, "github", "en"))
    problems = sum(f.is_problem for r in report.results for f in r.findings)
    errors = sum(len(r.errors) for r in report.results)
    assert len(lines) == problems + errors + 1
    decoded = [parse(line) for line in lines]
    assert [name for name, _, _ in decoded] == ["error", "error", "warning", "error", "notice"]
    bad, invalid = report.results[1], report.results[2]
    name, props, message = decoded[0]
    assert props["file"] == bad.file
    assert props["title"] == f"loppsoz@2024 1b: {text} en"
    assert message == (f"{text} (en)\n→ Fix 1b.\nnote: {text}\n"
                       "planned: Een diëtist werven, J. Bakker, before 2027-03-01")
    name, props, message = decoded[3]
    assert props["file"] == invalid.file
    assert message == f"members[0].{text}: {text}"
