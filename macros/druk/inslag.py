"""The pocket cards' side plan: which acties stand on each side of each card, and where each side goes
on the A4 sheets. One plan for both card files (A6 for the print shop, A4 for the office printer), so
they cannot differ.

The plan is made from one layout of the cards as a flow (WeasyPrint decides where a side is full; an
actie is never split). A card gets an even number of sides: a card whose acties fit on its front gets
a back that helps the reader (its partners, the codes legend, the QR code) instead of an empty page.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from ..adressen import anker, anker_afspraken, anker_kaart


@dataclass(frozen=True)
class Kaart:
    """One pocket card: an object type x phase with its acties and the web address of its page."""

    objecttype: object
    fase: object
    acties: list
    url: str | None

    @property
    def anker(self) -> str:
        return anker_kaart(self.objecttype, self.fase)


@dataclass(frozen=True)
class Zijde:
    """What one side of a card shows: its card, whether it is the front, and the acties on it."""

    kaart: Kaart
    voorkant: bool
    blokken: list  # (actie, met_kop, handelingen on this side, its local arrangements on this side)
    contacten: bool = False  # the card's local contacts (a gemeente's own edition) on this side
    hulp: bool = False  # a back that helps the reader: partners, codes legend, QR code
    nummer: int = 1  # side number on its card: "1/2"
    aantal: int = 1  # sides of its card


def zijde_inhoud(alle: list[Kaart], ids: set[str]) -> Zijde | None:
    """The content of one laid-out page, from the anchors WeasyPrint placed on it."""
    for kaart in alle:
        blokken = []
        for actie in kaart.acties:
            handelingen = [h for h in actie.handelingen if anker(h) in ids]
            afspraken = anker_afspraken(actie) in ids
            if anker(actie) in ids or handelingen or afspraken:
                blokken.append((actie, anker(actie) in ids, handelingen, afspraken))
        voorkant, contacten = kaart.anker in ids, f"{kaart.anker}-contacten" in ids
        if blokken or voorkant or contacten:
            return Zijde(kaart, voorkant, blokken, contacten)
    return None


def kaartplan(alle: list[Kaart], paginas: list[set[str]]) -> list[Zijde]:
    """Every side of every card in print order, from the anchors on each page of the flow layout;
    sides numbered per card, an odd card completed with a helping back."""
    per_kaart: dict[str, list[Zijde]] = {kaart.anker: [] for kaart in alle}
    for ids in paginas:
        zijde = zijde_inhoud(alle, ids)
        if zijde:
            per_kaart[zijde.kaart.anker].append(zijde)
    plan = []
    for kaart in alle:
        zijden = per_kaart[kaart.anker]
        if len(zijden) % 2:
            zijden.append(Zijde(kaart, False, [], hulp=True))
        plan += [replace(z, nummer=i, aantal=len(zijden)) for i, z in enumerate(zijden, 1)]
    return plan


def kaartdelen(plan: list[Zijde], grootte: int) -> list[list[Zijde]]:
    """The side plan in consecutive parts of whole cards, each at most `grootte` sides (a card with
    more sides is a part of its own): each part is laid out on its own (macros/druk/samenvoegen.py)."""
    delen: list[list[Zijde]] = [[]]
    for zijde in plan:
        if zijde.nummer == 1 and delen[-1] and len(delen[-1]) + zijde.aantal > grootte:
            delen.append([])
        delen[-1].append(zijde)
    return delen


def vellen(zijden: list[Zijde]) -> list[dict]:
    """Impose the sides (front, back, front, back, ...) four cards to an A4 sheet pair.

    Front sheet positions 1 2 / 3 4; on the back sheet each row is mirrored (2 1 / 4 3), so that
    after a long-edge duplex flip every back lands behind its own front.
    """
    kaartparen = [(zijden[i], zijden[i + 1] if i + 1 < len(zijden) else None)
                  for i in range(0, len(zijden), 2)]
    uitkomst = []
    for start in range(0, len(kaartparen), 4):
        groep = kaartparen[start:start + 4] + [(None, None)] * (4 - len(kaartparen[start:start + 4]))
        voor = [g[0] for g in groep]
        achter = [groep[1][1], groep[0][1], groep[3][1], groep[2][1]]
        uitkomst.append({"voor": voor, "achter": achter})
    return uitkomst
