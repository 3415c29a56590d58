"""The `network:` section of a network file and its parts, as pydantic models: each part is
the information one or more criteria read (the criterion is named on each)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import field_validator

from oncocheck.load.fields import (AnySpelling, Count, Email, IsoDate, Line, Name, NonEmpty,
                                   Postcode, Reference, Strict, Url, Words, YesNo, fail)

#: The sections under `network:` that may name an evidence document (`document:`).
DOCUMENT_SECTIONS = ("vision", "participation_agreement")
# Closed lists match in any case and spelling (`Stichting`, `Coöperatie`, `in oprichting`)
_Scopes = Literal["wijk", "gemeente", "regio", "provincie", "landelijk"]
_LegalForms = Literal["stichting", "vereniging", "cooperatie", "informeel", "bv", "vof",
                      "maatschap", "eenmanszaak", "anders"]
_Statuses = Literal["actief", "in_oprichting"]
Scope = Annotated[_Scopes, AnySpelling(_Scopes)]
LegalForm = Annotated[_LegalForms, AnySpelling(_LegalForms)]
Status = Annotated[_Statuses, AnySpelling(_Statuses)]


class Area(Strict):
    """Where the network works (criterion 6)."""

    scope: Scope | None = None
    municipalities: list[NonEmpty] | None = None
    postcodes: list[Postcode] | None = None


class Vision(Strict):
    """The written vision or objective (criterion 4)."""

    document: Reference | None = None
    summary: Words | None = None


class ParticipationAgreement(Strict):
    """Agreements on members' minimum participation (criterion 3)."""

    document: Reference | None = None
    min_meetings_per_year: Count | None = None
    description: Words | None = None

    @field_validator("min_meetings_per_year")
    @classmethod
    def _sane(cls, value: int | None) -> int | None:
        if value is not None and not 0 <= value <= 1000:
            raise fail("verwacht een aantal tussen 0 en 1000", "expected a number from 0 to 1000")
        return value


class ContactPoint(Strict):
    """The network's contact point for patients and care providers (criterion 10)."""

    name: Line | None = None
    email: Email | None = None
    phone: Words | None = None


class Contact(Strict):
    """A hospital or GP the network has contact with (criteria 8 and 9)."""

    name: Name
    structural: YesNo = False
    arrangement: Words | None = None


class Network(Strict):
    """The `network:` section."""

    name: Name
    status: Status | None = None
    website: Url | None = None
    website_updated: IsoDate | None = None
    website_lists_verwijsgids_members: YesNo | None = None
    legal_form: LegalForm | None = None
    non_profit: YesNo | None = None
    area: Area | None = None
    vision: Vision | None = None
    participation_agreement: ParticipationAgreement | None = None
    contact_point: ContactPoint | None = None
    hospital_contacts: list[Contact] | None = None
    gp_contacts: list[Contact] | None = None
