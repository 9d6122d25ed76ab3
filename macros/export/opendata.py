"""Open-data exports of the handelingskader: JSON (with its JSON Schema) and CSV.

The JSON shape is declared as pydantic models, so the published schema is generated from the same
definition that produces the file. A gemeente's own edition publishes the national records unchanged
plus its own contacts and arrangements, marked as local: in the JSON under "lokaal" (with its own
schema), in the CSV as rows with herkomst "lokaal", and its contacts as a CSV of their own.
"""
from __future__ import annotations

import csv
import io
import json
from typing import Literal

from pydantic import BaseModel, Field

from ..adressen import DOWNLOADS, LOKALE_DOWNLOADS, Adresboek, patroon
from ..gegevens import codes
from ..gegevens.handelingskader import Handelingskader, Plek
from ..gegevens.lokaal import Contact
from ..gegevens.model import Partner, Verwijzingen

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


ACTIE_URL = Field(description="adres van de actie op de website, relatief aan de root, met #anker",
                  pattern=f"^{patroon('objecttype_fase')}#{codes.ACTIECODE.kern.lower()}$")


class ActieExport(VerwijzingenExport):
    code: str = Field(pattern=codes.ACTIECODE.patroon)
    titel: str
    thema: str
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
    titel: str
    document: str
    uitgever: str
    editie: str
    editie_id: str
    objecttypen: list[ObjecttypeExport]
    maatregelen: list[MaatregelExport]


class GemeenteExport(BaseModel):
    id: str = Field(pattern=codes.ID.patroon)
    naam: str


class ContactExport(BaseModel):
    """A gemeente's own contact for a partner."""

    partner: str = Field(pattern=codes.ID.patroon, description="id van de partner (partners in de landelijke tekst)")
    partner_naam: str
    team: str | None
    telefoon: str | None = Field(description="het nummer zoals de gemeente het schrijft")
    tel: str | None = Field(pattern=r"^tel:\+?[0-9]+$", description="het nummer als tel:-adres")
    bereikbaarheid: str | None
    email: str | None
    adres: str | None


class AfspraakExport(BaseModel):
    """A gemeente's own arrangement at an actie of the national text."""

    actie: str = Field(pattern=codes.ACTIECODE.patroon)
    url: str = ACTIE_URL
    tekst: str


class LokaalExport(BaseModel):
    """What a gemeente adds to the national text: never national text itself."""

    herkomst: Literal["lokaal"] = "lokaal"
    gemeente: GemeenteExport
    contacten: list[ContactExport]
    afspraken: list[AfspraakExport]


class LokaleExport(Export):
    """A gemeente's own edition: the national records unchanged, and under "lokaal" its own data."""

    lokaal: LokaalExport


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


def _contact(partner: Partner, contact: Contact) -> ContactExport:
    return ContactExport(partner=partner.id, partner_naam=partner.naam, team=contact.team, telefoon=contact.telefoon,
                         tel=contact.tel_uri, bereikbaarheid=contact.bereikbaarheid, email=contact.email,
                         adres=contact.adres)


def lokale_export(adresboek: Adresboek) -> LokaleExport:
    """The export of a gemeente's own edition: the national export and the gemeente's own data."""
    kader = adresboek.kader
    lokaal = LokaalExport(
        gemeente=GemeenteExport(id=kader.lokaal.gemeente.id, naam=kader.lokaal.gemeente.naam),
        contacten=[_contact(p, c) for p, c in kader.lokale_contacten()],
        afspraken=[AfspraakExport(actie=plek.actie.code, url=adresboek.actie_url(plek), tekst=afspraak.tekst)
                   for plek, afspraken in kader.lokale_afspraken() for afspraak in afspraken])
    return LokaleExport(**dict(export(adresboek)), lokaal=lokaal)


