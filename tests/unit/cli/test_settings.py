"""Issue 25: the settings file (found, layered under the command line, hostile ones refused
with a place and no effect on a verdict), `--ignore`, `--exclude` and `--list-files`."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from paths import ROOT
from one_command import CliRunner

from oncocheck.cli.app import app

NETWORK = ROOT / "examples" / "compliant" / "voorbeeldstad.yaml"
AS_OF = ["--as-of", "2026-11-23"]


def run(*args: str) -> tuple[int, str, str]:
    """Exit code, stdout and stderr of `oncocheck ARGS`."""
    result = CliRunner().invoke(app, list(args), env={"ONCOCHECK_LANG": ""})
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A submission folder, the current folder: one network (its only warning is
    document-not-found) and a YAML file that is no network."""
    (tmp_path / "net").mkdir()
    shutil.copy(NETWORK, tmp_path / "net")
    (tmp_path / "net" / "other.yaml").write_text("a: 1\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path / "net")
    return tmp_path


def _json(*args: str) -> dict:
    code, out, err = run("check", ".", *AS_OF, "--format", "json", *args)
    assert code in (0, 1), err
    return json.loads(out)


def test_the_nearest_settings_file_applies_and_reports_name_it(folder: Path) -> None:
    (folder / "pyproject.toml").write_text('[tool.oncocheck]\nlang = "en"\n', encoding="utf-8")
    assert _json()["settings"] == {"file": "../pyproject.toml"}
    (folder / "net" / ".oncocheck.yaml").write_text("fail-on: warning\n", encoding="utf-8")
    assert _json()["settings"] == {"file": ".oncocheck.yaml"}  # the nearer one
    assert run("check", ".", *AS_OF)[0] == 1  # fail-on warning: the document warning
    assert run("check", ".", *AS_OF, "--fail-on", "error")[0] == 0  # command line wins
    assert _json("--no-config")["settings"] is None
    for fmt in ("console", "markdown", "html"):
        out = run("check", "voorbeeldstad.yaml", *AS_OF, "--format", fmt)[1]
        assert out.count("instellingen: .oncocheck.yaml") == 1, fmt


def test_show_settings_says_where_each_value_comes_from(folder: Path) -> None:
    (folder / "net" / ".oncocheck.yaml").write_text("quiet: true\njobs: 2\n", encoding="utf-8")
    code, out, _ = run("check", ".", "--show-settings", "--jobs", "3", "--lang", "en")
    assert code == 0
    assert "settings file: .oncocheck.yaml" in out
    assert "quiet = True  (.oncocheck.yaml:1:1)" in out
    assert "jobs = 3  (command line)" in out and "fail-on = -  (default)" in out


HOSTILE = {
    "criteria": ("criteria: loppsoz@2021\n", ":1:1:", "--criteria"),
    "as-of": ("lang: en\nas-of: 2020-01-01\n", ":2:1:", "--as-of"),
    "vocabulary": ("vocabulary: eigen.yaml\n", ":1:1:", "--criteria FILE"),
    "hide-criterion": ("ignore: [2a]\n", ":1:1:", "nooit een criterium"),
    "unknown": ("lang: en\nfial-on: warning\n", ":2:1:", "bedoelt u 'fail-on'?"),
    "type": ("jobs: veel\n", ":1:1:", "geheel getal"),
    "outside": ("output: ../../elders.json\n", ":1:1:", "binnen de map"),
    "syntax": ("lang: [en\n", ".oncocheck.yaml:", "instellingenbestand"),
}


@pytest.mark.parametrize("case", list(HOSTILE))
def test_a_hostile_settings_file_is_refused_with_its_place(folder: Path, case: str) -> None:
    text, place, said = HOSTILE[case]
    (folder / "net" / ".oncocheck.yaml").write_text(text, encoding="utf-8")
    code, out, err = run("check", ".", *AS_OF)
    assert code == 2 and out == ""
    assert f".oncocheck.yaml{place}" in err or place in err
    assert said in err and "Traceback" not in err
    # no effect on any verdict: the file left out, the verdict is the one without it
    assert run("check", ".", *AS_OF, "--no-config")[0] == 0


def test_hostile_files_huge_non_utf8_and_a_link_out(folder: Path) -> None:
    settings = folder / "net" / ".oncocheck.yaml"
    settings.write_text("lang: en\n" + "#" * 70_000 + "\n", encoding="utf-8")
    assert "64 KiB" in run("check", ".", *AS_OF)[2]
    settings.write_bytes("lang: \u00e9n\n".encode("latin-1"))
    code, _, err = run("check", ".", *AS_OF)
    assert code == 2 and "UTF-8" in err
    settings.unlink()
    (folder / "secret.yaml").write_text("lang: en\n", encoding="utf-8")
    os.symlink(folder / "secret.yaml", settings)
    code, _, err = run("check", ".", *AS_OF)
    assert code == 2 and "link" in err
    toml = folder / "pyproject.toml"
    toml.write_text('[tool.oncocheck]\nlang = "en"\ncriteria = "x"\n', encoding="utf-8")
    code, _, err = run("check", ".", *AS_OF, "--config", str(toml))
    assert code == 2 and "pyproject.toml:3:1:" in err and "--criteria" in err


def test_ignore_accepts_a_warning_and_never_a_criterion(folder: Path) -> None:
    assert run("check", ".", *AS_OF, "--strict")[0] == 1
    assert run("check", ".", *AS_OF, "--strict", "--ignore", "document-not-found")[0] == 0
    data = _json("--ignore", "document-not-found")
    assert data["summary"]["ignored"] == {"document-not-found": 1}
    assert all(f["criterion"] != "document-not-found"
               for r in data["results"] for f in r["findings"])
    code, _, err = run("check", ".", *AS_OF, "--ignore", "2a", "--lang", "en")
    assert code == 2 and "never a criterion" in err and "plan-closable" in err
    out = run("check", ".", *AS_OF, "--ignore", "document-not-found")[1]
    assert "genegeerde waarschuwingen: document-not-found (1)" in out


def test_exclude_and_list_files(folder: Path) -> None:
    archive = folder / "net" / "archief"
    archive.mkdir()
    shutil.copy(NETWORK, archive / "oud.yaml")
    assert _json()["summary"]["files"] == 2
    assert _json("--exclude", "archief")["summary"]["files"] == 1
    assert _json("--exclude", "archief/*.yaml")["summary"]["files"] == 1
    code, out, _ = run("check", ".", "--list-files", "--exclude", "archief", "--lang", "en")
    assert code == 0
    lines = out.splitlines()
    assert "voorbeeldstad.yaml" in lines
    assert "other.yaml: skipped: not a network file (no `format` or `network` at the top)" \
        in lines
    assert "archief: excluded by --exclude" in lines
    (folder / "net" / ".oncocheck.yaml").write_text("exclude: [archief]\n", encoding="utf-8")
    assert _json()["summary"]["files"] == 1


def test_networks_only_skips_a_named_file_that_is_no_network(folder: Path) -> None:
    """pre-commit passes files by name: `--networks-only` (the hooks' entry) skips other YAML
    as a folder check does, and still judges a network that cannot be read."""
    assert run("check", "other.yaml", *AS_OF)[0] == 2  # named: checked, invalid
    code, out, _ = run("check", "--networks-only", "other.yaml", *AS_OF, "--lang", "en")
    assert code == 0 and "other.yaml: not a network file, skipped" in out
    (folder / "net" / "bad.yaml").write_text("format: [\n", encoding="utf-8")
    assert run("check", "--networks-only", "bad.yaml", "other.yaml", *AS_OF)[0] == 2


def test_a_submissions_own_settings_file_is_not_read_from_outside(
        folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Settings are found from the current folder up, never in the folders checked: a
    submission's own file that asks for other criteria is not read when it is checked from
    outside (and refused, not obeyed, when run inside it: test above)."""
    (folder / "net" / ".oncocheck.yaml").write_text(
        "criteria: loppsoz@2021\nignore: [2a]\nfail-on: invalid\n", encoding="utf-8")
    monkeypatch.chdir(folder)
    data = _json_at("net")
    assert data["settings"] is None
    assert data["results"][0]["criteria"]["version"] == "2024"


def _json_at(path: str) -> dict:
    code, out, err = run("check", path, *AS_OF, "--format", "json")
    assert code in (0, 1), err
    return json.loads(out)


def test_config_names_a_file_that_is_not_there(folder: Path) -> None:
    code, out, err = run("check", ".", "--config", "geen.yaml", "--lang", "en")
    assert code == 2 and "geen.yaml: settings file: not found" in err
    code, out, err = run("check", ".", "--config", "x.yaml", "--no-config", "--lang", "en")
    assert code == 2 and "exclude each other" in err


def test_the_search_stops_at_the_home_folder(tmp_path: Path) -> None:
    from oncocheck.cli.settings import find

    home = tmp_path / "home"
    (home / "project" / "net").mkdir(parents=True)
    (tmp_path / ".oncocheck.yaml").write_text("lang: en\n", encoding="utf-8")
    assert find(home / "project" / "net", home) is None  # above home: not looked at
    assert find(home / "project" / "net", tmp_path / "elsewhere") == tmp_path / ".oncocheck.yaml"
    (home / "project" / "pyproject.toml").write_text("[tool.ruff]\n", encoding="utf-8")
    assert find(home / "project" / "net", home) is None  # no [tool.oncocheck]: passed over
    (home / "project" / "pyproject.toml").write_text("[tool.oncocheck]\n", encoding="utf-8")
    assert find(home / "project" / "net", home) == home / "project" / "pyproject.toml"
