"""The address book: every page path, navigation entry, anchor and download name of the kader.

Nothing else spells an address. Each kind of page has one source-path format (as mkdocs-material's
blog plugin derives every URL from one format option per kind); its web address follows from the
source path as mkdocs makes it (use_directory_urls). The model holds no addresses: the address book
maps model objects to them. Templates get the address book as functions (`naar`, `anker`).
"""
from __future__ import annotations

import posixpath
from dataclasses import dataclass
from functools import singledispatch

import re

from .gegevens import codes
from .gegevens.handelingskader import Handelingskader, Plek
from .gegevens.lokaal import CONTACTEN
from .gegevens.model import Actie, Begrip, Fase, Handeling, Maatregel, Objecttype, Subpunt, Tabel

# Markdown source below content/ per kind of page; {name} is the id of the object of that name.
PAGINAS = {
    "home": "index.md",
    "objecttype": "{objecttype}/index.md",
    "objecttype_fase": "{objecttype}/{fase}.md",
    "fasen": "fasen/index.md",
    "fase": "fasen/{fase}.md",
    "partners": "partners/index.md",
    "partner": "partners/{partner}.md",
    "instrumenten": "instrumenten/index.md",
    "instrument": "instrumenten/{instrument}.md",
    "themas": "themas/index.md",
    "thema": "themas/{thema}.md",
    "maatregelen": "maatregelen.md",
    "begrippen": "begrippen.md",
    "cijfers": "cijfers.md",
    "downloads": "downloads.md",
    "over": "over.md",
    "toegankelijkheid": "toegankelijkheid.md",
    "naslag": "naslag/index.md",
    "actieplan": "actieplan/index.md",
    "uitgave": "uitgave/index.md",
    "wijzigingen": "wijzigingen.md",  # only when there is a previous edition (macros/edities/)
    "contacten": "contacten.md",  # only in a gemeente's own edition with local contacts
}
OPTIONEEL = frozenset({"wijzigingen", "contacten"})  # page kinds that not every build has


@dataclass(frozen=True)
class Sectie:
    """A tab of the reference part: it opens an overview page with its name, listing its pages."""

    titel: str
    inleiding: str
    kinderen: tuple[tuple[str, str, str], ...]  # (title, kind of page, what the reader finds there)


SECTIES = {
    "naslag": Sectie("Naslag", "Achtergrond bij de acties: wie erbij betrokken is, met welke bevoegdheden en "
                               "wat de woorden betekenen.", (
        ("Partners", "partners", "wie wat doet, met de acties en handelingen die hen noemen"),
        ("Bestuurlijke instrumenten", "instrumenten", "de bevoegdheden van de burgemeester en hun grondslag"),
        ("Thema's", "themas", "dezelfde soort actie vergeleken over objecttypen en fasen"),
        ("Begrippen en afkortingen", "begrippen", "wat de woorden en afkortingen in het kader betekenen"))),
    "actieplan": Sectie("Actieplan", "De maatregelen en cijfers uit het Actieplan aanpak aanslagen met explosieven.", (
        ("Maatregelen", "maatregelen", "de maatregelen per actielijn, met hun stand van zaken"),
        ("Cijfers", "cijfers", "aantallen aanslagen met explosieven, in grafieken en tabellen"))),
    "uitgave": Sectie("Over", "Over deze uitgave van het handelingskader: downloads, herkomst en toegankelijkheid.", (
        ("Downloads", "downloads", "het Overzicht acties en de zakkaarten om te printen, en de open data"),
        ("Wijzigingen", "wijzigingen", "wat er is veranderd sinds de vorige editie"),
        ("Over deze uitgave", "over", "herkomst, editie en hoe het kader is opgebouwd"),
        ("Toegankelijkheid", "toegankelijkheid", "de toegankelijkheidsverklaring van deze website"))),
}
NIET_IN_NAVIGATIE = frozenset({"partner", "instrument", "thema"})  # reached from their index pages

