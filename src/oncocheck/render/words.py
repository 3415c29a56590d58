"""Every word the renderers show people, in Dutch and English: one table, one key per meaning.

A key is a meaning, written once as a pair (nl, en); a word that depends on a count is a
`Counted` pair of singular and plural. Where a sentence needs another case of
the same word (`Voldoet` heading a cell, `voldoet` inside the summary line, `VOLDOET` on the
console's verdict line) the renderer asks `Words.lower`, `Words.upper` or `Words.capital`
instead of keeping a second spelling. Keys `observed.<name>` name the values a check kind
puts in a finding's `observed` data (shown in the HTML working).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from oncocheck.report import Status, Verdict


class Counted(str):
    """A word that depends on a count: `w.of_networks.format(n=1)` says `van 1 netwerk`,
    any other `n` the plural (which is also the word as it stands)."""

    one: str

    def __new__(cls, one: str, many: str) -> Counted:  # noqa: D102 - as str
        word = super().__new__(cls, many)
        word.one = one
        return word

    def __reduce__(self) -> tuple[type[Counted], tuple[str, str]]:
        """Copied and pickled as both forms (`str` would keep only the plural)."""
        return Counted, (self.one, str(self))

    def format(self, *args: object, **kwargs: object) -> str:
        """The singular for `n=1`, else the plural, with the values filled in."""
        text = self.one if kwargs.get("n") == 1 else str(self)
        return text.format(*args, **kwargs)

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
    "errors": ("Laadfouten", "Load errors"),
    "load_errors_count": (Counted("{n} laadfout", "{n} laadfouten"),
                          Counted("{n} load error", "{n} load errors")),
    "file_readable": ("het bestand is leesbaar", "the file can be read"),
    "invalid_file": ("ongeldig bestand", "invalid file"),
    "invalid_page": ("Dit bestand kon niet worden gelezen; los de laadfouten hieronder op en "
                     "controleer opnieuw.", "This file could not be read; fix the load errors "
                     "below and check again."),
    "path": ("Pad", "Path"), "line": ("Regel", "Line"), "column": ("Kolom", "Column"),
    "message": ("Melding", "Message"),
    # CI services: code scanning's repository root, GitHub's annotations and job summary
    "more_info": ("Meer uitleg", "More information"),
    "repository_root": ("de hoofdmap van de git-repository; de paden beginnen daar",
                        "the top folder of the git repository; the paths start there"),
    "annotations_left_out": (
        "niet als annotatie getoond (GitHub toont er hoogstens 10 per soort per stap): {n}; "
        "alle meldingen staan in de samenvatting van de job en in het volledige rapport",
        "not shown as annotations (GitHub shows at most 10 of each kind per step): {n}; the "
        "job summary and the full report list every problem"),
    "details_left_out": (
        "Details weggelaten om onder de grens van GitHub (1 MiB per samenvatting) te blijven: "
        "{n} van de {total} netwerken met meldingen. Het volledige rapport krijgt u met "
        "`--report markdown=PAD` of `--report html=MAP/`.",
        "Details left out to stay under GitHub's limit (1 MiB per summary): {n} of the "
        "{total} networks with problems. `--report markdown=PATH` or `--report html=DIR/` "
        "writes the full report."),
    "rows_left_out": ("… en nog {n} van de {total} bestanden, weggelaten om onder 1 MiB te "
                      "blijven", "… and {n} more of the {total} files, left out to stay "
                      "under 1 MiB"),
    # the batch index
    "summary": ("Samenvatting", "Summary"), "score": ("Voldaan", "Met"),
    "matrix": ("Netwerken × criteria", "Networks × criteria"),
    "per_criterion": ("Per criterium", "Per criterion"),
    "fail_count": ("Voldoet niet bij", "Not met by"),
    # the verdicts counted in a summary line: `1 voldoet`, `2 voldoen niet`
    "tally_compliant": (Counted("{n} voldoet", "{n} voldoen"),
                        Counted("{n} compliant", "{n} compliant")),
    "tally_not_compliant": (Counted("{n} voldoet niet", "{n} voldoen niet"),
                            Counted("{n} not compliant", "{n} not compliant")),
    "tally_invalid": (Counted("{n} ongeldig", "{n} ongeldig"),
                      Counted("{n} invalid", "{n} invalid")),
    "of_networks": (Counted("van {n} netwerk", "van {n} netwerken"),
                    Counted("of {n} network", "of {n} networks")),
    "legend": ("Legenda", "Legend"), "all_networks": ("Alle netwerken", "All networks"),
    "not_checked": ("niet gecontroleerd: het bestand kon niet worden gelezen",
                    "not checked: the file could not be read"),
    "filter": ("Zoek netwerk:", "Find network:"),
    "not_in_set": ("geen criterium van de criteriaset van dit bestand",
                   "not a criterion of this file's criteria set"),
    "attention": ("Let op", "Attention"),
    "flag_pin": ("andere versie verklaard", "other version declared"),
    "flag_overdue": ("plan over de datum", "plan overdue"),
    "flag_not_found": ("document niet gevonden", "document not found"),
    "flag_not_usable": ("document niet bruikbaar", "document not usable"),
    "flag_undated": ("geen ingediend-datum", "no submission date"),
    "undated": ("de dag van de controle: het bestand heeft geen `submitted:`",
                "the day of the run: the file has no `submitted:`"),
    # what was judged: the digests of the files read
    "judged": ("Wat is beoordeeld", "What was judged"),
    "judged_summary": ("SHA-256 en grootte van elk gelezen bestand",
                       "SHA-256 and size of every file read"),
    "judged_note": ("Bewaar dit rapport bij de inzending. Met `sha256sum BESTAND` is later na te "
                    "gaan of een bestand het beoordeelde is: de uitkomst is dan gelijk aan de "
                    "SHA-256 hieronder.", "Keep this report with the submission. `sha256sum "
                    "FILE` shows later whether a file is the one judged: its output then equals "
                    "the SHA-256 below."),
    "kind": ("Soort", "Kind"), "size": ("Grootte (bytes)", "Size (bytes)"),
    "role_network": ("netwerkbestand", "network file"),
    "role_members": ("ledenlijst", "members list"), "role_document": ("document", "document"),
    "role_package": ("aanvraagpakket", "application package"),
    "not_read": ("niet gelezen (te groot of niet leesbaar)", "not read (too large or unreadable)"),
    # the register (csv, xlsx)
    "criteria_version": ("Criteriaversie", "Criteria version"),
    "share_2a": ("Aandeel Verwijsgids (2a)", "Verwijsgids share (2a)"),
    "warning_count": ("Aantal waarschuwingen", "Number of warnings"),
    "warning_ids": ("Soorten waarschuwing", "Warning ids"),
    "network_sha256": ("SHA-256 netwerkbestand", "Network file SHA-256"),
    "as_of_from": ("Peildatum volgens", "As of from"),
    "error_count": ("Fouten", "Errors"),
    "first_error": ("Eerste fout", "First error"),
    "dated_as_of": ("opgegeven (--as-of)", "given (--as-of)"),
    "dated_submitted": ("submitted:", "submitted:"),
    "dated_today": ("dag van de controle (geen submitted:)", "day of the run (no submitted:)"),
    "package_sha256": ("SHA-256 aanvraagpakket", "Application package SHA-256"),
    "version": ("Versie", "Version"), "title": ("Titel", "Title"), "text": ("Tekst", "Text"),
    "error": ("fout", "error"),
    # check --compare
    "comparison": ("Vergelijking", "Comparison"), "differs": ("verschil", "differs"),
    "applied": ("toegepast", "applied"), "compared": ("ter vergelijking", "compared"),
    "compare_verdicts": (Counted("{n} van {total} bestanden krijgt een ander oordeel",
                                 "{n} van {total} bestanden krijgen een ander oordeel"),
                         Counted("{n} of {total} files changes verdict",
                                 "{n} of {total} files change verdict")),
    "compare_criteria": (Counted("{n} alleen een andere criteriumstatus",
                                 "{n} alleen een andere criteriumstatus"),
                         Counted("{n} only a criterion's status", "{n} only a criterion's status")),
    "compare_same": (Counted("{n} blijft gelijk", "{n} blijven gelijk"),
                     Counted("{n} stays the same", "{n} stay the same")),
    "criteria_changes": ("Zelfde oordeel, andere criteriumstatus",
                         "Same verdict, a criterion's status changes"),
    "compare_detail": ("Hieronder alleen de bestanden die veranderen of niet te lezen zijn; het "
                       "rapport van elk bestand: zonder --compare.", "Below only the files that "
                       "change or cannot be read; every file's report: without --compare."),
    "reason": ("Waarom", "Why"),
    "fails_on": ("Voldoet niet aan", "Fails"),
    "read_verdict": ("Let op bij dit oordeel", "Read the verdict with this"),
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
    "invalid_not_counted": (Counted("{n} ongeldig bestand is niet meegeteld.",
                                    "{n} ongeldige bestanden zijn niet meegeteld."),
                            Counted("{n} invalid file is not counted.",
                                    "{n} invalid files are not counted.")),
    "sweep": ("Drempelverkenning 2a", "2a threshold sweep"), "threshold": ("Drempel", "Threshold"),
    "meeting": ("Netwerken die 2a halen", "Networks meeting 2a"),
    "sweep_basis": (Counted("Van {n} netwerk met een aandeel; vergeleken zoals criterium 2a "
                            "dat doet (drempel inbegrepen).", "Van de {n} netwerken met een "
                            "aandeel; vergeleken zoals criterium 2a dat doet (drempel "
                            "inbegrepen)."),
                    Counted("Of {n} network with a share; compared as criterion 2a does "
                            "(the threshold included).", "Of the {n} networks with a share; "
                            "compared as criterion 2a does (the threshold included).")),
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
    "with_member": (Counted("Netwerken met minstens één lid ({n} geldig netwerk)",
                            "Netwerken met minstens één lid ({n} geldige netwerken)"),
                    Counted("Networks with at least one member ({n} valid network)",
                            "Networks with at least one member ({n} valid networks)")),
    # the criteria texts (criteria list, show, explain, diff)
    "in_force": ("van kracht", "in force"), "from_date": ("vanaf", "from"),
    "severity": ("ernst", "severity"), "check": ("controle", "check"),
    # keys "severity.<value>" are the values of Severity: Dutch calls an error criterion "eis"
    "severity.error": ("eis (bepaalt het oordeel)", "error (decides the verdict)"),
    "severity.warning": ("waarschuwing (telt alleen mee met --strict)",
                         "warning (counts only with --strict)"),
    "assumed": ("aanname: de precieze datum is niet bekend",
                "assumed: the exact date is not known"),
    "how": ("Zo controleert oncocheck dit", "How oncocheck checks this"),
    # criteria diff: keys "added", "removed", "changed" are the kinds of a CriterionChange
    "added": ("nieuw", "added"), "removed": ("vervallen", "removed"),
    "changed": ("gewijzigd", "changed"), "unchanged": ("Ongewijzigd", "Unchanged"),
    "no_differences": ("Geen verschillen tussen de criteria.",
                       "No differences between the criteria."),
    "other_language_only": ("alleen de Engelse tekst is gewijzigd", "only the Dutch text changed"),
    # criteria show of a draft (a rule file with `extends:`)
    "draft_of": ("Concept op basis van {label}; ← markeert wat het concept verandert.",
                 "Draft based on {label}; ← marks what the draft changes."),
    "draft_changed": ("gewijzigd in dit concept", "changed in this draft"),
    "draft_added": ("nieuw in dit concept", "new in this draft"),
    "draft_removed": ("Vervallen in dit concept", "Removed in this draft"),
    # oncocheck rounds, and the kinds of change of `analysis.rounds.CHANGES`
    "rounds_title": ("Rondes vergeleken", "Rounds compared"),
    "previous_round": ("Vorige ronde", "Previous round"),
    "this_round": ("Deze ronde", "This round"), "report_file": ("Rapport", "Report"),
    "round": ("Ronde", "Round"),
    "rounds_lost": ("Voldoet niet meer", "No longer compliant"),
    "rounds_gained": ("Voldoet nu", "Newly compliant"),
    "rounds_new": ("Nieuw in deze ronde", "New in this round"),
    "rounds_gone": ("Niet meer in deze ronde", "Gone from this round"),
    "rounds_newly_invalid": ("Nu ongeldig", "Newly invalid"),
    "rounds_no_longer_invalid": ("Niet meer ongeldig (voldoet niet)",
                                 "No longer invalid (not compliant)"),
    "rounds_still_invalid": ("Nog steeds ongeldig", "Still invalid"),
    "rounds_same": ("Zelfde oordeel", "Same verdict"),
    "status_moves": ("Criteria met een andere status", "Criteria whose status changed"),
    "was_named": ("eerder: {name}", "was: {name}"),
    "was_file": ("eerder: {file}", "was: {file}"),
    "versions_differ": ("De rondes zijn beoordeeld onder verschillende criteriaversies; wat "
                        "het oordeel verandert:", "The rounds were judged under different "
                        "criteria versions; what changes verdicts:"),
    # a batch: its folder, the files a folder walk skipped, the reports written
    "folder": ("Map", "Folder"),
    "skipped": ("geen netwerkbestand, overgeslagen", "not a network file, skipped"),
    "skipped_files": ("Overgeslagen bestanden", "Skipped files"),
    "more_skipped": ("en nog {n} overgeslagen", "and {n} more skipped"),
    # what a settings file set, and the warnings --ignore left out (render/phrases.py)
    "settings_file": ("instellingen: {file}", "settings: {file}"),
    "ignored_warnings": ("genegeerde waarschuwingen: {ids}", "warnings ignored: {ids}"),
    # the workbook's sheet of them (render/register_xlsx.py)
    "settings_sheet": ("Instellingen", "Settings"), "setting": ("Instelling", "Setting"),
    "value": ("Waarde", "Value"), "count": ("Aantal", "Count"),
    "settings_file_row": ("Instellingenbestand", "Settings file"),
    "ignored_row": ("Genegeerde waarschuwing", "Warning ignored"),
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
    "observed.plan": ("plan-item (vanaf 0)", "plan item (from 0)"),
    "observed.criterion": ("criterium", "criterion"), "observed.action": ("actie", "action"),
    "observed.owner": ("wie", "owner"), "observed.due": ("uiterlijk", "due"),
    "observed.more": ("en nog", "and more"),
    # keys "field.<name>": a part of a network file's section as a list in the working names it
    # (`opgegeven: een beschrijving`), never by its key
    "field.document": ("een document", "a document"),
    "field.summary": ("een samenvatting", "a summary"),
    "field.description": ("een beschrijving", "a description"),
    "field.min_meetings_per_year": ("het minimale aantal bijeenkomsten per jaar",
                                    "the minimum number of meetings a year"),
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

    def field_names(self) -> dict[str, str]:
        """Field key -> its name in words, for the keys a list in `observed` may hold."""
        return {key[len("field."):]: text for key, text in self._words.items()
                if key.startswith("field.")}


_BY_LANGUAGE = {"nl": Words(0), "en": Words(1)}


def words(lang: str) -> Words:
    """The words in `lang` (Dutch for anything but "en")."""
    return _BY_LANGUAGE["en" if lang == "en" else "nl"]
