"""Dutch words for the search index: the parts of a compound, the forms that share a stem, spellings
without diacritics.

Every decision comes from a maintained resource, not from a hand-made word list: the Dutch
hyphenation patterns of LibreOffice/hunspell (pyphen) say where a compound may split, the Dutch word
list of wordfreq says which parts and forms are words, and the two Snowball stemmers for Dutch
(snowballstemmer: the current one and the classic Porter one that lunr.js uses) say which forms
belong together. The stemmers do not join a verb and its past participle (ronselen/geronseld,
afbouwen/afgebouwd), nor see a separable verb that a sentence writes apart ('Stem af met ...'): the
regular rules of Dutch spelling make the candidates (ge- + stem + -d/-t), the word list says which
exist; the irregular forms (sluiten/gesloten, intrekken/ingetrokken) come from the lemma
dictionary of simplemma. Measured on held-out queries, each finds what the other misses (the rules
gemonitord, gecontroleerd, geplaatst; simplemma gesloten): both are used.
"""
from __future__ import annotations

import bisect
import re
import unicodedata
from collections import defaultdict
from functools import cache, cached_property
from operator import eq
from typing import Iterable

import pyphen
import snowballstemmer
from wordfreq import top_n_list, zipf_frequency

from ..voorraad import bewaard, versies

TAAL = "nl"
WOORD = re.compile(r"[^\W\d_]+")  # a run of letters: 'schade-onderzoek' is two words, as in the index
MIN_DEEL = 4  # a part of a compound has at least four letters ('hulp', 'raad'; not 'ver', 'toe')
MIN_ZIPF = 2.5  # and is a Dutch word of some frequency (wordfreq's Zipf scale)
# A form the stemmers relate to a word is a word readers use (not 'voorster' for 'voor'): it also
# keeps the index small
VORM_ZIPF = 2.0
LEXICON = 300_000  # the most frequent Dutch words that forms are drawn from
# Derivational endings that the hyphenation patterns split off like a word ('veilig-heid'): they
# are not the second part of a compound.
ACHTERVOEGSELS = frozenset({"heid", "heden", "baar", "bare", "lijk", "lijke", "schap", "ing", "ling",
                            "ning", "ring", "sing", "king", "ding", "ting", "isch", "ische"})
KOPPELTEKENS = ("s",)  # the linking -s- of 'veiligheid|s|regio' belongs to neither part
VERSCHIL = 4  # forms of a word differ in at most its last four letters (kanaal/kanalen, informeer/informeren)
# Latin plurals the stemmers do not join to their singular: winkelcentrum/winkelcentra, museum/musea
LATIJN = (("um", "a"),)
KLINKERS = frozenset("aeiou")
TWEEKLANKEN = frozenset({"aa", "ee", "oo", "uu", "ie", "ei", "ij", "ou", "au", "eu", "ui", "oe"})  # one vowel sound
KOFSCHIP = frozenset("tkfsp")  # and 'ch': voiceless, so the past participle ends in -t
ONBEKLEMTOOND = ("be", "ge", "her", "ont", "ver", "er")  # prefixes after which there is no ge-
# The separable parts of Dutch verbs that a sentence writes apart from the verb ('Stem af met ...')
PARTIKELS = frozenset({"aan", "af", "bij", "door", "in", "mee", "na", "om", "op", "over", "terug", "toe", "uit",
                       "voor", "weg"})
ZIN = re.compile(r"[.;:!?()]|</?p>")
TREMA = {"e": "ë", "i": "ï", "u": "ü"}  # ge- before a vowel: geïnformeerd, geëvacueerd
KOPUITGANGEN = ("en", "s", "je", "jes")  # the plural and diminutive endings a compound takes on its head
SCHEIDBAAR = 4  # ge- may follow a separable part of up to four letters: af-ge-bouwd, aan-ge-vraagd, door-ge-geven


def woorden(tekst: str) -> list[str]:
    """The words of a text, lower case."""
    return [w.lower() for w in WOORD.findall(tekst)]


def vouw(woord: str) -> str:
    """The word without diacritics: 'financiële' -> 'financiele', as people type it."""
    return "".join(c for c in unicodedata.normalize("NFD", woord) if not unicodedata.combining(c))


