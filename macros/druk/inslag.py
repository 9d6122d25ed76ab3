"""The pocket cards' sides: which pages of the card layout are sides, and where each side goes on the
A4 sheets. One layout for both card files (A6 for the print shop, A4 for the office printer), so they
cannot differ.

The cards are laid out once, as a flow (WeasyPrint decides where a side is full; an actie is never
split): each card starts on a new page, its side number counts from 1, and after its acties comes a
back that helps the reader (its partners, the codes legend, the QR code), always on a page of its own.
A card gets an even number of sides: the helping back stays only where the acties fill an odd number
of sides, otherwise that page is left out. The side footer already counts this way ("Zijde 1/2"): the
number of sides is the helping back's side number, rounded down to even (the counter style
`zijden` in zakkaarten-a6.html).
"""
from __future__ import annotations

from dataclasses import dataclass

from ..adressen import anker_kaart

TEKENS_PER_ZIJDE = 800  # about what one side holds (the real cards: 700-960 characters per full side)
MEESTE_ZIJDEN = 400  # the side numbers the footer's counter style knows; a card with more is refused


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

    @property
    def hulpanker(self) -> str:
        return f"{self.anker}-hulp"

    @property
    def tekens(self) -> int:
        """The length of its text: what its sides are estimated from (kaartdelen)."""
        return sum(len(actie.titel) + sum(len(h.tekst) + sum(len(s.tekst) for s in h.sub) for h in actie.handelingen)
                   for actie in self.acties)


def kaartdelen(kaarten: list[Kaart], zijden: int) -> list[list[Kaart]]:
    """The cards in consecutive parts of whole cards, each estimated (by its text) at most `zijden`
    sides; a larger card is a part of its own. Each part is laid out on its own and the parts are
    joined (macros/druk/samenvoegen.py): WeasyPrint holds every page of a layout until it is written."""
    delen: list[list[Kaart]] = [[]]
    grootte = 0
    for kaart in kaarten:
        schatting = 1 + kaart.tekens // TEKENS_PER_ZIJDE
        if delen[-1] and grootte + schatting > zijden:
            delen.append([])
            grootte = 0
        delen[-1].append(kaart)
        grootte += schatting
    return delen


def zijden(kaarten: list[Kaart], paginas: list[set[str]]) -> list[int]:
    """The pages of one card layout (the anchors on each) that are card sides, in order: every page
    of a card's acties, and its helping back where those are an odd number of pages."""
    plek = {anker: i for i, ankers in enumerate(paginas) for anker in ankers}
    uit = []
    for nummer, kaart in enumerate(kaarten):
        begin, hulp = plek[kaart.anker], plek[kaart.hulpanker]
        volgende = plek[kaarten[nummer + 1].anker] if nummer + 1 < len(kaarten) else len(paginas)
        if volgende != hulp + 1:
            raise ValueError(f"zakkaart {kaart.anker}: de achterkant met hulp past niet op één zijde")
        if hulp + 1 - begin > MEESTE_ZIJDEN:
            raise ValueError(f"zakkaart {kaart.anker}: meer dan {MEESTE_ZIJDEN} zijden")
        acties = list(range(begin, hulp))
        uit += acties + ([hulp] if len(acties) % 2 else [])
    return uit


def vellen(zijden: list[int]) -> list[dict]:
    """Impose the sides (front, back, front, back, ...) four cards to an A4 sheet pair.

    Front sheet positions 1 2 / 3 4; on the back sheet each row is mirrored (2 1 / 4 3), so that
    after a long-edge duplex flip every back lands behind its own front. An empty slot is None.
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
