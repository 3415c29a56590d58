"""The observed working of a finding, as label/value pairs people can read.

`observed` is plain data chosen by each check kind. A kind that words its values itself puts
them in the finding (`Finding.working`); any other value is shown as it is: yes or no, a list
(of a section's fields, named in words), or as written.
"""

from __future__ import annotations

from typing import Any

from oncocheck.render.words import words
from oncocheck.report import Finding


def value_text(value: Any, lang: str) -> str:
    """One observed value as text."""
    w = words(lang)
    if value is None:
        return w["not_given"]
    if isinstance(value, bool):
        return w["yes"] if value else w["no"]
    if isinstance(value, list):
        labels = w.field_names()
        return ", ".join(labels.get(str(v), str(v).replace("_", " ")) for v in value) or w["none"]
    if isinstance(value, dict):
        return "; ".join(f"{k}: {value_text(v, lang)}" for k, v in value.items())
    return str(value)


def working(finding: Finding, lang: str) -> list[tuple[str, str]]:
    """The finding's observed values as (label, value) pairs: as its kind words them, else
    each as it is."""
    w = words(lang)
    if finding.working:
        return [(w.observed_name(key), text.get(lang) or w["none"])
                for key, text in finding.working]
    return [(w.observed_name(key), value_text(value, lang))
            for key, value in finding.observed.items()]
