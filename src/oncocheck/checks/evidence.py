"""Check kind about written evidence: criteria 3 and 4."""

from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import field_validator

from oncocheck.checks.base import Check, CheckContext, Outcome
from oncocheck.checks.documents import Evidence, look_up
from oncocheck.checks.phrases import PLURAL, absent, is_empty, name
from oncocheck.load.fields import fail
from oncocheck.load.visible import quoted
from oncocheck.network.sections import Network
from oncocheck.report import Status, Text
from oncocheck.wording import listed


def network_field(value: str) -> str:
    """A rule file's `field:` parameter: a section of `network:`, or an error."""
    if value not in Network.model_fields:
        raise fail(f"`network` heeft geen veld {quoted(value)}",
                   f"`network` has no field {quoted(value)}")
    return value


class Documented(Check):
    """A section under `network:` with a document that counts, or any of the `alternatives`
    filled in (criteria 3 and 4); what counts as a document is said in `HOW`."""

    HOW: ClassVar[Text] = Text(
        "Zoekt in het onderdeel een document of een ingevuld alternatief. Een document telt "
        "als het een gewoon bestand is in de map van het netwerkbestand of een map daaronder "
        "(paden gaan uit van het netwerkbestand; `map\\visie.docx` wordt gezocht als "
        "`map/visie.docx`), of een http(s)-adres (dat niet wordt opgehaald). Een genoemd "
        "document dat niet telt, laat de informatie ontbreken tenzij een alternatief is "
        "ingevuld; in beide gevallen krijgt het bestand een waarschuwing over het document.",
        "Looks in the section for a document or a filled-in alternative. A document counts "
        "when it is a regular file inside the network file's folder or a folder below it "
        "(paths are relative to the network file; `map\\visie.docx` is looked up as "
        "`map/visie.docx`), or an http(s) address (not fetched). A document that is named "
        "but does not count leaves the information missing unless an alternative is filled "
        "in; either way the file also gets a warning about the document.")

    kind: Literal["documented"]
    field: str
    alternatives: list[str] = []

    _check_field = field_validator("field")(network_field)

    def _names(self, lang: str) -> list[str]:
        """`een document` and the alternatives in words."""
        return [name(f"network.{self.field}.{a}").get(lang)
                for a in ("document", *self.alternatives)]

    def _keyed(self, lang: str) -> list[str]:
        """`een document (`document`)` and the alternatives so: advice names the keys to write."""
        keys = ("document", *self.alternatives)
        return [f"{words} (`{key}`)" for words, key in zip(self._names(lang), keys, strict=True)]

    def describe(self) -> Text:
        """`de visie of doelstelling vastgelegd: een document of een samenvatting (…)`."""
        path, words = f"network.{self.field}", name(f"network.{self.field}")
        return Text(f"{words.nl} vastgelegd: {listed(self._names('nl'), 'of')} (`{path}`)",
                    f"{words.en} recorded: {listed(self._names('en'), 'or')} (`{path}`)")

    def evaluate(self, ctx: CheckContext) -> Outcome:
        """Look for a document or an alternative."""
        section, path = getattr(ctx.doc.network, self.field), f"network.{self.field}"
        if section is None:
            message, todo = absent(path, is_empty(ctx.doc.network, self.field))
            return Outcome(Status.MISSING, message, path, {}, Text(
                f"{todo.nl}: {listed(self._keyed('nl'), 'of')}",
                f"{todo.en}: {listed(self._keyed('en'), 'or')}"))
        filled = [a for a in self.alternatives if getattr(section, a, None) not in (None, "")]
        document = getattr(section, "document", None)
        evidence = ctx.looked.get(self.field) if document else None
        if document and (evidence is None or evidence.written != document):
            evidence = look_up(document, ctx.base_dir)
        found = evidence is not None and evidence.usable
        observed = {"document": document, "document_found": found if document else None,
                    "given": filled}
        if evidence is not None and evidence.looked_up != document:
            observed["document_looked_up"] = evidence.looked_up
        if evidence is not None and evidence.problem:
            observed["document_problem"] = evidence.problem
        if found or filled:
            return Outcome(Status.MET, self._recorded(evidence if found else None, filled),
                           path, observed)
        alternatives = Text(listed(self._names("nl")[1:], "of"),
                            listed(self._names("en")[1:], "or"))
        if evidence is not None:
            return Outcome(Status.MISSING, evidence.message(), f"{path}.document", observed, Text(
                f"zet het document als gewoon bestand op {evidence.looked_up} (pad vanaf het "
                f"netwerkbestand, in diens map) of vul {alternatives.nl} in (`{path}`)",
                f"put the document as a regular file at {evidence.looked_up} (relative to the "
                f"network file, inside its folder) or fill in {alternatives.en} (`{path}`)"))
        words, many = name(path), path in PLURAL  # `de deelname-afspraken zijn leeg`
        return Outcome(Status.MISSING, Text(f"{words.nl} {'zijn' if many else 'is'} leeg "
                                            f"(`{path}`)", f"{words.en} {'are' if many else 'is'}"
                                            f" empty (`{path}`)"), path,
                       observed, Text(f"vul {listed(self._names('nl'), 'of')} in (`{path}`)",
                                      f"fill in {listed(self._names('en'), 'or')} (`{path}`)"))

    def _recorded(self, evidence: Evidence | None, filled: list[str]) -> Text:
        """`vastgelegd: document docs/visie.md en samenvatting (`network.vision`)`."""
        path, texts = f"network.{self.field}", []
        for lang, word, last in (("nl", "vastgelegd", "en"), ("en", "recorded", "and")):
            shown = [f"document {evidence.described().get(lang)}"] if evidence else []
            shown += [name(f"{path}.{a}").get(lang) for a in filled]
            texts.append(f"{word}: {listed(shown, last)} (`{path}`)")
        return Text(*texts)
