"""The pocket card's measures, defined once: the A6 print-shop card (with bleed), laid out as one flow,
and the card slots on an A4 sheet all follow from these numbers."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from fontTools.ttLib import TTFont


@dataclass(frozen=True)
class Kaartmaten:
    """Millimetres of one card (the trim size) and its text area."""

    breedte: int = 105  # A6 trim
    hoogte: int = 148
    boven: int = 10  # trim to text area on a back; the running head stands in this margin
    voorkant: int = 6  # trim to text area on a card's front: its title heads it, no running head
    zijkant: int = 7
    onder: int = 11  # the footer stands in this margin, 3 mm or more below the text
    voet: int = 5  # trim to the bottom of the footer line: text stays 5 mm or more inside the trim
    voetletter: float = 8  # pt, the footer's text
    voetinterlinie: float = 1.25  # the footer's line height, in letter sizes
    zijdenummer: int = 16  # the footer's right part, "Zijde 88/88"; the edition line has the rest
    afloop: int = 3  # bleed beyond the trim, for the print shop
    snijtekens: int = 7  # the mark area outside the bleed, for the crop marks
    snijafstand: int = 4  # trim to the start of a crop mark: at least the bleed plus 1 mm

    @property
    def voetbreedte(self) -> int:
        """The width of the footer's edition line."""
        return self.breedte - 2 * self.zijkant - self.zijdenummer

    @property
    def voetregel(self) -> float:
        """Millimetres of one more footer line: a gemeente's own edition names the gemeente there."""
        return self.voetletter * self.voetinterlinie * 25.4 / 72

    def marge(self, voetregels: int = 1) -> str:
        """The @page margin, measured from the trim (WeasyPrint adds a bleed outside the page box), so
        the text area is the same with or without bleed; below it room for this many footer lines."""
        return f"{self.boven}mm {self.zijkant}mm {self.onder + (voetregels - 1) * self.voetregel:.2f}mm"


KAART = Kaartmaten()


@lru_cache
def _breedtes(lettertype: Path) -> tuple[dict[int, str], dict[str, tuple[int, int]], int]:
    font = TTFont(lettertype, lazy=True)
    return font.getBestCmap(), font["hmtx"].metrics, font["head"].unitsPerEm


def regels(tekst: str, breedte: float, grootte: float, lettertype: Path) -> int:
    """The lines `tekst` takes in a box `breedte` mm wide at `grootte` pt: wrapped at spaces by the
    font's advance widths (kerning left out, so with 3% to spare)."""
    cmap, maten, eenheden = _breedtes(lettertype)
    mm = grootte / eenheden * 25.4 / 72 / 0.97

    def lengte(woord: str) -> float:
        return sum(maten[cmap.get(ord(teken), ".notdef")][0] for teken in woord) * mm

    aantal, regel = 1, 0.0
    for woord in tekst.split(" "):
        breed = lengte(woord)
        if regel and regel + lengte(" ") + breed > breedte:
            aantal, regel = aantal + 1, breed
        else:
            regel += (lengte(" ") if regel else 0) + breed
    return aantal
