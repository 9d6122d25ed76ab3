"""The site's search index shaped for Dutch readers.

mkdocs-material's search plugin cuts every page into sections (one per heading) and the browser
builds a lunr index from them. Before the plugin writes its index, this stage reshapes the entries:

- every actie is indexed once, on its object type × phase page, with a paragraph per handeling (so a
  result shows the handeling that matched, not the whole actie or the phase bar);
- pages that repeat acties (an object type's overview, a phase for all object types, a partner,
  instrument or theme) keep their own paragraphs but not the repeated acties, nor the paragraphs
  their template writes on three or more pages of their kind but for the name ('De politie is
  deelnemer van het Offensief'); overview pages (partners, instrumenten, themas, fasen) keep their
  own paragraphs, not the table of the pages they list;
- two fields that are searched but never shown: `zoektermen` (the names an actie refers to, with the
  terms it uses and their definition, the compounds its text writes apart or with a hyphen, its
  separable verbs; for every section its page's title: an actie's object type and phase) and
  `zoekwoorden` (the editors' search words from data/zoekwoorden.yaml, and the codes of the actie and
  its handelingen as readers type them: codevormen);
- one entry that is never found itself carries `vormen` for the whole index: what a reader may type
  for a word of the index (its other forms, its spelling without diacritics, a compound's plural and
  diminutive made on its head: woordvoeringslijnen) or for a compound of it (its parts and their
  forms), or a search word that stands for words of the kader (`zie` in data/zoekwoorden.yaml: boa ->
  handhaving), with the words it stands for. The browser adds those words to the query; so the
  index holds every word once, and the browser builds it four times faster than with every form in
  every entry. The same entry lists the search words with `zie` (`zie`): a reader's word that is also
  a Dutch stop word stays in the query when it is one of them (OM: 'om');
- pages about the site (start, over, toegankelijkheid, downloads, uitgave) weigh less than the
  kader's content, and are marked `over` (the browser puts them after the content that matches as
  well);
- for the browser, not searched: an actie's `handelingen` (the number of each paragraph, so that a
  handeling's code opens at the handeling) and `wegwijzer` on the page of each object type (the way
  on when nothing is found).

The browser side (zoekuitbreiding.js) adds what needs the query: the forms and compound parts above,
exact words above prefixes, typos, stop words, compounds the reader typed as one word, codes as
typed, close words for unknown words, more matched words first, the page the query names.
"""
from __future__ import annotations

import html
import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Iterable

from ..adressen import Adresboek, url
from ..gegevens.handelingskader import Handelingskader, Plek
from ..gegevens.lokaal import LABEL
from ..web.paginas import alle_paginas
from .woorden import Woordenboek, vouw, woorden

# Searched, never shown (mkdocs-material renders only title and text); boosts as for its own fields
# (title 1000, text 1): a search word weighs more than a word of the text, less than a title.
VELDEN = {"zoektermen": {"boost": 1.0}, "zoekwoorden": {"boost": 100.0}}
VORMEN = "#zoekvormen"  # the location of the entry with the forms (zoekuitbreiding.js)
GETYPT = re.compile(r"[^\W_]+")  # a word as the search splits a query: letters and digits ('13b')
KOPPELTEKEN = re.compile(r"([^\W\d_]+)-([^\W\d_]+)")  # schade-onderzoek: also found as schadeonderzoek
# Pages whose sections repeat acties that are indexed on their object type × phase page.
HERHALENDE_SOORTEN = frozenset({"objecttype", "fase", "partner", "instrument", "thema"})
# Pages about the site, not the kader: the pages of content/ (no kind of the address book) and these.
# Below the reference pages (REFERENTIE, 0.5) by more than mkdocs-material's extra weight for a whole
# page over a section (2.5x): the accessibility statement does not answer a question about the kader.
OVER_DE_SITE = frozenset({None, "uitgave", "wijzigingen"})
OVER_DE_SITE_GEWICHT = 0.2
# Pages that list other pages (a table of the partners, the themes): their own paragraphs, not the list.
OVERZICHTEN = frozenset({"partners", "instrumenten", "themas", "fasen"})
ALINEA = re.compile(r"<p>.*?</p>", re.S)  # a paragraph of a page's own entry (not its lists and tables)
STANDAARD = 3  # a paragraph that, but for the page's name, this many pages of a kind share
LIDWOORDEN = frozenset({"de", "het", "een", "is", "zijn", "van", "en"})  # what a template adapts to a name


def map_url(adres: str) -> str:
    """A page address as the address book writes it, also from a build for file:// (no directory
    URLs): 'woningen/direct.html' -> 'woningen/direct/', 'index.html' -> ''."""
    return re.sub(r"\.html$", "/", re.sub(r"(^|/)index\.html$", r"\1", adres))


