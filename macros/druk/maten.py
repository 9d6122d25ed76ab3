"""The pocket card's measures, defined once: the A6 print-shop card (with bleed), laid out as one flow,
and the card slots on an A4 sheet all follow from these numbers."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Kaartmaten:
    """Millimetres of one card (the trim size) and its text area."""

    breedte: int = 105  # A6 trim
    hoogte: int = 148
    boven: int = 11  # trim to text area; the running head stands in this margin
    zijkant: int = 7
    onder: int = 10  # the footer stands in this margin
    voet: int = 6  # trim to the bottom of the footer line: text stays 5 mm or more inside the trim
    afloop: int = 3  # bleed beyond the trim, for the print shop
    snijtekens: int = 7  # the mark area outside the bleed, for the crop marks
    snijafstand: int = 4  # trim to the start of a crop mark: at least the bleed plus 1 mm

    @property
    def marge(self) -> str:
        """The @page margin, measured from the trim (WeasyPrint adds a bleed outside the page box), so
        the text area is the same with or without bleed."""
        return f"{self.boven}mm {self.zijkant}mm {self.onder}mm"


KAART = Kaartmaten()
