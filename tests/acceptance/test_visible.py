"""One display filter (`words.visible`) for every text from an input, and what it guarantees
in every output format: no control character, no bidi or zero-width character, and no line a
CI system would read as a command, whatever the network file, its spreadsheet, a rule file or a
file name holds.
"""

from __future__ import annotations

import re
import shutil
import unicodedata
from pathlib import Path

import pytest
import yaml
from one_command import CliRunner

from oncocheck.cli.app import app
from oncocheck.load.visible import QUOTE_MAX_LENGTH, hidden, quoted, visible
from oncocheck.render import formats_of

import make_sheets  # noqa: E402
from paths import ROOT
from workbook import formulas, workbook_text

RULES = ROOT / "criteria" / "loppsoz" / "2024.yaml"
ARGS = ["--as-of", "2026-11-23"]
# What no output may hold raw: C0 controls but tab and line feed, DEL, C1, and every character
# the filter escapes (bidi, zero-width, format, separators, private use, ...).
RAW = hidden()
# oncocheck's own annotations always carry properties (file=..., title=...), whose `:` and `,`
# are encoded; an injected `::error::x` line has none.
OWN_COMMAND = re.compile(r"::(error|warning|notice) (file|title)=[^:\n]*::[^\n]*")
# Azure Pipelines' and GitHub's legacy command prefixes, which act anywhere in a line
CI_COMMAND = re.compile(r"##(vso)?\[", re.IGNORECASE)


# -- the filter itself ------------------------------------------------------------------------

def test_every_control_format_separator_and_private_use_character_is_escaped() -> None:
    missed = [f"U+{code:04X}" for code in range(0x110000)
              if unicodedata.category(chr(code)) in ("Cc", "Cf", "Zl", "Zp", "Cs", "Co")
              and visible(chr(code), multiline=False) == chr(code)]
    assert missed == []


@pytest.mark.parametrize("raw, shown", [
    ("a\x1b[2Jb", "a\\u001b[2Jb"), ("\x07\x00\x7f\x9b", "\\u0007\\u0000\\u007f\\u009b"),
    ("abc\u202edef", "abc\\u202edef"),
    ("x\u200by\u200d\ufeff\u00ad", "x\\u200by\\u200d\\ufeff\\u00ad"),
    ("\u2066i\u2069\u061c\u200e", "\\u2066i\\u2069\\u061c\\u200e"), ("p\u2028q", "p\\u2028q"),
    ("tag\U000e0041", "tag\\U000e0041"), ("\ue000", "\\ue000"), ("\udcff.yaml", "\\udcff.yaml"),
    ("\u3164\ufe0f\u034f", "\\u3164\\ufe0f\\u034f"),
    ("één\tregel\nnog één", "één\tregel\nnog één"),
    ("a\rb", "a\\rb"), ("Diëtist ‘t Gooi — 100%", "Diëtist ‘t Gooi — 100%"),
    # a CI command anywhere in a line (Azure's ##vso[, GitHub's legacy ##[); a heading is kept
    ("x ##vso[task.setvariable variable=a]b", "x #\\u0023vso[task.setvariable variable=a]b"),
    ("y ##[add-mask]z ##VSO[", "y #\\u0023[add-mask]z #\\u0023VSO["), ("## kop [1]", "## kop [1]"),
])
def test_visible_escapes_what_cannot_be_seen_and_keeps_the_rest(raw: str, shown: str) -> None:
    assert visible(raw) == shown
    assert visible(shown) == shown  # idempotent: escapes are plain ASCII


def test_one_line_also_escapes_line_breaks_and_tabs() -> None:
    assert visible("a\nb\tc", multiline=False) == "a\\nb\\tc"


def test_quoted_filters_and_cuts_at_60_without_splitting_an_escape() -> None:
    assert quoted("x" * 60) == f"'{'x' * 60}'"
    assert quoted("x" * 61) == f"'{'x' * 59}…'"
    for offset in range(50, 60):  # an escape across the cut is left out whole
        text = quoted("x" * offset + "\u202e" + "y" * 20)
        assert len(text) <= QUOTE_MAX_LENGTH + 2 and text.endswith("…'")
        assert re.search(r"\\u?[0-9a-f]{0,3}…", text) is None, text
    assert quoted("\x00" * 1000).startswith("'\\u0000\\u0000")


