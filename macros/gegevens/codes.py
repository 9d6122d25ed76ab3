"""Every pattern a value in data/ must follow, with the Dutch description an editor reads.

One table for the models (validation), the error messages and the export schema: a changed pattern
changes all three at once. Patterns name their characters explicitly ([0-9], not \\d, which also
takes the digits of other scripts): a code or phone number is plain ASCII.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Annotated

from pydantic import AfterValidator, StringConstraints
from pydantic_core import PydanticCustomError

# Names an id may not take: the site's own folders and pages beside the pages named by ids (an
# objecttype 'partners' or a partner 'index' would replace a page of the site); tests/invoer/test_data_is_tekst.py
# checks this list against the address book and a built site.
GERESERVEERD = frozenset({
    "index", "404", "assets", "search", "sitemap", "downloads", "edities", "fasen", "partners", "instrumenten",
    "themas", "maatregelen", "begrippen", "cijfers", "over", "toegankelijkheid", "naslag", "actieplan",
    "uitgave", "wijzigingen", "redactie", "lokaal", "contacten", "colofon"})


def _niet_gereserveerd(waarde: str) -> str:
    if waarde in GERESERVEERD:
        raise PydanticCustomError("gereserveerd", "'{waarde}' is de naam van een vaste pagina of map van de site "
                                  "en kan geen id zijn (kies een andere, zoals '{waarde}-1')", {"waarde": waarde})
    return waarde


@dataclass(frozen=True)
class Vorm:
    patroon: str
    uitleg: str
    lengte: int = 200  # the most characters a value of this form may have
    id: bool = False  # a name in addresses and files: not one of GERESERVEERD

    @property
    def kern(self) -> str:
        """The pattern without its ^ and $, to build larger patterns from."""
        return self.patroon.removeprefix("^").removesuffix("$")

    @property
    def in_tekst(self) -> str:
        """The pattern for a value inside a longer text: every alternative without its anchors, as
        one group."""
        return "(?:" + self.kern.replace("$|^", "|") + ")"

    @property
    def type(self):
        """The pydantic string type that validates this pattern."""
        beperking = StringConstraints(pattern=self.patroon, max_length=self.lengte)
        return Annotated[str, beperking, AfterValidator(_niet_gereserveerd)] if self.id else Annotated[str, beperking]


ID = Vorm(r"^[a-z0-9]+(-[a-z0-9]+)*$", "kleine letters, cijfers en streepjes, zoals 'stichting-salvage'; "
          "hoogstens 40 tekens, geen naam van een vaste pagina", 40, id=True)
LETTER = Vorm(r"^[A-Z]$", "één hoofdletter, zoals 'W'")
URL = Vorm(r"^https://[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+(:[0-9]{1,5})?(/[A-Za-z0-9._~!$&'()*+,;=:@%/-]*)?"
           r"(\?[A-Za-z0-9._~!$&'()*+,;=:@%/?-]*)?(#[A-Za-z0-9._~!$&'()*+,;=:@%/?-]*)?$",
           "een volledig webadres dat begint met https://, zonder spaties of aanhalingstekens "
           "(andere tekens als %-code)", 500)
ACTIECODE = Vorm(r"^[A-Z]-[A-Z]-[0-9]{2}$", "objecttype-fase-nummer, zoals 'W-D-03'")
HANDELINGCODE = Vorm(r"^[A-Z]-[A-Z]-[0-9]{2}\.[0-9]{1,3}[a-z]?$",
                     "actiecode.nummer of actiecode.nummer+letter, zoals 'W-D-03.2' of 'W-D-03.2a'")
MAATREGELCODE = Vorm(r"^M-[0-9]-[0-9]{2}$", "M-lijn-nummer, zoals 'M-1-01'")
ZOEKWOORD = Vorm(r"^[a-z0-9à-öø-ÿ]+([ '-][a-z0-9à-öø-ÿ]+)*$",
                 "kleine letters en cijfers; meer woorden gescheiden door één spatie, zoals 'sociale media'", 60)
EDITIE = Vorm(r"^[0-9]{4}-(0[1-9]|1[0-2])$", "jaar-maand met een maand van 01 tot en met 12, zoals '2025-11'")

TELEFOON = Vorm(r"^(\+31 ?(\(0\))? ?|0)[1-9]([ -]?[0-9]){8}$|^0[89]00([ -]?[0-9]){4,7}$|^14 ?0[0-9]{2,3}$",
                "een Nederlands nummer met 10 cijfers zoals '020 123 4567' of '+31 20 123 4567', "
                "een 0800/0900-nummer of 14 + netnummer (gewone cijfers 0-9)")
EMAIL = Vorm(r"^[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$",
             "een e-mailadres zoals 'oov@gemeente.example'", 254)

VORMEN = (ID, LETTER, URL, ACTIECODE, HANDELINGCODE, MAATREGELCODE, ZOEKWOORD, EDITIE, TELEFOON, EMAIL)
UITLEG = {vorm.patroon: vorm.uitleg for vorm in VORMEN}


def tel_uri(nummer: str) -> str:
    """A phone number (of the form TELEFOON) as a tel: link, international where it is a 10-digit
    Dutch number."""
    cijfers = re.sub(r"\(0\)|[^\d+]", "", nummer)
    if cijfers.startswith("0") and len(cijfers) == 10:
        cijfers = "+31" + cijfers[1:]
    return f"tel:{cijfers}"
