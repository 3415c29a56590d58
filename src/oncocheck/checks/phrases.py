"""How the keys of a network file are called in findings: in words, with the key in code font
after them (`de website (`network.website`)`), and what to do when a key is missing or empty.

A finding names what it is about in people's words first; the key (`network.website`) follows
in backticks, which every renderer shows as code, so a coordinator knows where to write.
"""

from __future__ import annotations

from pydantic import BaseModel

from oncocheck.report import Text

#: Keys under `network:` as people call them, with the article a sentence needs.
NAMES = {
    "network.website": Text("de website", "the website"),
    "network.website_updated": Text("de datum waarop de website is bijgewerkt",
                                    "the date the website was updated"),
    "network.website_lists_verwijsgids_members": Text(
        "de vermelding op de website van wie in de Verwijsgids staat",
        "whether the website shows who is in the Verwijsgids"),
    "network.legal_form": Text("de rechtsvorm", "the legal form"),
    "network.non_profit": Text("de verklaring of het netwerk zonder winstoogmerk is",
                               "the statement whether the network is not for profit"),
    "network.area": Text("het werkgebied", "the area"),
    "network.area.scope": Text("het soort werkgebied", "the kind of area"),
    "network.vision": Text("de visie of doelstelling", "the vision or objective"),
    "network.vision.document": Text("een document", "a document"),
    "network.vision.summary": Text("een samenvatting", "a summary"),
    "network.participation_agreement": Text("de deelname-afspraken",
                                            "the participation agreements"),
    "network.participation_agreement.document": Text("een document", "a document"),
    "network.participation_agreement.min_meetings_per_year": Text(
        "het minimale aantal bijeenkomsten per jaar", "the minimum number of meetings a year"),
    "network.participation_agreement.description": Text("een beschrijving", "a description"),
    "network.contact_point": Text("het aanspreekpunt", "the contact point"),
    "network.contact_point.name": Text("de naam van het aanspreekpunt",
                                       "the contact point's name"),
    "network.contact_point.email": Text("een e-mailadres", "an e-mail address"),
    "network.contact_point.phone": Text("een telefoonnummer", "a phone number"),
    "network.hospital_contacts": Text("de contacten met ziekenhuizen", "the hospital contacts"),
    "network.gp_contacts": Text("de contacten met huisartsen", "the GP contacts"),
}
#: The names above that are plural (`de deelname-afspraken ontbreken`).
PLURAL = {"network.participation_agreement", "network.hospital_contacts", "network.gp_contacts"}
#: Yes/no keys as statements: (when true, when false, as the clause after `of` / `whether`).
STATEMENTS = {
    "network.website_lists_verwijsgids_members": (
        Text("de website toont welke leden in de Verwijsgids Kanker staan",
             "the website shows which members are listed in the Verwijsgids Kanker"),
        Text("de website toont niet welke leden in de Verwijsgids Kanker staan",
             "the website does not show which members are listed in the Verwijsgids Kanker"),
        Text("de website toont welke leden in de Verwijsgids Kanker staan",
             "the website shows which members are listed in the Verwijsgids Kanker")),
    "network.non_profit": (
        Text("het netwerk is zonder winstoogmerk", "the network is not for profit"),
        Text("het netwerk heeft een winstoogmerk", "the network is for profit"),
        Text("het netwerk zonder winstoogmerk is", "the network is not for profit")),
}


def name(path: str) -> Text:
    """`path` in words (`de website`); a key the table does not know, as code."""
    return NAMES.get(path, Text(f"`{path}`", f"`{path}`"))


def named(path: str) -> Text:
    """`de website (`network.website`)`: the words, then the key in code font."""
    words = NAMES.get(path)
    if words is None:
        return Text(f"`{path}`", f"`{path}`")
    return Text(f"{words.nl} (`{path}`)", f"{words.en} (`{path}`)")


def is_empty(section: BaseModel | None, field: str) -> bool:
    """Whether `field` is written in `section` but without a value (`website:`), rather
    than left out: then the coordinator fills it in instead of adding it."""
    return section is not None and field in section.model_fields_set


def absent(path: str, empty: bool) -> tuple[Text, Text]:
    """A missing key's message and what to do: `de website ontbreekt (`network.website`)` and
    `voeg de website toe (…)`, or for a key written without a value `… is niet ingevuld` and
    `vul de website in (…)`."""
    words, key = name(path), f" (`{path}`)" if path in NAMES else ""
    many = path in PLURAL
    if empty:
        nl, en = ("zijn", "are") if many else ("is", "is")
        return (Text(f"{words.nl} {nl} niet ingevuld{key}", f"{words.en} {en} not filled in{key}"),
                Text(f"vul {words.nl} in{key}", f"fill in {words.en}{key}"))
    nl, en = ("ontbreken", "are") if many else ("ontbreekt", "is")
    return (Text(f"{words.nl} {nl}{key}", f"{words.en} {en} missing{key}"),
            Text(f"voeg {words.nl} toe{key}", f"add {words.en}{key}"))


def yes_no(path: str, question: Text, empty: bool) -> Text:
    """What to do about a missing yes/no key: `geef met ja of nee aan of <question> (voeg
    `path` toe)`, or `(vul `path` in)` when it is written without a value."""
    nl, en = ("vul", "fill in") if empty else ("voeg", "add")
    nl_tail = f"{nl} `{path}` in" if empty else f"{nl} `{path}` toe"
    return Text(f"geef met ja of nee aan of {question.nl} ({nl_tail})",
                f"say with true or false whether {question.en} ({en} `{path}`)")
