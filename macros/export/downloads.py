"""Every open-data download of a build, by file name below the downloads folder: JSON with its schema,
the CSVs, and their descriptions for data portals (Data Package, DCAT-AP-NL)."""
from __future__ import annotations

import json

from ..adressen import DOWNLOADS, LOKALE_DOWNLOADS, Adresboek
from .beschrijving import Bestand, bestanden
from .datapakket import datapakket
from .dcat import dcat
from .opendata import LokaleDownload, Download, download, json_tekst, lokale_download, schema
from .tabel import contacten_csv, csv_tekst


def exports(adresboek: Adresboek, siteadres: str = "", lijst: list[Bestand] | None = None,
            edities: list[str] = ()) -> dict[str, str]:
    """File name -> content; addresses absolute under `siteadres` when given. `lijst` is every download
    of the build (beschrijving.bestanden; without it: the kader's own), `edities` the frozen editions."""
    kader = adresboek.kader
    lijst = lijst if lijst is not None else bestanden(kader, None, [])
    uitvoer = {
        DOWNLOADS["json"]: json_tekst(lokale_download(adresboek, siteadres) if kader.lokaal
                                      else download(adresboek, siteadres)),
        DOWNLOADS["schema"]: json.dumps(schema(LokaleDownload if kader.lokaal else Download), ensure_ascii=False,
                                        indent=2),
        DOWNLOADS["csv"]: csv_tekst(adresboek, siteadres),
        DOWNLOADS["datapackage"]: datapakket(adresboek, lijst, siteadres),
        DOWNLOADS["dcat"]: dcat(adresboek, lijst, siteadres, list(edities)),
    }
    if kader.lokale_contacten():
        uitvoer[LOKALE_DOWNLOADS["contacten_csv"]] = contacten_csv(kader)
    return uitvoer
