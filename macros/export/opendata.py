"""The JSON download of the handelingskader, with its JSON Schema.

The JSON shape is declared as pydantic models, so the published schema is generated from the same
definition that produces the file. Two shapes: the edition itself (Export: the texts and the ids they
name, addresses relative to the site root), which ./scripts/publiceer freezes in edities/ and the next
edition is compared with; and the download (Download), which adds what the ids name (themes,
partners, instruments, terms with their names, abbreviations and links) and makes every address
absolute when the site address is known, so a reuser needs nothing else. A gemeente's own edition
publishes the national records unchanged plus its own contacts and arrangements under "lokaal".
"""
from __future__ import annotations

import json
from typing import Literal

from pydantic import BaseModel, Field

from ..adressen import DOWNLOADS, Adresboek, absoluut, anker, md, patroon, url
from ..gegevens import codes
from ..gegevens.handelingskader import Plek
from ..gegevens.lokaal import Contact
from ..gegevens.model import Partner, Verwijzingen

SCHEMA_URL = DOWNLOADS["schema"]  # beside the JSON file
SITE = r"(https?://[^\s?#]+/)?"  # an absolute address starts with the site address, when it is known
LOKAAL = "lokaal"  # what a gemeente adds: its herkomst, and the mark in the ids of its arrangements


class VerwijzingenExport(BaseModel):
    """The ids of the partners, instruments and terms a text names, as the website links them."""

    partners: list[str]
    instrumenten: list[str]
    begrippen: list[str]


class SubExport(VerwijzingenExport):
    id: str
    tekst: str


class HandelingExport(VerwijzingenExport):
    id: str
    tekst: str
    sub: list[SubExport]


ACTIE_URL = Field(description="adres van de actie op de website met #anker: absoluut als het adres van de site "
                              "bekend is (zie siteadres), anders relatief aan de root van de site",
                  pattern=f"^{SITE}{patroon('objecttype_fase')}#{codes.ACTIECODE.kern.lower()}$")


class ActieExport(VerwijzingenExport):
    code: str = Field(pattern=codes.ACTIECODE.patroon)
    titel: str
    thema: str = Field(description="id van het thema (zie themas)")
    url: str = ACTIE_URL
    handelingen: list[HandelingExport]


class FaseExport(BaseModel):
    id: str
    naam: str
    url: str
    acties: list[ActieExport]


class ObjecttypeExport(BaseModel):
    id: str
    naam: str
    fasen: list[FaseExport]


class MaatregelExport(BaseModel):
    code: str
    lijn: str
    status: str
    tekst: str


class Export(BaseModel):
    """An edition as it is frozen and compared (edities/): its texts and the ids they name."""

    titel: str
    document: str
    uitgever: str
    editie: str
    editie_id: str
    objecttypen: list[ObjecttypeExport]
    maatregelen: list[MaatregelExport]


# --- what the ids name: the registers of the download ----------------------------------------------
ADRES = "adres van de pagina op de website: absoluut als het adres van de site bekend is, anders relatief"


class Naslag(BaseModel):
    """One theme, partner, instrument or term: what its id in the acties names."""

    id: str = Field(pattern=codes.ID.patroon)
    naam: str
    afkorting: str | None = Field(description="de gangbare afkorting, als die er is")
    url: str = Field(description=ADRES)


class PartnerExport(Naslag):
    soort: Literal["organisatie", "rol", "netwerk"]


class InstrumentExport(Naslag):
    grondslag: str | None = Field(description="de wettelijke grondslag, waar de uitgaven die geven")
    wet_url: str | None = Field(description="de officiële wettekst (wetten.overheid.nl)")


class BegripExport(Naslag):
    definitie: str
    bron: str


class Download(Export):
    """The JSON download: the edition, and what its ids name, so a reuser needs nothing else."""

    siteadres: str | None = Field(description="het adres van de website; null: de adressen (url) in dit bestand "
                                              "zijn relatief aan de root van de site")
    themas: list[Naslag]
    partners: list[PartnerExport]
    instrumenten: list[InstrumentExport]
    begrippen: list[BegripExport]


class GemeenteExport(BaseModel):
    id: str = Field(pattern=codes.ID.patroon)
    naam: str


class ContactExport(BaseModel):
    """A gemeente's own contact for a partner."""

    partner: str = Field(pattern=codes.ID.patroon, description="id van de partner (zie partners)")
    partner_naam: str = Field(description="naam van de partner")
    team: str | None = Field(description="het team of de afdeling bij de partner")
    telefoon: str | None = Field(description="het nummer zoals de gemeente het schrijft")
    tel: str | None = Field(pattern=r"^tel:\+?[0-9]+$", description="het nummer als tel:-adres")
    bereikbaarheid: str | None = Field(description="wanneer het nummer bereikbaar is")
    email: str | None = Field(description="e-mailadres")
    adres: str | None = Field(description="bezoek- of postadres")


class AfspraakExport(BaseModel):
    """A gemeente's own arrangement at an actie of the national text."""

    id: str = Field(description="de actiecode met .lokaal- en het volgnummer van de afspraak bij die actie",
                    pattern=f"^{codes.ACTIECODE.kern}\\.{LOKAAL}-[0-9]+$")
    actie: str = Field(pattern=codes.ACTIECODE.patroon)
    url: str = ACTIE_URL
    tekst: str


class LokaalExport(BaseModel):
    """What a gemeente adds to the national text: never national text itself."""

    herkomst: Literal["lokaal"] = LOKAAL
    gemeente: GemeenteExport
    contacten: list[ContactExport]
    afspraken: list[AfspraakExport]


