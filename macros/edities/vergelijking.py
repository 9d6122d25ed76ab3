"""What changed between two editions of the kader, matched by the stable codes.

Both editions are read as their open-data export (the frozen `edities/<id>.json` and the export of
the data being built), so any two editions can be compared. An actie, handeling or sub-item is
added, removed, moved (to another object type or phase, or to another place in its order) or
reworded; rewordings carry their word-level difference. A move within one list is what a minimal
edit leaves out of the longest common subsequence: one actie moved is one change, not a shift of
all that follow it.
"""
from __future__ import annotations

import difflib
import json
from typing import Literal

from pydantic import BaseModel, Field

from ..adressen import WIJZIGINGEN
from ..export.opendata import ActieExport, Export

Soort = Literal["toegevoegd", "verwijderd", "verplaatst", "geherformuleerd"]
Niveau = Literal["actie", "handeling", "subpunt"]
SOORTEN: dict[str, str] = {"toegevoegd": "Toegevoegd", "verwijderd": "Verwijderd", "verplaatst": "Verplaatst",
                           "geherformuleerd": "Anders verwoord"}


class Stuk(BaseModel):
    """A run of words of a reworded text: unchanged, inserted or deleted."""

    soort: Literal["gelijk", "ingevoegd", "verwijderd"]
    tekst: str


class Plaats(BaseModel):
    objecttype: str
    fase: str
    positie: int = Field(description="plaats in de volgorde van de fase of van de actie, vanaf 1")


class Wijziging(BaseModel):
    soort: Soort
    niveau: Niveau
    code: str = Field(description="de code van de actie, of de id van de handeling of het subpunt")
    actie: str = Field(description="de code van de actie waar de wijziging in valt")
    oud: str | None = Field(None, description="titel of tekst in de vorige editie")
    nieuw: str | None = Field(None, description="titel of tekst in deze editie")
    van: Plaats | None = None
    naar: Plaats | None = None
    woorden: list[Stuk] = Field(default_factory=list, description="woordverschil, bij anders verwoord")


class FaseWijzigingen(BaseModel):
    id: str
    naam: str
    wijzigingen: list[Wijziging]


class ObjecttypeWijzigingen(BaseModel):
    id: str
    naam: str
    fasen: list[FaseWijzigingen]


class Editie(BaseModel):
    id: str
    naam: str


class Wijzigingen(BaseModel):
    van: Editie = Field(description="de vorige editie")
    naar: Editie = Field(description="de editie die deze wijzigingen bevat")
    aantal: int
    objecttypen: list[ObjecttypeWijzigingen]

    def alle(self) -> list[Wijziging]:
        return [w for ot in self.objecttypen for f in ot.fasen for w in f.wijzigingen]

    def per_actie(self) -> dict[str, list[Wijziging]]:
        """The changes that concern each actie still in this edition (by code)."""
        uitkomst: dict[str, list[Wijziging]] = {}
        for w in self.alle():
            if not (w.niveau == "actie" and w.soort == "verwijderd"):
                uitkomst.setdefault(w.actie, []).append(w)
        return uitkomst


def woordverschil(oud: str, nieuw: str) -> list[Stuk]:
    """Word-level difference (difflib), runs of the same kind joined, spaces kept with the words."""
    a, b = oud.split(), nieuw.split()
    stukken: list[Stuk] = []

    def voeg_toe(soort, woorden):
        if not woorden:
            return
        if stukken and stukken[-1].soort == soort:
            stukken[-1].tekst += " " + " ".join(woorden)
        else:
            stukken.append(Stuk(soort=soort, tekst=" ".join(woorden)))

    for code, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if code == "equal":
            voeg_toe("gelijk", a[i1:i2])
        else:
            voeg_toe("verwijderd", a[i1:i2])
            voeg_toe("ingevoegd", b[j1:j2])
    return stukken


def buiten_volgorde(oud: list[str], nieuw: list[str]) -> set[str]:
    """The codes in both lists that moved: those not in a longest common subsequence."""
    gedeeld = set(oud) & set(nieuw)
    a, b = [c for c in oud if c in gedeeld], [c for c in nieuw if c in gedeeld]
    blijft = set()
    for blok in difflib.SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks():
        blijft.update(a[blok.a:blok.a + blok.size])
    return gedeeld - blijft


def _acties(editie: Export) -> dict[str, tuple[ActieExport, Plaats]]:
    return {a.code: (a, Plaats(objecttype=ot.id, fase=f.id, positie=i))
            for ot in editie.objecttypen for f in ot.fasen for i, a in enumerate(f.acties, 1)}


def _delen(actie: ActieExport | None) -> dict[str, tuple[str, int, dict]]:
    """The handelingen of an actie: id -> (text, position, its sub-items id -> (text, position, {}))."""
    if actie is None:
        return {}
    return {h.id: (h.tekst, i, {s.id: (s.tekst, j, {}) for j, s in enumerate(h.sub, 1)})
            for i, h in enumerate(actie.handelingen, 1)}