def codevormen(code: str) -> list[str]:
    """The ways a reader types a code besides as printed ('W-D-03', found through its letters and
    number): its number ('03', '03.2'), without the leading zero ('3', '3.2': 'w-d-3'), and letters and
    number as one word ('wd03', 'wd3', 'wd03.2')."""
    *letters, nummer = code.lower().split("-")
    kort = nummer.lstrip("0") if nummer[:1] == "0" and nummer[1:2].isdigit() else nummer
    return list(dict.fromkeys(vorm for n in (nummer, kort) for vorm in (n, "".join(letters) + n)))


@dataclass(frozen=True)
class Actietekst:
    """What the index holds of one actie."""

    plek: Plek
    regels: list[str]  # handelingen and sub-items, then local arrangements
    namen: list[str]  # partners and instruments the lines name, and the terms they use with their definition
    nummers: list[str]  # per line its number after the actie's code ('2', '2b'); '' for an arrangement


def actieteksten(kader: Handelingskader) -> Iterable[Actietekst]:
    for plek in kader.plekken():
        regels = [deel.tekst for _, deel in plek.actie.regels()]
        nummers = [deel.id.split(".", 1)[1] for _, deel in plek.actie.regels()]
        regels += [f"{LABEL}: {a.tekst}" for a in kader.afspraken(plek.actie)]
        delen = [plek.actie, *plek.actie.delen()]  # the actie's own references (its title) and its lines'
        namen = [kader.partners[p].naam for d in delen for p in d.partners]
        namen += [kader.instrumenten[i].naam for d in delen for i in d.instrumenten]
        # the glossary explains a term in other words (vergisaanslag: the wrong address)
        namen += [f"{kader.begrippen[b].term} {kader.begrippen[b].definitie}" for d in delen for b in d.begrippen]
        yield Actietekst(plek, regels, list(dict.fromkeys(namen)), nummers + [""] * (len(regels) - len(nummers)))


