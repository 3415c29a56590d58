"""Whether a text oncocheck wrote for people holds words of the other language: English in a
Dutch text (`english_in`), Dutch in an English one (`dutch_in`). The words looked for are those
of one side of the word table (render/words.py) that the other side does not use, and common
words of the language; words that read the same in both (`of`, `over`, `plan`, `is`, …) are not
counted, and neither is what is not oncocheck's own prose (code font, quoted input, file names,
keys)."""

from __future__ import annotations

import re

from oncocheck.render.words import WORDS

COMMON = set("""the and to are not with this that for from has have was were be by on at an which
what when where who will would should must can could does did been their there these those it
its if or but yes only also more most any each every all some file files member members network
networks check checked met missing error errors warning warnings load found share threshold
counted left out listed given declared present updated days since least none other than such how
why because then into about after before under without within add say recorded shows whether
website required profession professions stated agreement agreements number meetings year
description minimum maximum days valid invalid compliant verdict criterion criteria summary
contact contacts structural profit legal form area phone name email""".split())
#: Words that read the same in Dutch: never evidence of English.
DUTCH_TOO = set("""of over plan in is de een van op te met niet als er en dat die voor per
minimum maximum document website discipline disciplines criteria criterium e mail status
score index telefoon form contact update set""".split())


def _english_words() -> set[str]:
    def tokens(index: int) -> set[str]:
        return {w for pair in WORDS.values()
                for w in re.findall(r"[a-z]+", str(pair[index]).lower())}
    return (tokens(1) - tokens(0) | COMMON) - DUTCH_TOO


ENGLISH = _english_words()

DUTCH_COMMON = set("""het een niet voor zijn wordt worden ontbreekt ontbreken voeg toe vul naam
leden lid bestand bestanden netwerk netwerken geen minstens waarschuwing waarschuwingen fout fouten
regel kolom bedoelt ook alleen eerst staat staan welke voldaan voldoet ongeldig vereist
aanwezig gepland notitie plaats peildatum criterium eis ernst controle bron wat doen zo
controleert dit dat deze bij heeft hebben werkgebied rechtsvorm website bijgewerkt dagen
contacten structureel aanspreekpunt samenvatting visie deelname afspraken""".split())
#: Words that read the same in English: never evidence of Dutch.
ENGLISH_TOO = set("""in is of over plan met en document website discipline disciplines criteria
e mail status score index set op per""".split())


def _dutch_words() -> set[str]:
    def tokens(index: int) -> set[str]:
        return {w for pair in WORDS.values()
                for w in re.findall(r"[a-zëéïö]+", str(pair[index]).lower())}
    return (tokens(0) - tokens(1) | DUTCH_COMMON) - ENGLISH_TOO


DUTCH = _dutch_words()


#: What is not oncocheck's own prose: code font, quoted input, file names, data paths, URLs.
NOT_PROSE = re.compile(r"`[^`]*`|'[^']*'|\"[^\"]*\"|https?://\S+|\S*/\S*|\S+\.(?:ya?ml|csv|xlsx|"
                       r"html|md|pdf|json|sarif|xml)\b|\b[a-z_]+(?:\[\d+\])?(?:\.[a-z_]+)+\S*"
                       r"|\b[a-z]+_[a-z_]+\b|--[a-z-]+|\b[a-z]+@\d+|^[\s#]*(?:- )?[a-z_]+:"
                       r"|\boncocheck [a-z]+|\b[a-z]+(?:-[a-z]+)+(?= \((?:regel|line))"
                       r"|\((?:members|network)\b[^)]*\)|\b[0-9a-f]{64}\b", re.MULTILINE)


def english_in(text: str, typed: set[str] = frozenset()) -> list[str]:
    """The English words in `text`, outside what is not prose and the words in `typed`."""
    prose = NOT_PROSE.sub(" ", text.replace("\\[", "[").replace("\\]", "]"))
    return sorted({w for w in re.findall(r"[A-Za-z]+", prose)
                   if len(w) > 1 and w.lower() in ENGLISH and w not in typed})


def dutch_in(text: str, input_words: set[str] = frozenset()) -> list[str]:
    """The Dutch words in `text`, outside what is not prose and the words of the input
    (`input_words`: a network's name, a plan item, a note are the coordinator's words)."""
    prose = NOT_PROSE.sub(" ", text.replace("\\[", "[").replace("\\]", "]"))
    return sorted({w for w in re.findall(r"[A-Za-zëéïö]+", prose)
                   if len(w) > 1 and w.lower() in DUTCH and w.lower() not in input_words})
