"""`oncocheck pack` and the check of a package (issue 26): what was checked is what is judged.

A package made by `pack` checks to the same verdict, findings and digests as the network it
came from, in every format; each tampering gives its finding; the round trip (pack, send,
check a folder of packages) runs."""

from __future__ import annotations

import hashlib
import io
import json
import re
import shlex
import shutil
import zipfile
from pathlib import Path

import pytest
from one_command import CliRunner

from oncocheck import render
from oncocheck.cli.app import app
from paths import EXAMPLES, ROOT

AS_OF = ["--as-of", "2026-11-23"]
SHEET = "naam,discipline,verwijsgids\nC. Jansen,psycholoog,ja\nD. Smit,logopedist,nee\n"


def invoke(*args: str):  # noqa: ANN201 - a click Result
    return CliRunner().invoke(app, [*args])


@pytest.fixture
def network(tmp_path: Path) -> Path:
    """The compliant example with a members sheet and a document beside it."""
    folder = tmp_path / "netwerk"
    shutil.copytree(EXAMPLES / "compliant", folder)
    path = folder / "voorbeeldstad.yaml"
    (folder / "leden.csv").write_text(SHEET, "utf-8")
    path.write_text("members_file: leden.csv\n" + path.read_text("utf-8"), "utf-8")
    return path


def packed(network: Path, target: Path, *more: str) -> Path:
    result = invoke("pack", str(network), "--output", str(target), *AS_OF, *more)
    assert result.exit_code == 0, result.output
    return target


