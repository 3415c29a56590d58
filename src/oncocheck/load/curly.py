"""Word's curly quotes around a value (`phone: “033 461 2233”`, `“3”: …`): YAML reads them as
part of the text, so the value would be kept with them or not be recognised. Such a value (or
key) is a load error that names them and gives the line without them.
"""

from __future__ import annotations

from oncocheck.load.visible import quoted
from oncocheck.report import LoadError, Text

#: The quotes Word and other word processors put around a text: opening and closing.
OPENING = frozenset("“”„‘’‚«»")
_CLOSING = frozenset("”“’‘»«")
#: What may not start a plain YAML value, and what may not stand in one.
_SPECIAL_START = frozenset("-?:,[]{}#&*!|>'\"%@`")


def curly(text: str) -> bool:
    """Whether `text` (a plain scalar) is wrapped whole in curly quotes."""
    return len(text) > 1 and text[0] in OPENING and text[-1] in _CLOSING


def curly_error(text: str, key: str | None, is_key: bool, path: str, line: int,
                column: int) -> LoadError:
    """The error for a `curly` scalar: which quotes, and the line to write instead (`key`: the
    key the value stands under, None in a list)."""
    inner = text[1:-1].strip()
    plain = inner if _plain_safe(inner) else '"' + inner.replace('"', "'") + '"'
    write = f"{plain}:" if is_key else (f"{key}: {plain}" if key else plain)
    marks = f"{text[0]} {text[-1]}"
    what = ("de sleutel", "the key") if is_key else ("de waarde", "the value")
    return LoadError(Text(
        f"{what[0]} staat tussen gekrulde aanhalingstekens ({marks}), zoals Word ze zet; YAML "
        f"leest die als deel van de tekst. Haal ze weg: schrijf {quoted(write)}",
        f"{what[1]} is between curly quotes ({marks}), as Word writes them; YAML reads them "
        f"as part of the text. Remove them: write {quoted(write)}"), path, line, column)


def _plain_safe(text: str) -> bool:
    """Whether `text` can be written without quotes and read back as the same text."""
    return bool(text) and text[0] not in _SPECIAL_START and ": " not in text and \
        " #" not in text and not text.endswith(":")
