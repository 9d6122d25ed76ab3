"""The pocket card's measures, defined once: the A6 print-shop card (with bleed), the A6 layout the
A4 sheets are paginated from, and the card slots on an A4 sheet all follow from these numbers."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Kaartmaten:
    """Millimetres of one card (the trim size) and its text area."""

    breedte: int = 105  # A6 trim
    hoogte: int = 148
    boven: int = 11  # trim to text area; the running head stands in this margin
    zijkant: int = 7
    onder: int = 9  # the footer stands in this margin
    afloop: int = 3  # bleed beyond the trim, for the print shop
    kop: int = 4  # the running head on an A4 slot, which is in the flow there: its height

    def marge(self, afloop: bool) -> str:
        """The @page margin. WeasyPrint measures margins from the bleed edge, so the bleed is added
        and the text area stays the same with or without it."""
        extra = self.afloop if afloop else 0
        return f"{self.boven + extra}mm {self.zijkant + extra}mm {self.onder + extra}mm"

    @property
    def vakmarge(self) -> str:
        """The padding of a card slot on an A4 sheet: the same text area, below the running head."""
        return f"{self.boven - self.kop}mm {self.zijkant}mm {self.onder}mm"


KAART = Kaartmaten()
