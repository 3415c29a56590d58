"""Field types shared by the network file, rule files and vocabulary.

The loader hands every scalar over as text; these types turn text into what the model wants and
fail with a message in both languages (see `fail`). The JSON Schema hints say what an editor
should accept, which is what oncocheck accepts.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from typing import Annotated, Any, get_args

from annotated_types import GroupedMetadata
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, WithJsonSchema
from pydantic_core import PydanticCustomError

from oncocheck.load.visible import one_line, quoted
from oncocheck.load.words import normalise, spelling_pattern
from oncocheck.report import Text

_TRUE = {"true", "ja", "yes", "waar", "j", "y"}
_FALSE = {"false", "nee", "no", "onwaar", "n"}
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")  # ASCII digits: `\d` is any script's
_DMY = re.compile(r"([0-9]{1,2})[-/.]([0-9]{1,2})[-/.]([0-9]{4})")
_DIGITS = re.compile(r"[0-9]+")
MAX_DIGITS = 4000  # below Python's int() limit for text (4300 digits)
_URL = re.compile(r"https?://[^\s/$.?#][^\s]*", re.IGNORECASE)
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s.]+")
_POSTCODE = re.compile(r"[0-9]{4}( ?[A-Za-z]{2})?")  # ASCII digits, like the JSON Schema
_POSTCODE_PARTS = re.compile(r"([0-9]{4})[\s\-_.]*([A-Za-z]{2})?")  # `1311-AB`, `1311 - ab`


def fail(nl: str, en: str) -> PydanticCustomError:
    """A validation error carrying both languages; the loader reads them back from `ctx`."""
    return PydanticCustomError("oncocheck", "{en}", {"nl": nl, "en": en})


def _text(value: Any, what_nl: str, what_en: str) -> str:
    if not isinstance(value, str):
        raise fail(f"verwacht {what_nl}", f"expected {what_en}")
    return value.strip()


def _yes_no(value: Any) -> Any:
    if isinstance(value, bool):
        return value
    word = _text(value, "ja of nee", "true or false").lower()
    if word in _TRUE or word in _FALSE:
        return word in _TRUE
    raise fail(f"verwacht ja of nee (true/false), niet {quoted(value)}",
               f"expected true or false (or ja/nee), not {quoted(value)}")


def _dutch_date(text: str) -> str | None:
    """`1-9-2026` (day-month-year, as Dutch people write dates) as ISO, if it is a real date."""
    match = _DMY.fullmatch(text)
    try:
        return date(*map(int, match.groups()[::-1])).isoformat() if match else None
    except ValueError:
        return None


def iso_date(text: str) -> date | None:
    """`text` as a date when it is written YYYY-MM-DD (ASCII digits) and exists, else None;
    the one spelling of a date oncocheck reads, in files and in `--as-of`."""
    if not _DATE.fullmatch(text):
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def _count(value: Any) -> Any:
    """A whole number written in the digits 0-9 and nothing else: `1_0`, `1e1`, `0x10`, `+5`,
    `-1` and `10.0` are refused rather than read as Python or YAML 1.1 would."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    text = _text(value, "een geheel getal", "a whole number")
    if not _DIGITS.fullmatch(text):
        raise fail(f"verwacht een geheel getal, niet {quoted(text)}; schrijf alleen de cijfers "
                   "0-9 (geen teken, punt, _ of e)", f"expected a whole number, not "
                   f"{quoted(text)}; write only the digits 0-9 (no sign, point, _ or e)")
    if len(text) > MAX_DIGITS:
        raise fail("verwacht een kleiner getal", "expected a smaller number")
    return int(text)


def _iso_date(value: Any) -> Any:
    if isinstance(value, date):
        return value
    text = _text(value, "een datum (JJJJ-MM-DD)", "a date (YYYY-MM-DD)")
    if not _DATE.fullmatch(text):
        guess = _dutch_date(text)
        nl_tail = f"; bedoelt u {guess}?" if guess else ""
        en_tail = f"; did you mean {guess}?" if guess else ""
        raise fail(f"verwacht een datum als JJJJ-MM-DD, niet {quoted(text)}{nl_tail}",
                   f"expected a date as YYYY-MM-DD, not {quoted(text)}{en_tail}")
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise fail(f"{quoted(text)} is geen bestaande datum",
                   f"{quoted(text)} is not a real date") from None


def _matching(pattern: re.Pattern[str], nl: str, en: str) -> BeforeValidator:
    def check(value: Any) -> str:
        text = _text(value, "tekst", "text")
        if not pattern.fullmatch(text):
            meant = "https://" + text.strip()  # `www.…`: the address without its https://
            tail = pattern is _URL and "://" not in text and _URL.fullmatch(meant)
            raise fail(f"{nl}, niet {quoted(text)}" + (f"; bedoelt u {quoted(meant)}?" if tail
                                                      else ""),
                       f"{en}, not {quoted(text)}" + (f"; did you mean {quoted(meant)}?" if tail
                                                     else ""))
        return text

    return BeforeValidator(check)


