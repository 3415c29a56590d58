"""A rule file's texts cannot start a line of a CI log (issue 21, point 2).

Every command that prints rule-file text × every format it prints × both languages (English
in the full run only, as the other hostile tables) × (a draft, a whole rule file): no output
line starts, after its spaces (a GitHub runner trims them), with `::`, `##vso` or `##[` unless
oncocheck wrote that command itself, and no raw control, bidi or zero-width character gets
through. The rule files put the commands everywhere a rule file has text: after a line break,
at the start of a text, and where wrapping would start a line.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from one_command import CliRunner

from oncocheck.cli.app import app
from oncocheck.rules.bundled import criteria_dir
from paths import EXAMPLES

NETWORK = EXAMPLES / "compliant" / "voorbeeldstad.yaml"
PAD = "a" * 83  # wrapped at 92 columns after a 4-space indent: the next word starts a line
TITLE = "Titel\n::error file=a::pwned\n##vso[task.setvariable variable=x]y \u200b\u061c"
TEXT = "::error file=a::pwned at the start\n##vso[task.complete]done"
LONG = f"{PAD} ::error file=a::pwned {PAD} ##vso[task.setvariable variable=y]z {PAD}::x"
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e"
                      "\u2066-\u2069\ufeff]")
# oncocheck's own annotations (`-f github`): the network file's or oncocheck's own
_OWN_COMMAND = re.compile(r"::(error|warning|notice) (file=[^,:]*voorbeeldstad\.yaml,|"
                          r"title=oncocheck::)")


def _texts(lang_texts: str) -> dict[str, str]:
    return {"nl": lang_texts, "en": lang_texts}


def _whole(folder: Path) -> Path:
    """The bundled 2024 rule file as a user's own, with the commands in every kind of text."""
    data = yaml.safe_load((criteria_dir() / "loppsoz" / "2024.yaml").read_text("utf-8"))
    data["version"], data["title"] = "eigen", _texts(TITLE)
    for criterion in data["criteria"]:
        criterion.update(title=_texts(TITLE), text=_texts(TEXT), remediation=_texts(LONG))
        if "alternatives" in criterion["check"]:
            criterion["check"]["alternatives"].append("summary\n::error file=a::pwned")
    path = folder / "eigen.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def _draft(folder: Path) -> Path:
    """A draft of 2024 that changes 2a's texts and 3's check, and adds a criterion."""
    added = {"id": "9", "title": _texts(TITLE), "text": _texts(LONG), "severity": "warning",
             "source": "https://example.org/", "remediation": _texts(TEXT),
             "check": {"kind": "documented", "field": "vision",
                       "alternatives": ["summary\n::error file=a::pwned"]}}
    data = {"extends": "loppsoz@2024", "version": "concept", "title": _texts(TITLE),
            "criteria": [{"id": "2a", "title": _texts(TITLE), "text": _texts(TEXT),
                          "remediation": _texts(LONG)},
                         {"id": "3", "check": {"alternatives": ["a\n::error file=a::pwned"]}},
                         added]}
    path = folder / "concept.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def _commands(rules: str, folder: Path) -> list[list[str]]:
    """Every command that prints a rule file's text, in every format it prints to stdout."""
    check = ["check", str(NETWORK), "--criteria", rules, "--as-of", "2026-11-23"]
    formats = ("console", "json", "junit", "sarif", "github", "codequality", "markdown", "csv")
    rounds = [str(folder / "old.json"), str(folder / "new.json")]
    return [["criteria", "show", rules], ["explain", "2a", "--criteria", rules],
            ["explain", "3", "--criteria", rules],
            *(["criteria", "diff", *pair, "-f", f] for f in ("console", "json")
              for pair in (("loppsoz@2024", rules), (rules, "loppsoz@2021"))),
            *([*check, "-f", f] for f in formats), [*check, "-q"],
            [*check, "-f", "html", "-o", str(folder / "site") + "/"],
            [*check, "--compare", "loppsoz@2024"],
            ["check", str(NETWORK), "--criteria", "loppsoz@2024", "--compare", rules],
            *(["impact", str(NETWORK), "--from", "loppsoz@2024", "--to", rules, "-j", "1",
               "-f", f] for f in ("console", "json", "html")),
            *(["rounds", *rounds, "-f", f] for f in ("console", "json", "html", "markdown"))]


def _assert_shown_safely(args: list[str], out: str) -> None:
    assert "Traceback" not in out, out
    out = out.removeprefix("\ufeff")  # the byte order mark oncocheck writes in a CSV report
    assert _CONTROL.search(out) is None, (args, repr(_CONTROL.search(out)))
    for line in out.splitlines():
        start = line.lstrip()
        assert not start.lower().startswith(("##vso", "##[")), (args, line)
        assert not start.startswith("::") or _OWN_COMMAND.match(start), (args, line)


@pytest.mark.parametrize("lang", ["nl", pytest.param("en", marks=pytest.mark.slow)])
@pytest.mark.parametrize("kind", ["draft", "whole"])
def test_no_rule_file_text_starts_a_ci_log_line(tmp_path: Path, kind: str, lang: str) -> None:
    rules = str((_draft if kind == "draft" else _whole)(tmp_path))
    (tmp_path / "site").mkdir()  # one network's HTML goes into an existing folder as a site
    runner = CliRunner()
    for name in ("old", "new"):  # two rounds judged by the rule file, for `rounds`
        made = runner.invoke(app, ["check", str(NETWORK), "--criteria", rules, "-f", "json",
                                   "-o", str(tmp_path / f"{name}.json")])
        assert made.exit_code in (0, 1), made.output
    for args in _commands(rules, tmp_path):
        result = runner.invoke(app, [*args, "--lang", lang])
        assert result.exit_code in (0, 1), (args, result.output)
        pages = "".join(p.read_text("utf-8") for p in sorted(tmp_path.glob("site/*.html")))
        _assert_shown_safely(args, result.output + pages)
        # the text was shown (a CSV register and `rounds` show no criterion's texts)
        assert "pwned" in result.output + pages or args[0] == "rounds" or "csv" in args, args


def test_a_refused_rule_file_is_said_safely(tmp_path: Path) -> None:
    """A rule file that does not load is named in one message: what it quotes is one line."""
    data = yaml.safe_load((criteria_dir() / "loppsoz" / "2024.yaml").read_text("utf-8"))
    data["criteria"][0]["check"]["field"] = "x\n::error file=a::pwned"
    data["criteria"][1]["title"] = {"nl": "\u202e", "en": "x"}
    path = tmp_path / "kapot.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    for args in (["criteria", "show", str(path)], ["explain", "1a", "--criteria", str(path)],
                 ["check", str(NETWORK), "--criteria", str(path)]):
        for lang in ("nl", "en"):
            result = CliRunner().invoke(app, [*args, "--lang", lang])
            assert result.exit_code == 2 and "kapot.yaml" in result.output, result.output
            _assert_shown_safely(args, result.output)