class Woordenboek:
    """The Dutch resources, loaded once per process (they do not change between builds); the word
    list and the lemma dictionary from the installation's prepared copy (voorraad.py)."""

    def __init__(self) -> None:
        self.afbreken = pyphen.Pyphen(lang="nl_NL")
        self.stemmers = [snowballstemmer.stemmer("dutch"), snowballstemmer.stemmer("dutch_porter")]

    @cached_property
    def lexicon(self) -> list[str]:
        """Dutch words from wordfreq, sorted so that the words with a given beginning are a slice."""
        return self._bronnen[0]

    @staticmethod
    @cache
    def is_woord(woord: str) -> bool:
        return len(woord) >= MIN_DEEL and zipf_frequency(woord, TAAL) >= MIN_ZIPF

    @cache
    def delen(self, woord: str) -> frozenset[str]:
        """The parts of a compound, at every level: 'bewonersbijeenkomst' -> bewoners, bewoner,
        bijeenkomst. Splits only where Dutch hyphenation may break the word, into two words."""
        uit: set[str] = set()
        for positie in self.afbreken.positions(woord):
            links, rechts = woord[:positie], woord[positie:]
            if rechts in ACHTERVOEGSELS or not self.is_woord(rechts):
                continue
            for deel in {links, *(links[:-len(k)] for k in KOPPELTEKENS if links.endswith(k))}:
                if self.is_woord(deel):
                    uit |= {deel, rechts} | self.delen(deel) | self.delen(rechts)
        return frozenset(uit)

    @cached_property
    def lemmas(self) -> tuple[dict[bytes, bytes], dict[bytes, list[bytes]]]:
        """simplemma's Dutch dictionary (form -> lemma) and its inverse (lemma -> forms), in the UTF-8
        bytes simplemma keeps them in: decoding its 370,000 pairs takes five times the inversion."""
        return self._bronnen[1], self._bronnen[2]

    @cached_property
    def _bronnen(self) -> tuple:
        return bewaard("woorden", f"{TAAL}|{LEXICON}|{versies('wordfreq', 'simplemma')}", maak_bronnen)

    def lemmavormen(self, woord: str) -> frozenset[str]:
        """The forms simplemma's dictionary gives the word's lemma that begin otherwise than the word
        (the others the stemmers find): sluiten -> gesloten, sloot; gesloten -> sluiten; where the
        word list has them."""
        vorm_lemma, lemma_vormen = self.lemmas
        sleutel = woord.encode()
        vormen = {v.decode() for v in (*lemma_vormen.get(vorm_lemma.get(sleutel, sleutel), ()),
                                       *lemma_vormen.get(sleutel, ()))}
        begin = woord[:max(MIN_DEEL, len(woord) - VERSCHIL)]
        return frozenset(v for v in vormen if not v.startswith(begin) and v.isalpha() and self.in_lexicon(v))

    def is_infinitief(self, woord: str) -> bool:
        """An infinitive of simplemma's dictionary: a form that is its own lemma, or a lemma that only
        its other forms lead to (opvangen, of opgevangen and opving)."""
        vorm_lemma, lemma_vormen = self.lemmas
        sleutel = woord.encode()
        return woord.endswith("en") and (vorm_lemma.get(sleutel) == sleutel or sleutel in lemma_vormen)

    def morfologie(self, woord: str) -> frozenset[str]:
        """The forms the stemmers miss: regular participles by the rules (gemonitord, which simplemma
        lacks), irregular forms from simplemma (gesloten, which the rules cannot make)."""
        return self.werkwoordsvormen(woord) | self.lemmavormen(woord)

    def vormen(self, te_zoeken: Iterable[str], familie: bool = True) -> dict[str, frozenset[str]]:
        """Per word, the other Dutch words with the same stem under either stemmer that differ from
        it only in the last letters (at most VERSCHIL): bescherming -> beschermen, beschermd, …;
        informeer -> informeren; not veiligheid -> veiling. The candidates share the word's beginning
        (all but its last VERSCHIL letters), so they are a slice of the sorted lexicon."""
        kandidaten = {}
        for woord in {w for w in te_zoeken if len(w) >= MIN_DEEL}:
            begin = woord[:max(MIN_DEEL, len(woord) - VERSCHIL)]
            start = bisect.bisect_left(self.lexicon, begin)
            eind = bisect.bisect_left(self.lexicon, begin + "\uffff")
            kandidaten[woord] = [v for v in self.lexicon[start:eind]
                                 if v != woord and abs(len(v) - len(woord)) <= VERSCHIL]
        stammen = self.stammen({woord, *lijst} for woord, lijst in kandidaten.items())
        uit = {}
        for woord, lijst in kandidaten.items():
            verwant = {v for v in lijst if (any(map(eq, stammen[woord], stammen[v])) or _latijns(woord, v))
                       and zipf_frequency(v, TAAL) >= VORM_ZIPF}
            # the verb of a noun (sluiting -> sluiten) with its irregular forms as well (gesloten)
            werkwoorden = {v for v in verwant if self.is_infinitief(v)}
            uit[woord] = frozenset(verwant | self.morfologie(woord) | {f for v in werkwoorden for f in self.lemmavormen(v)}) - {woord}
        return self.met_werkwoordfamilie(uit) if familie else uit

    def met_werkwoordfamilie(self, uit: dict[str, frozenset[str]]) -> dict[str, frozenset[str]]:
        """A past participle's forms with those of its verb's infinitive: gestigmatiseerd ->
        stigmatiseren -> stigmatisering (the stemmers join the infinitive and the noun, not the
        participle, whose ge- they do not see)."""
        werkwoorden = {w: i for w in uit if (i := self.werkwoord(w)) and i != w and i not in uit}
        familie = self.vormen(set(werkwoorden.values()), familie=False)
        return {w: (vormen | familie.get(werkwoorden.get(w, ""), frozenset())) - {w} for w, vormen in uit.items()}

    def kopvormen(self, te_zoeken: Iterable[str]) -> dict[str, set[str]]:
        """A compound's plural and diminutive, made on its head (its longest last part that is a
        word), for the compounds the word list lacks in those forms: woordvoeringslijn ->
        woordvoeringslijnen (lijn -> lijnen), bewonersbrief -> bewonersbriefje. Per form the
        compounds it stands for."""
        koppen = {}
        for woord in (w for w in te_zoeken if len(w) >= 2 * MIN_DEEL):
            kop = next((woord[i:] for i in range(MIN_DEEL - 1, len(woord) - MIN_DEEL + 1) if self.is_woord(woord[i:])), None)
            if kop:
                koppen[woord] = kop
        vormen = self.vormen(set(koppen.values()), familie=False)
        uit: dict[str, set[str]] = defaultdict(set)
        for woord, kop in koppen.items():
            for vorm in vormen.get(kop, ()):
                if vorm.startswith(kop[:-1]) and vorm.endswith(KOPUITGANGEN) and len(vorm) > len(kop):
                    uit[woord[:-len(kop)] + vorm].add(woord)
        return uit

    def in_lexicon(self, woord: str) -> bool:
        plek = bisect.bisect_left(self.lexicon, woord)
        return plek < len(self.lexicon) and self.lexicon[plek] == woord

    def werkwoordsvormen(self, woord: str) -> frozenset[str]:
        """The infinitive and past participle of the verb a word is a form of (infinitive, stem as in
        'Regel noodopvang', past participle), where the word list has them: ronselen -> geronseld,
        regel -> regelen, geregeld; geronseld -> ronselen; afbouwen -> afgebouwd."""
        werkwoord = woord if _werkwoordstammen(woord) else self.werkwoord(woord)
        return self.vervoegingen(werkwoord) - {woord} if werkwoord else frozenset()

    def vervoegingen(self, infinitief: str) -> frozenset[str]:
        """An infinitive and its past participles that the word list has: afstemmen, afgestemd."""
        return frozenset({infinitief, *(d for d in _deelwoorden(infinitief) if self.in_lexicon(d))})

    def scheidbare_werkwoorden(self, tekst: str) -> set[str]:
        """The separable verbs a text writes apart, with their past participles, where the word list
        has them: 'Stem af met ...' -> afstemmen, afgestemd; 'Deel flyers uit' -> uitdelen, uitgedeeld."""
        uit = set()
        for zin in ZIN.split(tekst):
            lijst = woorden(zin)
            for plek, woord in enumerate(lijst):
                delen = PARTIKELS.intersection(lijst[plek + 1:])
                werkwoord = self.werkwoord(woord) if delen else None
                for samengesteld in {deel + werkwoord for deel in delen} if werkwoord else ():
                    if self.in_lexicon(samengesteld):
                        uit |= {samengesteld} | self.morfologie(samengesteld)
        return uit

    @cache
    def werkwoord(self, woord: str) -> str | None:
        """The infinitive of a verb's stem, its third person ('Politie biedt ... aan') or past
        participle; of several, the most frequent ('melden', not the rare 'mellen', for 'gemeld')."""
        stammen = {woord, *_stammen_van_deelwoord(woord)}
        kandidaten = sorted(i for stam in stammen for i in _infinitieven(stam)
                            if self.in_lexicon(i) and woord in _vervoegd(i))
        return max(kandidaten, key=lambda i: zipf_frequency(i, TAAL)) if kandidaten else None

    def stammen(self, groepen: Iterable[set[str]]) -> dict[str, tuple[str, ...]]:
        """Every word's stem under each stemmer, the stemmers called once on all words."""
        alle = sorted(set().union(*groepen))
        return dict(zip(alle, zip(*(s.stemWords(alle) for s in self.stemmers))))


