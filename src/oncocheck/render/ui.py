"""Words for people in the HTML and Markdown reports, in Dutch and English.

Status and verdict are always shown as a word with a symbol, never by colour alone.
"""

from __future__ import annotations

from oncocheck.report import Status, Verdict

STATUS_SYMBOL = {Status.MET: "✔", Status.NOT_MET: "✘", Status.MISSING: "?"}
VERDICT_SYMBOL = {Verdict.COMPLIANT: "✔", Verdict.NOT_COMPLIANT: "✘", Verdict.INVALID: "⊘"}

WORDS: dict[str, dict[str, str]] = {
    "nl": {
        "met": "voldaan", "not_met": "niet voldaan", "missing": "ontbreekt",
        "compliant": "Voldoet", "not_compliant": "Voldoet niet", "invalid": "Ongeldig",
        "report": "Kwaliteitstoets", "batch_title": "Kwaliteitstoets: overzicht",
        "criteria_set": "Criteria", "in_force": "geldig vanaf", "as_of": "Peildatum",
        "tool": "Gemaakt met", "file": "Bestand", "network": "Netwerk", "verdict": "Oordeel",
        "criteria": "Criteria", "criterion": "Criterium", "status": "Status",
        "official": "Criterium (samengevat)", "source": "bron", "finding": "Bevinding",
        "working": "Berekening", "show_working": "gemeten waarden", "todo": "Wat te doen",
        "note": "Toelichting van het netwerk",
        "plan": "Verbeterplan", "owner": "door", "due": "vóór",
        "members": "Leden", "name": "Naam", "written": "Discipline (zoals opgegeven)",
        "normalised": "Discipline (herkend als)", "organisation": "Organisatie",
        "verwijsgids": "Verwijsgids", "in_2a": "Telt mee voor 2a",
        "yes": "ja", "no": "nee", "unknown": "onbekend", "not_given": "niet opgegeven",
        "counted": "telt mee",
        "left_out": "niet meegeteld", "no_members": "Geen leden opgegeven.",
        "problems": "Waarschuwingen en laadfouten", "warnings": "Waarschuwingen",
        "errors": "Laadfouten", "path": "Pad", "line": "Regel", "column": "Kolom",
        "message": "Melding", "none": "Geen.", "where": "Plaats",
        "summary": "Samenvatting", "files": "bestanden", "networks": "Netwerken",
        "matrix": "Netwerken × criteria", "per_criterion": "Per criterium",
        "fail_count": "Voldoet niet bij", "of_networks": "van {n} netwerken",
        "legend": "Legenda", "not_checked": "niet gecontroleerd: het bestand kon niet "
        "worden gelezen", "all_networks": "Alle netwerken", "filter": "Zoek netwerk:",
        "not_in_set": "geen criterium van de criteriaset van dit bestand", "score": "Voldaan",
        "invalid_page": "Dit bestand kon niet worden gelezen; los de laadfouten hieronder "
        "op en controleer opnieuw.", "skip": "Naar de criteria",
        "footer": "Gemaakt met oncocheck {version} op peildatum {as_of}. De criteriateksten "
        "zijn samenvattingen; de bron is leidend.",
    },
    "en": {
        "met": "met", "not_met": "not met", "missing": "missing",
        "compliant": "Compliant", "not_compliant": "Not compliant", "invalid": "Invalid",
        "report": "Quality review", "batch_title": "Quality review: overview",
        "criteria_set": "Criteria", "in_force": "in force from", "as_of": "As of",
        "tool": "Made with", "file": "File", "network": "Network", "verdict": "Verdict",
        "criteria": "Criteria", "criterion": "Criterion", "status": "Status",
        "official": "Criterion (paraphrased)", "source": "source", "finding": "Finding",
        "working": "Working", "show_working": "measured values", "todo": "What to do",
        "note": "The network's note",
        "plan": "Improvement plan", "owner": "by", "due": "before",
        "members": "Members", "name": "Name", "written": "Discipline (as written)",
        "normalised": "Discipline (recognised as)", "organisation": "Organisation",
        "verwijsgids": "Verwijsgids", "in_2a": "Counts for 2a",
        "yes": "yes", "no": "no", "unknown": "unknown", "not_given": "not given",
        "counted": "counted",
        "left_out": "left out", "no_members": "No members given.",
        "problems": "Warnings and load errors", "warnings": "Warnings",
        "errors": "Load errors", "path": "Path", "line": "Line", "column": "Column",
        "message": "Message", "none": "None.", "where": "Where",
        "summary": "Summary", "files": "files", "networks": "Networks",
        "matrix": "Networks × criteria", "per_criterion": "Per criterion",
        "fail_count": "Not met by", "of_networks": "of {n} networks",
        "legend": "Legend", "not_checked": "not checked: the file could not be read",
        "all_networks": "All networks", "filter": "Find network:",
        "not_in_set": "not a criterion of this file's criteria set", "score": "Met",
        "invalid_page": "This file could not be read; fix the load errors below and check "
        "again.", "skip": "Skip to the criteria",
        "footer": "Made with oncocheck {version}, as of {as_of}. The criteria texts are "
        "paraphrases; the source prevails.",
    },
}

# Names of `observed` keys, shown in the working; unknown keys are shown as they are.
OBSERVED: dict[str, dict[str, str]] = {
    "nl": {
        "count": "aantal", "minimum": "minimum", "disciplines": "gevonden disciplines",
        "present": "aanwezig", "missing": "ontbreekt", "listed": "vermeld",
        "eligible": "telt mee (noemer)", "threshold": "drempel", "share": "aandeel",
        "excluded": "niet meegeteld", "declared": "verklaard", "document": "document",
        "document_found": "document gevonden", "given": "opgegeven", "non_profit":
        "zonder winstoogmerk", "legal_form": "rechtsvorm", "scope": "werkgebied",
        "website": "website", "updated": "bijgewerkt", "age_days": "dagen sinds bijwerken",
        "max_age_days": "hoogstens (dagen)", "contacts": "contacten", "structural": "structureel",
        "structural_names": "structurele contacten", "name": "naam", "email": "e-mail",
        "phone": "telefoon",
    },
    "en": {
        "count": "count", "minimum": "minimum", "disciplines": "disciplines found",
        "present": "present", "missing": "missing", "listed": "listed",
        "eligible": "counted (denominator)", "threshold": "threshold", "share": "share",
        "excluded": "left out", "declared": "declared", "document": "document",
        "document_found": "document found", "given": "given", "non_profit": "not for profit",
        "legal_form": "legal form", "scope": "area", "website": "website",
        "updated": "updated", "age_days": "days since update",
        "max_age_days": "at most (days)",
        "contacts": "contacts", "structural": "structural",
        "structural_names": "structural contacts", "name": "name", "email": "e-mail",
        "phone": "phone",
    },
}


def words(lang: str) -> dict[str, str]:
    """The UI words in `lang` (Dutch for anything but "en")."""
    return WORDS["en" if lang == "en" else "nl"]