def schema(model: type[Export] = Export) -> dict:
    uitkomst = model.model_json_schema()
    uitkomst["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    uitkomst["title"] = "Landelijk handelingskader bij aanslagen met explosieven"
    return uitkomst


CSV_KOLOMMEN = ["objecttype", "fase", "code", "actie", "handeling", "sub", "id", "thema", "partners",
               "instrumenten", "begrippen"]
LIJSTTEKEN = "|"  # between the ids in one cell
HERKOMST = "herkomst"  # the last column of a gemeente's own edition: LANDELIJK or LOKAAL
LANDELIJK, LOKAAL = "landelijk", "lokaal"
# the contacts' CSV: the JSON's fields but the tel: address, which a spreadsheet does not need
CONTACT_KOLOMMEN = [veld for veld in ContactExport.model_fields if veld != "tel"] + [HERKOMST]


def _csv_verwijzingen(deel: Verwijzingen) -> list[str]:
    return [LIJSTTEKEN.join(ids) for ids in _verwijzingen(deel).values()]


def _actierijen(plek: Plek) -> list[list[str]]:
    """The national rows of one actie."""
    actie = plek.actie
    basis = [plek.objecttype.naam, plek.fase.naam, actie.code, actie.titel]
    rijen = []
    if not actie.handelingen or any(_verwijzingen(actie).values()):
        rijen.append(basis + ["", "", actie.code, actie.thema] + _csv_verwijzingen(actie))
    rijen.extend(basis + [h.tekst, "" if deel is h else deel.tekst, deel.id, actie.thema] + _csv_verwijzingen(deel)
                 for h, deel in actie.regels())
    return rijen


def csv_rijen(kader: Handelingskader) -> list[list[str]]:
    """One row per handeling and per sub-item, each with its own references; an actie gets a row of
    its own when it has no handelingen or names partners, instruments or terms itself. In a gemeente's
    own edition every row ends with its herkomst, and an actie's local arrangements follow its rows
    (the text in the column handeling)."""
    rijen = []
    for plek in kader.plekken():
        if not kader.lokaal:
            rijen += _actierijen(plek)
            continue
        rijen += [rij + [LANDELIJK] for rij in _actierijen(plek)]
        rijen += [[plek.objecttype.naam, plek.fase.naam, plek.actie.code, plek.actie.titel, afspraak.tekst, "", "",
                   plek.actie.thema, "", "", "", LOKAAL] for afspraak in kader.afspraken(plek.actie)]
    return rijen


FORMULETEKENS = ("=", "+", "-", "@", "\t", "\r")  # a spreadsheet reads a cell starting so as a formula


def veilige_cel(tekst: str) -> str:
    """A cell a spreadsheet shows as text: one that starts like a formula gets a leading apostrophe
    (OWASP, CSV injection); the text itself is unchanged after it."""
    return f"'{tekst}" if tekst.startswith(FORMULETEKENS) else tekst


def _csv(kolommen: list[str], rijen: list[list[str]]) -> str:
    """Semicolon-separated with a UTF-8 byte order mark, as Dutch spreadsheet programs expect."""
    buffer = io.StringIO()
    schrijver = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    schrijver.writerow(kolommen)
    schrijver.writerows([veilige_cel(cel) for cel in rij] for rij in rijen)
    return "\ufeff" + buffer.getvalue()


def csv_tekst(kader: Handelingskader) -> str:
    return _csv(CSV_KOLOMMEN + ([HERKOMST] if kader.lokaal else []), csv_rijen(kader))


def contacten_csv(kader: Handelingskader) -> str:
    """The local contacts, one row per partner."""
    return _csv(CONTACT_KOLOMMEN, [[waarde or "" for veld, waarde in _contact(p, c).model_dump().items() if veld != "tel"]
                                   + [LOKAAL] for p, c in kader.lokale_contacten()])


def json_tekst(uitvoer: Export) -> str:
    """The JSON download of an export, as it is published and frozen (edities/)."""
    return json.dumps({"$schema": SCHEMA_URL, **uitvoer.model_dump()}, ensure_ascii=False, indent=2)


def exports(adresboek: Adresboek) -> dict[str, str]:
    """File name -> content of every open-data download; a gemeente's own edition adds its own data."""
    kader = adresboek.kader
    bestanden = {
        DOWNLOADS["json"]: json_tekst(lokale_export(adresboek) if kader.lokaal else export(adresboek)),
        SCHEMA_URL: json.dumps(schema(LokaleExport if kader.lokaal else Export), ensure_ascii=False, indent=2),
        DOWNLOADS["csv"]: csv_tekst(kader),
    }
    if kader.lokale_contacten():
        bestanden[LOKALE_DOWNLOADS["contacten_csv"]] = contacten_csv(kader)
    return bestanden