def test_yaml_keys_are_one_line_and_values_keep_their_line_breaks(tmp_path: Path) -> None:
    from oncocheck.load.parse import parse

    source = parse('"a\\nb\\u200b": "c\\nd\\u200b"\n')
    assert source.data == {"a\\nb\\u200b": "c\nd\\u200b"}


# -- every input, every format ------------------------------------------------------------------

HOSTILE_NAME = "Zuid\\u200b\\ufeff\\u00ad\\u2028\\U000e0041\\ue000\\n::error::INJECTED"
NETWORK = f'''format: 1
network:
  name: "{HOSTILE_NAME}"
  website: "https://example.org/\\u200b"
  vision:
    document: "visie\\u200b\\n::error::INJECTED.pdf"
    summary: "Samenvatting\\u200b\\n::error::INJECTED summary"
  participation_agreement:
    description: "Afspraken\\u00ad\\n::error::INJECTED description"
  contact_point:
    name: "Loket\\u200b\\n::error::INJECTED"
    phone: "06\\u200e\\n::error::INJECTED phone"
  hospital_contacts:
    - name: "Ziekenhuis\\u200b\\n::error::INJECTED"
      structural: ja
      arrangement: "Overleg\\ufeff\\n::error::INJECTED arrangement"
  area:
    municipalities: ["Stad\\u200b\\n::error::INJECTED"]
members_file: leden.xlsx
members:
  - name: "Lid\\u200b\\n::error::INJECTED"
    discipline: "fysiotherapeut"
    organisation: "Praktijk\\u200b\\n::error::INJECTED"
  - name: "Lid\\u200b\\n::error::INJECTED"
    discipline: "fysiotherapeut"
notes:
  "1a": "uitleg\\u200d\\n::error::INJECTED note\\n##vso[task.setvariable]x"
plan:
  - criterion: "1b"
    action: "actie\\u200b\\n::error::INJECTED plan"
    owner: "J.\\ufeff\\n::warning::INJECTED owner"
    due: 2026-01-01
'''


def _folder(tmp_path: Path) -> Path:
    """A batch of hostile inputs: a valid network with a hostile members .xlsx, one whose
    .csv makes it invalid, a refused YAML escape, and a network file with a hostile name."""
    folder = tmp_path / "batch"
    folder.mkdir()
    (folder / "a-xlsx.yaml").write_text(NETWORK, "utf-8")
    make_sheets.hostile_xlsx(folder / "leden.xlsx")
    (folder / "b-csv.yaml").write_text(NETWORK.replace("leden.xlsx", "leden.csv"), "utf-8")
    make_sheets.hostile_csv(folder / "leden.csv", bad_discipline=True)
    (folder / "c-refused.yaml").write_text('format: 1\nnetwork:\n  name: "x\\e[2J\\a"\n', "utf-8")
    name = "d\x1b[31m\u202e\u200b\r\n::error::INJECTED file ##[error]x\x07.yaml"
    (folder / name).write_text(NETWORK.replace("members_file: leden.xlsx\n", ""), "utf-8")
    ascii_name = "Net ##vso[task.setvariable variable=INJECTED]x ##[add-mask]y"  # plain text
    (folder / "e-ascii.yaml").write_text(NETWORK.replace(HOSTILE_NAME, ascii_name), "utf-8")
    return folder


