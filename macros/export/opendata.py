"""Open-data exports of the handelingskader: JSON (with its JSON Schema) and CSV.

The JSON shape is declared as pydantic models, so the published schema is generated from the same
definition that produces the file.
"""
from __future__ import annotations

import csv
import io
import json
from pydantic import BaseModel, Field

from ..adressen import DOWNLOADS, Adresboek, patroon
from ..gegevens import codes
from ..gegevens.handelingskader import Handelingskader, Plek

SCHEMA_URL = DOWNLOADS["schema"]  # beside the JSON file


class SubExport(BaseModel):
    id: str
    tekst: str


class HandelingExport(BaseModel):
    id: str
    tekst: str
    partners: list[str]
    instrumenten: list[str]
    sub: list[SubExport]


class ActieExport(BaseModel):
    code: str = Field(pattern=codes.ACTIECODE.patroon)
    titel: str
    thema: str
    url: str = Field(description="adres van de actie op de website, relatief aan de root, met #anker",
                     pattern=f"^{patroon('objecttype_fase')}#{codes.ACTIECODE.kern.lower()}$")
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
    titel: str
    document: str
    uitgever: str
    editie: str
    editie_id: str
    objecttypen: list[ObjecttypeExport]
    maatregelen: list[MaatregelExport]


def _actie(adresboek: Adresboek, plek: Plek) -> ActieExport:
    return ActieExport(
        code=plek.actie.code, titel=plek.actie.titel, thema=plek.actie.thema, url=adresboek.actie_url(plek),
        handelingen=[HandelingExport(id=h.id, tekst=h.tekst, partners=h.partners, instrumenten=h.instrumenten,
                                     sub=[SubExport(id=s.id, tekst=s.tekst) for s in h.sub])
                     for h in plek.actie.handelingen])


def export(adresboek: Adresboek) -> Export:
    kader = adresboek.kader
    lijnen = {lijn.nummer: f"{lijn.nummer} {lijn.naam}" for lijn in kader.maatregelen.lijnen}
    return Export(
        titel=kader.kader.ondertitel, document=kader.kader.titel, uitgever=kader.kader.uitgever,
        editie=kader.kader.editie.naam, editie_id=kader.kader.editie.id,
        objecttypen=[ObjecttypeExport(id=ot.id, naam=ot.naam, fasen=[
            FaseExport(id=f.id, naam=f.naam, url=adresboek.pagina_url(ot, f),
                       acties=[_actie(adresboek, Plek(ot, f, a)) for a in kader.fase_acties(ot, f)])
            for f in kader.fasen]) for ot in kader.objecttypen],
        maatregelen=[MaatregelExport(code=m.code, lijn=lijnen[m.lijn], status=m.status_tekst, tekst=m.tekst)
                     for m in kader.maatregelen.maatregelen])


def schema() -> dict:
    uitkomst = Export.model_json_schema()
    uitkomst["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    uitkomst["title"] = "Landelijk handelingskader bij aanslagen met explosieven"
    return uitkomst


CSV_KOLOMMEN = ["objecttype", "fase", "code", "actie", "handeling", "sub", "id"]


def csv_rijen(kader: Handelingskader) -> list[list[str]]:
    """One row per handeling and per sub-item; an actie without handelingen gets one row of its own."""
    rijen = []
    for plek in kader.plekken():
        basis = [plek.objecttype.naam, plek.fase.naam, plek.actie.code, plek.actie.titel]
        if not plek.actie.handelingen:
            rijen.append(basis + ["", "", plek.actie.code])
        rijen.extend(basis + [h.tekst, "" if deel is h else deel.tekst, deel.id] for h, deel in plek.actie.regels())
    return rijen


def csv_tekst(kader: Handelingskader) -> str:
    """Semicolon-separated with a UTF-8 byte order mark, as Dutch spreadsheet programs expect."""
    buffer = io.StringIO()
    schrijver = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    schrijver.writerow(CSV_KOLOMMEN)
    schrijver.writerows(csv_rijen(kader))
    return "\ufeff" + buffer.getvalue()


def exports(adresboek: Adresboek) -> dict[str, str]:
    """File name -> content of every open-data download."""
    return {
        DOWNLOADS["json"]: json.dumps({"$schema": SCHEMA_URL, **export(adresboek).model_dump()},
                                      ensure_ascii=False, indent=2),
        SCHEMA_URL: json.dumps(schema(), ensure_ascii=False, indent=2),
        DOWNLOADS["csv"]: csv_tekst(adresboek.kader),
    }
