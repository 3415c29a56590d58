"""The registry of check kinds: their union, discriminated on `kind`.

A new kind is one new class added to `CheckKind`; rule files name it with `kind:`.
"""

from typing import Annotated

from pydantic import Field

from oncocheck.checks.contacts import ContactPoint, StructuralContacts
from oncocheck.checks.evidence import Documented
from oncocheck.checks.facts import AreaScope, Declaration, NonProfit, WebsiteCurrent
from oncocheck.checks.members import DistinctDisciplines, RequiredDisciplines
from oncocheck.checks.verwijsgids import VerwijsgidsShare

CheckKind = Annotated[
    DistinctDisciplines | RequiredDisciplines | VerwijsgidsShare | Declaration | Documented
    | NonProfit | AreaScope | WebsiteCurrent | StructuralContacts | ContactPoint,
    Field(discriminator="kind"),
]
