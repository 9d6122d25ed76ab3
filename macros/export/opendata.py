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
from ..gegevens.model import Verwijzingen

SCHEMA_URL = DOWNLOADS["schema"]  # beside the JSON file


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


class ActieExport(VerwijzingenExport):
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


def _verwijzingen(deel: Verwijzingen) -> dict[str, list[str]]:
    return {"partners": deel.partners, "instrumenten": deel.instrumenten, "begrippen": deel.begrippen}


def _actie(adresboek: Adresboek, plek: Plek) -> ActieExport:
    return ActieExport(
        code=plek.actie.code, titel=plek.actie.titel, thema=plek.actie.thema, url=adresboek.actie_url(plek),
        **_verwijzingen(plek.actie),
        handelingen=[HandelingExport(id=h.id, tekst=h.tekst, **_verwijzingen(h),
                                     sub=[SubExport(id=s.id, tekst=s.tekst, **_verwijzingen(s)) for s in h.sub])
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


CSV_KOLOMMEN = ["objecttype", "fase", "code", "actie", "handeling", "sub", "id", "thema", "partners",
               "instrumenten", "begrippen"]
LIJSTTEKEN = "|"  # between the ids in one cell


def _csv_verwijzingen(deel: Verwijzingen) -> list[str]:
    return [LIJSTTEKEN.join(ids) for ids in _verwijzingen(deel).values()]


def csv_rijen(kader: Handelingskader) -> list[list[str]]:
    """One row per handeling and per sub-item, each with its own references; an actie gets a row of
    its own when it has no handelingen or names partners, instruments or terms itself."""
    rijen = []
    for plek in kader.plekken():
        actie = plek.actie
        basis = [plek.objecttype.naam, plek.fase.naam, actie.code, actie.titel]
        if not actie.handelingen or any(_verwijzingen(actie).values()):
            rijen.append(basis + ["", "", actie.code, actie.thema] + _csv_verwijzingen(actie))
        rijen.extend(basis + [h.tekst, "" if deel is h else deel.tekst, deel.id, actie.thema] + _csv_verwijzingen(deel)
                     for h, deel in actie.regels())
    return rijen


FORMULETEKENS = ("=", "+", "-", "@", "\t", "\r")  # a spreadsheet reads a cell starting so as a formula


def veilige_cel(tekst: str) -> str:
    """A cell a spreadsheet shows as text: one that starts like a formula gets a leading apostrophe
    (OWASP, CSV injection); the text itself is unchanged after it."""
    return f"'{tekst}" if tekst.startswith(FORMULETEKENS) else tekst


def csv_tekst(kader: Handelingskader) -> str:
    """Semicolon-separated with a UTF-8 byte order mark, as Dutch spreadsheet programs expect."""
    buffer = io.StringIO()
    schrijver = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    schrijver.writerow(CSV_KOLOMMEN)
    schrijver.writerows([veilige_cel(cel) for cel in rij] for rij in csv_rijen(kader))
    return "\ufeff" + buffer.getvalue()


def json_tekst(uitvoer: Export) -> str:
    """The JSON download of an export, as it is published and frozen (edities/)."""
    return json.dumps({"$schema": SCHEMA_URL, **uitvoer.model_dump()}, ensure_ascii=False, indent=2)


def exports(adresboek: Adresboek) -> dict[str, str]:
    """File name -> content of every open-data download."""
    return {
        DOWNLOADS["json"]: json_tekst(export(adresboek)),
        SCHEMA_URL: json.dumps(schema(), ensure_ascii=False, indent=2),
        DOWNLOADS["csv"]: csv_tekst(adresboek.kader),
    }
