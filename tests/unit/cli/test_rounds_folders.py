"""`rounds` on two rounds checked by oncocheck itself as the README says
(`oncocheck check ronde-2025/ --format json --output ronde-2025.json`), from the parent folder
and from inside each round (tests/fixtures/rounds/ronde-2025, ronde-2026):

    alfa.yaml     Netwerk Alfa -> Oncologienetwerk Alfa, same file: renamed, matched by path
    beta.yaml     moved to noord/beta.yaml, same name: matched by name, the one move
    gamma.yaml    in both (2025: submitted 2023-11-20, so judged under loppsoz@2021)
    kapot.yaml    invalid in both rounds: matched by path, still invalid
    delta.yaml    gone                     epsilon.yaml  new (submitted 2024-01-30: loppsoz@2021)

Every file has its own `submitted:` date, so each round was judged on several as-of dates,
none of them the day the checks ran.
"""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest
from one_command import CliRunner

from oncocheck.cli.app import app
from paths import ROOT

ROUNDS = ROOT / "tests/fixtures/rounds"


def run(*args: str) -> str:
    """Stdout of `oncocheck ARGS`, which must end without a fault."""
    result = CliRunner().invoke(app, list(args))
    assert "Traceback" not in result.output  # check: 1 or 2 for a round with such files
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.stdout


def check_round(year: int, inside: bool, out: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Check round `year` into `out/ronde-YEAR.json`, from the parent folder or from inside."""
    monkeypatch.chdir(ROUNDS / f"ronde-{year}" if inside else ROUNDS)
    run("check", "." if inside else f"ronde-{year}/", "--format", "json",
        "--output", str(out / f"ronde-{year}.json"))


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The two rounds' reports, written from the parent folder ("parent") and from inside
    each round ("inside"), each pair in its own folder."""
    found = {}
    with pytest.MonkeyPatch.context() as monkeypatch:
        for where in ("parent", "inside"):
            out = tmp_path_factory.mktemp(where)
            for year in (2025, 2026):
                check_round(year, where == "inside", out, monkeypatch)
            found[where] = out
    return found


def rounds(folder: Path, *args: str) -> str:
    """`oncocheck rounds ronde-2025.json ronde-2026.json ARGS`, run in `folder`."""
    with pytest.MonkeyPatch.context() as monkeypatch:
        monkeypatch.chdir(folder)
        return run("rounds", "ronde-2025.json", "ronde-2026.json", *args)


def test_the_reports_keep_the_folder_they_were_checked_from(reports: dict[str, Path]) -> None:
    files = {where: [r["file"] for r in json.loads(
        (folder / "ronde-2025.json").read_text("utf-8"))["results"]]
        for where, folder in reports.items()}
    assert all(f.startswith("ronde-2025/") for f in files["parent"])  # else no test of it
    assert not any(f.startswith("ronde-2025") for f in files["inside"])


def test_each_network_is_found_in_the_other_round(reports: dict[str, Path]) -> None:
    data = json.loads(rounds(reports["parent"], "--format", "json"))
    assert [(r["folder"], r["summary"]["files"]) for r in (data["old"], data["new"])] == [
        ("ronde-2025", 5), ("ronde-2026", 5)]
    assert {k: n for k, n in data["summary"].items() if n} == {
        "new": 1, "gone": 1, "still_invalid": 1, "unchanged": 3}
    found = {(n["old"] or n["new"])["file"]: n for n in data["networks"]}
    assert (found["epsilon.yaml"]["change"], found["delta.yaml"]["change"]) == ("new", "gone")
    assert (found["alfa.yaml"]["matched_by"], found["alfa.yaml"]["network"]) == (
        "path", "Oncologienetwerk Alfa")
    assert found["kapot.yaml"]["matched_by"] == "path"
    beta = found["beta.yaml"]
    assert (beta["matched_by"], beta["new"]["file"]) == ("name", "noord/beta.yaml")


def test_a_report_from_inside_the_folder_compares_as_one_from_its_parent(
        reports: dict[str, Path], tmp_path: Path) -> None:
    parent, inside = (json.loads(rounds(reports[w], "--format", "json")) for w in reports)
    assert (parent["old"].pop("folder"), inside["old"].pop("folder")) == ("ronde-2025", "")
    assert (parent["new"].pop("folder"), inside["new"].pop("folder")) == ("ronde-2026", "")
    assert parent == inside
    # and one round from each place
    for year, where in ((2025, "parent"), (2026, "inside")):
        shutil.copy(reports[where] / f"ronde-{year}.json", tmp_path)
    assert json.loads(rounds(tmp_path, "--format", "json"))["networks"] == parent["networks"]


def test_only_the_moved_network_names_its_old_file(reports: dict[str, Path]) -> None:
    out = rounds(reports["parent"], "--format", "markdown")  # a table that does not wrap
    assert "(eerder: beta.yaml)" in out and "ronde-2025/" not in out
    assert out.count("(eerder:") == 2  # beta's file, and alfa's old name
    assert "(eerder: Netwerk Alfa)" in out


def test_each_round_names_the_dates_that_judged_it(reports: dict[str, Path]) -> None:
    """Not the day the checks ran: the files' own `submitted:` dates."""
    data = json.loads(rounds(reports["parent"], "--format", "json"))
    assert data["old"]["as_of_dates"] == [
        {"as_of": "2023-11-20", "files": 1}, {"as_of": "2025-03-03", "files": 1},
        {"as_of": "2025-04-14", "files": 2}]  # kapot.yaml was judged on no date
    assert [d["as_of"] for d in data["new"]["as_of_dates"]] == [
        "2024-01-30", "2026-02-02", "2026-03-16"]
    for lang, to, per_file in (("nl", "t/m", "per bestand"), ("en", "to", "per file")):
        console = rounds(reports["parent"], "--lang", lang)  # "(per file)" wraps in its cell
        markdown = rounds(reports["parent"], "--lang", lang, "--format", "markdown")
        for first, last in (("2023-11-20", "2025-04-14"), ("2024-01-30", "2026-03-16")):
            assert f"{first} {to} {last}" in console
            assert f"{first} {to} {last} ({per_file})" in markdown
        assert date.today().isoformat() not in console + markdown
