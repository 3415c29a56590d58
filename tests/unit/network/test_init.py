"""`oncocheck init`: the template round trip, refusing to overwrite, `--from-sheet`."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from one_command import CliRunner

from oncocheck.cli.app import app
from oncocheck.network.template import PLACEHOLDER_NAMES, template
from oncocheck.network.model import NetworkFile
from oncocheck.load.sheets import read_sheet
from sheets import write_sheets

runner = CliRunner()
SPEC = Path("/work/shared/spec/network-file.md")


def invoke(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    assert "Traceback" not in result.output
    return result.exit_code, result.output


def _model_keys(model: type, prefix: str = "") -> set[str]:
    keys = set()
    for name, info in model.model_fields.items():
        keys.add(prefix + name)
        for inner in _nested_models(info.annotation):
            keys |= _model_keys(inner, f"{prefix}{name}.")
    return keys


def _nested_models(annotation: object) -> list[type]:
    from pydantic import BaseModel

    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [m for arg in getattr(annotation, "__args__", ()) or () for m in _nested_models(arg)]


def _template_keys(text: str) -> set[str]:
    """Every key written in the template, comments included (the examples there count)."""
    keys, stack = set(), []
    for line in text.splitlines():
        match = re.match(r"^(\s*)(?:#\s*)?(?:- )?([a-z_]+):", line)
        if not match or line.lstrip().startswith("# yaml-language-server"):
            continue
        indent = len(match.group(1)) + (2 if "- " in line.split(":")[0] else 0)
        stack = [(i, k) for i, k in stack if i < indent]
        keys.add(".".join([k for _, k in stack] + [match.group(2)]))
        stack.append((indent, match.group(2)))
    return keys


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_template_names_every_field_with_a_comment(lang: str) -> None:
    text = template(lang)
    assert text.startswith("# yaml-language-server: $schema=https://")
    wanted = {k for k in _model_keys(NetworkFile) if not k.startswith("notes.")}
    assert wanted <= _template_keys(text), wanted - _template_keys(text)
    for line in text.splitlines():
        if re.match(r"^\s*[a-z_]+:", line):
            assert " # " in line, f"no comment on: {line}"
    for cid in ("1a", "1b", "2a", "2b", "3", "4", "5", "6", "7", "8", "9", "10"):
        assert re.search(rf"# criteri(?:um|on|a) (?:[0-9ab]+, )*{cid}\b", text), cid


@pytest.mark.parametrize("lang, placeholder",
                         list(zip(["nl", "en"], PLACEHOLDER_NAMES, strict=True)))
def test_template_round_trip_lists_what_to_fill_in(tmp_path: Path, lang: str,
                                                   placeholder: str) -> None:
    target = tmp_path / "netwerk.yaml"
    code, out = invoke("init", str(target), "--lang", lang)
    assert code == 0 and f"oncocheck check {target}" in out
    assert yaml.safe_load(target.read_text("utf-8"))["network"]["name"] == placeholder
    code, out = invoke("check", str(target), "--format", "json", "--as-of", "2026-11-23")
    assert code == 1
    [result] = json.loads(out)["results"]
    assert result["errors"] == [] and result["verdict"] == "not_compliant"
    statuses = {f["criterion"]: f["status"] for f in result["findings"]}
    assert all(statuses[c] != "met" for c in ("1a", "1b", "2a", "2b", "3", "4", "5", "6", "7",
                                               "8", "9", "10"))
    assert statuses["template-name"] == "not_met"
    todo = [f["remediation"] for f in result["findings"] if f["status"] != "met"]
    assert all(todo) and any("network.website" in t for t in todo)


def test_init_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    target = tmp_path / "netwerk.yaml"
    target.write_text("mijn werk\n", encoding="utf-8")
    code, out = invoke("init", str(target))
    assert code == 2 and "bestaat al" in out and "--force" in out
    assert target.read_text("utf-8") == "mijn werk\n"
    code, _ = invoke("init", str(target), "--force")
    assert code == 0 and target.read_text("utf-8") == template("nl")


def test_init_default_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, out = invoke("init", "--lang", "en")
    assert code == 0 and (tmp_path / "netwerk.yaml").read_text("utf-8") == template("en")
    assert "oncocheck check netwerk.yaml --lang en" in out


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_from_sheet_creates_a_header_only_sheet_and_round_trips(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, suffix: str) -> None:
    monkeypatch.chdir(tmp_path)
    code, out = invoke("init", "netwerk/netwerk.yaml", "--from-sheet",
                       f"netwerk/lijst/leden{suffix}")
    assert code == 0 and "nieuw aangemaakt" in out
    data = yaml.safe_load(Path("netwerk/netwerk.yaml").read_text("utf-8"))
    assert data["members_file"] == f"lijst/leden{suffix}" and data["members"] is None
    sheet = read_sheet(Path(f"netwerk/lijst/leden{suffix}"), f"leden{suffix}")
    assert sheet.errors == [] and sheet.members == []
    code, out = invoke("check", "netwerk/netwerk.yaml")
    assert code == 1 and "ONGELDIG" not in out


def test_from_sheet_refuses_a_sheet_outside_the_network_files_folder(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`check` reads a members list only inside the network file's folder, so `init` does not
    write a network file naming one outside it (and writes nothing)."""
    monkeypatch.chdir(tmp_path)
    code, out = invoke("init", "netwerk/netwerk.yaml", "--from-sheet", "leden.xlsx",
                       "--lang", "en")
    assert code == 2 and "is outside the folder of netwerk/netwerk.yaml" in out
    assert list(tmp_path.iterdir()) == []


