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


def _cijfers(n: int, m: int | None = None) -> str:
    """n (to m) more digits, each after an optional separator."""
    return rf"(?:{_SCHEIDING}?\d){{{n}{'' if m is None else f',{m}'}}}"


# A phone number in running text (an arrangement, an availability, an address), in the notations
# authors use beside TELEFOON's: '(020) 123 45 67', '06 - 12 34 56 78', '0418/671234',
# '020.123.45.67', '0031 20 987 6543', '+31-6-1234-5678', '+32 14 12 34 56'. Digits are counted, so a
# date, time, postcode, amount or case number is none; nor is the account number in an IBAN, digits
# right after or before other digits, or four digits before 'uur'. A slash may also part two numbers.
_SCHEIDING = r"(?: ?[-–./] ?| )"
_LAND = rf"{_SCHEIDING}?(?:\(0\){_SCHEIDING}?)?"  # after a country code: '+31 (0)20'
TELEFOON_IN_TEKST = (
    r"(?<![\w+\-–])(?<!\d[ .,])(?<![A-Z]{2}\d\d [A-Z]{4} )(?:"
    + "|".join([rf"0[89]00{_cijfers(4, 7)}",
                *(rf"\(0[1-9]\d{{{n}}}\) ?\d{_cijfers(7 - n)}" for n in range(3)),
                rf"0[1-9]{_cijfers(8)}",
                rf"(?:\+|00)31{_LAND}[1-9]{_cijfers(8)}",
                rf"\+(?!31)[1-9]\d{{0,2}}{_LAND}\d{_cijfers(5, 11)}",
                rf"14{_SCHEIDING}?0\d{{2,3}}"])
    + r")(?!\w| ?[-–.] ?\d| ?uur\b)")


# The word before a number that says it is another kind of number: 'dossiernummer 0412345678',
# 'ondernemingsnummer 0207.123.456' (a phone number's own words, such as storingsnummer, stay).
ANDER_NUMMER = re.compile(
    r"\b(?:(?:dossier|zaak|ondernemings|kvk|btw|vestigings|registratie|factuur|klant|polis|rekening"
    r"|burgerservice|referentie|order|debiteur|relatie|aanvraag|vergunning|besluit|aangifte|pas|document)"
    r"-?(?:nummer|nr)|kenmerk|referentie|ref|dossier|zaak|bsn|kvk|iban|btw|postbus)[.:]? ?$", re.IGNORECASE)


def tel_uri(nummer: str) -> str:
    """A phone number (TELEFOON, or TELEFOON_IN_TEKST) as a tel: link: its digits, with +31 for the
    0 of a 10-digit Dutch number other than 0800/0900."""
    cijfers = re.sub(r"\(0\)|[^\d+]", "", nummer)
    if cijfers.startswith("00"):
        cijfers = "+" + cijfers[2:]
    if cijfers.startswith("0") and len(cijfers) == 10 and cijfers[1:4] not in ("800", "900"):
        cijfers = "+31" + cijfers[1:]
    return f"tel:{cijfers}"
