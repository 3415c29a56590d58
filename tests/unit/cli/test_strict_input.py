"""One spelling for dates and whole numbers, wherever they come from, and targets that are
inputs refused by every command that writes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from one_command import CliRunner

from oncocheck.cli.app import app
from oncocheck.cli.write import refuse_inputs
from oncocheck.errors import UsageError
from paths import ROOT

COMPLIANT = ROOT / "examples" / "compliant" / "voorbeeldstad.yaml"
COMMANDS_WITH_AS_OF = {
    "check": ["check", str(COMPLIANT)],
    "impact": ["impact", str(COMPLIANT), "--from", "loppsoz@2021", "--to", "loppsoz@2024"],
    "criteria list": ["criteria", "list"],
    "criteria show": ["criteria", "show"],
    "criteria diff": ["criteria", "diff", "loppsoz@2021", "loppsoz@2024"],
    "explain": ["explain", "2a"],
}


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.output


def _refused(command: str, date: str) -> None:
    code, out = run(*COMMANDS_WITH_AS_OF[command], "--lang", "en", "--as-of", date)
    assert code == 2
    assert f"--as-of expects a date like 2026-11-23 (YYYY-MM-DD), not '{date}'" in out


@pytest.mark.parametrize("date", ["2026-W48-1", "20261123", "2026-11-23T00:00", "٢٠٢٦-١١-٢٣",
                                  "2026-02-30"])
def test_as_of_takes_only_the_files_date_format(date: str) -> None:
    _refused("check", date)


@pytest.mark.parametrize("command", [c for c in COMMANDS_WITH_AS_OF if c != "check"])
def test_every_command_reads_as_of_so(command: str) -> None:
    """Each command uses that one reading: `20261123`, which date.fromisoformat takes, is
    refused by every one (the five spellings above need not go through six commands)."""
    _refused(command, "20261123")


@pytest.mark.parametrize("command", COMMANDS_WITH_AS_OF)
def test_as_of_in_the_files_format_is_taken(command: str) -> None:
    code, out = run(*COMMANDS_WITH_AS_OF[command], "--as-of", "2026-11-23")
    assert code == 0, out


@pytest.mark.parametrize("written", ["1_0", "1e1", "0x10", "+5", "5.0", "-5"])
def test_a_rule_file_count_is_plain_digits(tmp_path: Path, written: str) -> None:
    text = (ROOT / "criteria" / "loppsoz" / "2024.yaml").read_text(encoding="utf-8")
    assert "      minimum: 5\n" in text
    rules = tmp_path / "eigen.yaml"
    rules.write_text(text.replace("      minimum: 5\n", f"      minimum: {written}\n", 1),
                     encoding="utf-8")
    code, out = run("check", str(COMPLIANT), "--lang", "en", "--criteria", str(rules),
                    "--as-of", "2026-11-23")
    assert code == 2 and "Traceback" not in out
    assert f"expected a whole number, not '{written}'" in out and f"{rules}:" in out


def test_a_count_in_digits_is_read(tmp_path: Path) -> None:
    path = tmp_path / "netwerk.yaml"
    path.write_text("format: 1\nnetwork:\n  name: Netwerk\n  participation_agreement:\n"
                    "    min_meetings_per_year: 010\n", encoding="utf-8")
    code, out = run("check", str(path), "-f", "json", "--as-of", "2026-11-23")
    assert code == 1 and json.loads(out)["results"][0]["errors"] == []


def test_refusal_takes_any_list_of_inputs(tmp_path: Path) -> None:
    """For the rule files of --criteria, --compare, impact --from/--to, and any other input:
    the same refusal, naming the option."""
    rules = tmp_path / "regels.yaml"
    rules.write_text("x", encoding="utf-8")
    (tmp_path / "link.yaml").symlink_to(rules.name)
    (tmp_path / "hard.yaml").hardlink_to(rules)
    for target in ("regels.yaml", "link.yaml", "hard.yaml", "sub/../regels.yaml"):
        with pytest.raises(UsageError) as refused:
            refuse_inputs(tmp_path / target, [str(rules)], "--report")
        assert "Choose another path for --report" in refused.value.text.en
    refuse_inputs(tmp_path / "ander.json", [rules, tmp_path / "loop.yaml"])  # no error
    (tmp_path / "loop.yaml").symlink_to("loop.yaml")
    refuse_inputs(tmp_path / "loop.yaml", [rules])  # a link loop is no input; no crash


def test_init_refuses_to_write_the_template_over_its_spreadsheet(tmp_path: Path) -> None:
    sheet = tmp_path / "leden.csv"
    sheet.write_text("naam,discipline\n", encoding="utf-8")
    code, out = run("init", str(sheet), "--from-sheet", str(sheet), "--force", "--lang", "en")
    assert code == 2 and "is an input file" in out
    assert sheet.read_text(encoding="utf-8") == "naam,discipline\n"


def test_a_site_page_is_refused_over_a_document_a_network_names(tmp_path: Path) -> None:
    """A document named like a page of the site (here `index.html`) is an input too."""
    for name in ("a.yaml", "b.yaml"):
        (tmp_path / name).write_text("format: 1\nnetwork:\n  name: Netwerk\n  vision:\n"
                                     "    document: index.html\n", encoding="utf-8")
    (tmp_path / "index.html").write_text("onze visie", encoding="utf-8")
    code, out = run("check", str(tmp_path / "a.yaml"), str(tmp_path / "b.yaml"), "-f", "html",
                    "-o", str(tmp_path), "--lang", "en", "--as-of", "2026-11-23")
    assert code == 2 and "index.html is an input file" in out
    assert (tmp_path / "index.html").read_text(encoding="utf-8") == "onze visie"


def test_dev_stdout_and_dash_are_the_same_place(tmp_path: Path) -> None:
    link = tmp_path / "stdout"
    link.symlink_to("/proc/self/fd/1")
    code, out = run("check", str(COMPLIANT), "-f", "json", "-o", str(link), "--report",
                    "sarif=-", "--lang", "en", "--as-of", "2026-11-23")
    assert code == 2 and "two reports (json and sarif) go to" in out
