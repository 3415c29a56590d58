"""Words for people in the impact report and the reviewer statistics, in Dutch and English.

The statistics words (the 2a share distribution, disciplines per network) are shared by
`oncocheck impact` and the batch HTML index.
"""

from __future__ import annotations

WORDS: dict[str, dict[str, str]] = {
    "nl": {
        "title": "Impact van een criteriaversie", "from": "van", "to": "naar",
        "as_of": "Peildatum", "files": "Bestanden", "verdicts": "Oordelen per versie",
        "verdict": "Oordeel", "changes": "Netwerken met een ander oordeel",
        "no_changes": "Geen enkel netwerk krijgt een ander oordeel.",
        "file": "Bestand", "network": "Netwerk", "per_criterion": "Per criterium",
        "criterion": "Criterium", "changed": "Andere status",
        "transitions": "Overgangen", "no_transitions": "geen",
        "failing": "Voldoet niet ({label})", "absent": "niet in de versie",
        "not_checked": "Ongeldige bestanden ({n}) zijn niet meegeteld.",
        "sweep": "Drempelverkenning 2a", "threshold": "Drempel",
        "meeting": "Netwerken die 2a halen", "sweep_basis": "Van de {n} netwerken met een "
        "aandeel; vergeleken zoals criterium 2a dat doet (drempel inbegrepen).",
        "sweep_chart": "Aantal netwerken dat 2a haalt bij drempels van 40% tot 80%",
        "sweep_axis": "drempel voor 2a",
        "stats": "Statistieken voor beoordelaars",
        "shares": "Verdeling van het aandeel 2a (Verwijsgids Kanker)",
        "share_chart": "Aantal netwerken per aandeel vermeld in de Verwijsgids, in klassen "
        "van 5%", "share_axis": "aandeel leden vermeld in de Verwijsgids Kanker",
        "share_basis": "Aandelen volgens {label}.", "bin": "Aandeel", "networks": "Netwerken",
        "minimum": "laagste", "median": "mediaan", "maximum": "hoogste",
        "undefined": "zonder aandeel (niemand telt mee voor 2a)",
        "invalid": "ongeldige bestanden (niet meegeteld)",
        "threshold_of": "drempel {label}", "numbers": "De cijfers",
        "disciplines": "Disciplines per netwerk", "discipline": "Discipline",
        "with_member": "Netwerken met minstens één lid ({n} geldige netwerken)",
        "no_members": "Geen leden opgegeven.",
    },
    "en": {
        "title": "Impact of a criteria version", "from": "from", "to": "to",
        "as_of": "As of", "files": "Files", "verdicts": "Verdicts per version",
        "verdict": "Verdict", "changes": "Networks that change verdict",
        "no_changes": "No network changes verdict.",
        "file": "File", "network": "Network", "per_criterion": "Per criterion",
        "criterion": "Criterion", "changed": "Status changes",
        "transitions": "Transitions", "no_transitions": "none",
        "failing": "Not met ({label})", "absent": "not in the version",
        "not_checked": "Invalid files ({n}) are not counted.",
        "sweep": "2a threshold sweep", "threshold": "Threshold",
        "meeting": "Networks meeting 2a", "sweep_basis": "Of the {n} networks with a share; "
        "compared as criterion 2a does (the threshold included).",
        "sweep_chart": "Number of networks meeting 2a at thresholds from 40% to 80%",
        "sweep_axis": "threshold for 2a",
        "stats": "Reviewer statistics",
        "shares": "Distribution of the 2a share (Verwijsgids Kanker)",
        "share_chart": "Number of networks by share listed in the Verwijsgids, in 5% bins",
        "share_axis": "share of members listed in the Verwijsgids Kanker",
        "share_basis": "Shares as under {label}.", "bin": "Share", "networks": "Networks",
        "minimum": "lowest", "median": "median", "maximum": "highest",
        "undefined": "without a share (nobody counts for 2a)",
        "invalid": "invalid files (not counted)",
        "threshold_of": "threshold {label}", "numbers": "The numbers",
        "disciplines": "Disciplines per network", "discipline": "Discipline",
        "with_member": "Networks with at least one member ({n} valid networks)",
        "no_members": "No members given.",
    },
}


def words(lang: str) -> dict[str, str]:
    """The impact and statistics words in `lang` (Dutch for anything but "en")."""
    return WORDS["en" if lang == "en" else "nl"]