DOWNLOADMAP = "downloads"
DOWNLOADS = {
    "overzicht": "overzicht-acties.pdf",
    "zakkaarten_a6": "zakkaarten-a6.pdf",
    "zakkaarten_a4": "zakkaarten-a4.pdf",
    "json": "handelingskader.json",
    "schema": "handelingskader.schema.json",
    "csv": "handelingskader.csv",
    "datapackage": "datapackage.json",  # Frictionless Data Package: the CSV's table schema
    "dcat": "dcat.ttl",  # DCAT-AP-NL in Turtle, for open-data portals
}
# only when there is a previous edition to compare with (macros/edities/)
WIJZIGINGEN = {"json": "wijzigingen.json", "schema": "wijzigingen.schema.json"}
# only in a gemeente's own edition with local contacts (the JSON and CSV above then hold the local
# arrangements too, marked as local)
LOKALE_DOWNLOADS = {"contacten_csv": "lokale-contacten.csv"}
# The anchors of the Overzicht's sections after the phases. "lokaal" and "colofon" are no ids
# (codes.GERESERVEERD), so no object type or phase anchor can take these.
SECTIEANKERS = {"afspraken": "lokaal-afspraken", "contacten": "lokaal-contacten", "colofon": "colofon"}
EDITIEDOWNLOADS = "edities"  # below DOWNLOADMAP: the frozen JSON of every edition, <id>.json
CHECKLIJSTSCHEMA = "checklijst.schema.json"  # below DOWNLOADMAP: the saved checklist's format
# The editor's report: below dist/, beside the bundles, never in the site or a bundle (macros/uitgave/)
REDACTIEMAP = "redactie"
REDACTIEVERSLAG = {"json": "verslag.json", "html": "verslag.html", "tekst": "verslag.txt"}


def md(soort: str, **objecten) -> str:
    """The Markdown source of a page, e.g. md("objecttype_fase", objecttype=w, fase=d) -> 'woningen/direct.md'."""
    return PAGINAS[soort].format(**{naam: obj.id for naam, obj in objecten.items()})


def url(md_pad: str) -> str:
    """The web address relative to the site root of a Markdown source: 'woningen/direct.md' -> 'woningen/direct/'."""
    pad, _, anker_ = md_pad.partition("#")
    pad = pad.removesuffix(".md")
    pad = "" if pad == "index" else pad.removesuffix("/index") + "/"
    return f"{pad}#{anker_}" if anker_ else pad


def zonder(kader: Handelingskader, wijzigingen: bool) -> frozenset[str]:
    """The optional page kinds a build does not have: the change list without a previous edition,
    the local contacts without a gemeente's contacts."""
    heeft = ({"wijzigingen"} if wijzigingen else set()) | ({"contacten"} if kader.lokale_contacten() else set())
    return OPTIONEEL - heeft


def datasetnaam(kader: Handelingskader) -> str:
    """The name of the publication without its edition: 'handelingskader', or for a gemeente's own
    edition 'handelingskader-gemeente-voorbeeld' (the open data's name, the bundles' names)."""
    return f"handelingskader-{kader.lokaal.gemeente.id}" if kader.lokaal else "handelingskader"


def bundelnaam(kader: Handelingskader) -> str:
    """The name of the intranet bundles of an edition, e.g. 'handelingskader-2025-11', or of a
    gemeente's own edition, e.g. 'handelingskader-gemeente-voorbeeld-2025-11'."""
    return f"{datasetnaam(kader)}-{kader.kader.editie.id}"


def patroon(soort: str) -> str:
    """A regular expression (without ^ and $) for the web address of any page of a kind."""
    namen = re.findall(r"\{(\w+)\}", PAGINAS[soort])
    voorbeeld = url(PAGINAS[soort].format(**{naam: "ID" for naam in namen}))  # paths are lower case
    return re.escape(voorbeeld).replace("ID", codes.ID.kern)


def download(soort: str) -> str:
    """A download's address relative to the site root, e.g. 'downloads/overzicht-acties.pdf'."""
    return f"{DOWNLOADMAP}/{DOWNLOADS[soort]}"


def absoluut(pad: str, siteadres: str) -> str:
    """An address relative to the site root made absolute under the site address (normalised, with a
    trailing slash: macros/gegevens/omgeving.py); unchanged without one."""
    return f"{siteadres}{pad}" if siteadres else pad


def relatief(van: str, naar_: str) -> str:
    """Link from source `van` to source `naar_` (optionally with #anchor), relative, as mkdocs expects."""
    doel, _, anker_ = naar_.partition("#")
    pad = posixpath.relpath(doel, posixpath.dirname(van) or ".")
    return f"{pad}#{anker_}" if anker_ else pad


@singledispatch
def anker(ding) -> str:
    """The anchor (HTML id) of a model object, derived from its stable code or id."""
    raise TypeError(f"geen anker voor {type(ding).__name__}")


@anker.register
def _(actie: Actie) -> str:
    return actie.code.lower()


@anker.register(Handeling)
@anker.register(Subpunt)
def _(deel) -> str:
    return deel.id.lower()


@anker.register
def _(maatregel: Maatregel) -> str:
    return maatregel.code.lower()


@anker.register(Begrip)
@anker.register(Tabel)
@anker.register(Objecttype)
def _(ding) -> str:
    return ding.id


def anker_plek(objecttype: Objecttype, fase: Fase) -> str:
    """The anchor of one object type x phase in a document that holds them all (the Overzicht)."""
    return f"{objecttype.id}-{fase.id}"


