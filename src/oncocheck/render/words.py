"""Every word the renderers show people, in Dutch and English: one table, one key per meaning.

A key is a meaning, written once as a pair (nl, en). Where a sentence needs another case of
the same word (`Voldoet` heading a cell, `voldoet` inside the summary line, `VOLDOET` on the
console's verdict line) the renderer asks `Words.lower`, `Words.upper` or `Words.capital`
instead of keeping a second spelling. Keys `observed.<name>` name the values a check kind
puts in a finding's `observed` data (shown in the HTML working).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from oncocheck.report import Status, Verdict

#: Status and verdict are always shown as a word with a symbol, never by colour alone.
STATUS_SYMBOL = {Status.MET: "✔", Status.NOT_MET: "✘", Status.MISSING: "?"}
VERDICT_SYMBOL = {Verdict.COMPLIANT: "✔", Verdict.NOT_COMPLIANT: "✘", Verdict.INVALID: "⊘"}

WORDS: dict[str, tuple[str, str]] = {
    # statuses and verdicts: keys are the values of Status and Verdict
    "met": ("voldaan", "met"), "not_met": ("niet voldaan", "not met"),
    "missing": ("ontbreekt", "missing"), "compliant": ("Voldoet", "Compliant"),
    "not_compliant": ("Voldoet niet", "Not compliant"), "invalid": ("Ongeldig", "Invalid"),
    # what a report is about
    "batch_title": ("Kwaliteitstoets: overzicht", "Quality review: overview"),
    "criteria_set": ("Criteria", "Criteria"), "in_force_from": ("geldig vanaf", "in force from"),
    "as_of": ("Peildatum", "As of"), "tool": ("Gemaakt met", "Made with"),
    "file": ("Bestand", "File"), "files": ("bestanden", "files"),
    "network": ("Netwerk", "Network"), "networks": ("Netwerken", "Networks"),
    "verdict": ("Oordeel", "Verdict"), "criteria": ("Criteria", "Criteria"),
    "criterion": ("Criterium", "Criterion"), "status": ("Status", "Status"),
    "date_to": ("t/m", "to"), "per_file": ("per bestand", "per file"),
    "footer": ("Gemaakt met oncocheck {version} op peildatum {as_of}. De criteriateksten zijn "
               "samenvattingen; de bron is leidend.", "Made with oncocheck {version}, as of "
               "{as_of}. The criteria texts are paraphrases; the source prevails."),
    # a finding
    "source": ("bron", "source"), "finding": ("Bevinding", "Finding"),
    "working": ("Berekening", "Working"), "show_working": ("gemeten waarden", "measured values"),
    "what_to_do": ("Wat te doen", "What to do"), "to_do": ("te doen", "to do"),
    "observed": ("waargenomen", "observed"), "where": ("Plaats", "Where"),
    # the coordinator's own words
    "network_note": ("Toelichting van het netwerk", "The network's note"),
    "note": ("notitie", "note"), "plan": ("Verbeterplan", "Improvement plan"),
    "planned": ("gepland", "planned"), "by": ("door", "by"), "before": ("vóór", "before"),
    # members
    "members": ("Leden", "Members"), "name": ("Naam", "Name"),
    "written": ("Discipline (zoals opgegeven)", "Discipline (as written)"),
    "normalised": ("Discipline (herkend als)", "Discipline (recognised as)"),
    "organisation": ("Organisatie", "Organisation"), "verwijsgids": ("Verwijsgids", "Verwijsgids"),
    "in_2a": ("Telt mee voor 2a", "Counts for 2a"), "counted": ("telt mee", "counted"),
    "left_out": ("niet meegeteld", "left out"), "no_members": ("Geen leden opgegeven.",
                                                               "No members given."),
    "yes": ("ja", "yes"), "no": ("nee", "no"), "unknown": ("onbekend", "unknown"),
    "not_given": ("niet opgegeven", "not given"), "none": ("Geen.", "None."),
    # warnings and load errors
    "problems": ("Waarschuwingen en laadfouten", "Warnings and load errors"),
    "warnings": ("Waarschuwingen", "Warnings"), "warning": ("waarschuwing", "warning"),
    "errors": ("Laadfouten", "Load errors"), "load_errors_count": ("laadfout(en)",
                                                                   "load error(s)"),
    "file_readable": ("het bestand is leesbaar", "the file can be read"),
    "invalid_file": ("ongeldig bestand", "invalid file"),
    "load_error_rule": ("Het bestand kon niet worden gelezen (YAML, type, onbekende sleutel of "
                        "waarde).", "The file could not be loaded (YAML, type, unknown key or "
                        "value)."),
    "invalid_page": ("Dit bestand kon niet worden gelezen; los de laadfouten hieronder op en "
                     "controleer opnieuw.", "This file could not be read; fix the load errors "
                     "below and check again."),
    "path": ("Pad", "Path"), "line": ("Regel", "Line"), "column": ("Kolom", "Column"),
    "message": ("Melding", "Message"),
    # the batch index
    "summary": ("Samenvatting", "Summary"), "score": ("Voldaan", "Met"),
    "matrix": ("Netwerken × criteria", "Networks × criteria"),
    "per_criterion": ("Per criterium", "Per criterion"),
    "fail_count": ("Voldoet niet bij", "Not met by"), "of_networks": ("van {n} netwerken",
                                                                      "of {n} networks"),
    "legend": ("Legenda", "Legend"), "all_networks": ("Alle netwerken", "All networks"),
    "not_checked": ("niet gecontroleerd: het bestand kon niet worden gelezen",
                    "not checked: the file could not be read"),
    "filter": ("Zoek netwerk:", "Find network:"),
    "not_in_set": ("geen criterium van de criteriaset van dit bestand",
                   "not a criterion of this file's criteria set"),
    # check --compare
    "comparison": ("Vergelijking", "Comparison"), "differs": ("verschil", "differs"),
    "applied": ("toegepast", "applied"), "compared": ("ter vergelijking", "compared"),
    # the impact report and the reviewer statistics
    "impact_title": ("Impact van een criteriaversie", "Impact of a criteria version"),
    "version_from": ("van", "from"), "version_to": ("naar", "to"),
    "verdicts": ("Oordelen per versie", "Verdicts per version"),
    "verdict_changes": ("Netwerken met een ander oordeel", "Networks that change verdict"),
    "no_verdict_changes": ("Geen enkel netwerk krijgt een ander oordeel.",
                           "No network changes verdict."),
    "status_changes": ("Andere status", "Status changes"),
    "transitions": ("Overgangen", "Transitions"), "no_transitions": ("geen", "none"),
    "failing_under": ("Voldoet niet ({label})", "Not met ({label})"),
    "not_in_version": ("niet in de versie", "not in the version"),
    "invalid_not_counted": ("Ongeldige bestanden ({n}) zijn niet meegeteld.",
                            "Invalid files ({n}) are not counted."),
    "sweep": ("Drempelverkenning 2a", "2a threshold sweep"), "threshold": ("Drempel", "Threshold"),
    "meeting": ("Netwerken die 2a halen", "Networks meeting 2a"),
    "sweep_basis": ("Van de {n} netwerken met een aandeel; vergeleken zoals criterium 2a dat doet "
                    "(drempel inbegrepen).", "Of the {n} networks with a share; compared as "
                    "criterion 2a does (the threshold included)."),
    "sweep_chart": ("Aantal netwerken dat 2a haalt bij drempels van 40% tot 80%",
                    "Number of networks meeting 2a at thresholds from 40% to 80%"),
    "sweep_axis": ("drempel voor 2a", "threshold for 2a"),
    "stats": ("Statistieken voor beoordelaars", "Reviewer statistics"),
    "shares": ("Verdeling van het aandeel 2a (Verwijsgids Kanker)",
               "Distribution of the 2a share (Verwijsgids Kanker)"),
    "share_chart": ("Aantal netwerken per aandeel vermeld in de Verwijsgids, in klassen van 5%",
                    "Number of networks by share listed in the Verwijsgids, in 5% bins"),
    "share_axis": ("aandeel leden vermeld in de Verwijsgids Kanker",
                   "share of members listed in the Verwijsgids Kanker"),
    "share_basis": ("Aandelen volgens {label}.", "Shares as under {label}."),
    "bin": ("Aandeel", "Share"), "lowest": ("laagste", "lowest"), "median": ("mediaan", "median"),
    "highest": ("hoogste", "highest"),
    "without_share": ("zonder aandeel (niemand telt mee voor 2a)",
                      "without a share (nobody counts for 2a)"),
    "invalid_files": ("ongeldige bestanden (niet meegeteld)", "invalid files (not counted)"),
    "threshold_of": ("drempel {label}", "threshold {label}"), "numbers": ("De cijfers",
                                                                          "The numbers"),
    "disciplines": ("Disciplines per netwerk", "Disciplines per network"),
    "discipline": ("Discipline", "Discipline"),
    "with_member": ("Netwerken met minstens één lid ({n} geldige netwerken)",
                    "Networks with at least one member ({n} valid networks)"),
    # the criteria texts (criteria list, show, explain, diff)
    "in_force": ("van kracht", "in force"), "from_date": ("vanaf", "from"),
    "severity": ("ernst", "severity"), "check": ("controle", "check"),
    "assumed": ("aanname: de precieze datum is niet bekend",
                "assumed: the exact date is not known"),
    "how": ("Zo controleert oncocheck dit", "How oncocheck checks this"),
    # criteria diff: keys "added", "removed", "changed" are the kinds of a CriterionChange
    "added": ("nieuw", "added"), "removed": ("vervallen", "removed"),
    "changed": ("gewijzigd", "changed"), "unchanged": ("Ongewijzigd", "Unchanged"),
    "no_differences": ("Geen verschillen tussen de criteria.",
                       "No differences between the criteria."),
    "other_language_only": ("alleen de Engelse tekst is gewijzigd", "only the Dutch text changed"),
    # a batch: its folder, the files a folder walk skipped, the reports written
    "folder": ("Map", "Folder"),
    "skipped": ("geen netwerkbestand, overgeslagen", "not a network file, skipped"),
    "skipped_files": ("Overgeslagen bestanden", "Skipped files"),
    "more_skipped": ("en nog {n} overgeslagen", "and {n} more skipped"),
    # names of `observed` keys in the working; a key not named here is shown as it is
    "observed.count": ("aantal", "count"), "observed.minimum": ("minimum", "minimum"),
    "observed.disciplines": ("gevonden disciplines", "disciplines found"),
    "observed.present": ("aanwezig", "present"), "observed.missing": ("ontbreekt", "missing"),
    "observed.listed": ("vermeld", "listed"),
    "observed.eligible": ("telt mee (noemer)", "counted (denominator)"),
    "observed.threshold": ("drempel", "threshold"), "observed.share": ("aandeel", "share"),
    "observed.excluded": ("niet meegeteld", "left out"),
    "observed.declared": ("verklaard", "declared"), "observed.document": ("document", "document"),
    "observed.document_found": ("document gevonden", "document found"),
    "observed.given": ("opgegeven", "given"),
    "observed.non_profit": ("zonder winstoogmerk", "not for profit"),
    "observed.legal_form": ("rechtsvorm", "legal form"), "observed.scope": ("werkgebied", "area"),
    "observed.website": ("website", "website"), "observed.updated": ("bijgewerkt", "updated"),
    "observed.age_days": ("dagen sinds bijwerken", "days since update"),
    "observed.max_age_days": ("hoogstens (dagen)", "at most (days)"),
    "observed.contacts": ("contacten", "contacts"),
    "observed.structural": ("structureel", "structural"),
    "observed.structural_names": ("structurele contacten", "structural contacts"),
    "observed.name": ("naam", "name"), "observed.email": ("e-mail", "e-mail"),
    "observed.phone": ("telefoon", "phone"),
}


class Words(Mapping[str, str]):
    """The table in one language: `w["as_of"]` as written, and the other cases of a word.
    Templates read it as `w.as_of`."""

    def __init__(self, index: int) -> None:
        self._words = {key: pair[index] for key, pair in WORDS.items()}

    def __getitem__(self, key: str) -> str:
        return self._words[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._words)

    def __len__(self) -> int:
        return len(self._words)

    def lower(self, key: str) -> str:
        """The word in lower case, inside a sentence: `Peildatum` -> `peildatum`."""
        return self[key].lower()

    def upper(self, key: str) -> str:
        """The word in capitals, as the console's verdict line shows it: `VOLDOET NIET`."""
        return self[key].upper()

    def capital(self, key: str) -> str:
        """The word with a capital first letter, heading a row: `bestanden` -> `Bestanden`."""
        word = self[key]
        return word[:1].upper() + word[1:]

    def observed_name(self, key: str) -> str:
        """The name of an `observed` key; a key the table does not name, as it is."""
        return self._words.get(f"observed.{key}", key.replace("_", " "))


_BY_LANGUAGE = {"nl": Words(0), "en": Words(1)}


def words(lang: str) -> Words:
    """The words in `lang` (Dutch for anything but "en")."""
    return _BY_LANGUAGE["en" if lang == "en" else "nl"]
