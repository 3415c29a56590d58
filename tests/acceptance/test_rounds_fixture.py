"""Issue 23's pair of rounds (tests/fixtures/rounds: a rename, a move, a file invalid in both
rounds, mixed versions, a new and a gone network) and the README's draft beside it
(concept-2a-65.yaml: loppsoz@2024 with 2a at 65%), through `check --compare`, `rounds` and
`impact` in every format the registry lists, from the parent folder and from inside each round,
in both languages (English only in the full run, like tests/acceptance/test_visible.py's Dutch).
The golden files are under tests/golden/rounds-fixture/LANG/ (ONCOCHECK_UPDATE_GOLDEN=1 rewrites
them; review `git diff tests/golden`).

No command is given `--as-of`: it would judge every file on one day and so erase the mixed
versions. Every loadable file has its own `submitted:` date instead (kapot.yaml cannot be read),
and no output may name today, so the golden files do not age: the one place that does, kapot.yaml's
as-of date in the written Markdown and JUnit reports (the run's day, `words.file_as_of`), is
kept as TODAY.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from golden_files import assert_golden
from one_command import CliRunner

from oncocheck.cli.app import app
from oncocheck.render import KINDS, formats_of
from paths import ROOT

ROUNDS = ROOT / "tests/fixtures/rounds"
DRAFT = "concept-2a-65.yaml"
IMPACT = ("impact", "ronde-2026", "--from", "loppsoz@2024", "--to", DRAFT, "--sweep", "2a")
#: the pages of the site `check --format html` writes that are kept as golden files: the
#: index and the one network whose verdict the draft changes
SITE_GOLDEN = ("index.html", "epsilon.html")
#: the languages of the golden files; the quick loop (`-m "not slow"`) keeps to the default
LANGS = ["nl", pytest.param("en", marks=pytest.mark.slow)]
#: the workbook's words the register test reads, per language
WORKBOOK = {
    "nl": {"version": "Criteriaversie", "as_of": "Peildatum", "verdict": "Oordeel",
           "share": "Aandeel Verwijsgids (2a)", "errors": "Fouten", "first": "Eerste fout",
           "compliant": "Voldoet", "invalid": "Ongeldig", "target": "(streven {}%)"},
    "en": {"version": "Criteria version", "as_of": "As of", "verdict": "Verdict",
           "share": "Verwijsgids share (2a)", "errors": "Errors", "first": "First error",
           "compliant": "Compliant", "invalid": "Invalid", "target": "(aim {}%)"},
}


def run(folder: Path, *args: str) -> str:
    """Stdout of `oncocheck ARGS` run in `folder` (80 columns), which must end without a fault
    (exit 1 or 2 is the verdict: ronde-2026 has failing networks and an invalid file)."""
    with pytest.MonkeyPatch.context() as monkeypatch:
        monkeypatch.chdir(folder)
        result = CliRunner().invoke(app, list(args), env={"COLUMNS": "80"})
    assert "Traceback" not in result.output, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert date.today().isoformat() not in result.stdout  # the golden files must not age
    return result.stdout


def check(folder: Path, fmt: str, out: Path, lang: str = "nl") -> Path:
    """`check ronde-2026 --compare DRAFT --format FMT --lang LANG` run in `folder` (the parent
    folder or ronde-2026 itself), written to `out` (a folder for the HTML site); the path
    written."""
    inside = folder.name == "ronde-2026"
    target = out / ("site" if fmt == "html" else f"check.{KINDS['check'][fmt].suffix}")
    run(folder, "check", "." if inside else "ronde-2026", "--compare",
        f"../{DRAFT}" if inside else DRAFT, "--format", fmt, "--output", str(target),
        "--lang", lang)
    return target


def undated(text: str) -> str:
    """`text` with the day of the run written TODAY (see the module's docstring)."""
    return text.replace(date.today().isoformat(), "TODAY")


def relative(text: str, prefix: str) -> Any:
    """JSON `text` parsed, with `prefix` taken off every path in it (keys too): the paths as
    given on the command line, which differ between the parent folder and the round's."""
    return json.loads(text.replace(f'"{prefix}', '"').replace(f"({prefix}", "("))


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("fmt", formats_of("check"))
def test_check_compare_in_every_format(fmt: str, lang: str, tmp_path: Path) -> None:
    written = check(ROUNDS, fmt, tmp_path, lang)
    if fmt == "xlsx":
        _assert_register(written, WORKBOOK[lang])
    elif fmt == "html":
        assert sorted(p.name for p in written.iterdir()) == [
            "alfa.html", "beta.html", "epsilon.html", "gamma.html", "index.html", "kapot.html"]
        for name in SITE_GOLDEN:
            assert_golden(f"rounds-fixture/{lang}/check-html/{name}",
                          undated((written / name).read_text("utf-8")))
    else:
        text = written.read_bytes().decode("utf-8")  # as written: the CSV ends lines in CRLF
        text = text.replace(ROOT.as_uri(), "file:///CHECKOUT")  # SARIF's %SRCROOT%
        assert_golden(f"rounds-fixture/{lang}/check-{fmt}.{KINDS['check'][fmt].suffix}",
                      undated(text))


def _assert_register(path: Path, word: dict[str, str]) -> None:
    """The workbook read back: a row per file (its version, date and 2a share; the invalid
    file's first error), and the criteria sheet's versions (the applied ones); `word` holds
    the headers and verdicts in the workbook's language."""
    book = openpyxl.load_workbook(path, read_only=True)
    header, *body = book["Register"].iter_rows(values_only=True)
    rows = {row[0]: dict(zip(header, row, strict=True)) for row in body}
    assert sorted(rows) == [f"ronde-2026/{name}.yaml" for name in (
        "alfa", "epsilon", "gamma", "kapot", "noord/beta")]
    epsilon = rows["ronde-2026/epsilon.yaml"]
    assert (epsilon[word["version"]], epsilon[word["as_of"]].date(), epsilon[word["verdict"]],
            round(epsilon[word["share"]], 3)) == (
        "loppsoz@2021", date(2024, 1, 30), word["compliant"], 0.636)
    assert rows["ronde-2026/alfa.yaml"][word["version"]] == "loppsoz@2024"
    kapot = rows["ronde-2026/kapot.yaml"]
    assert (kapot[word["verdict"]], kapot[word["errors"]]) == (word["invalid"], 1)
    assert kapot[word["first"]].startswith("ronde-2026/kapot.yaml:3:10: ")
    titles = {(v, i): t for v, i, t, *_ in book["Criteria"].iter_rows(min_row=2,
                                                                       values_only=True)}
    assert {v for v, _ in titles} == {"loppsoz@2021", "loppsoz@2024"}
    assert word["target"].format(50) in titles["loppsoz@2021", "2a"]
    assert word["target"].format(60) in titles["loppsoz@2024", "2a"]


def test_check_from_inside_the_round_gives_the_same_results(tmp_path: Path) -> None:
    parent, inside = (check(folder, "json", tmp_path / folder.name).read_text("utf-8")
                      for folder in (ROUNDS, ROUNDS / "ronde-2026"))
    assert '"file": "ronde-2026/alfa.yaml"' in parent  # else nothing is compared
    assert relative(parent, "ronde-2026/") == relative(inside, "../")


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], dict[str, Path]]:
    """Per language, the two rounds' JSON reports made in it from the parent folder ("parent")
    and from inside each round ("inside"), each pair in a folder of its own (made once)."""
    @functools.cache
    def made(lang: str) -> dict[str, Path]:
        found = {}
        for where in ("parent", "inside"):
            found[where] = out = tmp_path_factory.mktemp(f"{where}-{lang}")
            for year in (2025, 2026):
                folder = ROUNDS / f"ronde-{year}"
                run(folder if where == "inside" else ROUNDS, "check",
                    "." if where == "inside" else folder.name, "--format", "json",
                    "--output", str(out / f"ronde-{year}.json"), "--lang", lang)
        return found
    return made


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("fmt", formats_of("rounds"))
def test_rounds_in_every_format(fmt: str, lang: str,
                                reports: Callable[[str], dict[str, Path]]) -> None:
    parent, inside = (run(reports(lang)[w], "rounds", "ronde-2025.json", "ronde-2026.json",
                          "--format", fmt, "--lang", lang) for w in ("parent", "inside"))
    assert_golden(f"rounds-fixture/{lang}/rounds-{fmt}.{KINDS['rounds'][fmt].suffix}", parent)
    # the reports name their files relative to where they were made; the rounds match alike
    assert _without_folders(parent) == _without_folders(inside)