def _vergelijk_delen(oud: dict, nieuw: dict, actie: str, plaats: Plaats, niveau: Niveau) -> list[Wijziging]:
    """Handelingen (or sub-items) of one actie (or handeling) in both editions."""
    wijzigingen = []
    verplaatst = buiten_volgorde(list(oud), list(nieuw))
    for code in [*nieuw, *(c for c in oud if c not in nieuw)]:
        (ot, op, okind), (nt, np, nkind) = oud.get(code, (None, 0, {})), nieuw.get(code, (None, 0, {}))
        van = plaats.model_copy(update={"positie": op}) if ot is not None else None
        naar = plaats.model_copy(update={"positie": np}) if nt is not None else None
        basis = dict(niveau=niveau, code=code, actie=actie, oud=ot, nieuw=nt)
        if ot is None:
            wijzigingen.append(Wijziging(soort="toegevoegd", naar=naar, **basis))
        elif nt is None:
            wijzigingen.append(Wijziging(soort="verwijderd", van=van, **basis))
        else:
            if code in verplaatst:
                wijzigingen.append(Wijziging(soort="verplaatst", van=van, naar=naar, **basis))
            if ot != nt:
                wijzigingen.append(Wijziging(soort="geherformuleerd", woorden=woordverschil(ot, nt), **basis))
            if niveau == "handeling":
                wijzigingen += _vergelijk_delen(okind, nkind, actie, plaats, "subpunt")
    return wijzigingen


def _vergelijk_actie(code: str, oud, nieuw, verplaatst: set[str]) -> list[Wijziging]:
    (oa, van), (na, naar) = oud or (None, None), nieuw or (None, None)
    basis = dict(niveau="actie", code=code, actie=code, oud=oa.titel if oa else None, nieuw=na.titel if na else None)
    if oa is None:
        return [Wijziging(soort="toegevoegd", naar=naar, **basis)]
    if na is None:
        return [Wijziging(soort="verwijderd", van=van, **basis)]
    wijzigingen = []
    if (van.objecttype, van.fase) != (naar.objecttype, naar.fase) or code in verplaatst:
        wijzigingen.append(Wijziging(soort="verplaatst", van=van, naar=naar, **basis))
    if oa.titel != na.titel:
        wijzigingen.append(Wijziging(soort="geherformuleerd", woorden=woordverschil(oa.titel, na.titel), **basis))
    return wijzigingen + _vergelijk_delen(_delen(oa), _delen(na), code, naar, "handeling")


def _volgorde(editie: Export, objecttype: str, fase: str) -> list[str]:
    return [a.code for ot in editie.objecttypen if ot.id == objecttype
            for f in ot.fasen if f.id == fase for a in f.acties]


def vergelijk(oud: Export, nieuw: Export) -> Wijzigingen:
    """Every change from edition `oud` to edition `nieuw`, grouped by object type and phase (of the
    new edition; a removed actie under its old place), in the order of the new edition."""
    oude, nieuwe = _acties(oud), _acties(nieuw)
    groepen: dict[tuple[str, str], list[Wijziging]] = {}
    for ot in nieuw.objecttypen:
        for f in ot.fasen:
            volgorde = _volgorde(nieuw, ot.id, f.id)
            verplaatst = buiten_volgorde(_volgorde(oud, ot.id, f.id), volgorde)
            weg = [c for c in _volgorde(oud, ot.id, f.id) if c not in nieuwe]
            groepen[(ot.id, f.id)] = [w for code in volgorde + weg
                                      for w in _vergelijk_actie(code, oude.get(code), nieuwe.get(code), verplaatst)]
    alle = [w for lijst in groepen.values() for w in lijst]
    return Wijzigingen(
        van=Editie(id=oud.editie_id, naam=oud.editie), naar=Editie(id=nieuw.editie_id, naam=nieuw.editie),
        aantal=len(alle),
        objecttypen=[ObjecttypeWijzigingen(id=ot.id, naam=ot.naam, fasen=[
            FaseWijzigingen(id=f.id, naam=f.naam, wijzigingen=groepen[(ot.id, f.id)])
            for f in ot.fasen if groepen[(ot.id, f.id)]]) for ot in nieuw.objecttypen
            if any(groepen[(ot.id, f.id)] for f in ot.fasen)])


def schema() -> dict:
    uitkomst = Wijzigingen.model_json_schema()
    uitkomst["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    uitkomst["title"] = "Wijzigingen in het Landelijk handelingskader tussen twee edities"
    return uitkomst


def json_tekst(wijzigingen: Wijzigingen) -> str:
    """wijzigingen.json as it is downloaded, naming its schema beside it."""
    return json.dumps({"$schema": WIJZIGINGEN["schema"], **wijzigingen.model_dump()}, ensure_ascii=False, indent=2)
