"""The Frictionless Data Package of the downloads (datapackage.json, Data Package 1.0): every download
as a resource beside it (paths relative to it, so the package works from any copy), the CSVs as
tabular resources with their table schema: every column typed and described, the primary key."""
from __future__ import annotations

import json

from ..adressen import DOWNLOADS, Adresboek, absoluut, datasetnaam, md, url
from ..gegevens.model import LICENTIES
from .beschrijving import Bestand, makers, omschrijving, titel, uitgever
from .tabel import Kolom

DIALECT = {"delimiter": ";", "lineTerminator": "\r\n", "quoteChar": '"', "doubleQuote": True, "header": True}


def _veld(kolom: Kolom, siteadres: str) -> dict:
    """A column as a Table Schema field; addresses are URIs when absolute."""
    beperkingen = {"required": True} if kolom.verplicht else {}
    if kolom.patroon:
        beperkingen["pattern"] = kolom.patroon
    if kolom.waarden:
        beperkingen["enum"] = list(kolom.waarden)
    veld = {"name": kolom.naam, "type": kolom.type, "description": kolom.beschrijving}
    if kolom.naam == "url" and siteadres:
        veld["format"] = "uri"
    return {**veld, **({"constraints": beperkingen} if beperkingen else {})}


def _bron(bestand: Bestand, siteadres: str) -> dict:
    """One download as a Data Resource; a CSV as a Tabular Data Resource with its schema."""
    bron = {"name": bestand.naam.lower(), "path": bestand.naam, "title": bestand.titel,
            "description": bestand.beschrijving, "format": bestand.formaat, "mediatype": bestand.mediatype}
    if not bestand.kolommen:  # typed (Data Package 2): a reader then never takes it for a table or a schema
        return {**bron, "type": "json" if bestand.formaat == "json" else "file"}
    namen = [k.naam for k in bestand.kolommen]
    sleutel = "id" if "id" in namen else namen[0]  # the contacts' CSV: one row per partner
    schema = {"fields": [_veld(k, siteadres) for k in bestand.kolommen], "primaryKey": [sleutel],
              "missingValues": [""]}
    return {**bron, "type": "table", "profile": "tabular-data-resource", "encoding": "utf-8", "dialect": DIALECT,
            "schema": schema}


def datapakket(adresboek: Adresboek, bestanden: list[Bestand], siteadres: str) -> str:
    """datapackage.json: every download but itself."""
    kader = adresboek.kader
    licentie = LICENTIES[kader.kader.licentie]
    pakket = {
        "profile": "data-package", "name": datasetnaam(kader), "title": titel(kader),
        "description": omschrijving(kader), "version": kader.kader.editie.id,
        **({"homepage": absoluut(url(md("downloads")), siteadres)} if siteadres else {}),
        "licenses": [{"name": kader.kader.licentie, "title": licentie.naam, "path": licentie.url}],
        "contributors": [{"title": uitgever(kader), "role": "publisher"}]
                        + [{"title": naam, "role": "author"} for naam in makers(kader)],
        "keywords": [t.naam for t in kader.themas.values()],
        "resources": [_bron(b, siteadres) for b in bestanden if b.naam != DOWNLOADS["datapackage"]],
    }
    return json.dumps(pakket, ensure_ascii=False, indent=2)