def _without_folders(text: str) -> str:
    """`text` without the rounds' folder names, which only the reports made outside name."""
    for year in (2025, 2026):
        text = text.replace(f"ronde-{year}/", "").replace(f'"ronde-{year}"', '""')
    return text


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("fmt", formats_of("impact"))
def test_impact_of_the_draft_in_every_format(fmt: str, lang: str) -> None:
    text = run(ROUNDS, *IMPACT, "--format", fmt, "--lang", lang)
    assert_golden(f"rounds-fixture/{lang}/impact-{fmt}.{KINDS['impact'][fmt].suffix}", text)


def test_impact_from_inside_the_round_is_the_same() -> None:
    inside = ("impact", ".", *IMPACT[2:5], f"../{DRAFT}", *IMPACT[6:])
    parent, within = (run(folder, *args, "--format", "json") for folder, args in (
        (ROUNDS, IMPACT), (ROUNDS / "ronde-2026", inside)))
    assert relative(parent, "ronde-2026/") == relative(within, "../")
    data = json.loads(parent)  # judged on each file's own date: none judged every file
    assert data["verdict_changes"][0]["file"] == "ronde-2026/epsilon.yaml"
    assert (data["as_of"], data["as_of_dates"]) == (
        None, ["2024-01-30", "2026-02-02", "2026-03-16"])