def _outputs(folder: Path, tmp_path: Path, fmt: str, lang: str, *extra: str) -> list[str]:
    """Every text oncocheck writes for the batch in `fmt` (a site's pages for html)."""
    if fmt == "html":
        site = tmp_path / f"site-{lang}"
        shutil.rmtree(site, ignore_errors=True)
        result = CliRunner().invoke(app, ["check", *ARGS, "--lang", lang, *extra, "-f", "html",
                                          "-o", str(site), str(folder)])
        pages = [p.read_text("utf-8") for p in sorted(site.rglob("*")) if p.is_file()]
        return [result.output, *pages]
    result = CliRunner().invoke(app, ["check", *ARGS, "--lang", lang, *extra, "-f", fmt,
                                      str(folder)])
    if fmt == "xlsx":  # a workbook: every cell's text, and no cell is a formula
        assert formulas(result.stdout_bytes) == []
        return [workbook_text(result.stdout_bytes)]
    if fmt == "csv":  # the register's own byte order mark, for Excel, is no hostile text
        assert result.output.startswith("\ufeff")
        return [result.output[1:]]
    return [result.output]


def _safe(fmt: str, text: str) -> None:
    assert "Traceback" not in text
    shown = text.replace("\u26a0\ufe0f", "")  # oncocheck's own ⚠️ has a variation selector
    raw = RAW.search(shown)
    assert raw is None, f"{fmt}: raw U+{ord(raw.group()):04X}: {shown[raw.start() - 60:][:80]!r}"
    for line in text.splitlines():
        stripped = line.lstrip()
        if fmt == "github" and stripped.startswith("::"):
            assert OWN_COMMAND.fullmatch(line), line
        else:
            assert not stripped.startswith("::"), f"{fmt}: {line}"
        assert not CI_COMMAND.search(line), f"{fmt}: {line}"  # these act anywhere in a line


# Dutch only in the full run: the quick loop shows the hostile inputs once per format, in English
@pytest.mark.parametrize("lang", ["en", pytest.param("nl", marks=pytest.mark.slow)])
@pytest.mark.parametrize("fmt", sorted(formats_of("check")))
def test_hostile_inputs_in_every_format(tmp_path: Path, fmt: str, lang: str) -> None:
    folder = _folder(tmp_path)
    texts = _outputs(folder, tmp_path, fmt, lang)
    joined = "\n".join(texts)
    assert "INJECTED" in joined  # the hostile text is there, shown, not dropped
    for text in texts:
        _safe(fmt, text)
    if fmt == "json":
        assert "Zuid\\\\u200b" in joined  # escaped once by oncocheck, once by JSON


@pytest.mark.parametrize("extra", [["-q"], ["--compare", "loppsoz@2021"], ["--strict"]])
@pytest.mark.parametrize("fmt", ["console", "markdown", "html"])
def test_hostile_inputs_with_other_options(tmp_path: Path, fmt: str, extra: list[str]) -> None:
    folder = _folder(tmp_path)
    for text in _outputs(folder, tmp_path, fmt, "en", *extra):
        _safe(fmt, text)


@pytest.mark.parametrize("fmt", sorted(formats_of("check")))
def test_hostile_rule_file_in_every_format(tmp_path: Path, fmt: str) -> None:
    """A rule file (--criteria FILE) goes through the same loader: its titles, texts and
    remediations are filtered the same way."""
    data = yaml.safe_load(RULES.read_text("utf-8"))
    for criterion in data["criteria"]:
        for key in ("title", "text", "remediation"):
            for lang in ("nl", "en"):
                criterion[key][lang] += "\u200b\u2060\n::error::INJECTED rule"
    rules = tmp_path / "regels.yaml"
    rules.write_text(yaml.safe_dump(data, sort_keys=False), "utf-8")  # escapes as \u200b
    folder = _folder(tmp_path)
    for output in _outputs(folder, tmp_path, fmt, "en", "--criteria", str(rules)):
        _safe(fmt, output)


@pytest.mark.parametrize("fmt", ["console", "json", "html"])
def test_hostile_inputs_in_the_impact_report(tmp_path: Path, fmt: str) -> None:
    folder = _folder(tmp_path)
    args = ["impact", *ARGS, "--from", "loppsoz@2021", "--to", "loppsoz@2024", "-f", fmt]
    if fmt == "html":
        args += ["-o", str(tmp_path / "impact.html")]
    result = CliRunner().invoke(app, [*args, str(folder)])
    texts = [result.output]
    if fmt == "html":
        texts.append((tmp_path / "impact.html").read_text("utf-8"))
    for text in texts:
        _safe(fmt, text)