def test_from_sheet_keeps_an_existing_sheet_and_its_members_count(tmp_path: Path) -> None:
    sheet = tmp_path / "leden lijst.csv"
    sheet.write_text("naam;discipline;verwijsgids\nA;fysio;ja\nB;dietist;ja\n", "utf-8")
    target = tmp_path / "netwerk.yaml"
    code, out = invoke("init", str(target), "--from-sheet", str(sheet))
    assert code == 0 and "nieuw aangemaakt" not in out
    assert 'members_file: "leden lijst.csv"' in target.read_text("utf-8")
    code, out = invoke("check", str(target), "--format", "json")
    finding = next(f for f in json.loads(out)["results"][0]["findings"] if f["criterion"] == "2a")
    assert code == 1 and finding["observed"]["listed"] == 2


def test_from_sheet_rejects_other_file_types(tmp_path: Path) -> None:
    code, out = invoke("init", str(tmp_path / "n.yaml"), "--from-sheet", "leden.ods", "--lang",
                       "en")
    assert code == 2 and "expects an .xlsx or .csv file" in out
    assert not (tmp_path / "n.yaml").exists()


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_template_points_at_the_schema_and_an_editor_accepts_it(lang: str) -> None:
    import jsonschema

    from oncocheck.network.schema import SCHEMA_URL, schema_text
    from oncocheck.rules.bundled import labels, vocabulary

    text = template(lang)
    assert text.splitlines()[0] == f"# yaml-language-server: $schema={SCHEMA_URL}"
    jsonschema.validate(yaml.safe_load(text), json.loads(schema_text(vocabulary(), labels())))


@pytest.mark.parametrize("title", ["Leden 2026", "Leden\u202e"])
def test_from_sheet_names_the_sheet_check_reads_in_a_workbook_of_several(
        tmp_path: Path, title: str) -> None:
    """The members are on a later sheet: `init` writes `members_sheet`, so `check` reads that
    sheet without a warning that it guessed, and says so (an invisible character escaped)."""
    sheet = write_sheets(tmp_path / "leden.xlsx", {
        "Toelichting": [["Dit is de ledenlijst van het netwerk."]],
        title: [["naam", "discipline", "verwijsgids"], ["A", "fysiotherapeut", "ja"],
                ["B", "dietist", "ja"]]})
    target = tmp_path / "netwerk.yaml"
    code, out = invoke("init", str(target), "--from-sheet", str(sheet), "--lang", "en")
    assert code == 0 and "now named as members_sheet" in out, out
    text = target.read_text("utf-8")
    assert "\u202e" not in text
    assert yaml.safe_load(text)["members_sheet"] == title.replace("\u202e", "\\u202e")
    code, out = invoke("check", str(target), "--format", "json", "--lang", "en")
    result = json.loads(out)["results"][0]
    finding = next(f for f in result["findings"] if f["criterion"] == "2a")
    assert code == 1 and finding["observed"]["listed"] == 2
    assert "members_sheet" not in out  # no "name the sheet in the network file" hint