def anker_kaart(objecttype: Objecttype, fase: Fase) -> str:
    """The anchor of the pocket card of one object type x phase."""
    return f"kaart-{objecttype.letter.lower()}-{fase.letter.lower()}"


def anker_afspraken(actie: Actie) -> str:
    """The anchor of the local arrangements of an actie (a gemeente's own edition)."""
    return f"lokaal-{anker(actie)}"


def anker_contact(partner) -> str:
    """The anchor of a partner's contact on the page of local contacts."""
    return f"contact-{partner.id}"


def anker_wijziging(code: str) -> str:
    """The anchor of the changes to one actie on the change list (also of a removed actie)."""
    return f"wijziging-{code.lower()}"


def anker_lijn(nummer: int, status: str) -> str:
    """The anchor of the maatregelen of one lijn with one status."""
    return f"lijn-{nummer}-{status}"


@dataclass(frozen=True)
class Adresboek:
    """Addresses that need the kader: where an actie is published, and the navigation."""

    kader: Handelingskader
    zonder: frozenset[str] = OPTIONEEL  # the optional page kinds this build does not have

    def kinderen(self, soort: str) -> tuple[tuple[str, str, str], ...]:
        """The pages a section lists that this build has."""
        return tuple(kind for kind in SECTIES[soort].kinderen if kind[1] not in self.zonder)

    def actie_md(self, actie: Actie | str) -> str:
        """Source path with anchor of the page where an actie is published."""
        plek = self.kader.plek_van[actie if isinstance(actie, str) else actie.code]
        return f"{md('objecttype_fase', objecttype=plek.objecttype, fase=plek.fase)}#{anker(plek.actie)}"

    def pagina_url(self, objecttype: Objecttype, fase: Fase) -> str:
        """The web page of one object type x phase, relative to the site root."""
        return url(md("objecttype_fase", objecttype=objecttype, fase=fase))

    def actie_url(self, plek: Plek) -> str:
        """An actie's address relative to the site root, with its permalink anchor."""
        return f"{self.pagina_url(plek.objecttype, plek.fase)}#{anker(plek.actie)}"

    def regel_url(self, plek: Plek, deel: Handeling | Subpunt) -> str:
        """A handeling's or sub-item's address relative to the site root, with its anchor."""
        return f"{self.pagina_url(plek.objecttype, plek.fase)}#{anker(deel)}"

    def vanaf(self, pagina: str) -> Links:
        """Links relative to the page with source `pagina`."""
        return Links(self, pagina)

    def navigatie(self) -> list:
        """The site navigation: crisis paths first (object types with their phases), then reference."""
        k = self.kader
        return [
            {"Beginpagina": md("home")},
            *[{ot.naam: [md("objecttype", objecttype=ot)] +
               [{f.naam: md("objecttype_fase", objecttype=ot, fase=f)} for f in k.fasen]} for ot in k.objecttypen],
            *([{CONTACTEN: md("contacten")}] if "contacten" not in self.zonder else []),
            {"Per fase": [md("fasen")] + [{f.naam: md("fase", fase=f)} for f in k.fasen]},
            *[{sectie.titel: [md(soort)] + [{titel: md(kind)} for titel, kind, _ in self.kinderen(soort)]}
              for soort, sectie in SECTIES.items()],
        ]


@dataclass(frozen=True)
class Links:
    """The address book as seen from one page: every link relative to that page (templates: `naar`)."""

    adresboek: Adresboek
    van: str  # the source of the page the links are on

    def pagina(self, soort: str, **objecten) -> str:
        return relatief(self.van, md(soort, **objecten))

    def actie(self, actie: Actie | str) -> str:
        return relatief(self.van, self.adresboek.actie_md(actie))

    def maatregel(self, maatregel: Maatregel) -> str:
        return relatief(self.van, f"{md('maatregelen')}#{anker(maatregel)}")

    def download(self, soort: str) -> str:
        return relatief(self.van, download(soort))

    def op_papier(self, soort: str, objecttype: Objecttype, fase: Fase) -> str:
        """An object type x phase in a PDF: its page of the Overzicht or its pocket card (a named
        destination, which PDF viewers open at its page)."""
        doel = anker_plek(objecttype, fase) if soort == "overzicht" else anker_kaart(objecttype, fase)
        return f"{self.download(soort)}#nameddest={doel}"

    def bestand(self, naam: str) -> str:
        """A file among the downloads by its name (a change list, a frozen edition)."""
        return relatief(self.van, f"{DOWNLOADMAP}/{naam}")

    def wijziging(self, code: str) -> str:
        return relatief(self.van, f"{md('wijzigingen')}#{anker_wijziging(code)}")

    def contact(self, partner) -> str:
        """A partner's local contact on the page of local contacts."""
        return relatief(self.van, f"{md('contacten')}#{anker_contact(partner)}")
