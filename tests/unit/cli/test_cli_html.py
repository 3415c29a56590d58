"""End to end: `--format html` as a site for a batch, a page for one file, and Markdown."""

from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path

import pytest
from htmlcheck import external_references, strict_parse
from one_command import CliRunner

from oncocheck.cli.app import app
from paths import ROOT

EXAMPLES = ROOT / "examples"
AS_OF = ["--as-of", "2026-11-23"]


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, [*args])
    assert "Traceback" not in result.output
    return result.exit_code, result.output


@pytest.fixture
def in_root() -> None:
    """Run from the project root, so display paths read `examples/...` as in the README."""
    cwd = Path.cwd()
    os.chdir(ROOT)
    yield
    os.chdir(cwd)


def test_batch_writes_index_and_one_page_per_example(tmp_path: Path, in_root: None) -> None:
    out = tmp_path / "report"
    code, _ = run("check", "examples/", "--format", "html", "--output", str(out), *AS_OF)
    assert code == 2  # two examples are invalid on purpose
    examples = sorted(EXAMPLES.rglob("*.yaml"))
    pages = sorted(p.name for p in out.iterdir())
    assert len(pages) == len(examples) + 1 and "index.html" in pages
    assert "voorbeeldstad.html" in pages and "provinciaal.html" in pages  # short names
    index = (out / "index.html").read_text(encoding="utf-8")
    for name in pages:
        page = (out / name).read_text(encoding="utf-8")
        strict_parse(page)
        assert external_references(page) == []
        assert name == "index.html" or f'href="{name}"' in index
        assert stat.S_IMODE((out / name).stat().st_mode) & 0o044  # readable by a web server
    assert not [p for p in out.iterdir() if p.name.startswith(".")]  # no temporary files left


def test_batch_without_output_directory_is_a_usage_error(tmp_path: Path) -> None:
    code, out = run("check", str(EXAMPLES), "--format", "html", *AS_OF)
    assert code == 2 and "--output" in out
    a_file = tmp_path / "taken.html"
    a_file.write_text("keep")
    code, out = run("check", str(EXAMPLES), "--format", "html", "-o", str(a_file), *AS_OF)
    assert code == 2 and a_file.read_text() == "keep"


def test_one_file_gives_one_page_on_stdout_or_in_a_file(tmp_path: Path) -> None:
    example = str(EXAMPLES / "compliant/voorbeeldstad.yaml")
    code, out = run("check", example, "--format", "html", "--lang", "en", *AS_OF)
    assert code == 0 and out.startswith("<!DOCTYPE html>") and 'lang="en"' in out
    assert "Oncologiezorgnetwerk Voorbeeldstad" in out and "✔</span> Compliant" in out
    target = tmp_path / "page.html"
    assert run("check", example, "-f", "html", "-o", str(target), *AS_OF)[0] == 0
    assert target.read_text(encoding="utf-8") == run("check", example, "-f", "html", *AS_OF)[1]


def test_one_file_into_an_existing_directory_gives_a_site(tmp_path: Path) -> None:
    example = str(EXAMPLES / "compliant/voorbeeldstad.yaml")
    assert run("check", example, "-f", "html", "-o", str(tmp_path), *AS_OF)[0] == 0
    assert len(list(tmp_path.glob("*.html"))) == 2


def test_site_never_lands_on_an_input(tmp_path: Path) -> None:
    source = (EXAMPLES / "compliant/voorbeeldstad.yaml").read_text(encoding="utf-8")
    site = tmp_path / "site"
    site.mkdir()
    unlucky = site / "index.html"  # a network file given by path, whatever its name
    unlucky.write_text(source)
    (tmp_path / "b.yaml").write_text(source)
    code, out = run("check", str(unlucky), str(tmp_path / "b.yaml"), "-f", "html",
                    "-o", str(site), *AS_OF)
    assert code == 2 and "invoerbestand" in out
    assert unlucky.read_text() == source and sorted(site.iterdir()) == [unlucky]


def test_markdown_format(in_root: None) -> None:
    code, out = run("check", "examples/not-compliant/", "--format", "markdown", "--lang", "en",
                    *AS_OF)
    assert code == 1
    assert out.startswith("## oncocheck · Quality review: overview")
    assert "| Oncologienetwerk De Meierij | examples/not-compliant/verwijsgids-55.yaml | " \
           "❌ Not compliant | 11/12 |" in out


def run_apart(*args: str) -> tuple[int, str, str]:
    """Exit code, stdout and stderr apart."""
    result = CliRunner().invoke(app, [*args])
    assert "Traceback" not in result.output
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("name", ["rapport.html", "Rapport.HTM", "sub/x.html"])
@pytest.mark.parametrize("option", ["--output", "--report"])
def test_a_batch_into_a_page_name_is_a_usage_error(tmp_path: Path, name: str,
                                                   option: str) -> None:
    target = tmp_path / name
    args = ["-f", "html", "-o", str(target)] if option == "--output" else [
        "--report", f"html={target}"]
    code, stdout, stderr = run_apart("check", str(EXAMPLES), *args, *AS_OF, "--lang", "en")
    assert code == 2 and stdout == ""
    assert "into a directory, not into one file" in stderr
    assert f"for example {target.with_suffix('')}/" in stderr
    assert list(tmp_path.iterdir()) == []  # nothing written, no folder made


