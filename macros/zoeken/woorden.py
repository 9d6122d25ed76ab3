"""Dutch words for the search index: the parts of a compound, the forms that share a stem, spellings
without diacritics.

Every decision comes from a maintained resource, not from a hand-made word list: the Dutch
hyphenation patterns of LibreOffice/hunspell (pyphen) say where a compound may split, the Dutch word
list of wordfreq says which parts and forms are words, and the two Snowball stemmers for Dutch
(snowballstemmer: the current one and the classic Porter one that lunr.js uses) say which forms
belong together.
"""
from __future__ import annotations

import bisect
import re
import unicodedata
from functools import cache, cached_property
from operator import eq
from typing import Iterable

import pyphen
import snowballstemmer
from wordfreq import top_n_list, zipf_frequency

TAAL = "nl"
WOORD = re.compile(r"[^\W\d_]+")  # a run of letters: 'schade-onderzoek' is two words, as in the index
MIN_DEEL = 4  # a part of a compound has at least four letters ('hulp', 'raad'; not 'ver', 'toe')
MIN_ZIPF = 2.5  # and is a Dutch word of some frequency (wordfreq's Zipf scale)
LEXICON = 300_000  # the most frequent Dutch words that forms are drawn from
# Derivational endings that the hyphenation patterns split off like a word ('veilig-heid'): they
# are not the second part of a compound.
ACHTERVOEGSELS = frozenset({"heid", "heden", "baar", "bare", "lijk", "lijke", "schap", "ing", "ling",
                            "ning", "ring", "sing", "king", "ding", "ting", "isch", "ische"})
KOPPELTEKENS = ("s",)  # the linking -s- of 'veiligheid|s|regio' belongs to neither part
VERSCHIL = 4  # forms of a word differ in at most its last four letters (kanaal/kanalen, informeer/informeren)
# Latin plurals the stemmers do not join to their singular: winkelcentrum/winkelcentra, museum/musea
LATIJN = (("um", "a"),)


def woorden(tekst: str) -> list[str]:
    """The words of a text, lower case."""
    return [w.lower() for w in WOORD.findall(tekst)]


def vouw(woord: str) -> str:
    """The word without diacritics: 'financiële' -> 'financiele', as people type it."""
    return "".join(c for c in unicodedata.normalize("NFD", woord) if not unicodedata.combining(c))


class Woordenboek:
    """The Dutch resources, loaded once per process (they do not change between builds)."""

    def __init__(self) -> None:
        self.afbreken = pyphen.Pyphen(lang="nl_NL")
        self.stemmers = [snowballstemmer.stemmer("dutch"), snowballstemmer.stemmer("dutch_porter")]

    @cached_property
    def lexicon(self) -> list[str]:
        """Dutch words from wordfreq, sorted so that the words with a given beginning are a slice."""
        return sorted(w for w in top_n_list(TAAL, LEXICON) if w.isalpha())

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

    def vormen(self, te_zoeken: Iterable[str]) -> dict[str, frozenset[str]]:
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
        return {woord: frozenset(v for v in lijst if any(map(eq, stammen[woord], stammen[v])) or _latijns(woord, v))
                for woord, lijst in kandidaten.items()}

    def stammen(self, groepen: Iterable[set[str]]) -> dict[str, tuple[str, ...]]:
        """Every word's stem under each stemmer, the stemmers called once on all words."""
        alle = sorted(set().union(*groepen))
        return dict(zip(alle, zip(*(s.stemWords(alle) for s in self.stemmers))))


def _latijns(woord: str, ander: str) -> bool:
    """Singular and Latin plural: winkelcentrum/winkelcentra."""
    return any({woord, ander} == {stam + enkel, stam + meer} for enkel, meer in LATIJN
               for stam in {woord[:-len(enkel)], woord[:-len(meer)]})


@cache
def woordenboek() -> Woordenboek:
    return Woordenboek()
