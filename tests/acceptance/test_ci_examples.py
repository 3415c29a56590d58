"""docs/ci.md's GitHub and GitLab examples and the action (action.yml), exercised: their YAML
is parsed, what they refer to exists, and their oncocheck commands (the action's own check
script, run by bash as a GitHub runner runs it) are run against a git repository made here.
The pre-commit example is run by pre-commit itself in test_pre_commit.py. The action, the
workflows and the GitLab job are also validated against the services' schemas (SchemaStore's,
vendored in check-jsonschema), the hooks and the config by pre-commit's own validators.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import jsonschema
import pytest
import xmlschema
import yaml

from oncocheck.render.sarif import WARNINGS
from paths import ROOT, SCHEMAS

pytestmark = pytest.mark.slow  # bash and oncocheck in child processes

DOCS = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
ACTION = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
INSTALL = 'pip install "oncocheck @ git+https://github.com/oncocheck/oncocheck@v0.1.0"'
EXPRESSION = re.compile(r"\$\{\{\s*([^}]*?)\s*\}\}")
BIN = Path(sys.executable).parent


def yaml_blocks() -> list[dict]:
    """Every ```yaml block of docs/ci.md that is a mapping, parsed."""
    blocks = [yaml.safe_load(b) for b in re.findall(r"```yaml\n(.*?)```", DOCS, re.S)]
    return [b for b in blocks if isinstance(b, dict)]


def workflows() -> list[dict]:
    return [b for b in yaml_blocks() if "jobs" in b]


def _steps(workflow: dict) -> list[dict]:
    return [step for job in workflow["jobs"].values() for step in job["steps"]]


@pytest.fixture
def repository(tmp_path: Path) -> Path:
    """A git repository with the examples in `netwerken/`, as a user's checkout."""
    repo = tmp_path / "repo"
    shutil.copytree(ROOT / "examples", repo / "netwerken")
    # the examples run as documented, on today's date: criterion 7 wants this year's update
    compliant = repo / "netwerken" / "compliant" / "voorbeeldstad.yaml"
    text = compliant.read_text(encoding="utf-8")
    assert "website_updated: 2026-09-01" in text
    compliant.write_text(text.replace("website_updated: 2026-09-01",
                                      f"website_updated: {date.today()}"), encoding="utf-8")
    if shutil.which("git") is None:
        (repo / ".git").mkdir()  # what oncocheck looks for; git itself is not needed
    else:
        subprocess.run(["git", "init", "-q"], cwd=repo, check=True)
    return repo


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ONCOCHECK_", "GITHUB_"))}
    env["PATH"] = f"{BIN}{os.pathsep}{env.get('PATH', '')}"  # this checkout's oncocheck
    return {**env, "GITHUB_OUTPUT": str(tmp_path / "github_output"),
            "GITHUB_STEP_SUMMARY": str(tmp_path / "step_summary.md"), **extra}


def _bash(script: str, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """`script` as a GitHub runner runs a `shell: bash` step."""
    path = cwd / ".step.sh"
    path.write_text(script, encoding="utf-8")
    try:
        return subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", str(path)],
                              cwd=cwd, env=env, capture_output=True, text=True, timeout=300,
                              check=False)
    finally:
        path.unlink()


# --- the action ------------------------------------------------------------------------------

def _check_step() -> dict:
    return next(s for s in ACTION["runs"]["steps"] if s.get("id") == "check")


def test_the_action_is_composite_and_refers_only_to_what_exists() -> None:
    assert ACTION["runs"]["using"] == "composite"
    inputs = ACTION["inputs"]
    text = (ROOT / "action.yml").read_text(encoding="utf-8")
    for expression in EXPRESSION.findall(text):
        scope, _, name = expression.partition(".")
        assert scope in ("inputs", "github", "steps"), expression
        if scope == "inputs":
            assert name in inputs, expression
    assert {"paths", "format", "criteria", "fail-on"} <= set(inputs)
    assert inputs["paths"]["required"] is True
    assert ACTION["outputs"]["exit-code"]["value"] == "${{ steps.check.outputs.exit-code }}"
    setup, install, check = ACTION["runs"]["steps"]
    assert setup["uses"] == "actions/setup-python@v5"
    assert install["env"]["ONCOCHECK_SOURCE"] == "${{ github.action_path }}"
    assert "pip install" in install["run"] and '"$ONCOCHECK_SOURCE"' in install["run"]
    # inputs reach the script only through the environment, never pasted into it
    assert "${{" not in check["run"] and "${{" not in install["run"]
    assert all(step.get("shell") == "bash" for step in (install, check))


def _run_action(with_: dict[str, str], repo: Path, tmp_path: Path):  # noqa: ANN202
    """The action's check step, with the inputs `with_` (else their defaults)."""
    inputs = {name: str(spec.get("default", "")) for name, spec in ACTION["inputs"].items()}
    unknown = set(with_) - set(inputs)
    assert not unknown, f"inputs the action does not have: {unknown}"
    inputs.update({k: str(v) for k, v in with_.items()})

    def value(text: str) -> str:
        return EXPRESSION.sub(lambda m: inputs[m.group(1).removeprefix("inputs.")], text)

    step = _check_step()
    env = _env(tmp_path, **{k: value(v) for k, v in step["env"].items()})
    cwd = repo / value(step["working-directory"])
    done = _bash(step["run"], cwd, env)
    output = (tmp_path / "github_output").read_text(encoding="utf-8")
    return done, output, cwd


def test_the_docs_workflow_with_the_action(repository: Path, tmp_path: Path) -> None:
    flows = [w for w in workflows() if any("oncocheck/oncocheck@" in s.get("uses", "")
                                           for s in _steps(w))]
    assert len(flows) == 1
    steps = _steps(flows[0])
    step = next(s for s in steps if "oncocheck/oncocheck@" in s.get("uses", ""))
    assert step["uses"] == "oncocheck/oncocheck@v0.1.0"
    done, output, cwd = _run_action(step["with"], repository, tmp_path)
    assert done.returncode == 2, done.stdout + done.stderr  # the invalid examples
    assert output == "exit-code=2\n"
    annotations = done.stdout.splitlines()
    assert annotations[0].startswith("::error file=netwerken/invalid/")
    assert annotations[-1].startswith("::notice title=oncocheck::8 bestanden:")
    # the reports the workflow's later steps use, with paths from the repository root
    upload = next(s for s in steps if "upload-sarif" in s.get("uses", ""))
    sarif = json.loads((cwd / upload["with"]["sarif_file"]).read_text(encoding="utf-8"))
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            for r in sarif["runs"][0]["results"]}
    assert uris and all((repository / uri).is_file() for uri in uris)
    assert (cwd / "oncocheck-junit.xml").is_file()
    summary = (tmp_path / "step_summary.md").read_text(encoding="utf-8")
    assert "| 8 | 1 | 5 | 2 |" in summary


def test_the_action_from_a_subfolder_with_fail_on_invalid(repository: Path,
                                                          tmp_path: Path) -> None:
    done, output, _ = _run_action({"paths": "in-oprichting not-compliant", "fail-on": "invalid",
                                   "working-directory": "netwerken", "lang": "en",
                                   "format": "codequality", "output": "quality.json"},
                                  repository, tmp_path)
    assert (done.returncode, output) == (0, "exit-code=0\n"), done.stderr
    issues = json.loads((repository / "netwerken" / "quality.json").read_text("utf-8"))
    assert issues and all(i["location"]["path"].startswith("netwerken/") for i in issues)


def test_the_action_neither_globs_nor_runs_its_inputs(repository: Path,
                                                      tmp_path: Path) -> None:
    done, output, _ = _run_action({"paths": "netwerken/*/voorbeeldstad.yaml", "args":
                                   "; touch pwned $(touch pwned2)", "lang": "en"},
                                  repository, tmp_path)
    # every word is a path oncocheck does not find (exit 2); nothing was run or expanded
    assert done.returncode == 2 and output == "exit-code=2\n"
    assert not (repository / "pwned").exists() and not (repository / "pwned2").exists()
    assert "file=netwerken/*/voorbeeldstad.yaml," in done.stdout


# --- GitHub without the action, and GitLab ---------------------------------------------------

def _oncocheck_lines(commands: list[str]) -> list[str]:
    """The commands that run oncocheck; every other one must be the documented install."""
    run = []
    for command in commands:
        if command.startswith("oncocheck "):
            run.append(command)
        else:
            assert command == INSTALL, command
    assert run
    return run


def test_the_docs_workflow_without_the_action(repository: Path, tmp_path: Path) -> None:
    flows = [w for w in workflows() if not any("oncocheck/oncocheck@" in s.get("uses", "")
                                               for s in _steps(w))]
    assert len(flows) == 1
    commands = [s["run"].strip() for s in _steps(flows[0]) if "run" in s]
    for command in _oncocheck_lines(commands):
        done = _bash(command, repository, _env(tmp_path))
        assert done.returncode == 2, done.stderr
        assert done.stdout.startswith("::error file=netwerken/")
    assert (repository / "oncocheck.sarif").is_file()


def test_the_docs_gitlab_job(repository: Path, tmp_path: Path) -> None:
    jobs = [b for b in yaml_blocks() if "oncocheck" in b and "script" in b["oncocheck"]]
    assert len(jobs) == 1
    job = jobs[0]["oncocheck"]
    _oncocheck_lines(job["before_script"] + job["script"])  # installs only as documented
    env = _env(tmp_path, CI="true", GITLAB_CI="true")
    env.pop("GITHUB_STEP_SUMMARY")
    for command in _oncocheck_lines(job["script"]):
        done = _bash(command, repository, env)
        assert done.returncode == 2, done.stderr
        assert "8 bestanden" in done.stdout  # the console report in the job log
    reports = job["artifacts"]["reports"]
    quality = json.loads((repository / reports["codequality"]).read_text(encoding="utf-8"))
    schema = json.loads((SCHEMAS / "gitlab-codequality.schema.json").read_text("utf-8"))
    jsonschema.validate(quality, schema, cls=jsonschema.Draft202012Validator)
    assert {i["severity"] for i in quality} >= {"blocker", "critical", "major", "minor"}
    assert all((repository / i["location"]["path"]).is_file() for i in quality)
    xmlschema.XMLSchema(str(SCHEMAS / "jenkins-junit-10.xsd")).validate(
        str(repository / reports["junit"]))
    for path in job["artifacts"]["paths"]:
        assert (repository / path).is_file()
    assert job["artifacts"]["when"] == "always"


def test_the_docs_name_every_warning_and_install_from_the_tag() -> None:
    section = DOCS.split("## Warnings and load errors", 1)[1]
    for rule_id in [*WARNINGS, "load-error"]:
        assert f"| `{rule_id}` |" in section, rule_id
    assert "==0.1.0" not in DOCS and "pip install oncocheck" not in DOCS
    assert DOCS.count("@v0.1.0") >= 4 and "rev: v0.1.0" in DOCS


# --- the files as the services' own schemas see them ------------------------------------------

def _schema_errors(builtin: str, document: str, tmp_path: Path) -> str:
    """What check-jsonschema reports for `document` (YAML) against its vendored SchemaStore
    schema `builtin` (GitHub's action and workflow files, GitLab CI); "" when it is valid."""
    path = tmp_path / "document.yaml"
    path.write_text(document, encoding="utf-8")
    done = subprocess.run([str(BIN / "check-jsonschema"), "--builtin-schema", builtin, str(path)],
                          capture_output=True, text=True, timeout=120, check=False)
    return "" if done.returncode == 0 else done.stdout + done.stderr


def _yaml_texts() -> list[str]:
    return re.findall(r"```yaml\n(.*?)```", DOCS, re.S)


def test_the_action_and_the_docs_examples_are_valid_for_github_and_gitlab(
        tmp_path: Path) -> None:
    action = (ROOT / "action.yml").read_text(encoding="utf-8")
    assert _schema_errors("vendor.github-actions", action, tmp_path) == ""
    flows = [t for t in _yaml_texts() if "\njobs:" in t]
    gitlab = [t for t in _yaml_texts() if t.startswith("oncocheck:")]
    assert len(flows) == 2 and len(gitlab) == 1
    for flow in flows:
        assert _schema_errors("vendor.github-workflows", flow, tmp_path) == ""
    assert _schema_errors("vendor.gitlab-ci", gitlab[0], tmp_path) == ""
    # controls: the schemas do see a mistake
    assert "compsite" in _schema_errors("vendor.github-actions",
                                        action.replace("composite", "compsite"), tmp_path)
    assert "code_quality" in _schema_errors(
        "vendor.gitlab-ci", gitlab[0].replace("codequality:", "code_quality:"), tmp_path)
    assert _schema_errors("vendor.github-workflows", flows[0].replace("runs-on", "run-on"),
                          tmp_path)


def test_pre_commit_accepts_the_hooks_and_the_docs_config(tmp_path: Path) -> None:
    pre_commit = BIN / "pre-commit"
    (config,) = [t for t in _yaml_texts() if t.startswith("repos:")]
    (tmp_path / "config.yaml").write_text(config, encoding="utf-8")
    for command, path in (("validate-manifest", ROOT / ".pre-commit-hooks.yaml"),
                          ("validate-config", tmp_path / "config.yaml")):
        done = subprocess.run([str(pre_commit), command, str(path)], capture_output=True,
                              text=True, timeout=120, check=False)
        assert done.returncode == 0, done.stdout + done.stderr
    (tmp_path / "bad.yaml").write_text(config.replace("rev:", "revision:"), encoding="utf-8")
    done = subprocess.run([str(pre_commit), "validate-config", str(tmp_path / "bad.yaml")],
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode != 0


def test_the_docs_shell_commands(repository: Path, tmp_path: Path) -> None:
    """The ```sh blocks: the documented install, and a check writing several reports."""
    blocks = [b.replace("\\\n", " ") for b in re.findall(r"```sh\n(.*?)```", DOCS, re.S)]
    commands = [line.strip() for block in blocks for line in block.splitlines() if line.strip()]
    for command in _oncocheck_lines(commands):
        done = _bash(command, repository, _env(tmp_path))
        assert done.returncode == 2, done.stderr
        assert done.stdout.startswith("::error file=netwerken/")
    assert json.loads((repository / "oncocheck.sarif").read_text("utf-8"))["runs"][0]["results"]
    xmlschema.XMLSchema(str(SCHEMAS / "jenkins-junit-10.xsd")).validate(
        str(repository / "oncocheck-junit.xml"))
    assert "**8 bestanden: 1 voldoet, 5 voldoen niet, 2 ongeldig**" in (
        repository / "oncocheck.md").read_text("utf-8")
