"""Hostile variants of the sample report: text that tries to break out of every output format."""

from __future__ import annotations

from dataclasses import replace

from sample_report import sample_report

from oncocheck.report import Finding, Report, Text

HOSTILE = [
    "Zuid\n::error file=x.yaml::injected\r\n::warning::too",
    "100% ok, really: %0A%25 stays literal",
    "a,b:c::d%2C",
    "<tag attr=\"x\">&amp; ]]> \x00\x07\x1b[31m\ufffe end",
]


def hostile_report(text: str) -> Report:
    """The sample report with `text` in the second file's name, network, note, titles and
    messages, and in the invalid file's name and load error."""
    base = sample_report(hostile=text)
    good, bad, invalid = base.results
    bad_file = f"examples/{text.replace('/', '_')}.yaml"

    def spoil(finding: Finding) -> Finding:
        if not finding.is_problem:
            return finding
        return replace(finding, title=Text(text + " nl", text + " en"),
                       message=Text(f"{text} (nl)", f"{text} (en)"))

    bad = replace(bad, file=bad_file, findings=tuple(spoil(f) for f in bad.findings))
    error = replace(invalid.errors[0], message=Text(text, text), path=f"members[0].{text}")
    invalid = replace(invalid, file=f"examples/invalid/{text.replace('/', '_')}.yml",
                      errors=(error,))
    return replace(base, results=(good, bad, invalid))
