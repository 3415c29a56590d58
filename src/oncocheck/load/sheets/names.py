"""What a members spreadsheet's column name stands for: the names oncocheck knows, in Dutch
and English and as coordinators write them (`In Verwijsgids?`, `Beroep`, `Praktijk`,
`Organisatie naam`, punctuation aside; any name with the word `verwijsgids`), the usual extras
read past without a word, and a skipped name so close to `verwijsgids` that reading past it
would give a false 2a: an error, since 2a is never computed from a column that was skipped.
"""

from __future__ import annotations

import difflib
import re

from oncocheck.load.visible import quoted
from oncocheck.load.words import normalise
from oncocheck.report import LoadError, Text

WHERE = "members_file"
#: Every accepted column name (normalised) and the member field it fills.
COLUMNS = {"naam": "name", "name": "name", "discipline": "discipline",
           "organisatie": "organisation", "organisation": "organisation",
           "organization": "organisation", "postcode": "postcode", "verwijsgids": "verwijsgids",
           "discipline anders": "discipline_other", "discipline other": "discipline_other",
           # what coordinators write for the same columns
           "beroep": "discipline", "profession": "discipline", "praktijk": "organisation",
           "praktijknaam": "organisation", "organisatie naam": "organisation",
           "organisatienaam": "organisation", "naam organisatie": "organisation",
           "organisation name": "organisation", "organization name": "organisation"}
_PUNCTUATION = re.compile(r"[^\w ]+")
NEAR = 0.8  # how like `verwijsgids` a skipped column's name may be (`Verwijzer` is 0.7)
REQUIRED = ("name", "discipline")
#: Columns a members list often has beside the members' fields, written without spaces
#: (`E-mail`, `e_mail` and `email` alike): read past without a word.
EXTRA = {"telefoon", "telefoonnummer", "telnummer", "telnr", "tel", "telefoonnr", "mobiel",
         "mobielnummer", "phone", "phonenumber", "telephone", "mobile", "email", "emailadres",
         "emailaddress", "mail", "mailadres", "website", "webadres", "site", "url", "agb",
         "agbcode", "agbnummer", "big", "bignummer", "bignr", "bigregistratie", "bigcode"}
#: The names a coordinator may have meant, per field (for "did you mean").
NAMES = {"name": ("naam", "name"), "discipline": ("discipline",),
         "organisation": ("organisatie", "organisation"), "postcode": ("postcode",),
         "verwijsgids": ("verwijsgids",), "discipline_other": ("discipline_anders",
                                                              "discipline_other")}
KNOWN = ("naam, discipline, organisatie, postcode, verwijsgids, discipline_anders",
         "name, discipline, organisation, postcode, verwijsgids, discipline_other")


def field_of(written: str | None) -> str | None:
    """The member field a column name stands for, or None."""
    if not written:
        return None
    words = " ".join(_PUNCTUATION.sub(" ", normalise(written)).split())
    known = COLUMNS.get(words) or COLUMNS.get(normalise(written))
    return known or ("verwijsgids" if "verwijsgids" in words.split() else None)


def near_verwijsgids(unknown: list[tuple[int, str]], fields: dict[int, str], number: int,
                     display: str) -> list[LoadError]:
    """An error for a skipped column whose name is close to `verwijsgids` while that column is
    missing: read past, it would make 2a count nobody as listed."""
    if "verwijsgids" in fields.values():
        return []
    near = [(i, w) for i, w in unknown if difflib.SequenceMatcher(
        None, _PUNCTUATION.sub("", normalise(w)), "verwijsgids").ratio() >= NEAR]
    return [LoadError(Text(
        f"kolom 'verwijsgids' ontbreekt; bedoelt u {quoted(written)}? Geef die kolom de kop "
        "'verwijsgids': zonder die kolom telt criterium 2a niemand als vermeld",
        f"column 'verwijsgids' is missing; did you mean {quoted(written)}? Name that column "
        "'verwijsgids': without it criterion 2a counts nobody as listed"),
        WHERE, number, index + 1, display) for index, written in near[:1]]
