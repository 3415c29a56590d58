"""GitHub workflow commands: one line per annotation, at most 10 of each kind and the most
important first, and no input text can inject a command."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
from hostile import HOSTILE, hostile_report
from sample_report import sample_report

from oncocheck.render import render
from oncocheck.render.github import CAP, command
from oncocheck.report import FileResult, Root, Status, Verdict

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
        ("error", "examples/invalid/typo.yaml", "40", "17"),
        ("error", "examples/not-compliant/zuid.yaml", "21", "1"),
        ("error", "examples/not-compliant/zuid.yaml", "28", "1"),
        ("warning", "examples/not-compliant/zuid.yaml", "60", "5"),
        ("notice", None, None, None)]
    name, props, message = lines[1]
    assert props["title"] == "loppsoz@2024 1b: Physio, dietitian, psychosocial"
    assert message == ("missing: dietitian\n→ Fix 1b.\nnote: Diëtist volgt\n"
                       "planned: Een diëtist werven, J. Bakker, before 2027-03-01")
    assert lines[0][2] == "members[2].discipline: unknown discipline 'dietis'; did you mean " \
        "'diëtist'?"
    assert lines[4][2] == ("3 files: 1 compliant, 1 not compliant, 1 invalid (criteria "
                           "loppsoz@2024, as of 2026-11-23)")  # nothing left out


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
    assert [name for name, _, _ in decoded] == ["error", "error", "error", "warning", "notice"]
    bad, invalid = report.results[1], report.results[2]
    name, props, message = decoded[1]
    assert props["file"] == bad.file
    assert props["title"] == f"loppsoz@2024 1b: {text} en"
    assert message == (f"{text} (en)\n→ Fix 1b.\nnote: {text}\n"
                       "planned: Een diëtist werven, J. Bakker, before 2027-03-01")
    name, props, message = decoded[0]
    assert props["file"] == invalid.file
    assert message == f"members[0].{text}: {text}"


def _batch(copies: int):  # noqa: ANN202 - a Report
    """The sample report's three files `copies` times over, under other names, in path order:
    per copy one invalid file, one not met, one missing, one warning."""
    base = sample_report()
    results: list[FileResult] = []
    for i in range(copies):
        results += [replace(r, file=r.file.replace("examples/", f"examples/{i:02d}-"))
                    for r in base.results]
    return replace(base, results=tuple(sorted(results, key=lambda r: r.file)))


def test_annotations_are_capped_per_kind_the_most_important_first() -> None:
    report = _batch(12)  # 12 invalid, 12 not met, 12 missing, 12 warnings
    lines = [parse(line) for line in _lines(render(report, "github", "en"))]
    kinds = [name for name, _, _ in lines]
    assert kinds == ["error"] * CAP + ["warning"] * CAP + ["notice"]
    # the 10 errors are load errors (invalid files), the earliest files first
    assert [p["file"] for _, p, _ in lines[:CAP]] == [
        f"examples/{i:02d}-invalid/typo.yaml" for i in range(CAP)]
    assert all(p["title"] == "oncocheck: invalid file" for _, p, _ in lines[:CAP])
    notice = lines[-1][2]
    assert notice.startswith("36 files: 12 compliant, 12 not compliant, 12 invalid")
    left_out = (12 * 4) - 2 * CAP
    assert f"at most 10 of each kind per step): {left_out};" in notice


def test_not_met_comes_before_missing_when_there_is_room() -> None:
    report = _batch(4)  # 4 invalid, 4 not met, 4 missing: 12 errors for 10 places
    errors = [parse(line) for line in _lines(render(report, "github", "en"))][:CAP]
    ranks = []
    for _, props, _ in errors:
        if "invalid" in props["file"]:
            ranks.append("invalid")
        else:
            ranks.append("not_met" if props["title"].endswith("psychosocial") else "missing")
    assert ranks == ["invalid"] * 4 + ["not_met"] * 4 + ["missing"] * 2
    assert sample_report().results[1].findings[1].status is Status.NOT_MET


def test_annotation_paths_start_at_the_repository_root() -> None:
    report = replace(sample_report(), root=Root("/srv/repo", "/srv/repo/sub"))
    files = [parse(line)[1].get("file") for line in _lines(render(report, "github", "en"))]
    assert files[:2] == ["sub/examples/invalid/typo.yaml", "sub/examples/not-compliant/zuid.yaml"]


def test_a_compliant_batch_is_the_notice_alone() -> None:
    report = sample_report()
    good = report.results[0]
    assert good.verdict is Verdict.COMPLIANT
    lines = _lines(render(replace(report, results=(good,)), "github", "nl"))
    assert len(lines) == 1 and lines[0].startswith("::notice title=oncocheck::1 bestand: 1 voldoet")


def test_the_settings_notice_comes_before_the_totals_and_hides_no_annotation() -> None:
    """Issue 25: one notice names the settings file and the warnings ignored; notices have their
    own cap, so the errors and warnings shown stay the same."""
    report = _batch(12)
    plain = _lines(render(report, "github", "en"))
    lines = _lines(render(replace(report, settings=".oncocheck.yaml"), "github", "en"))
    assert lines[:-2] == plain[:-1] and lines[-1] == plain[-1]
    name, props, text = parse(lines[-2])
    assert (name, props, text) == ("notice", {"title": "oncocheck"}, "settings: .oncocheck.yaml")