def entries(package: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(package) as archive:
        return {i.filename: archive.read(i) for i in archive.infolist()}


def rewritten(package: Path, change: dict[str, bytes | None]) -> None:
    """The package with entries replaced, added or (None) removed; the manifest kept."""
    files = {**entries(package), **change}
    with zipfile.ZipFile(package, "w") as archive:
        for name, raw in files.items():
            if raw is not None:
                archive.writestr(name, raw)


def test_pack_holds_what_was_checked(network: Path, tmp_path: Path) -> None:
    package = packed(network, tmp_path / "aanvraag.zip")
    files = entries(package)
    assert sorted(files) == ["docs/visie-2025.md", "leden.csv", "manifest.json",
                             "oncocheck-rapport.html", "oncocheck-rapport.json",
                             "voorbeeldstad.yaml"]
    assert files["leden.csv"] == (network.parent / "leden.csv").read_bytes()
    manifest = json.loads(files["manifest.json"])
    assert manifest["format"] == "oncocheck-package/1"
    assert (manifest["verdict"], manifest["as_of"]) == ("compliant", "2026-11-23")
    roles = {f["path"]: f["role"] for f in manifest["files"]}
    assert roles["leden.csv"] == "members" and roles["voorbeeldstad.yaml"] == "network"
    report = json.loads(files["oncocheck-rapport.json"])
    assert report["results"][0]["verdict"] == "compliant"


def test_the_same_inputs_pack_to_the_same_bytes(network: Path, tmp_path: Path) -> None:
    one = packed(network, tmp_path / "een.zip").read_bytes()
    two = packed(network, tmp_path / "twee.zip").read_bytes()
    assert one == two
    assert [i.date_time for i in zipfile.ZipFile(io.BytesIO(one)).infolist()] == [
        (1980, 1, 1, 0, 0, 0)] * 6


def test_pack_never_overwrites_without_force_nor_an_input(network: Path,
                                                          tmp_path: Path) -> None:
    target = packed(network, tmp_path / "aanvraag.zip")
    again = invoke("pack", str(network), "--output", str(target), "--lang", "en")
    assert again.exit_code == 2 and "already exists" in again.output
    assert invoke("pack", str(network), "--output", str(target), "--force").exit_code == 0
    over = invoke("pack", str(network), "--output", str(network.parent / "leden.csv"),
                  "--force", "--lang", "en")
    assert over.exit_code == 2 and "input file" in over.output
    assert (network.parent / "leden.csv").read_text("utf-8") == SHEET


def test_default_name_beside_the_file(network: Path) -> None:
    result = invoke("pack", str(network), *AS_OF)
    assert result.exit_code == 0, result.output
    made = list(network.parent.glob("*.zip"))
    assert len(made) == 1 and made[0].name.startswith("oncologiezorgnetwerk-voorbeeldstad-")


def test_a_file_that_cannot_be_loaded_is_not_packed(tmp_path: Path) -> None:
    bad = tmp_path / "kapot.yaml"
    bad.write_text("network: [\n", "utf-8")
    result = invoke("pack", str(bad), "--output", str(tmp_path / "x.zip"), "--lang", "en")
    assert result.exit_code == 2 and "nothing was packed" in result.output
    assert not (tmp_path / "x.zip").exists()


def test_a_network_not_compliant_is_packed_and_said(tmp_path: Path) -> None:
    source = next((EXAMPLES / "not-compliant").glob("*.yaml"))
    result = invoke("pack", str(source), "--output", str(tmp_path / "n.zip"), "--lang", "en")
    assert result.exit_code == 0 and "NOT compliant" in result.output


def _checked(path: Path, fmt: str) -> str:
    result = invoke("check", str(path), *AS_OF, "--format", fmt, "--lang", "en")
    assert result.exit_code in (0, 1), result.output
    return result.stdout


TEXT_FORMATS = [f for f in render.formats_of("check") if not render.is_binary(f)]  # xlsx:
# the csv is its text


@pytest.mark.parametrize("fmt", TEXT_FORMATS)
def test_a_package_checks_like_its_network(network: Path, fmt: str,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(network.parent)
    _same_in(Path(network.name), fmt)


@pytest.mark.parametrize("fmt", TEXT_FORMATS)
def test_a_package_not_compliant_checks_like_its_network(tmp_path: Path, fmt: str,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    shutil.copy(EXAMPLES / "not-compliant" / "bv.yaml", "voorbeeldstad.yaml")
    _same_in(Path("voorbeeldstad.yaml"), fmt)


def _same_in(network: Path, fmt: str) -> None:
    """The package of `network` checks to the same text in `fmt`, its files named inside the
    package; the same JSON, and the same digests, besides the package's own."""
    package = packed(network, Path("aanvraag.zip"))
    plain, inside = _checked(network, fmt), _checked(package, fmt)
    own = hashlib.sha256(package.read_bytes()).hexdigest()
    if fmt == "csv":  # the register's one column more: the package's digest
        assert f',"{own}"' in inside
        inside = inside.replace(f',"{own}"', "").replace(',"Application package SHA-256"', "")
    if fmt != "json":  # the package's own row (its digest) is the one line more
        inside = "\n".join(line for line in inside.split("\n") if own not in line)
    # the same files, named inside the package instead of in its folder
    inside = inside.replace("aanvraag.zip%3A", "aanvraag.zip:")  # a URI, a GitHub command
    assert ("voorbeeldstad.yaml" in plain) == ("aanvraag.zip:voorbeeldstad.yaml" in inside)
    inside = inside.replace("aanvraag.zip:", "")
    # fingerprints (codequality, sarif) are made of the file's name, too
    plain, inside = (re.sub(r'"(fingerprint|oncocheck/v1)": "[0-9a-f]+"', "", t)
                     for t in (plain, inside))
    if fmt != "json":
        assert "aanvraag.zip" not in inside
        assert inside == plain
        return
    one, two = json.loads(plain)["results"][0], json.loads(inside)["results"][0]
    assert [i for i in two.pop("inputs") if i["role"] == "package"] == [
        {"path": "aanvraag.zip", "role": "package", "sha256": own,
         "size": package.stat().st_size}]
    assert one.pop("inputs") and one == two


def test_the_package_names_its_files_and_its_digest(network: Path, tmp_path: Path) -> None:
    package = packed(network, tmp_path / "aanvraag.zip")
    report = json.loads(_checked(package, "json"))["results"][0]
    shown = {i["path"]: i["role"] for i in report["inputs"]}
    assert shown[str(package)] == "package"
    assert shown[f"{package}:leden.csv"] == "members"



def test_findings_name_the_package_and_the_file_in_it(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    shutil.copy(EXAMPLES / "not-compliant" / "bv.yaml", "bv.yaml")
    package = packed(Path("bv.yaml"), Path("aanvraag.zip"))
    plain = _checked(Path("bv.yaml"), "github")
    assert "file=bv.yaml,line=12,col=3," in plain  # the place the package must keep
    assert "file=aanvraag.zip%3Abv.yaml,line=12,col=3," in _checked(package, "github")


@pytest.mark.parametrize(("change", "finding", "file"), [
    ({"leden.csv": b"naam,discipline\nX,psycholoog\n"}, "package-changed", "leden.csv"),
    ({"docs/visie-2025.md": None}, "package-missing", "docs/visie-2025.md"),
    ({"extra.txt": b"hoi"}, "package-extra", "extra.txt"),
])
def test_each_tampering_is_a_warning(network: Path, tmp_path: Path, change: dict,
                                     finding: str, file: str) -> None:
    package = packed(network, tmp_path / "aanvraag.zip")
    rewritten(package, change)
    report = json.loads(_checked(package, "json"))["results"][0]
    found = [f for f in report["findings"] if f["criterion"] == finding]
    assert found and found[0]["severity"] == "warning" and file in found[0]["message"]


def test_a_package_without_manifest_is_invalid(network: Path, tmp_path: Path) -> None:
    package = packed(network, tmp_path / "aanvraag.zip")
    rewritten(package, {"manifest.json": None})
    result = invoke("check", str(package), "--lang", "en")
    assert result.exit_code == 2 and "manifest.json" in result.stdout


def _readme_round_trip() -> list[list[str]]:
    """The commands of the README's round trip ("Het aanvraagpakket"), as argument lists."""
    text = (ROOT / "README.md").read_text("utf-8")
    section = text[text.index("### Het aanvraagpakket"):]
    block = section[section.index("```\n") + 4:section.index("\n```", section.index("```\n") + 4)]
    return [shlex.split(line)[1:] for line in block.splitlines() if line.startswith("oncocheck ")]


def test_the_round_trip_of_the_readme(network: Path, tmp_path: Path,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """The coordinator packs and sends one file; the reviewer checks a folder of packages
    (beside a plain network file) and archives the JSON and the register: the README's own
    commands."""
    pack_args, check_args = _readme_round_trip()
    assert pack_args[:2] == ["pack", "netwerk.yaml"] and check_args[0] == "check"
    monkeypatch.chdir(network.parent)
    network.rename("netwerk.yaml")
    result = invoke(*pack_args, *AS_OF)
    assert result.exit_code == 0, result.output
    inbox = Path(check_args[1])
    inbox.mkdir()
    Path(pack_args[pack_args.index("--output") + 1]).rename(inbox / "voorbeeldstad.zip")
    shutil.copy(EXAMPLES / "not-compliant" / "bv.yaml", inbox / "ander.yaml")
    result = invoke(*check_args, *AS_OF)
    assert result.exit_code == 1, result.output
    json_out = Path(check_args[check_args.index("--output") + 1])
    results = json.loads(json_out.read_text("utf-8"))["results"]
    assert {Path(r["file"]).name: r["verdict"] for r in results} == {
        "voorbeeldstad.zip:netwerk.yaml": "compliant", "ander.yaml": "not_compliant"}
    register = Path(check_args[-1].split("=", 1)[1]).read_text("utf-8-sig")
    assert hashlib.sha256((inbox / "voorbeeldstad.zip").read_bytes()).hexdigest() in register
    assert sorted(p.name for p in inbox.iterdir()) == ["ander.yaml", "voorbeeldstad.zip"]


QUICK = ["package-dotdot", "package-absolute", "package-symlink", "package-duplicate",
         "package-encrypted", "package-nested", "package-total-bomb", "package-no-manifest"]


def test_hostile_packages_extract_nothing_and_the_batch_goes_on(
        network: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from make_packages import PACKAGES

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    packed(network, inbox / "zz-goed.zip")
    for case in QUICK:
        PACKAGES[case](inbox)
    before = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*"))
    monkeypatch.chdir(inbox / "..")
    result = invoke("check", str(inbox), *AS_OF, "--format", "json")
    assert result.exit_code == 2
    verdicts = {Path(r["file"]).name: r["verdict"] for r in json.loads(result.stdout)["results"]}
    assert verdicts.pop("zz-goed.zip:voorbeeldstad.yaml") == "compliant"
    assert set(verdicts.values()) == {"invalid"} and len(verdicts) == len(QUICK)
    assert sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*")) == before
    assert not Path("/etc/oncocheck-test").exists()


def test_rounds_matches_a_packaged_network_like_a_plain_one(network: Path,
                                                            tmp_path: Path) -> None:
    package = packed(network, tmp_path / "ronde2" / "aanvraag.zip")
    for name, path in (("oud.json", network), ("nieuw.json", package)):
        result = invoke("check", str(path), *AS_OF, "--format", "json", "--output",
                        str(tmp_path / name))
        assert result.exit_code == 0, result.output
    result = invoke("rounds", str(tmp_path / "oud.json"), str(tmp_path / "nieuw.json"),
                    "--format", "json")
    summary = json.loads(result.stdout)["summary"]
    assert (summary["new"], summary["gone"]) == (0, 0)


def test_a_document_that_does_not_count_is_named_not_packed(network: Path,
                                                            tmp_path: Path) -> None:
    (network.parent / "docs" / "visie-2025.md").unlink()
    (tmp_path / "buiten.md").write_text("x", "utf-8")
    text = network.read_text("utf-8").replace("docs/visie-2025.md", "../buiten.md")
    network.write_text(text, "utf-8")
    result = invoke("pack", str(network), "--output", str(tmp_path / "a.zip"), "--lang", "en")
    assert result.exit_code == 0, result.output
    assert "not packed: document not usable: ../buiten.md" in result.output
    assert sorted(entries(tmp_path / "a.zip")) == [
        "leden.csv", "manifest.json", "oncocheck-rapport.html", "oncocheck-rapport.json",
        "voorbeeldstad.yaml"]


def test_a_package_never_reads_the_disk_beside_it(network: Path, tmp_path: Path) -> None:
    """A packaged network naming files outside the package (by an absolute path, by `..`)
    that exist on the disk: they are outside, never read."""
    package = packed(network, tmp_path / "aanvraag.zip")
    sheet = network.parent / "leden.csv"
    text = network.read_text("utf-8").replace("members_file: leden.csv",
                                              f"members_file: {sheet}")
    rewritten(package, {"voorbeeldstad.yaml": text.encode()})
    result = invoke("check", str(package), "--lang", "en", *AS_OF)
    assert result.exit_code == 2 and "is not in the package" in result.stdout
    text = network.read_text("utf-8").replace("docs/visie-2025.md", "../netwerk/docs/visie-2025.md")
    rewritten(package, {"voorbeeldstad.yaml": text.encode()})
    report = json.loads(_checked(package, "json"))["results"][0]
    assert [f["observed"]["problem"] for f in report["findings"]
            if f["criterion"] == "document-not-usable"] == ["outside"]
