"""How a share (63,6% / 63.6%), a place, a file within its batch, a count and a list are said,
in one place for every text oncocheck writes.

Checks word their findings with these, and so do the renderers, so a share or a place reads
the same in a finding's message, in the HTML working and in a CI annotation.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Iterable, Sequence
from fractions import Fraction

from oncocheck.report import Text

#: How a member field's column is called in Dutch (the English name is the field itself).
DUTCH_COLUMNS = {"name": "naam", "organisation": "organisatie",
                 "discipline_other": "discipline_anders"}


def percent(value: Fraction | float, lang: str) -> str:
    """A share as every text for people says it: `63,6%` in Dutch, `63.6%` in English (one
    decimal), `60%` when whole. Exact: a float is read as the decimal it was written as (0.6
    is 60%, never 59.99…%)."""
    hundredths = (Fraction(str(value)) if isinstance(value, float) else Fraction(value)) * 100
    if hundredths.denominator == 1:
        return f"{hundredths.numerator}%"
    shown = f"{float(hundredths):.1f}%"
    return shown if lang == "en" else shown.replace(".", ",")


def percents(value: Fraction | float) -> Text:
    """`percent` in both languages: `63,6%` / `63.6%`."""
    return Text(percent(value, "nl"), percent(value, "en"))


def where(file: str, line: int | None = None, column: int | None = None) -> str:
    """`file:line:column`, with only the parts that are known."""
    return ":".join(str(x) for x in (file, line, column) if x is not None)


def column_letter(number: int) -> str:
    """The spreadsheet name of a 1-based column: 1 -> A, 26 -> Z, 27 -> AA."""
    letters = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def cell(source: str, line: int | None, column: int | None,
         field_name: str | None = None) -> Text:
    """A place in a members spreadsheet as a coordinator reads it:
    `leden.xlsx: rij 7, kolom C (discipline)` / `leden.xlsx: row 7, column C (discipline)`."""
    nl = en = source
    if line is not None:
        nl, en = f"{nl}: rij {line}", f"{en}: row {line}"
        if column is not None:
            nl, en = f"{nl}, kolom {column_letter(column)}", f"{en}, column {column_letter(column)}"
            if field_name:
                nl = f"{nl} ({DUTCH_COLUMNS.get(field_name, field_name)})"
                en = f"{en} ({field_name})"
    return Text(nl, en)


def member_field(path: str) -> str | None:
    """The member field a path ends in (`members[5].discipline` -> `discipline`), else None."""
    tail = path.rsplit(".", 1)
    return tail[1] if len(tail) == 2 and tail[0].endswith("]") else None


def counted(count: int, one: str, many: str) -> str:
    """A count with its word in the right number: `1 lid`, `2 leden`, `0 leden`."""
    return f"{count} {one if count == 1 else many}"


def listed(items: Sequence[str], last: str) -> str:
    """Items as a sentence lists them: `a`, `a en b`, `a, b en c` (`last` is the word
    before the last item: en, of, and, or)."""
    items = list(items)
    if len(items) < 2:
        return "".join(items)
    return f"{', '.join(items[:-1])} {last} {items[-1]}"


#: What the operating system says, in words for people: its own text is English whatever the
#: language (and names the C constant's meaning, not what to do).
_OS_REASONS = {
    errno.ENOENT: ("bestaat niet", "does not exist"),
    errno.EACCES: ("geen toestemming", "permission denied"),
    errno.EPERM: ("geen toestemming", "operation not permitted"),
    errno.EISDIR: ("is een map", "is a directory"),
    errno.ENOTDIR: ("een deel van het pad is geen map", "a part of the path is not a directory"),
    errno.ENOSPC: ("de schijf is vol", "no space left on the device"),
    errno.EROFS: ("de schijf is alleen-lezen", "the file system is read-only"),
    errno.EEXIST: ("bestaat al", "already exists"),
    errno.ELOOP: ("te veel koppelingen na elkaar", "too many symbolic links"),
    errno.ENAMETOOLONG: ("de naam is te lang", "the name is too long"),
    errno.EMFILE: ("te veel open bestanden", "too many open files"),
    errno.ENFILE: ("te veel open bestanden in het systeem", "too many open files in the system"),
    errno.EIO: ("leesfout of schrijffout van het apparaat", "input/output error"),
    errno.EBUSY: ("is in gebruik", "device or resource busy"),
    errno.EFBIG: ("het bestand wordt te groot", "the file is too large"),
    errno.EPIPE: ("de lezer is gestopt", "broken pipe"),
    errno.EBADF: ("geen geldig open bestand", "bad file descriptor"),
    errno.ENXIO: ("het apparaat is er niet", "no such device or address"),
}


#: Why a relative path cannot be found when the working folder was removed after the run was
#: started in it: "does not exist" would send the user looking for a file that is there.
WORKING_FOLDER_GONE = Text(
    "de map waarin oncocheck gestart is bestaat niet meer; ga naar een bestaande map of geef "
    "een absoluut pad", "the folder oncocheck was started in no longer exists; change to a "
    "folder that exists or give an absolute path")


def working_folder() -> str | None:
    """The working folder, or None when it no longer exists (removed after the shell went in):
    then relative paths name nothing, and absolute ones still work."""
    try:
        return os.getcwd()
    except FileNotFoundError:
        return None


def absolute(path: str | os.PathLike[str]) -> str:
    """`path` made absolute; only normalised when it is relative and the working folder was
    removed (it names nothing then)."""
    try:
        return os.path.abspath(path)
    except OSError:
        return os.path.normpath(path)


def os_reason(exc: OSError) -> Text:
    """Why the operating system refused: in Dutch in words (`bestaat niet`), in English (and
    for an unknown error number, in both) as the system says it; a relative path missing
    because the working folder is gone says that."""
    name = exc.filename  # None when the call does not say (a temporary file's folder)
    if (exc.errno == errno.ENOENT and not (name is not None and os.path.isabs(name))
            and working_folder() is None):
        return WORKING_FOLDER_GONE
    known = _OS_REASONS.get(exc.errno or 0)
    said = exc.strerror or (known[1] if known else type(exc).__name__)
    return Text(known[0] if known else said, said)


def common_folder(files: Iterable[str]) -> str:
    """The folder every one of `files` lies in, written as they write it (`examples` for
    `examples/a/x.yaml` and `examples/b/y.yaml`); "" when they share none."""
    parts = [file.split("/")[:-1] for file in files]
    if not parts:
        return ""
    shared = parts[0]
    for other in parts[1:]:
        differs = (i for i, (a, b) in enumerate(zip(shared, other, strict=False)) if a != b)
        shared = shared[:next(differs, min(len(shared), len(other)))]
    return "/".join(shared) or ("/" if shared == [""] else "")


def relative(file: str, folder: str) -> str:
    """`file` as seen from `folder` (see `common_folder`); as it is when it lies elsewhere."""
    prefix = folder if folder.endswith("/") else folder + "/"
    return file[len(prefix):] if folder and file.startswith(prefix) else file