def _postcode(value: Any) -> str:
    """Four digits, optionally two letters (`1311`, `1311 AB`), kept as written; for another
    spelling of one (`1311-AB`) the error suggests the fixed form."""
    text = _text(value, "tekst", "text")
    if _POSTCODE.fullmatch(text):
        return text
    parts = _POSTCODE_PARTS.fullmatch(text)
    fixed = f"{parts.group(1)} {parts.group(2).upper()}".strip() if parts and parts.group(2) \
        else (parts.group(1) if parts else None)
    nl_tail = f"; bedoelt u '{fixed}'?" if fixed else ""
    en_tail = f"; did you mean '{fixed}'?" if fixed else ""
    raise fail(f"verwacht een postcode als 1311 of 1311 AB, niet {quoted(text)}{nl_tail}",
               f"expected a postcode like 1311 or 1311 AB, not {quoted(text)}{en_tail}")


class AnySpelling(GroupedMetadata):
    """For `Annotated[Literal[...], AnySpelling(that Literal)]`: a closed list of words
    (`stichting`, `vereniging`, ...), matched like disciplines: any case, accents, and spaces,
    hyphens and underscores alike (`Stichting`, `in oprichting`); the model keeps the canonical
    word. The JSON Schema accepts the same spellings."""

    def __init__(self, words: Any) -> None:
        self.choices: tuple[str, ...] = get_args(words)

    def __iter__(self) -> Iterator[object]:
        choices = self.choices
        by_spelling = {normalise(c): c for c in choices}

        def canonical(value: Any) -> Any:
            return by_spelling.get(normalise(value), value) if isinstance(value, str) else value

        # Like a discipline's (network/schema.py): the enum is what an editor completes (the
        # anyOf never fails); every spelling oncocheck accepts is valid; anything else is one
        # short message listing the choices, not the long pattern.
        schema = {"type": "string", "anyOf": [{"enum": list(choices)}, {}],
                  "if": {"pattern": spelling_pattern(choices)}, "else": {"enum": list(choices)},
                  "examples": [choices[0]]}
        yield BeforeValidator(canonical)
        yield WithJsonSchema(schema)


def _as_text(value: Any) -> Any:
    return _text(value, "tekst", "text") if value is not None else value


def _as_line(value: Any) -> Any:
    """`_as_text` on one line (`one_line`): one validator for what would be two (a file's
    every name), and no search in the common text, which has no line break to fold."""
    text = _as_text(value)
    return one_line(text) if isinstance(text, str) and not text.isprintable() else text


def _any_case(words: set[str]) -> str:
    # JSON Schema patterns are ECMA-262, which has no inline `(?i)`: spell out both cases.
    spelled = ("".join(f"[{c}{c.upper()}]" for c in word) for word in sorted(words))
    return f"^\\s*(?:{'|'.join(spelled)})\\s*$"


_STR_OR_NUM = {"type": ["string", "number", "integer"]}
_BOOL_WORDS = {"anyOf": [{"type": "boolean"},
                         {"type": "string", "pattern": _any_case(_TRUE | _FALSE)}]}
# A bare 1311 reaches an editor as a number, which oncocheck reads as the text "1311".
_POSTCODE_SCHEMA = {"anyOf": [
    {"type": "integer", "minimum": 0, "maximum": 9999},
    {"type": "string", "pattern": "^\\s*[0-9]{4}( ?[A-Za-z]{2})?\\s*$"}]}

Count = Annotated[int, BeforeValidator(_count), WithJsonSchema({"type": "integer",
                                                                "minimum": 0})]
YesNo = Annotated[bool, BeforeValidator(_yes_no), WithJsonSchema(_BOOL_WORDS)]
IsoDate = Annotated[date, BeforeValidator(_iso_date),
                    WithJsonSchema({"type": "string", "format": "date"})]
Url = Annotated[str, _matching(_URL, "verwacht een adres dat begint met https://",
                               "expected an address starting with https://"),
                WithJsonSchema({"type": "string", "pattern": "^[hH][tT][tT][pP][sS]?://"})]
Email = Annotated[str, _matching(_EMAIL, "verwacht een e-mailadres", "expected an e-mail address"),
                  WithJsonSchema({"type": "string", "pattern": "^[^@\\s]+@[^@\\s]+\\.[^@\\s.]+$"})]
Postcode = Annotated[str, BeforeValidator(_postcode), WithJsonSchema(_POSTCODE_SCHEMA)]
Words = Annotated[str, BeforeValidator(_as_text), WithJsonSchema(_STR_OR_NUM)]
# Blank text is stripped to "" and refused, so an editor should refuse it too.
NonEmpty = Annotated[str, BeforeValidator(_as_text), Field(min_length=1),
                     WithJsonSchema({**_STR_OR_NUM, "pattern": "\\S"})]
# A name printed at the start of a report line must not start a line of its own (`one_line`).
Line = Annotated[str, BeforeValidator(_as_line), WithJsonSchema(_STR_OR_NUM)]
Name = Annotated[str, BeforeValidator(_as_line), Field(min_length=1),
                 WithJsonSchema({**_STR_OR_NUM, "pattern": "\\S"})]
Reference = Name  # a file path or URL: one line


class Strict(BaseModel):
    """A frozen model that rejects unknown keys."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class BiText(Strict):
    """A text in Dutch and English, as written in rule files."""

    nl: NonEmpty
    en: NonEmpty

    def text(self) -> Text:
        """As the report's `Text`."""
        return Text(self.nl, self.en)