def _werkwoordstammen(infinitief: str) -> set[str]:
    """The stem of an infinitive as its forms write it: stemmen -> stem, sturen -> stuur, leven -> leef,
    reizen -> reis. A single vowel before one consonant is doubled (the syllable closes); in a later
    syllable maybe not (regelen -> regel, monitoren -> monitor, controleren -> controleer): then both,
    and the word list decides."""
    if len(infinitief) < 5 or not infinitief.endswith("en"):
        return set()
    stam = infinitief[:-2]
    if stam[-1] == stam[-2] and stam[-1] not in KLINKERS:
        stammen = {stam[:-1]}
    elif stam[-1] not in KLINKERS and stam[-2] in KLINKERS and stam[-3:-1] not in TWEEKLANKEN:
        lang = stam[:-1] + stam[-2] + stam[-1]
        stammen = {stam, lang} if KLINKERS & set(stam[:-2]) else {lang}
    else:
        stammen = {stam}
    return {s[:-1] + {"v": "f", "z": "s"}.get(s[-1], s[-1]) for s in stammen}


def _vervoegd(infinitief: str) -> set[str]:
    """The stem, the stem + -t (third person) and the past participles of an infinitive."""
    stammen = _werkwoordstammen(infinitief)
    return stammen | {s if s.endswith("t") else s + "t" for s in stammen} | _deelwoorden(infinitief)