class Zoekindex:
    """Reshapes the entries of mkdocs-material's search index for one build."""

    def __init__(self, kader: Handelingskader, adresboek: Adresboek, woordenboek: Woordenboek):
        self.kader = kader
        self.woordenboek = woordenboek
        self.acties = {adresboek.actie_url(a.plek): a for a in actieteksten(kader)}
        self.soort = {url(p.pad): p.soort for p in alle_paginas(kader)}

    def vorm(self, entries: list[dict]) -> list[dict]:
        uit = []
        titels = {map_url(e["location"]): e["title"] for e in entries if "#" not in e["location"]}
        standaard = self.standaardalineas(entries, titels)
        for entry in entries:
            pagina, _, sectie = entry["location"].partition("#")
            pagina = map_url(pagina)
            if sectie and titels.get(pagina):  # a section is found by its page's title too (woning, direct)
                entry = {**entry, "zoektermen": f"{entry.get('zoektermen', '')} {titels[pagina]}".strip()}
            soort = self.soort.get(pagina)
            if soort in OVER_DE_SITE:
                entry = {**entry, "boost": OVER_DE_SITE_GEWICHT, "over": 1}
            if f"{pagina}#{sectie}" in self.acties:
                uit.append(self.actie_entry(entry, self.acties[f"{pagina}#{sectie}"]))
            elif soort == "objecttype_fase" and not sectie:
                uit.append({**entry, "text": ""})  # the phase bar is navigation, not content
            elif soort in HERHALENDE_SOORTEN and sectie:
                continue
            elif soort in HERHALENDE_SOORTEN:
                eigen = [a for a in ALINEA.findall(entry["text"]) if self.patroon(a, titels[pagina]) not in standaard]
                uit.append({**entry, "text": "".join(eigen), **({"wegwijzer": 1} if soort == "objecttype" else {})})
            elif soort in OVERZICHTEN and not sectie:
                uit.append({**entry, "text": "".join(ALINEA.findall(entry["text"]))})
            else:
                uit.append(entry)
        vormen = self.verrijk(uit)
        zie = " ".join(sorted({w.lower() for z in self.kader.zoekwoorden if z.zie for w in GETYPT.findall(z.woord)}))
        return uit + [{"location": VORMEN, "title": "", "text": "", "vormen": vormen, "zie": zie}]

    @staticmethod
    def patroon(alinea: str, titel: str) -> frozenset[str]:
        """A paragraph's words but the page's name, its articles and verbs of being, a plural's -s:
        what a template writes on every page of a kind ('De politie is deelnemer …', 'De gemeenten
        zijn deelnemers …')."""
        return frozenset(w.removesuffix("s") for w in woorden(alinea)) - {w.removesuffix("s") for w in woorden(titel)} - LIDWOORDEN

    def standaardalineas(self, entries: list[dict], titels: dict[str, str]) -> set[frozenset[str]]:
        """The paragraphs that pages repeating acties (a partner, a theme, …) share with other pages of
        their kind but for their name and numbers ('De politie is deelnemer van het Offensief …',
        'Dit thema komt voor in 6 acties'): not what sets a page apart, so not searched on it."""
        tel: dict[tuple, int] = defaultdict(int)
        for entry in entries:
            pagina, _, sectie = entry["location"].partition("#")
            soort = self.soort.get(map_url(pagina))
            if soort in HERHALENDE_SOORTEN and not sectie:
                for patroon in {self.patroon(a, titels[map_url(pagina)]) for a in ALINEA.findall(entry["text"])}:
                    tel[soort, patroon] += 1
        return {patroon for (_, patroon), n in tel.items() if n >= STANDAARD}

    def actie_entry(self, entry: dict, actie: Actietekst) -> dict:
        tekst = "".join(f"<p>{html.escape(r, quote=False)}</p>" for r in actie.regels)
        codes = [vorm for code in [actie.plek.actie.code, *(d.id for _, d in actie.plek.actie.regels())]
                 for vorm in codevormen(code)]
        zoekwoorden = self.kader.zoekwoorden_per_actie.get(actie.plek.actie.code, [])
        return {**entry, "text": tekst, "zoekwoorden": " ".join([*zoekwoorden, *codes]),
                "zoektermen": " ".join([*actie.namen, entry.get("zoektermen", "")]).strip(),
                "handelingen": " ".join(actie.nummers)}

    def verrijk(self, entries: list[dict]) -> dict[str, str]:
        """Add to every entry the compounds its text writes apart or with a hyphen and its separable
        verbs ('Stem af met' -> afstemmen, afgestemd). Return what a reader may type for the words of
        the index: per form (another form of a word, its spelling without diacritics) the words it
        stands for; per part of a compound, or a form of that part, the compounds, marked ':'."""
        for entry in entries:
            gekoppeld = {a.lower() + b.lower() for a, b in KOPPELTEKEN.findall(entry.get("text", ""))}
            gekoppeld |= self.woordenboek.scheidbare_werkwoorden(entry.get("text", ""))
            if gekoppeld:
                entry["zoektermen"] = " ".join([entry.get("zoektermen", ""), *sorted(gekoppeld)]).strip()
        alle = set().union(*(woorden(" ".join(e.get(v, "") for v in ("title", "text", "zoektermen", "zoekwoorden")))
                             for e in entries))
        delen = {w: self.woordenboek.delen(w) for w in alle}
        vormen = self.woordenboek.vormen(alle | {d for ds in delen.values() for d in ds})
        staat_voor: dict[str, set[str]] = defaultdict(set)
        for woord in alle:
            for vorm in {*vormen.get(woord, ()), vouw(woord)} - {woord}:
                staat_voor[vorm].add(woord)
            for deel in delen[woord]:
                for vorm in {deel, *vormen.get(deel, ()), vouw(deel)}:
                    staat_voor[vorm].add(":" + woord)
        for vorm, doelen in self.synoniemen(alle).items():
            staat_voor[vorm] |= doelen
        for vorm, samenstellingen in self.woordenboek.kopvormen(alle).items():
            if vorm not in alle:
                staat_voor[vorm] |= samenstellingen
        return {vorm: " ".join(sorted(w)) for vorm, w in sorted(staat_voor.items())}

    def synoniemen(self, alle: set[str]) -> dict[str, set[str]]:
        """The editors' search words that stand for words of the kader (`zie` in data/zoekwoorden.yaml):
        each word the reader types, in its forms and without diacritics, stands for those words ('crime
        scene' -> plaats, delict; 'boa's' -> handhaving)."""
        uit: dict[str, set[str]] = defaultdict(set)
        for zoekwoord in (z for z in self.kader.zoekwoorden if z.zie):
            doelen = {w for zie in zoekwoord.zie for w in woorden(zie) if w in alle}
            lezer = {w.lower() for w in GETYPT.findall(zoekwoord.woord)}
            vormen = self.woordenboek.vormen(lezer)
            for woord in lezer:
                for vorm in {woord, vouw(woord), *vormen.get(woord, ())}:
                    uit[vorm] |= doelen - {vorm}
        return uit


def zoekvelden(velden: dict) -> dict:
    """The search plugin's fields with the hidden ones added."""
    return {**velden, **VELDEN}
