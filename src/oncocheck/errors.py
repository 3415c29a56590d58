"""The few exceptions oncocheck raises on purpose; the CLI catches them in one place."""

from __future__ import annotations

from oncocheck.report import LoadError, Text


class OncocheckError(Exception):
    """Base of oncocheck's own, expected errors."""


class LoadFailed(OncocheckError):
    """A file (network file, rule file, vocabulary) could not be loaded."""

    def __init__(self, errors: list[LoadError]) -> None:
        super().__init__("; ".join(e.message.en for e in errors))
        self.errors = errors


class UsageError(OncocheckError):
    """The command was used wrongly (exit code 2); `text` says what to do instead."""

    def __init__(self, text: Text) -> None:
        super().__init__(text.en)
        self.text = text


def load_error(nl: str, en: str, path: str = "", line: int | None = None,
               column: int | None = None) -> LoadFailed:
    """A LoadFailed with one error, for the common case."""
    return LoadFailed([LoadError(Text(nl, en), path, line, column)])
