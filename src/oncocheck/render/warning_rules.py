"""What each warning id and a load error mean, as a rule of a CI service describes them.

Code scanning shows a rule's short and full description and its help beside every alert, also
for rules that gave no result in this run; so every id the checker can report is described
here, in Dutch and English (`tests/unit/render/test_warning_rules.py` holds this table to the
ids and titles of `checks/` and `run/decide.py`). An id not in the table (a newer checker) gets
`GENERIC`, so no rule is ever left without a description.
"""

from __future__ import annotations

from dataclasses import dataclass

from oncocheck.report import Text


@dataclass(frozen=True, slots=True)
class RuleText:
    """A rule's title (short description), what it means (full description) and what to do."""

    title: Text
    meaning: Text
    to_do: Text


_DOCUMENT_TO_DO = Text(
    "Zet het document als gewoon bestand in de map van het netwerkbestand (of geef een "
    "https://-adres), of haal de verwijzing weg.",
    "Put the document as a regular file in the network file's folder (or give an https:// "
    "address), or remove the reference.")

WARNINGS: dict[str, RuleText] = {
    "duplicate-member": RuleText(
        Text("Dubbel lid", "Duplicate member"),
        Text("Twee leden hebben dezelfde naam en discipline. Waarschijnlijk staat één persoon er "
             "twee keer in en telt die dubbel mee voor de criteria over leden.",
             "Two members have the same name and discipline. Probably one person is listed "
             "twice and counts twice for the criteria about members."),
        Text("Verwijder het dubbele lid, of maak de namen verschillend als het twee mensen zijn.",
             "Remove the duplicate, or make the names differ if they are two people.")),
    "document-not-found": RuleText(
        Text("Document niet gevonden", "Document not found"),
        Text("Het netwerkbestand noemt bij `document:` een bestand dat er niet is; het telt "
             "niet als bewijs.",
             "The network file names a `document:` that is not there; it does not count as "
             "evidence."), _DOCUMENT_TO_DO),
    "document-not-usable": RuleText(
        Text("Document niet bruikbaar", "Document not usable"),
        Text("Het genoemde document is geen gewoon bestand in de map van het netwerkbestand (een "
             "map, een apparaat, een link naar buiten de map of een adres zonder host). "
             "oncocheck opent het niet en het telt niet als bewijs.",
             "The document named is not a regular file in the network file's folder (a folder, "
             "a device, a link leading outside the folder, or an address without a host). "
             "oncocheck does not open it and it does not count as evidence."), _DOCUMENT_TO_DO),
    "template-name": RuleText(
        Text("Naam uit het sjabloon", "Template name"),
        Text("`network.name` is nog de voorbeeldnaam die `oncocheck init` invult.",
             "`network.name` is still the example name that `oncocheck init` fills in."),
        Text("Vul de echte naam van het netwerk in bij `network.name`.",
             "Put the network's real name in `network.name`.")),
    "plan-closable": RuleText(
        Text("Plan kan worden afgesloten", "Plan item can be closed"),
        Text("Een actie uit het verbeterplan (`plan:`) hoort bij een criterium dat al voldaan is.",
             "An action of the improvement plan (`plan:`) belongs to a criterion that is "
             "already met."),
        Text("Haal het plan-item weg, of bewaar het elders als verslag.",
             "Remove the plan item, or keep it elsewhere as a record.")),
    "plan-overdue": RuleText(
        Text("Plan over de datum", "Plan item overdue"),
        Text("De datum (`due:`) van een actie uit het verbeterplan ligt vóór de peildatum.",
             "The date (`due:`) of an action of the improvement plan lies before the as-of "
             "date."),
        Text("Voer de actie uit, of zet een nieuwe datum bij `due:`.",
             "Carry out the action, or set a new date in `due:`.")),
    "criteria-pin": RuleText(
        Text("Andere criteriaversie dan in het bestand", "Criteria version other than the file's"),
        Text("Het bestand noemt bij `criteria:` een andere versie dan de versie die het "
             "beoordeelt. Het oordeel volgt de versie die op de peildatum van kracht is.",
             "The file names another version in `criteria:` than the version that judges it. "
             "The verdict follows the version in force on the as-of date."),
        Text("Werk `criteria:` bij, of vraag het oordeel volgens de genoemde versie met "
             "`--criteria`.",
             "Update `criteria:`, or ask for the verdict by the version named with "
             "`--criteria`.")),
}

LOAD_ERROR = RuleText(
    Text("Bestand niet leesbaar", "File cannot be loaded"),
    Text("Een netwerkbestand dat niet gelezen kan worden (een YAML-fout, een verkeerd type, een "
         "onbekende sleutel of waarde, een ontbrekend verplicht veld, een onleesbaar "
         "ledenbestand) wordt niet beoordeeld: het is ongeldig.",
         "A network file that cannot be loaded (a YAML error, a wrong type, an unknown key or "
         "value, a required field missing, an unreadable members spreadsheet) is not judged: "
         "it is invalid."),
    Text("Herstel de fout op de aangegeven plaats; de melding zegt wat er verwacht wordt.",
         "Fix the error at the place given; the message says what is expected."))

GENERIC = RuleText(
    Text("Waarschuwing", "Warning"),
    Text("Een waarschuwing van oncocheck. Waarschuwingen tellen niet mee voor het oordeel, "
         "behalve met `--strict`.",
         "A warning of oncocheck. Warnings do not change the verdict, except with `--strict`."),
    Text("Zie de melding bij het resultaat.", "See the result's message."))


def warning_rule(rule_id: str) -> RuleText:
    """The description of warning `rule_id` (GENERIC for an id the table does not know)."""
    return WARNINGS.get(rule_id, GENERIC)
