"""`check DIR`: YAML found in a folder that is no network file is skipped and listed, not
counted; a file named on the command line is always checked; YAML that cannot be parsed is
still checked (a broken network file must not disappear)."""

from __future__ import annotations

import builtins
import json
import os
import shutil
from pathlib import Path

import pytest
from one_command import CliRunner

from oncocheck.cli.app import app
from oncocheck.run import batch
from json_reports import validate_report
from paths import ROOT

NETWORK = ROOT / "examples" / "compliant" / "voorbeeldstad.yaml"
AS_OF = ["--as-of", "2026-11-23"]
OTHER_YAML = {
    "instellingen.yaml": "kleur: blauw\ntaal: nl\n",  # a mapping without format or network
    "leeg.yml": "",  # nothing at all
    "sub/lijst.yaml": "- a\n- b\n",  # a list at the top
    "sub/getal.yaml": "42\n",  # a scalar
}


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, [*args, *AS_OF])
    assert "Traceback" not in result.output
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A compliant network, a broken one, and YAML of other kinds."""
    shutil.copytree(NETWORK.parent, tmp_path / "aanvragen")
    top = tmp_path / "aanvragen"
    for name, content in OTHER_YAML.items():
        (top / name).parent.mkdir(exist_ok=True)
        (top / name).write_text(content, encoding="utf-8")
    (top / "kapot.yaml").write_text("kleur: [\n", encoding="utf-8")  # cannot be parsed
    (top / "half.yaml").write_text("format: 1\nnetwork:\n  name: X\n", encoding="utf-8")  # little
    return top


def skipped_of(top: Path) -> list[str]:
    return sorted(f"{top}/{name}" for name in OTHER_YAML)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_other_yaml_is_skipped_and_listed_in_json(folder: Path, jobs: str) -> None:
    code, stdout, _ = run("check", str(folder), "-f", "json", "--jobs", jobs)
    report = json.loads(stdout)
    validate_report(report)
    assert code == 2  # kapot.yaml is invalid; the skipped files change nothing
    assert [r["file"] for r in report["results"]] == [
        f"{folder}/half.yaml", f"{folder}/kapot.yaml", f"{folder}/voorbeeldstad.yaml"]
    summary = report["summary"]
    assert (summary["files"], summary["not_compliant"], summary["invalid"]) == (3, 1, 1)
    assert report["summary"]["skipped"] == skipped_of(folder)
    kapot = report["results"][1]
    assert kapot["verdict"] == "invalid" and "YAML" in kapot["errors"][0]["message"]


def test_skipped_files_do_not_change_the_exit_code(folder: Path) -> None:
    for name in ("kapot.yaml", "half.yaml"):
        (folder / name).unlink()
    code, stdout, _ = run("check", str(folder), "--lang", "en")
    assert code == 0
    lines = stdout.splitlines()
    listed = [line for line in lines if line.endswith(": not a network file, skipped")]
    assert listed == [f"{f}: not a network file, skipped" for f in skipped_of(folder)]
    assert lines[-1].startswith("1 file: 1 compliant, 0 not compliant, 0 invalid")
    assert lines.index(listed[-1]) == len(lines) - 2  # right above the summary


def test_a_file_named_on_the_command_line_is_always_checked(folder: Path) -> None:
    code, stdout, _ = run("check", str(folder / "instellingen.yaml"), "-f", "json")
    report = json.loads(stdout)
    assert code == 2 and report["results"][0]["verdict"] == "invalid"
    assert "skipped" not in report["summary"]


def test_a_folder_of_no_network_files_is_not_a_pass(tmp_path: Path) -> None:
    """A wrong folder (a CI path to the settings) must not look like a folder of compliant
    networks: it is an invalid entry of its own, after its skipped files are listed."""
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "a.yaml").write_text("a: 1\n", encoding="utf-8")
    (tmp_path / "config" / "b.yml").write_text("b: 2\n", encoding="utf-8")
    code, stdout, _ = run("check", str(tmp_path / "config"), "-f", "json", "--lang", "en")
    report = json.loads(stdout)
    assert code == 2
    assert report["summary"]["skipped"] == [f"{tmp_path}/config/a.yaml",
                                            f"{tmp_path}/config/b.yml"]
    [entry] = report["results"]
    assert entry["file"] == str(tmp_path / "config") and entry["verdict"] == "invalid"
    assert "a folder with no network files" in entry["errors"][0]["message"]


def test_each_file_is_opened_once(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Telling a network file from other YAML reuses the one bounded read of the file."""
    opened: list[str] = []
    os_open, builtin_open = os.open, builtins.open

    def note(path: object) -> None:
        if str(path).endswith((".yaml", ".yml")):
            opened.append(str(path))

    def counted_os_open(path, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        note(path)
        return os_open(path, *args, **kwargs)

    def counted_open(file, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        note(file)
        return builtin_open(file, *args, **kwargs)

    monkeypatch.setattr(os, "open", counted_os_open)
    monkeypatch.setattr(builtins, "open", counted_open)
    assert run("check", str(folder), "-f", "json", "--jobs", "1")[0] == 2
    monkeypatch.undo()
    assert sorted(opened) == sorted(str(p) for p in folder.rglob("*.y*ml"))  # each once


def test_a_packed_batch_in_a_pool_skips_too(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """A batch that keeps its results packed, checked in one process or two, skips and
    reports exactly as one that keeps them as they are."""
    for i in range(25):
        (tmp_path / f"n{i:03}.yaml").write_text("instelling: ja\n" if i % 2 else
                                                NETWORK.read_text(encoding="utf-8"),
                                                encoding="utf-8")
    kept = run("check", str(tmp_path), "-f", "json", "--jobs", "1")
    monkeypatch.setattr(batch, "PACK_AFTER", 10)
    assert run("check", str(tmp_path), "-f", "json", "--jobs", "1") == kept
    assert run("check", str(tmp_path), "-f", "json", "--jobs", "2") == kept
    report = json.loads(kept[1])
    assert report["summary"]["files"] == 13 and len(report["summary"]["skipped"]) == 12


def test_the_index_and_markdown_list_skipped_files(folder: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    run("check", str(folder), "-f", "html", "-o", str(site))
    index = (site / "index.html").read_text(encoding="utf-8")
    assert '<li><code>sub/<wbr>lijst.yaml</code>: geen netwerkbestand, overgeslagen</li>' in index
    assert not (site / "instellingen.html").exists()
    markdown = run("check", str(folder), "-f", "markdown", "--lang", "en")[1]
    assert f"- {folder}/leeg.yml: not a network file, skipped" in markdown.replace("\\", "")


def test_every_format_for_people_lists_them_and_the_console_stops_at_a_hundred(report) -> None:
    from dataclasses import replace

    from oncocheck.render import render

    many = replace(report, skipped=tuple(f"examples/x{i:03}.yaml" for i in range(105)))
    console = render(many, "console", "en").splitlines()
    listed = [line for line in console if line.endswith(": not a network file, skipped")]
    assert len(listed) == 100 and listed[0] == "examples/x000.yaml: not a network file, skipped"
    assert console[-2] == "and 5 more skipped"
    assert json.loads(render(many, "json", "en"))["summary"]["skipped"] == list(many.skipped)
    assert render(many, "markdown", "nl").count(": geen netwerkbestand, overgeslagen") == 105
    assert render(many, "html", "nl").count(": geen netwerkbestand, overgeslagen</li>") == 105
    assert "skipped" not in render(report, "json", "en")  # none skipped: no key
