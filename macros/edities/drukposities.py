"""Where every actie stands on paper, and what a change did to that: the Overzicht's page count and
each actie's page, each pocket card's number of sides and each actie's side.

Read from the finished PDFs by their named destinations (an actie's anchor, a card's anchor: the
same names the website links to), so nothing of the print stage is needed. The positions of a
frozen edition are recorded when it is frozen (`edities/<id>.druk.json`, ./scripts/publiceer); the
editor's report compares the build with them.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict

from ..adressen import DOWNLOADS, anker, anker_kaart
from ..gegevens.handelingskader import Handelingskader

if TYPE_CHECKING:
    import pikepdf


class Kaart(BaseModel):
    model_config = ConfigDict(extra="forbid")

    objecttype: str  # id
    fase: str  # id
    naam: str  # e.g. "Woningen · Direct na een explosie"
    zijden: int
    acties: dict[str, int]  # actie code -> side, from 1


class Drukposities(BaseModel):
    """The print positions of one build or frozen edition."""

    model_config = ConfigDict(extra="forbid")

    editie: str  # the edition id
    overzicht_paginas: int
    overzicht: dict[str, int]  # actie code -> page of the Overzicht, from 1
    kaarten: list[Kaart]


class Verschuiving(BaseModel):
    """An actie that stands on another page of the Overzicht or another side of its card."""

    code: str
    document: str  # "overzicht" or "kaart"
    was: int
    nu: int
    kaart: str | None = None  # the card's name, for a side


class Kaartzijden(BaseModel):
    objecttype: str
    fase: str
    naam: str
    was: int | None  # None: a card the previous edition did not have
    nu: int


class Drukvergelijking(BaseModel):
    """This build's print against the previous edition's."""

    vorige: str  # the previous edition's id
    overzicht_was: int
    overzicht_nu: int
    kaarten: list[Kaartzijden]
    verschoven: list[Verschuiving]


def _bestemmingen(pdf: "pikepdf.Pdf") -> dict[str, int]:
    """Every named destination of a PDF with its page, from 1."""
    import pikepdf
    paginas = {pagina.objgen: i for i, pagina in enumerate(pdf.pages, 1)}
    namen = pdf.Root.get("/Names")
    if namen is None or "/Dests" not in namen:
        return {}
    uitkomst = {}
    for naam, doel in pikepdf.NameTree(namen.Dests).items():
        doel = doel.get("/D") if isinstance(doel, pikepdf.Dictionary) else doel
        if isinstance(doel, pikepdf.Array) and len(doel) and doel[0].objgen in paginas:
            uitkomst[naam] = paginas[doel[0].objgen]
    return uitkomst


def _kaarten(kader: Handelingskader, pdf: "pikepdf.Pdf") -> list[Kaart]:
    """The cards in print order: a card runs from its first side to the next card's."""
    plek = _bestemmingen(pdf)
    starts = [(plek[anker_kaart(ot, f)], ot, f) for ot in kader.objecttypen for f in kader.fasen
              if anker_kaart(ot, f) in plek]
    starts.sort(key=lambda s: s[0])
    kaarten = []
    for i, (eerste, ot, f) in enumerate(starts):
        volgende = starts[i + 1][0] if i + 1 < len(starts) else len(pdf.pages) + 1
        acties = {a.code: plek[anker(a)] - eerste + 1 for a in kader.fase_acties(ot, f) if anker(a) in plek}
        kaarten.append(Kaart(objecttype=ot.id, fase=f.id, naam=f"{ot.naam} · {f.naam}", zijden=volgende - eerste,
                             acties=acties))
    return kaarten


def lees_drukposities(kader: Handelingskader, downloads: Path) -> Drukposities | None:
    """The positions in the PDFs of a built site's downloads folder; None without PDFs."""
    import pikepdf  # only here: the build process does not load it
    overzicht, a6 = downloads / DOWNLOADS["overzicht"], downloads / DOWNLOADS["zakkaarten_a6"]
    if not (overzicht.is_file() and a6.is_file() and overzicht.stat().st_size and a6.stat().st_size):
        return None
    with pikepdf.open(overzicht) as pdf:
        plek = _bestemmingen(pdf)
        paginas = len(pdf.pages)
        acties = {p.actie.code: plek[anker(p.actie)] for p in kader.plekken() if anker(p.actie) in plek}
    with pikepdf.open(a6) as pdf:
        kaarten = _kaarten(kader, pdf)
    return Drukposities(editie=kader.kader.editie.id, overzicht_paginas=paginas, overzicht=acties, kaarten=kaarten)


def _verschoven_kaarten(vorige: Drukposities, nu: Drukposities) -> list[Verschuiving]:
    """Acties on another side of their card (a card of the same object type and phase)."""
    was = {(k.objecttype, k.fase): k for k in vorige.kaarten}
    verschoven = []
    for kaart in nu.kaarten:
        oud = was.get((kaart.objecttype, kaart.fase))
        for code, zijde in kaart.acties.items():
            if oud and code in oud.acties and oud.acties[code] != zijde:
                verschoven.append(Verschuiving(code=code, document="kaart", was=oud.acties[code], nu=zijde,
                                               kaart=kaart.naam))
    return verschoven


def vergelijk_druk(vorige: Drukposities, nu: Drukposities) -> Drukvergelijking:
    """Page count, sides per card and every actie that moved to another page or side."""
    was = {(k.objecttype, k.fase): k.zijden for k in vorige.kaarten}
    pagina = [Verschuiving(code=code, document="overzicht", was=vorige.overzicht[code], nu=p)
              for code, p in nu.overzicht.items() if code in vorige.overzicht and vorige.overzicht[code] != p]
    return Drukvergelijking(
        vorige=vorige.editie, overzicht_was=vorige.overzicht_paginas, overzicht_nu=nu.overzicht_paginas,
        kaarten=[Kaartzijden(objecttype=k.objecttype, fase=k.fase, naam=k.naam, was=was.get((k.objecttype, k.fase)),
                             nu=k.zijden) for k in nu.kaarten],
        verschoven=pagina + _verschoven_kaarten(vorige, nu))
