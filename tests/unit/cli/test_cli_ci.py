"""`check` for CI services: `--fail-on invalid`, the repository root (`--base-dir` or the git
top level, found without git), and the job summary appended to `$GITHUB_STEP_SUMMARY`."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from paths import ROOT
from one_command import CliRunner

from oncocheck.cli.app import app
from oncocheck.cli.files import git_top

EXAMPLES = ROOT / "examples"
AS_OF = ["--as-of", "2026-11-23"]


def run(*args: str) -> tuple[int, str, str]:
    """Exit code, stdout and stderr of `oncocheck ARGS`."""
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("folder, code", [
    ("in-oprichting", 0), ("not-compliant", 0), ("compliant", 0), ("invalid", 2), ("", 2)])
def test_fail_on_invalid_fails_only_for_files_that_cannot_be_loaded(folder: str,
                                                                     code: int) -> None:
    assert run("check", str(EXAMPLES / folder), *AS_OF, "--fail-on", "invalid", "-q")[0] == code


def test_without_fail_on_invalid_the_codes_are_as_before() -> None:
    assert run("check", str(EXAMPLES / "in-oprichting"), *AS_OF, "-q")[0] == 1
    assert run("check", str(EXAMPLES / "in-oprichting"), *AS_OF, "--fail-on", "error")[0] == 1


def test_strict_and_fail_on_invalid_contradict(tmp_path: Path) -> None:
    code, stdout, stderr = run("check", str(EXAMPLES), *AS_OF, "--strict", "--fail-on",
                               "invalid")
    assert code == 2 and stdout == "" and "--strict means --fail-on warning" in stderr.replace(
        "--strict betekent --fail-on warning", "--strict means --fail-on warning")


def _repository(tmp_path: Path, marker: str = "dir") -> Path:
    """A repository folder (`.git` a folder, or a file as in a worktree) holding the examples
    under `sub/netwerken`."""
    repo = tmp_path / "repo"
    shutil.copytree(EXAMPLES, repo / "sub" / "netwerken")
    if marker == "dir":
        (repo / ".git").mkdir()
    else:
        (repo / ".git").write_text("gitdir: /somewhere/else/.git/worktrees/repo\n")
    return repo


def _uris(sarif: str) -> list[str]:
    run_ = json.loads(sarif)["runs"][0]
    return [r["locations"][0]["physicalLocation"]["artifactLocation"].get("uriBaseId", "") + ":"
            + r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            for r in run_["results"]]


@pytest.mark.parametrize("marker", ["dir", "file"])
def test_from_a_subfolder_paths_start_at_the_git_top_level(tmp_path: Path, marker: str,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    repo = _repository(tmp_path, marker)
    monkeypatch.chdir(repo / "sub")
    code, stdout, _ = run("check", "netwerken", *AS_OF, "-f", "sarif")
    assert code == 2
    uris = _uris(stdout)
    assert uris and all(u.startswith("%SRCROOT%:sub/netwerken/") for u in uris)
    base = json.loads(stdout)["runs"][0]["originalUriBaseIds"]["%SRCROOT%"]["uri"]
    assert base == (repo.resolve().as_uri() + "/")
    github = run("check", "netwerken", *AS_OF, "-f", "github")[1]
    assert "::error file=sub/netwerken/invalid/discipline-typo.yaml," in github
    quality = json.loads(run("check", "netwerken", *AS_OF, "-f", "codequality")[1])
    assert {i["location"]["path"].split("/")[0] for i in quality} == {"sub"}


def test_base_dir_chooses_the_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    repo = _repository(tmp_path)
    monkeypatch.chdir(repo / "sub")
    stdout = run("check", "netwerken", *AS_OF, "-f", "codequality", "--base-dir", ".")[1]
    assert {i["location"]["path"].split("/")[0] for i in json.loads(stdout)} == {"netwerken"}


def test_outside_a_repository_paths_are_relative_to_the_working_directory(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "plain"
    shutil.copytree(EXAMPLES / "invalid", folder / "netwerken")
    monkeypatch.chdir(folder)
    if git_top(str(folder)) is not None:
        pytest.skip("the temporary folder lies inside a git repository")
    stdout = run("check", "netwerken", *AS_OF, "-f", "sarif")[1]
    assert "originalUriBaseIds" not in json.loads(stdout)["runs"][0]
    assert _uris(stdout)[0] == ":netwerken/discipline-typo.yaml"


def test_a_base_dir_that_is_no_folder_is_a_usage_error(tmp_path: Path) -> None:
    code, stdout, stderr = run("check", str(EXAMPLES), *AS_OF, "--lang", "en", "-f", "sarif",
                               "--base-dir", str(tmp_path / "nowhere"))
    assert (code, stdout) == (2, "")
    assert "--base-dir" in stderr and "is not a folder" in stderr


# --- the job summary -------------------------------------------------------------------------

def _summary_run(monkeypatch: pytest.MonkeyPatch, target: Path, *args: str,
                 folder: str = "") -> tuple[int, str, str]:
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(target))
    return run("check", str(EXAMPLES / folder), *AS_OF, "--lang", "en", *args)


def test_the_summary_is_appended_never_replacing(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "summary.md"
    target.write_text("# Earlier step output\n", encoding="utf-8")
    code, stdout, _ = _summary_run(monkeypatch, target, "-f", "github")
    assert code == 2 and stdout.startswith("::error ")
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# Earlier step output\n## oncocheck · Quality review: overview\n")
    assert "| 8 | 1 | 5 | 2 |" in text and "### ⛔ Invalid:" in text
    _summary_run(monkeypatch, target, "-q", folder="compliant")
    again = target.read_text(encoding="utf-8")
    assert again.startswith(text) and again.count("## oncocheck ·") == 2


def test_a_missing_summary_file_is_created(tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "summary.md"
    assert _summary_run(monkeypatch, target, "-q", folder="compliant")[0] == 0
    assert "| 1 | 1 | 0 | 0 |" in target.read_text(encoding="utf-8")
    assert oct(target.stat().st_mode & 0o777) == oct(0o666 & ~_umask())


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def test_no_summary_without_the_variable_or_when_it_is_empty(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", "")
    assert run("check", str(EXAMPLES / "compliant"), *AS_OF, "-q")[0] == 0
    assert list(tmp_path.iterdir()) == []


def test_a_symbolic_link_stays_and_its_file_is_appended_to(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = tmp_path / "real.md"
    real.write_text("before\n", encoding="utf-8")
    link = tmp_path / "link.md"
    link.symlink_to(real)
    _summary_run(monkeypatch, link, "-q", folder="compliant")
    assert link.is_symlink() and real.read_text(encoding="utf-8").startswith("before\n## ")


def test_a_link_to_nothing_creates_the_file_it_names(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    link = tmp_path / "link.md"
    link.symlink_to(tmp_path / "named.md")
    assert _summary_run(monkeypatch, link, "-q", folder="compliant")[0] == 0
    assert link.is_symlink() and "| 1 | 1 | 0 | 0 |" in (tmp_path / "named.md").read_text()


def test_a_link_into_a_missing_folder_is_a_clear_message(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    link = tmp_path / "link.md"
    link.symlink_to(tmp_path / "elsewhere" / "x.md")
    code, stdout, stderr = _summary_run(monkeypatch, link, "-f", "json", folder="compliant")
    assert (code, stdout) == (2, "")  # the message names the file the link names
    assert f"cannot write the report to {tmp_path / 'elsewhere' / 'x.md'} (No such" in stderr
    assert not (tmp_path / "elsewhere").exists()


def test_a_fifo_is_written_into(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import threading

    fifo = tmp_path / "summary.fifo"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    assert _summary_run(monkeypatch, fifo, "-q", folder="compliant")[0] == 0
    reader.join(10)
    assert fifo.exists() and not fifo.is_file()
    assert b"| 1 | 1 | 0 | 0 |" in got[0]


def test_a_folder_is_refused_before_stdout(tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    code, stdout, stderr = _summary_run(monkeypatch, tmp_path, "-f", "json", folder="compliant")
    assert (code, stdout) == (2, "") and "cannot write the report to" in stderr


def test_an_input_file_is_never_written(tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    network = tmp_path / "netwerk.yaml"
    shutil.copy(EXAMPLES / "compliant" / "voorbeeldstad.yaml", network)
    before = network.read_bytes()
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(network))
    code, stdout, stderr = run("check", str(network), *AS_OF, "--lang", "en", "-q")
    assert (code, stdout) == (2, "") and "is an input file" in stderr
    assert "$GITHUB_STEP_SUMMARY" in stderr and network.read_bytes() == before


def test_no_second_copy_when_a_report_already_goes_there(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "summary.md"
    _summary_run(monkeypatch, target, "-q", "--report", f"markdown={target}",
                 folder="compliant")
    text = target.read_text(encoding="utf-8")
    assert text.startswith("## ✅ Compliant: Oncologiezorgnetwerk Voorbeeldstad")
    assert "## oncocheck ·" not in text


def test_the_summary_fits_in_what_the_step_left(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    from oncocheck.render.markdown import LIMIT

    target = tmp_path / "summary.md"
    target.write_bytes(b"x" * (LIMIT - 6000) + b"\n")
    _summary_run(monkeypatch, target, "-q")
    added = target.read_bytes()[LIMIT - 5999:].decode("utf-8")
    assert len(added.encode("utf-8")) < 6000 and "| 8 | 1 | 5 | 2 |" in added
    assert "Details left out" in added or "more of the 8 files" in added


def test_a_character_device_is_written_into_never_replaced(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import stat

    device = tmp_path / "null"
    try:
        os.mknod(device, stat.S_IFCHR | 0o600, os.makedev(1, 3))  # like /dev/null
    except PermissionError:
        pytest.skip("making a device node needs root (os.mknod); run as root to check it")
    assert _summary_run(monkeypatch, device, "-q", folder="compliant")[0] == 0
    assert stat.S_ISCHR(device.stat().st_mode)


def test_a_full_device_is_a_clear_message(tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    import stat

    device = tmp_path / "full"
    try:
        os.mknod(device, stat.S_IFCHR | 0o600, os.makedev(1, 7))  # like /dev/full
    except PermissionError:
        pytest.skip("making a device node needs root (os.mknod); run as root to check it")
    code, stdout, stderr = _summary_run(monkeypatch, device, "-f", "json", folder="compliant")
    assert (code, stdout) == (2, "") and f"cannot write the report to {device}" in stderr
    assert "Traceback" not in stderr and stat.S_ISCHR(device.stat().st_mode)
