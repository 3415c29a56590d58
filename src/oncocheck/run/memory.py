"""Out of memory while checking: recognised, and the failed file's data let go at once."""

from __future__ import annotations


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
