"""The DCAT-AP-NL description of the downloads (dcat.ttl, Turtle), which open-data portals such as
data.overheid.nl harvest: a catalogue with one dataset, the edition, and one distribution per download.

Addresses are absolute under the site address when it is known; without it they are relative to
dcat.ttl itself (downloads/), as RDF resolves them against the address the file is read from. Texts
are rdflib literals, serialized by rdflib.
"""
from __future__ import annotations

import posixpath

from rdflib import DCAT, DCTERMS, FOAF, RDF, XSD, Graph, Literal, Namespace, URIRef

from ..adressen import DOWNLOADMAP, DOWNLOADS, Adresboek, absoluut, datasetnaam, md, url
from ..gegevens.model import LICENTIES
from .beschrijving import FORMATEN, Bestand, makers, omschrijving, titel, uitgever

VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
EU = "http://publications.europa.eu/resource/authority/"
THEMA = URIRef(f"{EU}data-theme/JUST")  # Justice, legal system and public safety
NEDERLANDS = URIRef(f"{EU}language/NLD")
TOEGANG = {False: URIRef(f"{EU}access-right/PUBLIC"),  # the national edition
           True: URIRef(f"{EU}access-right/NON_PUBLIC")}  # a gemeente's: on its intranet, with its contacts
IANA = "https://www.iana.org/assignments/media-types/"


def _nl(tekst: str) -> Literal:
    return Literal(tekst, lang="nl")


def _maand(editie: str) -> Literal:
    return Literal(editie, datatype=XSD.gYearMonth)


class Beschrijving:
    """The graph of one build's description."""

    def __init__(self, adresboek: Adresboek, siteadres: str):
        self.kader, self.siteadres = adresboek.kader, siteadres
        self.graaf = Graph(bind_namespaces="core")
        for prefix, ns in (("dcat", DCAT), ("dct", DCTERMS), ("foaf", FOAF), ("vcard", VCARD)):
            self.graaf.bind(prefix, ns)

    def iri(self, pad: str) -> URIRef:
        """An address relative to the site root: absolute, or relative to the downloads folder."""
        if self.siteadres:
            return URIRef(absoluut(pad, self.siteadres))
        relatief = posixpath.relpath(pad.partition("#")[0] or ".", DOWNLOADMAP)
        map_ = "/" if pad.partition("#")[0].endswith("/") or not pad else ""
        return URIRef(relatief + map_ + (f"#{pad.partition('#')[2]}" if "#" in pad else ""))

    def eigen(self, naam: str) -> URIRef:
        """A node defined in dcat.ttl itself: dcat.ttl#naam."""
        return self.iri(f"{DOWNLOADMAP}/{DOWNLOADS['dcat']}#{naam}")

    def voeg(self, onderwerp, *paren) -> None:
        for eigenschap, waarde in paren:
            self.graaf.add((onderwerp, eigenschap, waarde))

    def agent(self, naam: str, sleutel: str) -> URIRef:
        agent = self.eigen(sleutel)
        self.voeg(agent, (RDF.type, FOAF.Agent), (FOAF.name, _nl(naam)))
        return agent

    def contact(self) -> URIRef:
        """Who answers questions: the publisher's information page, or a gemeente's own site."""
        contact, k = self.eigen("contact"), self.kader
        self.voeg(contact, (RDF.type, VCARD.Organization), (VCARD.fn, _nl(uitgever(k))))
        adres = (absoluut("", self.siteadres) if self.siteadres else None) if k.lokaal else k.kader.meer_informatie.url
        if adres:
            self.voeg(contact, (VCARD.hasURL, URIRef(adres)))
        return contact

    def distributie(self, bestand: Bestand) -> URIRef:
        distributie = self.iri(f"{DOWNLOADMAP}/{bestand.naam}")
        mediatype, formaat = FORMATEN[bestand.formaat]
        self.voeg(distributie, (RDF.type, DCAT.Distribution), (DCTERMS.title, _nl(bestand.titel)),
                  (DCTERMS.description, _nl(bestand.beschrijving)), (DCAT.accessURL, distributie),
                  (DCAT.downloadURL, distributie), (DCAT.mediaType, URIRef(IANA + mediatype)),
                  (DCTERMS.format, URIRef(f"{EU}file-type/{formaat}")), (DCTERMS.language, NEDERLANDS),
                  (DCTERMS.license, URIRef(LICENTIES[self.kader.kader.licentie].url)))
        return distributie

    def dataset(self, bestanden: list[Bestand], edities: list[str]) -> URIRef:
        k, dataset = self.kader, self.eigen("dataset")
        editie = k.kader.editie.id
        self.voeg(dataset, (RDF.type, DCAT.Dataset), (DCTERMS.title, _nl(titel(k))),
                  (DCTERMS.description, _nl(omschrijving(k))),
                  (DCTERMS.identifier, Literal(str(dataset) if self.siteadres else datasetnaam(k))),
                  (DCTERMS.publisher, self.agent(uitgever(k), "uitgever")), (DCAT.contactPoint, self.contact()),
                  (DCTERMS.accessRights, TOEGANG[bool(k.lokaal)]), (DCAT.theme, THEMA),
                  (DCTERMS.language, NEDERLANDS), (URIRef(f"{DCAT}version"), Literal(editie)),
                  (DCTERMS.issued, _maand(min([editie, *edities]))), (DCTERMS.modified, _maand(editie)),
                  (DCAT.landingPage, self.iri(url(md("downloads")))),
                  *[(DCTERMS.creator, self.agent(naam, f"maker-{n}")) for n, naam in enumerate(makers(k), 1)],
                  *[(DCAT.keyword, _nl(t.naam)) for t in k.themas.values()],
                  *[(DCAT.distribution, self.distributie(b)) for b in bestanden if b.naam != DOWNLOADS["dcat"]])
        return dataset

    def catalogus(self, dataset: URIRef) -> None:
        catalogus = self.eigen("catalogus")
        self.voeg(catalogus, (RDF.type, DCAT.Catalog), (DCTERMS.title, _nl(titel(self.kader))),
                  (DCTERMS.description, _nl(f"De open data van het {titel(self.kader)}.")),
                  (DCTERMS.publisher, self.eigen("uitgever")), (DCAT.contactPoint, self.eigen("contact")),
                  (DCTERMS.language, NEDERLANDS), (DCAT.dataset, dataset),
                  (FOAF.homepage, self.iri(url(md("home")))))


def dcat(adresboek: Adresboek, bestanden: list[Bestand], siteadres: str, edities: list[str]) -> str:
    """dcat.ttl: the catalogue, the dataset and a distribution for every download but itself."""
    beschrijving = Beschrijving(adresboek, siteadres)
    beschrijving.catalogus(beschrijving.dataset(bestanden, edities))
    return beschrijving.graaf.serialize(format="turtle")