def _deelwoorden(infinitief: str) -> set[str]:
    """Candidates for the past participle of a regular verb: the stem + -t after a voiceless sound of
    the infinitive ('t kofschip: geplaatst, gemaakt), else + -d (gestuurd, geleefd), nothing after d or
    t (gemeld); with ge- before it or after a separable part (afgebouwd), or without after an
    unstressed prefix (beschermd, verwittigd). The word list decides which exists."""
    uit = set()
    for stam in _werkwoordstammen(infinitief):
        klank = infinitief[-3]  # as the infinitive writes it: leven -> geleefd, reizen -> gereisd
        vorm = stam if stam[-1] in "dt" else stam + ("t" if klank in KOFSCHIP or infinitief[-4:-2] == "ch" else "d")
        uit |= {vorm[:i] + "ge" + vorm[i:] for i in range(min(SCHEIDBAAR, len(vorm) - 2) + 1)}
        if vorm[0] in TREMA:
            uit.add("ge" + TREMA[vorm[0]] + vorm[1:])
        if vorm.startswith(ONBEKLEMTOOND):
            uit.add(vorm)
    return uit - {infinitief}


def _stammen_van_deelwoord(deelwoord: str) -> set[str]:
    """Candidates for the stem in a past participle (the reverse of _deelwoorden): without its ge-
    and its -d/-t."""
    if len(deelwoord) < 4 or deelwoord[-1] not in "dt":
        return set()
    zonder = {deelwoord[:i] + deelwoord[i + 2:] for i in range(SCHEIDBAAR + 1) if deelwoord[i:i + 2] == "ge"}
    zonder |= {klinker + deelwoord[3:] for klinker, trema in TREMA.items() if deelwoord.startswith("ge" + trema)}
    return {s for w in zonder | {deelwoord} for s in (w, w[:-1]) if len(s) >= 3}


def _infinitieven(stam: str) -> set[str]:
    """Candidates for the infinitive of a stem as its forms write it (the reverse of
    _werkwoordstammen): regel -> regelen, stuur -> sturen, stem -> stemmen, leef -> leven."""
    stammen = {stam}
    stammen |= {s[:-1] + {"f": "v", "s": "z"}[s[-1]] for s in stammen if s[-1] in "fs"}
    stammen |= {s[:-2] + s[-1] for s in stammen if len(s) > 2 and s[-2] == s[-3] and s[-2] in KLINKERS}
    stammen |= {s + s[-1] for s in stammen if s[-1] not in KLINKERS}
    return {s + "en" for s in stammen if len(s) >= 3}


def _latijns(woord: str, ander: str) -> bool:
    """Singular and Latin plural: winkelcentrum/winkelcentra."""
    return any(woord.endswith(enkel) and ander == woord.removesuffix(enkel) + meer
               or woord.endswith(meer) and ander == woord.removesuffix(meer) + enkel for enkel, meer in LATIJN)


def maak_bronnen() -> tuple[list[str], dict[bytes, bytes], dict[bytes, list[bytes]]]:
    """The lexicon and simplemma's dictionary with its inverse, as Woordenboek keeps them; the
    dictionary as the bytes simplemma holds (its `_dict`, behind the Mapping that decodes them)."""
    from simplemma.strategies.dictionaries import DefaultDictionaryFactory
    lexicon = sorted(w for w in top_n_list(TAAL, LEXICON) if w.isalpha())
    vorm_lemma = DefaultDictionaryFactory().get_dictionary(TAAL)._dict
    lemma_vormen = defaultdict(list)
    for vorm, lemma in vorm_lemma.items():
        lemma_vormen[lemma].append(vorm)
    return lexicon, vorm_lemma, dict(lemma_vormen)


@cache
def woordenboek() -> Woordenboek:
    return Woordenboek()
