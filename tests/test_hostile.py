"""The hostile-input corpus (tests/hostile/cases.yaml) through the real command line.

Every case: the expected exit code, a message that names the file and the problem, never a
traceback. Cases that could hang or take long run in a child process with a timeout. A batch of
all of them in one folder, with a valid file among them, still checks every file.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from oncocheck.cli import app

sys.path.insert(0, str(Path(__file__).parent / "hostile"))
import make_corpus  # noqa: E402

CASES = make_corpus.cases()
ARGS = ["check", "--lang", "en", "--as-of", "2026-11-23"]
TIMEOUT = 120  # seconds; generous for a shared CI machine, far below "hangs"
AS_ROOT = getattr(os, "geteuid", lambda: 1)() == 0


def run_cli(*args: str) -> tuple[int, str]:
    """Exit code and output (stdout and stderr) of oncocheck run in this process."""
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.output


def run_child(*args: str) -> tuple[int, str]:
    """Exit code and output of `python -m oncocheck` in a child process, killed on timeout."""
    done = subprocess.run([sys.executable, "-m", "oncocheck", *args], capture_output=True,
                          text=True, encoding="utf-8", timeout=TIMEOUT,
                          stdin=subprocess.DEVNULL)
    return done.returncode, done.stdout + done.stderr


@pytest.fixture
def workdir(tmp_path: Path):
    """A folder for generated inputs, removed afterwards (some are tens of megabytes)."""
    yield tmp_path
    make_corpus.remove_deep_trees(tmp_path)  # before rglob, which recurses
    for path in tmp_path.rglob("*"):
        if not path.is_symlink():
            path.chmod(0o755)
    shutil.rmtree(tmp_path, ignore_errors=True)


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_hostile_case(case: dict, workdir: Path) -> None:
    if case.get("root_skip") and AS_ROOT:
        pytest.skip("running as root: file permissions do not stop root from reading "
                    "(test_read_refused_by_the_system covers the message)")
    path = make_corpus.build(case, workdir)
    runner = run_child if case.get("subprocess") else run_cli
    code, out = runner(*ARGS, str(path))
    assert "Traceback" not in out
    assert path.name in out
    for fragment in case["says"]:
        assert fragment in out, f"{case['id']}: {fragment!r} not in output:\n{out[:3000]}"
    assert code == case["exit"], out[:3000]


@pytest.mark.parametrize("case", [c for c in CASES if not c.get("subprocess")],
                         ids=[c["id"] for c in CASES if not c.get("subprocess")])
def test_hostile_case_in_dutch(case: dict, workdir: Path) -> None:
    if case.get("root_skip") and AS_ROOT:
        pytest.skip("running as root: file permissions do not stop root from reading")
    path = make_corpus.build(case, workdir)
    code, out = run_cli("check", "--as-of", "2026-11-23", str(path))
    assert "Traceback" not in out and path.name in out
    assert code == case["exit"]


def test_read_refused_by_the_system(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """What an unreadable file gives, also when tests run as root (who may read anything)."""
    path = tmp_path / "geheim.yaml"
    path.write_text("format: 1\nnetwork:\n  name: X\n", encoding="utf-8")

    def refuse(*args: object, **kwargs: object) -> int:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("oncocheck.yamlsource.os.open", refuse)
    code, out = run_cli(*ARGS, str(path))
    assert code == 2
    assert "geheim.yaml: cannot open the file (Permission denied)" in out


# The slow ones are left out of the batch; they are checked one by one above.
SLOW = {"many-values", "members-100k", "members-too-many", "members-typos", "line-1mb-value"}


def test_batch_checks_every_file_despite_hostile_neighbours(workdir: Path) -> None:
    folder = workdir / "batch"
    folder.mkdir()
    expected: dict[str, int] = {}
    for case in CASES:
        if case["id"] in SLOW or case["id"] == "not-found":
            continue
        path = make_corpus.build(case, folder)
        if not path.is_dir() and not (case.get("root_skip") and AS_ROOT):
            expected[path.name] = case["exit"]
    shutil.copyfile(make_corpus.COMPLIANT, folder / "zz-valid.yaml")
    expected["zz-valid.yaml"] = 0
    code, out = run_child(*ARGS, "--format", "json", str(folder))
    assert code == 2 and "Traceback" not in out
    report = json.loads(out)
    verdicts = {Path(r["file"]).name: r["verdict"] for r in report["results"]}
    names = {0: "compliant", 1: "not_compliant", 2: "invalid"}
    for name, exit_code in expected.items():
        assert verdicts.get(name) == names[exit_code], name
    assert report["summary"]["files"] == len(report["results"]) >= len(expected)


@pytest.mark.parametrize("case_id", ["fifo", "alias-bomb", "empty", "tag-python-object",
                                     "size-50mb", "deep-flow-sequence", "directory"])
def test_hostile_rule_file_for_criteria(case_id: str, workdir: Path) -> None:
    """A rule file given with --criteria FILE goes through the same loader and limits."""
    case = next(c for c in CASES if c["id"] == case_id)
    path = make_corpus.build(case, workdir)
    code, out = run_child(*ARGS, "--criteria", str(path), str(make_corpus.COMPLIANT))
    assert code == 2 and "Traceback" not in out
    assert f"oncocheck: error: {path}:" in out and "None" not in out


def test_security_doc_lists_every_case() -> None:
    doc = (make_corpus.ROOT / "docs" / "security.md").read_text(encoding="utf-8")
    missing = [c["id"] for c in CASES if f"`{c['id']}`" not in doc]
    assert missing == []