def test_a_batch_into_an_existing_folder_named_like_a_page_is_a_site(tmp_path: Path) -> None:
    target = tmp_path / "site.html"
    target.mkdir()  # the user made the folder: it is one
    assert run_apart("check", str(EXAMPLES), "-f", "html", "-o", str(target), *AS_OF)[0] == 2
    assert (target / "index.html").is_file()


def test_writing_a_page_says_where_and_the_verdict(tmp_path: Path) -> None:
    example = str(EXAMPLES / "compliant/voorbeeldstad.yaml")
    target = tmp_path / "rapport.html"
    code, stdout, stderr = run_apart("check", example, "-f", "html", "-o", str(target), *AS_OF)
    assert code == 0 and stdout == "" and target.is_file()
    assert stderr == (f"oncocheck: rapport geschreven: {target} (HTML) — 1 bestand: 1 voldoet, "
                      "0 voldoen niet, 0 ongeldig (criteria loppsoz@2024, peildatum "
                      "2026-11-23)\n")


def test_writing_a_site_names_its_index_and_its_pages(tmp_path: Path) -> None:
    out = tmp_path / "report"
    code, _, stderr = run_apart("check", str(EXAMPLES), "-f", "html", "-o", str(out), *AS_OF,
                                "--lang", "en", "--report", f"sarif={tmp_path / 'o.sarif'}")
    assert code == 2
    assert stderr == (f"oncocheck: reports written: {tmp_path / 'o.sarif'} (SARIF), "
                      f"{out / 'index.html'} (HTML site with 8 network pages) — 8 files: "
                      "1 compliant, 5 not compliant, 2 invalid (criteria loppsoz@2024, as of "
                      "2026-11-23)\n")


def test_nothing_is_said_for_a_report_on_stdout_or_into_a_device(tmp_path: Path) -> None:
    example = str(EXAMPLES / "compliant/voorbeeldstad.yaml")
    code, stdout, stderr = run_apart("check", example, "-f", "html", *AS_OF)
    assert code == 0 and stdout.startswith("<!DOCTYPE html>") and stderr == ""
    assert run_apart("check", example, *AS_OF, "--report", "html=-")[2] == ""
    sink = tmp_path / "null"
    try:
        os.mknod(sink, stat.S_IFCHR | 0o666, os.makedev(1, 3))  # a /dev/null of our own
    except PermissionError:
        pytest.skip("making a device node needs root (os.mknod); run as root to check it")
    code, stdout, stderr = run_apart("check", example, "-f", "html", "-o", str(sink), *AS_OF)
    assert code == 0 and stderr == "" and stat.S_ISCHR(sink.stat().st_mode)


def test_absolute_paths_give_short_names_and_paths_from_the_batch_folder(tmp_path: Path) -> None:
    batch = tmp_path / "aanvragen"
    shutil.copytree(EXAMPLES, batch)
    out = tmp_path / "site"
    assert run_apart("check", str(batch.resolve()), "-f", "html", "-o", str(out), *AS_OF)[0] == 2
    stems = {p.stem for p in batch.rglob("*.yaml")}
    assert {p.stem for p in out.iterdir()} == stems | {"index"}  # never tmp-...-voorbeeldstad
    index = (out / "index.html").read_text(encoding="utf-8")
    assert f"<dd><code>{batch.resolve()}</code></dd>" in index
    assert '<td class="path"><code>compliant/<wbr>voorbeeldstad.yaml</code></td>' in index
    assert index.count(str(tmp_path)) == 1  # the folder, once; never in a file column
    page = (out / "voorbeeldstad.html").read_text(encoding="utf-8")
    assert str(tmp_path) not in page


@pytest.mark.parametrize("rules", [
    ["--criteria", "{rules}"], ["--compare", "{draft}"], ["--criteria", "{rules}", "--compare",
                                                          "{draft}"]])
@pytest.mark.parametrize("where", [["-f", "html", "-o", "{page}"], ["--report", "html={page}"]])
def test_a_rule_file_is_no_network_so_one_file_is_still_one_page(
        tmp_path: Path, rules: list[str], where: list[str]) -> None:
    """Only network files decide between one page and a site (issue 21): with a rule file of
    the user's, one network file is still one page."""
    shutil.copy(ROOT / "criteria/loppsoz/2024.yaml", tmp_path / "regels.yaml")
    (tmp_path / "concept.yaml").write_text("extends: loppsoz@2024\nversion: concept\n", "utf-8")
    page = tmp_path / "pagina.html"
    names = {"rules": str(tmp_path / "regels.yaml"), "draft": str(tmp_path / "concept.yaml"),
             "page": str(page)}
    args = [a.format(**names) for a in [*rules, *where]]
    code, out = run("check", str(EXAMPLES / "compliant/voorbeeldstad.yaml"), *args, *AS_OF)
    assert code == 0, out
    assert page.is_file() and page.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    code, out = run("check", str(EXAMPLES / "not-compliant"), *args, *AS_OF, "--lang", "en")
    assert code == 2 and "writes a site" in out  # a batch still is one
