"""Field types shared by the network file, rule files and vocabulary.

The loader hands every scalar over as text; these types turn text into what the model wants and
fail with a message in both languages (see `fail`). The JSON Schema hints say what an editor
should accept, which is what oncocheck accepts.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, WithJsonSchema
from pydantic_core import PydanticCustomError

from oncocheck.report import Text
from oncocheck.words import quoted

_TRUE = {"true", "ja", "yes", "waar", "j", "y"}
_FALSE = {"false", "nee", "no", "onwaar", "n"}
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_DMY = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})")
_URL = re.compile(r"https?://[^\s/$.?#][^\s]*", re.IGNORECASE)
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s.]+")
_POSTCODE = re.compile(r"\d{4}( ?[A-Za-z]{2})?")


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
            raise fail(f"{nl}, niet {quoted(text)}", f"{en}, not {quoted(text)}")
        return text

    return BeforeValidator(check)


def _as_text(value: Any) -> Any:
    return _text(value, "tekst", "text") if value is not None else value


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

YesNo = Annotated[bool, BeforeValidator(_yes_no), WithJsonSchema(_BOOL_WORDS)]
IsoDate = Annotated[date, BeforeValidator(_iso_date),
                    WithJsonSchema({"type": "string", "format": "date"})]
Url = Annotated[str, _matching(_URL, "verwacht een adres dat begint met https://",
                               "expected an address starting with https://"),
                WithJsonSchema({"type": "string", "pattern": "^[hH][tT][tT][pP][sS]?://"})]
Email = Annotated[str, _matching(_EMAIL, "verwacht een e-mailadres", "expected an e-mail address"),
                  WithJsonSchema({"type": "string", "pattern": "^[^@\\s]+@[^@\\s]+\\.[^@\\s.]+$"})]
Postcode = Annotated[str, _matching(_POSTCODE, "verwacht een postcode als 1311 of 1311 AB",
                                    "expected a postcode like 1311 or 1311 AB"),
                     WithJsonSchema(_POSTCODE_SCHEMA)]
Words = Annotated[str, BeforeValidator(_as_text), WithJsonSchema(_STR_OR_NUM)]
# Blank text is stripped to "" and refused, so an editor should refuse it too.
NonEmpty = Annotated[str, BeforeValidator(_as_text), Field(min_length=1),
                     WithJsonSchema({**_STR_OR_NUM, "pattern": "\\S"})]


def _one_line(text: str) -> str:
    # A name printed at the start of a report line must not start a line of its own: in a CI
    # log a line "::error::..." is a command to the CI system.
    return _LINE_BREAKS.sub(" ", text)


_LINE_BREAKS = re.compile("\\s*[\\r\\n\\x85\\u2028\\u2029]+\\s*")
Line = Annotated[Words, AfterValidator(_one_line)]  # a line break in a name becomes a space
Name = Annotated[NonEmpty, AfterValidator(_one_line)]
Reference = Annotated[NonEmpty, AfterValidator(_one_line)]  # a file path or URL: one line


class Strict(BaseModel):
    """A frozen model that rejects unknown keys."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class BiText(Strict):
    """A text in Dutch and English, as written in rule files."""

    nl: NonEmpty
    en: NonEmpty

    def text(self) -> Text:
        """As the report's `Text`."""
        return Text(self.nl, self.en)