class LokaleDownload(Download):
    """A gemeente's own edition: the national records unchanged, and under "lokaal" its own data."""

    lokaal: LokaalExport


def afspraak_id(plek: Plek, nummer: int) -> str:
    """The id of an actie's n-th local arrangement (from 1): 'W-D-01.lokaal-1'."""
    return f"{plek.actie.code}.{LOKAAL}-{nummer}"


def _verwijzingen(deel: Verwijzingen) -> dict[str, list[str]]:
    return {"partners": deel.partners, "instrumenten": deel.instrumenten, "begrippen": deel.begrippen}


def _actie(adresboek: Adresboek, plek: Plek, siteadres: str) -> ActieExport:
    return ActieExport(
        code=plek.actie.code, titel=plek.actie.titel, thema=plek.actie.thema,
        url=absoluut(adresboek.actie_url(plek), siteadres), **_verwijzingen(plek.actie),
        handelingen=[HandelingExport(id=h.id, tekst=h.tekst, **_verwijzingen(h),
                                     sub=[SubExport(id=s.id, tekst=s.tekst, **_verwijzingen(s)) for s in h.sub])
                     for h in plek.actie.handelingen])


def export(adresboek: Adresboek, siteadres: str = "") -> Export:
    """The edition; addresses relative to the site root unless a site address is given."""
    kader = adresboek.kader
    lijnen = {lijn.nummer: f"{lijn.nummer} {lijn.naam}" for lijn in kader.maatregelen.lijnen}
    return Export(
        titel=kader.kader.ondertitel, document=kader.kader.titel, uitgever=kader.kader.uitgever,
        editie=kader.kader.editie.naam, editie_id=kader.kader.editie.id,
        objecttypen=[ObjecttypeExport(id=ot.id, naam=ot.naam, fasen=[
            FaseExport(id=f.id, naam=f.naam, url=absoluut(adresboek.pagina_url(ot, f), siteadres),
                       acties=[_actie(adresboek, Plek(ot, f, a), siteadres) for a in kader.fase_acties(ot, f)])
            for f in kader.fasen]) for ot in kader.objecttypen],
        maatregelen=[MaatregelExport(code=m.code, lijn=lijnen[m.lijn], status=m.status_tekst, tekst=m.tekst)
                     for m in kader.maatregelen.maatregelen])


def _naslag(adresboek: Adresboek, siteadres: str) -> dict[str, list]:
    """The themes, partners, instruments and terms, in the order of their data files."""
    k = adresboek.kader

    def adres(soort: str, **objecten) -> str:
        return absoluut(url(md(soort, **objecten)), siteadres)
    return {
        "themas": [Naslag(id=t.id, naam=t.naam, afkorting=None, url=adres("thema", thema=t)) for t in k.themas.values()],
        "partners": [PartnerExport(id=p.id, naam=p.naam, afkorting=p.afkorting, url=adres("partner", partner=p),
                                   soort=p.soort) for p in k.partners.values()],
        "instrumenten": [InstrumentExport(id=i.id, naam=i.naam, afkorting=i.afkorting, grondslag=i.grondslag,
                                          url=adres("instrument", instrument=i), wet_url=i.wet_url)
                         for i in k.instrumenten.values()],
        "begrippen": [BegripExport(id=b.id, naam=b.term, afkorting=None, definitie=b.definitie, bron=b.bron,
                                   url=f"{adres('begrippen')}#{anker(b)}") for b in k.begrippen.values()],
    }


def download(adresboek: Adresboek, siteadres: str = "") -> Download:
    """The JSON download: the edition with absolute addresses (when known) and its registers."""
    return Download(**dict(export(adresboek, siteadres)), siteadres=siteadres or None,
                    **_naslag(adresboek, siteadres))


def contact(partner: Partner, contact_: Contact) -> ContactExport:
    return ContactExport(partner=partner.id, partner_naam=partner.naam, team=contact_.team,
                         telefoon=contact_.telefoon, tel=contact_.tel_uri, bereikbaarheid=contact_.bereikbaarheid,
                         email=contact_.email, adres=contact_.adres)


def lokale_download(adresboek: Adresboek, siteadres: str = "") -> LokaleDownload:
    """The download of a gemeente's own edition: the national download and the gemeente's own data."""
    kader = adresboek.kader
    lokaal = LokaalExport(
        gemeente=GemeenteExport(id=kader.lokaal.gemeente.id, naam=kader.lokaal.gemeente.naam),
        contacten=[contact(p, c) for p, c in kader.lokale_contacten()],
        afspraken=[AfspraakExport(id=afspraak_id(plek, n), actie=plek.actie.code, tekst=afspraak.tekst,
                                  url=absoluut(adresboek.actie_url(plek), siteadres))
                   for plek, afspraken in kader.lokale_afspraken() for n, afspraak in enumerate(afspraken, 1)])
    return LokaleDownload(**dict(download(adresboek, siteadres)), lokaal=lokaal)


def schema(model: type[Export] = Download) -> dict:
    uitkomst = model.model_json_schema()
    uitkomst["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    uitkomst["title"] = "Landelijk handelingskader bij aanslagen met explosieven"
    return uitkomst


def json_tekst(uitvoer: Export) -> str:
    """The JSON of an edition or a download, as it is published and frozen (edities/)."""
    return json.dumps({"$schema": SCHEMA_URL, **uitvoer.model_dump()}, ensure_ascii=False, indent=2)
