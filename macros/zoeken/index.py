"""The site's search index shaped for Dutch readers.

mkdocs-material's search plugin cuts every page into sections (one per heading) and the browser
builds a lunr index from them. Before the plugin writes its index, this stage reshapes the entries:

- every actie is indexed once, on its object type × phase page, with a paragraph per handeling (so a
  result shows the handeling that matched, not the whole actie or the phase bar);
- pages that repeat acties (an object type's overview, a phase for all object types, a partner,
  instrument or theme) keep their own words but not the repeated acties;
- two fields that are searched but never shown: `zoektermen` (the parts of compounds, the other forms
  of a word, spellings without diacritics and hyphens) and `zoekwoorden` (the editors' search words
  from data/zoekwoorden.yaml, and the codes of the actie and its handelingen as readers type them:
  codevormen).

The browser side (zoekuitbreiding.js) adds what needs the query: exact words above prefixes,
one-letter typos, stop words, compounds the reader typed as one word.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Iterable

from ..adressen import Adresboek, url
from ..gegevens.handelingskader import Handelingskader, Plek
from ..gegevens.lokaal import LABEL
from ..web.paginas import alle_paginas
from .woorden import Woordenboek, vouw, woorden

# Searched, never shown (mkdocs-material renders only title and text); boosts as for its own fields
# (title 1000, text 1): a search word weighs more than a word of the text, less than a title.
# The other forms and parts of a title's words count as the title itself ('slachtoffer' finds
# SLACHTOFFERS as well as 'slachtoffers' does).
# The parts of a title's compounds weigh as the editors' search words: more than the text, less than
# the title ('verenigingen' finds PVO EN BRANCHEVERENIGINGEN above a mere mention).
VELDEN = {"titeltermen": {"boost": 1000.0}, "titeldelen": {"boost": 100.0}, "zoektermen": {"boost": 1.0},
          "zoekwoorden": {"boost": 100.0}}
KOPPELTEKEN = re.compile(r"([^\W\d_]+)-([^\W\d_]+)")  # schade-onderzoek: also found as schadeonderzoek
# Pages whose sections repeat acties that are indexed on their object type × phase page.
HERHALENDE_SOORTEN = frozenset({"objecttype", "fase", "partner", "instrument", "thema"})
BLOK = re.compile(r"<(ul|ol|table)\b.*?</\1>", re.S)  # lists and tables of a page's own entry


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
    namen: list[str]  # partners and instruments the lines name


def actieteksten(kader: Handelingskader) -> Iterable[Actietekst]:
    for plek in kader.plekken():
        regels = [deel.tekst for _, deel in plek.actie.regels()]
        regels += [f"{LABEL}: {a.tekst}" for a in kader.afspraken(plek.actie)]
        delen = [plek.actie, *plek.actie.delen()]  # the actie's own references (its title) and its lines'
        namen = [kader.partners[p].naam for d in delen for p in d.partners]
        namen += [kader.instrumenten[i].naam for d in delen for i in d.instrumenten]
        yield Actietekst(plek, regels, list(dict.fromkeys(namen)))


class Zoekindex:
    """Reshapes the entries of mkdocs-material's search index for one build."""

    def __init__(self, kader: Handelingskader, adresboek: Adresboek, woordenboek: Woordenboek):
        self.kader = kader
        self.woordenboek = woordenboek
        self.acties = {adresboek.actie_url(a.plek): a for a in actieteksten(kader)}
        self.soort = {url(p.pad): p.soort for p in alle_paginas(kader)}

    def vorm(self, entries: list[dict]) -> list[dict]:
        uit = []
        for entry in entries:
            pagina, _, sectie = entry["location"].partition("#")
            pagina = map_url(pagina)
            soort = self.soort.get(pagina)
            if f"{pagina}#{sectie}" in self.acties:
                uit.append(self.actie_entry(entry, self.acties[f"{pagina}#{sectie}"]))
            elif soort == "objecttype_fase" and not sectie:
                uit.append({**entry, "text": ""})  # the phase bar is navigation, not content
            elif soort in HERHALENDE_SOORTEN and sectie:
                continue
            elif soort in HERHALENDE_SOORTEN:
                uit.append({**entry, "text": BLOK.sub("", entry["text"]).strip()})
            else:
                uit.append(entry)
        self.verrijk(uit)
        return uit

    def actie_entry(self, entry: dict, actie: Actietekst) -> dict:
        tekst = "".join(f"<p>{html.escape(r, quote=False)}</p>" for r in actie.regels)
        codes = [vorm for code in [actie.plek.actie.code, *(d.id for _, d in actie.plek.actie.regels())]
                 for vorm in codevormen(code)]
        zoekwoorden = self.kader.zoekwoorden_per_actie.get(actie.plek.actie.code, [])
        return {**entry, "text": tekst, "zoekwoorden": " ".join([*zoekwoorden, *codes]),
                "zoektermen": " ".join(actie.namen)}

    def verrijk(self, entries: list[dict]) -> None:
        """Add to every entry the words a reader may type for the words it holds: the other forms of
        its title's words to `titeltermen`, the parts of its title's compounds with their forms to
        `titeldelen`; the other forms of the rest, and the parts of its compounds with their forms,
        to `zoektermen`."""
        titels = [set(woorden(e["title"])) for e in entries]
        rest = [set(woorden(" ".join(e.get(v, "") for v in ("text", "zoektermen", "zoekwoorden"))))
                for e in entries]
        alle = set().union(*titels, *rest)
        delen = {w: self.woordenboek.delen(w) for w in alle}
        vormen = self.woordenboek.vormen(alle | {d for ds in delen.values() for d in ds})

        def varianten(woorden_: Iterable[str]) -> set[str]:
            return {v for x in woorden_ for v in {x, *vormen.get(x, ()), vouw(x)}}

        for entry, titel, overig in zip(entries, titels, rest):
            gekoppeld = {a.lower() + b.lower() for a, b in KOPPELTEKEN.findall(entry.get("text", ""))}
            gekoppeld |= self.woordenboek.scheidbare_werkwoorden(entry.get("text", ""))
            titeltermen = varianten(titel) - titel
            titeldelen = varianten({d for w in titel for d in delen[w]}) - titeltermen - titel
            onderdelen = {d for w in overig for d in delen[w]}
            zoektermen = (varianten(overig | onderdelen) | gekoppeld) - titeltermen - titeldelen - titel - overig
            for veld, termen in (("titeltermen", titeltermen), ("titeldelen", titeldelen)):
                if termen:
                    entry[veld] = " ".join(sorted(termen))
            if zoektermen or "zoektermen" in entry:
                entry["zoektermen"] = " ".join([entry.get("zoektermen", ""), *sorted(zoektermen)]).strip()


def zoekvelden(velden: dict) -> dict:
    """The search plugin's fields with the hidden ones added."""
    return {**velden, **VELDEN}
