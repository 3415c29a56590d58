"""Every word the renderers show people, in Dutch and English: one table (`words.json` beside
this module, read once), one key per meaning.

A key is a meaning, written once as a pair (nl, en); a word that depends on a count is a
`Counted` pair of singular and plural. Where a sentence needs another case of
the same word (`Voldoet` heading a cell, `voldoet` inside the summary line, `VOLDOET` on the
console's verdict line) the renderer asks `Words.lower`, `Words.upper` or `Words.capital`
instead of keeping a second spelling. Keys `observed.<name>` name the values a check kind
puts in a finding's `observed` data (shown in the HTML working).
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from pathlib import Path

from oncocheck.report import Status, Verdict


class Counted(str):
    """A word that depends on a count: `w.of_networks.format(n=1)` says `van 1 netwerk`,
    any other `n` the plural (which is also the word as it stands)."""

    one: str

    def __new__(cls, one: str, many: str) -> Counted:  # noqa: D102 - as str
        word = super().__new__(cls, many)
        word.one = one
        return word

    def __reduce__(self) -> tuple[type[Counted], tuple[str, str]]:
        """Copied and pickled as both forms (`str` would keep only the plural)."""
        return Counted, (self.one, str(self))

    def format(self, *args: object, **kwargs: object) -> str:
        """The singular for `n=1`, else the plural, with the values filled in."""
        text = self.one if kwargs.get("n") == 1 else str(self)
        return text.format(*args, **kwargs)


#: Status and verdict are always shown as a word with a symbol, never by colour alone.
STATUS_SYMBOL = {Status.MET: "✔", Status.NOT_MET: "✘", Status.MISSING: "?"}
VERDICT_SYMBOL = {Verdict.COMPLIANT: "✔", Verdict.NOT_COMPLIANT: "✘", Verdict.INVALID: "⊘"}


def _table() -> dict[str, tuple[str, str]]:
    """Key -> (Dutch, English) from words.json, whose sections say what their words are for;
    a counted word is written there as [singular, plural]."""
    def word(value: str | list[str]) -> str:
        return Counted(*value) if isinstance(value, list) else value

    sections = json.loads(Path(__file__).with_name("words.json").read_text(encoding="utf-8"))
    return {key: (word(nl), word(en)) for section in sections.values()
            for key, (nl, en) in section.items()}


WORDS = _table()


class Words(Mapping[str, str]):
    """The table in one language: `w["as_of"]` as written, and the other cases of a word.
    Templates read it as `w.as_of`."""

    def __init__(self, index: int) -> None:
        self._words = {key: pair[index] for key, pair in WORDS.items()}

    def __getitem__(self, key: str) -> str:
        return self._words[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._words)

    def __len__(self) -> int:
        return len(self._words)

    def lower(self, key: str) -> str:
        """The word in lower case, inside a sentence: `Peildatum` -> `peildatum`."""
        return self[key].lower()

    def upper(self, key: str) -> str:
        """The word in capitals, as the console's verdict line shows it: `VOLDOET NIET`."""
        return self[key].upper()

    def capital(self, key: str) -> str:
        """The word with a capital first letter, heading a row: `bestanden` -> `Bestanden`."""
        word = self[key]
        return word[:1].upper() + word[1:]

    def observed_name(self, key: str) -> str:
        """The name of an `observed` key; a key the table does not name, as it is."""
        return self._words.get(f"observed.{key}", key.replace("_", " "))

    def field_names(self) -> dict[str, str]:
        """Field key -> its name in words, for the keys a list in `observed` may hold."""
        return {key[len("field."):]: text for key, text in self._words.items()
                if key.startswith("field.")}


_BY_LANGUAGE = {"nl": Words(0), "en": Words(1)}


def words(lang: str) -> Words:
    """The words in `lang` (Dutch for anything but "en")."""
    return _BY_LANGUAGE["en" if lang == "en" else "nl"]
