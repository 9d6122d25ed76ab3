"""The generated pages of the website, derived from the loaded kader.

Every page is a Markdown template in web/sjablonen/ filled with the model; no actie text is ever
written in content/. Links between pages point at Markdown sources from the address book, so mkdocs
checks them (--strict).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property, partial

import jinja2
import yaml

from ..adressen import (CHECKLIJSTSCHEMA, DOWNLOADMAP, DOWNLOADS, EDITIEDOWNLOADS, NIET_IN_NAVIGATIE, SECTIES,
                        LOKALE_DOWNLOADS, WIJZIGINGEN, Adresboek, anker, anker_contact, anker_lijn, anker_wijziging,
                        md)
from ..edities import Edities
from ..edities.vergelijking import SOORTEN
from ..edities.weergave import beschrijving
from ..export.beschrijving import Bestand, bestanden
from ..gegevens.handelingskader import Handelingskader, Plek, Vermelding
from ..gegevens.lokaal import CONTACTEN, LABEL
from ..gegevens.model import LICENTIES, STATUS
from ..sjablonen import html_tekst
from ..instellingen import BEWAARDAGEN
from .grafiek import Staafdiagram


CRISIS = 2
# below CRISIS by more than mkdocs-material's extra weight for a whole page over a section (up to 2.5x)
REFERENTIE = 0.5


@dataclass
class Pagina:
    soort: str  # a kind of page of the address book
    titel: str
    sjabloon: str
    context: dict = field(default_factory=dict)
    beschrijving: str = ""
    # Material search boost: the pages per object type and phase (CRISIS) above the overview and
    # reference pages, also where those share a title word with an actie
    zoekgewicht: float = REFERENTIE

    @property
    def pad(self) -> str:
        """Source path below content/."""
        return md(self.soort, **self.context)

    @property
    def in_navigatie(self) -> bool:
        return self.soort not in NIET_IN_NAVIGATIE


def groepeer(vermeldingen: list[Vermelding]) -> list[tuple]:
    """Vermeldingen grouped by object type, then phase, in publication order."""
    groepen: dict = {}
    for v in vermeldingen:
        groepen.setdefault(v.plek.objecttype.id, (v.plek.objecttype, {}))[1].setdefault(
            v.plek.fase.id, (v.plek.fase, []))[1].append(v)
    return [(ot, list(fasen.values())) for ot, fasen in groepen.values()]


def vergelijk(plekken: list[Plek]) -> list[tuple[str, list[bool]]]:
    """Every distinct handeling or sub-item text of a theme, with where it occurs."""
    teksten = [[deel.tekst for _, deel in p.actie.regels()] for p in plekken]
    regels = list(dict.fromkeys(t for lijst in teksten for t in lijst))
    return [(regel, [regel in lijst for lijst in teksten]) for regel in regels]


def alle_paginas(kader: Handelingskader, zonder: frozenset[str] = frozenset()) -> list[Pagina]:
    """Every generated page, in the order of the navigation, but the optional kinds in `zonder`."""
    lijst: list[Pagina] = []
    for ot in kader.objecttypen:
        lijst.append(Pagina("objecttype", ot.naam, "objecttype.md", {"objecttype": ot},
                            f"Wat de gemeente doet bij een aanslag op een {ot.enkelvoud}, per fase."))
        lijst += [Pagina("objecttype_fase", f"{ot.naam}: {f.naam}", "objecttype_fase.md",
                         {"objecttype": ot, "fase": f}, f"{f.naam}: acties voor gemeenten bij een {ot.enkelvoud}.",
                         zoekgewicht=CRISIS)
                  for f in kader.fasen]
    if kader.lokaal:
        lijst.append(Pagina("contacten", CONTACTEN, "contacten.md", beschrijving=f"Telefoonnummers, bereikbaarheid en "
                            f"e-mailadressen van de partners in {kader.lokaal.gemeente.naam}."))
    lijst.append(Pagina("fasen", "Per fase", "fasen.md"))
    lijst += [Pagina("fase", f.naam, "fase.md", {"fase": f}) for f in kader.fasen]
    lijst.append(Pagina("partners", "Partners", "partners.md"))
    lijst += [Pagina("partner", p.naam, "partner.md", {"partner": p}) for p in kader.partners.values()]
    lijst.append(Pagina("instrumenten", "Bestuurlijke instrumenten", "instrumenten.md"))
    lijst += [Pagina("instrument", i.naam, "instrument.md", {"instrument": i})
              for i in kader.instrumenten.values()]
    lijst.append(Pagina("themas", "Thema's", "themas.md"))
    lijst += [Pagina("thema", t.naam, "thema.md", {"thema": t}) for t in kader.themas.values()]
    lijst += [Pagina("maatregelen", "Maatregelen uit het Actieplan", "maatregelen.md"),
              Pagina("begrippen", "Begrippen en afkortingen", "begrippen.md"),
              Pagina("cijfers", "Cijfers", "cijfers.md")]
    lijst += [Pagina(soort, sectie.titel, "sectie.md", beschrijving=sectie.inleiding) for soort, sectie in SECTIES.items()]
    lijst += [Pagina("wijzigingen", "Wijzigingen", "wijzigingen.md",
                     beschrijving="Wat er is veranderd sinds de vorige editie, woord voor woord.")]
    return [pagina for pagina in lijst if pagina.soort not in zonder]


@dataclass(eq=False)
class Web:
    """The web stage of one build: the kader, its address book and the page templates."""

    kader: Handelingskader
    adresboek: Adresboek
    markdown: jinja2.Environment  # Markdown page templates
    html: jinja2.Environment  # SVG charts
    edities: Edities  # the frozen editions and what changed since the previous one
    bewaardagen: int = BEWAARDAGEN  # how long the checklist stays in a browser (plugin option)
    siteadres: str = ""  # the published address (KADER_SITE_URL), if known: the downloads use it

    def render(self, sjabloon: str, van: str, **context) -> str:
        """A Markdown template for the page with source `van`: data escaped, links relative to it."""
        return self.markdown.get_template(sjabloon).render(
            kader=self.kader, naar=self.adresboek.vanaf(van), anker=anker, anker_lijn=anker_lijn,
            downloads=DOWNLOADS, secties=SECTIES, statussen=STATUS, afspraaklabel=LABEL, groepeer=groepeer, vergelijk=vergelijk,
            staafdiagram=Staafdiagram(self.html), edities=self.edities, anker_wijziging=anker_wijziging,
            beschrijving=partial(beschrijving, self.kader), wijzigingsbestanden=WIJZIGINGEN,
            editiemap=EDITIEDOWNLOADS, soortnamen=SOORTEN, checklijst=self.checklijst, anker_contact=anker_contact,
            contactentitel=CONTACTEN, lokale_downloads=LOKALE_DOWNLOADS, downloadlijst=self.downloadlijst,
            licentie=LICENTIES[self.kader.kader.licentie], siteadres=self.siteadres, **context)

    @cached_property
    def downloadlijst(self) -> list[Bestand]:
        """Every download of this build, in the order of the downloads page."""
        wijzigingen = self.edities.wijzigingen
        return bestanden(self.kader, wijzigingen.van.naam if wijzigingen else None, self.edities.archief.ids())

    @property
    def checklijst(self) -> dict:
        """What the checklist's placeholder tells the script: retention and its schema (site-relative)."""
        return {"bewaardagen": self.bewaardagen, "schema": f"{DOWNLOADMAP}/{CHECKLIJSTSCHEMA}"}

    def markdown_van(self, pagina: Pagina) -> str:
        """The full Markdown source of a generated page, front matter included."""
        kop = {"title": html_tekst(pagina.titel), "render_macros": False}
        if pagina.zoekgewicht == 0:
            kop["search"] = {"exclude": True}
        elif pagina.zoekgewicht != 1:
            kop["search"] = {"boost": pagina.zoekgewicht}
        if pagina.beschrijving:
            kop["description"] = html_tekst(pagina.beschrijving)
        inhoud = self.render(pagina.sjabloon, pagina.pad, pagina=pagina, **pagina.context)
        return f"---\n{yaml.safe_dump(kop, allow_unicode=True, sort_keys=False)}---\n\n{inhoud}"

    @cached_property
    def afkortingen(self) -> str:
        """Markdown abbreviation definitions (abbr extension) for every page: tooltips from data."""
        return "\n".join(f"*[{' '.join(a.afkorting.split())}]: {' '.join(a.betekenis.split())}"
                         for a in self.kader.afkortingen)
