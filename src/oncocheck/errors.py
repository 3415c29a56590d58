"""The few exceptions oncocheck raises on purpose (the CLI catches them in one place), and
running out of memory recognised, with the failed file's data let go at once."""

from __future__ import annotations

from oncocheck.report import LoadError, Text
from oncocheck.wording import counted


class OncocheckError(Exception):
    """Base of oncocheck's own, expected errors."""


class LoadFailed(OncocheckError):
    """A file (network file, rule file, vocabulary) could not be loaded: `listed` are the
    problems found, `omitted` counts more found past a cap (`validate.capped`)."""

    def __init__(self, errors: list[LoadError], omitted: int = 0) -> None:
        self.listed, self.omitted = list(errors), omitted
        super().__init__("; ".join(e.message.en for e in self.errors))

    @property
    def errors(self) -> list[LoadError]:
        """The listed errors, then "and N more errors" when `omitted` is not 0."""
        return [*self.listed, more_errors(self.omitted)] if self.omitted else self.listed


def more_errors(count: int) -> LoadError:
    """The line that stands for `count` errors not listed."""
    return LoadError(Text(f"en nog {counted(count, 'fout', 'fouten')}; herstel eerst de fouten "
                          "hierboven",
                          f"and {counted(count, 'more error', 'more errors')}; fix the ones "
                          "above first"), more=count)


class UsageError(OncocheckError):
    """The command was used wrongly (exit code 2); `text` says what to do instead."""

    def __init__(self, text: Text) -> None:
        super().__init__(text.en)
        self.text = text


def load_error(nl: str, en: str, path: str = "", line: int | None = None,
               column: int | None = None, detail: str | None = None) -> LoadFailed:
    """A LoadFailed with one error, for the common case (`detail`: the parser's own words,
    shown only with `--debug`)."""
    return LoadFailed([LoadError(Text(nl, en), path, line, column, detail=detail)])


def out_of_memory(exc: BaseException) -> bool:
    """Whether `exc` means the process ran out of memory: a MemoryError (also as the context
    of another error), or a Rust extension's panic at a null object pointer (pydantic-core
    panics so when an allocation fails inside it)."""
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, MemoryError):
            return True
        if type(seen).__name__ == "PanicException" and "null" in str(seen):
            return True
        seen = seen.__context__
    return False


def release(exc: BaseException) -> None:
    """Drop the tracebacks of `exc` and of the errors it arose from.

    A traceback keeps every frame below it alive, and with them whatever data they hold. Out
    of memory that data must go before the error unwinds further: CPython 3.11 needs a few
    bytes to unwind into a `with` block, and loops for ever when they are not there.
    """
    seen: BaseException | None = exc
    while seen is not None:
        seen.__traceback__ = None
        seen = seen.__context__
