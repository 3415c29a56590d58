"""`oncocheck impact` reads the inputs `check` reads: a folder of application packages (from
`oncocheck pack`) beside a plain network file is judged as the unpacked files are, each
package read from the package alone."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from oncocheck.cli.app import app
from paths import ROOT

FIXTURES = ROOT / "tests" / "impact"
VERSIONS = ["--from", "loppsoz@2021", "--to", "loppsoz@2024", "--as-of", "2026-11-23"]
PACKED = {"b-50.yaml": "b.zip", "c-55.yaml": "c.zip"}  # 2a met under 2021, not under 2024
PLAIN = "d-60.yaml"
#: As long as `inbox/b.zip:`, so that a table wraps the unpacked file's name as the package's
UNPACKED = "unpacked".ljust(len("inbox/b.zip:") - 1, "_")


def impact(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["impact", *args, *VERSIONS])
    assert not isinstance(result.exception, Exception) or isinstance(result.exception,
                                                                     SystemExit), result.output
    return result.exit_code, result.output


@pytest.fixture
def inbox(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """`UNPACKED` with the three networks, `inbox/` with two of them packed and one plain."""
    monkeypatch.chdir(tmp_path)
    unpacked, inbox = Path(UNPACKED), Path("inbox")
    unpacked.mkdir()
    inbox.mkdir()
    for name in [*PACKED, PLAIN]:
        shutil.copy(FIXTURES / name, unpacked / name)
    for name, package in PACKED.items():
        result = CliRunner().invoke(app, ["pack", str(unpacked / name), "--output",
                                          str(inbox / package), "--as-of", "2026-11-23"])
        assert result.exit_code == 0, result.output
    shutil.copy(FIXTURES / PLAIN, inbox / PLAIN)
    return inbox


def _as_unpacked(text: str) -> str:
    """`text` with each package's display path (`inbox/b.zip:b-50.yaml`) as the unpacked
    file's, and runs of spaces as one (the table columns fit the longer names)."""
    for name, package in PACKED.items():
        text = text.replace(f"inbox{os.sep}{package}:{name}", f"{UNPACKED}{os.sep}{name}")
        text = text.replace(f"inbox/{package}:{name}", f"{UNPACKED}/{name}")
    return " ".join(text.replace(f"inbox{os.sep}{PLAIN}", f"{UNPACKED}{os.sep}{PLAIN}").split())


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_impact_on_packages_is_impact_on_the_unpacked_files(inbox: Path, lang: str) -> None:
    code, packed = impact(str(inbox), "--lang", lang, "-f", "json")
    assert code == 0, packed
    code, unpacked = impact(UNPACKED, "--lang", lang, "-f", "json")
    assert code == 0, unpacked
    data = json.loads(packed)
    changes = data["verdict_changes"]
    assert sorted(c["file"] for c in changes) == [
        f"inbox/{p}:{n}".replace("/", os.sep) for n, p in PACKED.items()]
    assert {(c["from"], c["to"]) for c in changes} == {("compliant", "not_compliant")}
    assert json.loads(_as_unpacked(packed)) == json.loads(_as_unpacked(unpacked))
    code, console = impact(str(inbox), "--lang", lang)
    assert code == 0 and _as_unpacked(console) == _as_unpacked(impact(UNPACKED, "--lang",
                                                                      lang)[1])


@pytest.mark.parametrize(("lang", "says"), [
    ("nl", "geen netwerkbestanden (*.yaml, *.yml) of aanvraagpakketten (*.zip) gevonden in"),
    ("en", "no network files (*.yaml, *.yml) or application packages (*.zip) found in")])
def test_an_empty_folder_names_packages_too(tmp_path: Path, lang: str, says: str) -> None:
    code, out = impact(str(tmp_path), "--lang", lang)
    assert code == 2 and says in " ".join(out.split()), out


@pytest.mark.parametrize(("lang", "says"), [
    ("nl", "een map zonder .yaml-, .yml- of .zip-bestanden (netwerkbestanden of "
           "aanvraagpakketten)"),
    ("en", "a folder with no .yaml, .yml or .zip files (network files or application "
           "packages) in it")])
def test_check_of_an_empty_folder_names_packages_too(tmp_path: Path, lang: str,
                                                     says: str) -> None:
    result = CliRunner().invoke(app, ["check", str(tmp_path), "--lang", lang])
    assert result.exit_code == 2 and says in " ".join(result.output.split()), result.output
