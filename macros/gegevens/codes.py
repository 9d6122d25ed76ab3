"""Every pattern a value in data/ must follow, with the Dutch description an editor reads.

One table for the models (validation), the error messages and the export schema: a changed pattern
changes all three at once.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from pydantic import StringConstraints


@dataclass(frozen=True)
class Vorm:
    patroon: str
    uitleg: str

    @property
    def kern(self) -> str:
        """The pattern without its ^ and $, to build larger patterns from."""
        return self.patroon.removeprefix("^").removesuffix("$")

    @property
    def type(self):
        """The pydantic string type that validates this pattern."""
        return Annotated[str, StringConstraints(pattern=self.patroon)]


ID = Vorm(r"^[a-z0-9]+(-[a-z0-9]+)*$", "kleine letters, cijfers en streepjes, zoals 'stichting-salvage'")
LETTER = Vorm(r"^[A-Z]$", "één hoofdletter, zoals 'W'")
URL = Vorm(r"^https://\S+$", "een volledig webadres dat begint met https://")
ACTIECODE = Vorm(r"^[A-Z]-[A-Z]-\d{2}$", "objecttype-fase-nummer, zoals 'W-D-03'")
HANDELINGCODE = Vorm(r"^[A-Z]-[A-Z]-\d{2}\.\d+[a-z]?$",
                     "actiecode.nummer of actiecode.nummer+letter, zoals 'W-D-03.2' of 'W-D-03.2a'")
MAATREGELCODE = Vorm(r"^M-\d-\d{2}$", "M-lijn-nummer, zoals 'M-1-01'")
ZOEKWOORD = Vorm(r"^[a-zà-ÿ0-9]+([ '-][a-zà-ÿ0-9]+)*$",
                 "kleine letters en cijfers; meer woorden gescheiden door één spatie, zoals 'sociale media'")
EDITIE = Vorm(r"^\d{4}-\d{2}$", "jaar-maand, zoals '2025-11'")

TELEFOON = Vorm(r"^(\+31 ?(\(0\))? ?|0)[1-9]([ -]?\d){8}$|^0[89]00([ -]?\d){4,7}$|^14 ?0\d{2,3}$",
                "een Nederlands nummer met 10 cijfers zoals '020 123 4567' of '+31 20 123 4567', "
                "een 0800/0900-nummer of 14 + netnummer")
EMAIL = Vorm(r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$",
             "een e-mailadres zoals 'oov@gemeente.example'")

VORMEN = (ID, LETTER, URL, ACTIECODE, HANDELINGCODE, MAATREGELCODE, ZOEKWOORD, EDITIE, TELEFOON, EMAIL)
UITLEG = {vorm.patroon: vorm.uitleg for vorm in VORMEN}