def test_from_sheet_leaves_members_sheet_empty_for_a_workbook_of_one_sheet(
        tmp_path: Path) -> None:
    sheet = write_sheets(tmp_path / "leden.xlsx",
                         {"Blad1": [["naam", "discipline"], ["A", "dietist"]]})
    target = tmp_path / "netwerk.yaml"
    code, out = invoke("init", str(target), "--from-sheet", str(sheet))
    assert code == 0 and "members_sheet" not in out
    assert yaml.safe_load(target.read_text("utf-8"))["members_sheet"] is None


# A sheet path with a link on its way (issue 21): the links made in the network's folder
# `netwerk/` (name -> where it leads), the --from-sheet path, and a fragment of the refusal.
OUTSIDE = (("ligt buiten de map van netwerk/netwerk.yaml (of is een koppeling die daarbuiten "
            "leidt)"),
    "is outside the folder of netwerk/netwerk.yaml (or a link leading out of it)")
THROUGH = (("bestaat niet en het pad ernaartoe loopt via een koppeling; oncocheck maakt geen "
            "bestand via een koppeling"), ("does not exist and its path goes through a link; "
                                           "oncocheck creates no file through a link"))
LINKED_SHEETS = [
    pytest.param({"leden.xlsx": "../buiten/leden.xlsx"}, "leden.xlsx", OUTSIDE,
                 id="a-link-to-nothing-outside"),
    pytest.param({"leden.csv": "../buiten/bestaat.csv"}, "leden.csv", OUTSIDE,
                 id="a-link-to-a-file-outside"),
    pytest.param({"map": "../buiten"}, "map/leden.csv", OUTSIDE, id="a-folder-link-outside"),
    pytest.param({"leden.csv": "nergens.csv"}, "leden.csv", THROUGH,
                 id="a-link-to-nothing-inside"),
    pytest.param({"map": "nergens"}, "map/leden.csv", THROUGH,
                 id="a-folder-link-to-nothing-inside"),
    pytest.param({"map": "echt"}, "map/nieuw.csv", THROUGH, id="a-new-sheet-in-a-linked-folder"),
]


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize(("links", "sheet", "said"), LINKED_SHEETS)
def test_from_sheet_never_leaves_the_folder_nor_creates_through_a_link(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, links: dict[str, str], sheet: str,
        said: tuple[str, str], lang: str) -> None:
    monkeypatch.chdir(tmp_path)
    for folder in ("netwerk/echt", "buiten"):
        Path(folder).mkdir(parents=True)
    Path("buiten/bestaat.csv").write_text("naam,discipline\n", "utf-8")
    for name, destination in links.items():
        (tmp_path / "netwerk" / name).symlink_to(destination)
    before = sorted(str(p) for p in tmp_path.rglob("*"))
    code, out = invoke("init", "netwerk/netwerk.yaml", "--from-sheet", f"netwerk/{sheet}",
                       "--lang", lang)
    assert code == 2, out
    assert said[lang == "en"] in out
    assert sorted(str(p) for p in tmp_path.rglob("*")) == before  # nothing written anywhere


def test_from_sheet_reads_an_existing_sheet_through_a_link_inside_the_folder(
        tmp_path: Path) -> None:
    (tmp_path / "echt").mkdir()
    (tmp_path / "echt" / "leden.csv").write_text("naam;discipline\nA;fysio\n", "utf-8")
    (tmp_path / "map").symlink_to("echt")
    target = tmp_path / "netwerk.yaml"
    code, out = invoke("init", str(target), "--from-sheet", str(tmp_path / "map" / "leden.csv"))
    assert code == 0, out
    assert "members_file: map/leden.csv" in target.read_text("utf-8")
