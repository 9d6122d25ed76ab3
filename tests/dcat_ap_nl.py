"""DCAT-AP-NL checked on a built site's dcat.ttl with rdflib: SPARQL for what the profile requires of
the dataset and of every distribution, and every download URL a file of the build."""
from __future__ import annotations

from pathlib import Path

import rdflib

from html_site import lees


def downloadlinks(site: Path) -> set[str]:
    """The files the downloads page links to, below downloads/."""
    return set(lees(site / "downloads/index.html").xpath("//article//table//a/@href"))


PREFIXEN = "PREFIX dcat: <http://www.w3.org/ns/dcat#> PREFIX dct: <http://purl.org/dc/terms/> " \
           "PREFIX foaf: <http://xmlns.com/foaf/0.1/> PREFIX vcard: <http://www.w3.org/2006/vcard/ns#> "
# What DCAT-AP-NL 3.0 requires (its SHACL shapes, dcat-ap-nl-SHACL.ttl with DCAT-AP 3.0's): a dataset
# with title, description, identifier, publisher (an agent with a name), creator, contact point,
# access rights and a theme from the EU's data-theme list; a distribution with access URL and
# licence; media type (and format) where there is a download URL.
DATASET_VERPLICHT = PREFIXEN + """
SELECT DISTINCT ?d WHERE {
  ?d a dcat:Dataset ; dct:title ?titel ; dct:description ?omschrijving ; dct:identifier ?id ;
     dct:accessRights ?toegang ; dct:issued ?uitgegeven ; dct:modified ?gewijzigd ;
     dct:publisher [ foaf:name ?uitgever ] ; dct:creator [ foaf:name ?maker ] ; dcat:contactPoint [ vcard:fn ?fn ] .
  ?d dcat:theme ?thema .
  FILTER(lang(?titel) = "nl" && lang(?omschrijving) = "nl")
  FILTER(STRSTARTS(STR(?thema), "http://publications.europa.eu/resource/authority/data-theme/"))
  FILTER(STRSTARTS(STR(?toegang), "http://publications.europa.eu/resource/authority/access-right/"))
}"""
DISTRIBUTIES = PREFIXEN + """
SELECT ?x (COUNT(DISTINCT ?toegang) AS ?toegangen) (COUNT(DISTINCT ?download) AS ?downloads)
       (SAMPLE(?download) AS ?adres) (COUNT(DISTINCT ?licentie) AS ?licenties) (COUNT(DISTINCT ?type) AS ?typen)
       (COUNT(DISTINCT ?formaat) AS ?formaten) (COUNT(DISTINCT ?titel) AS ?titels)
WHERE {
  ?d a dcat:Dataset ; dcat:distribution ?x .
  ?x a dcat:Distribution .
  OPTIONAL { ?x dcat:accessURL ?toegang } OPTIONAL { ?x dcat:downloadURL ?download }
  OPTIONAL { ?x dct:license ?licentie } OPTIONAL { ?x dcat:mediaType ?type }
  OPTIONAL { ?x dct:format ?formaat } OPTIONAL { ?x dct:title ?titel }
} GROUP BY ?x"""


def dcat_graaf(downloads, basis: str | None = None):
    graaf = rdflib.Graph()
    graaf.parse(downloads / "dcat.ttl", format="turtle", publicID=basis)
    return graaf


def dcat_fouten(graaf, downloads, basis: str) -> list[str]:
    """What DCAT-AP-NL misses in the description, and every download URL that names no built file."""
    fouten = [] if len(graaf.query(DATASET_VERPLICHT)) == 1 else ["dataset mist verplichte eigenschappen"]
    for rij in graaf.query(DISTRIBUTIES):
        if [int(n) for n in (rij.toegangen, rij.downloads, rij.licenties, rij.typen, rij.formaten, rij.titels)] != [1] * 6:
            fouten.append(f"{rij.x}: niet precies één accessURL, downloadURL, licentie, mediatype, formaat, titel")
        elif not str(rij.adres).startswith(basis) or not (downloads / str(rij.adres).removeprefix(basis)).is_file():
            fouten.append(f"{rij.x}: {rij.adres} is geen gebouwd bestand")
    return fouten
