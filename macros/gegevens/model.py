"""The typed model of the handelingskader: one pydantic model per kind of data file.

Validation is done by pydantic; unknown fields are refused (extra="forbid") so that a typo such as
`tekts` never silently drops text. Cross-file rules (references, unique codes) live in laden.py.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Annotated, Iterator, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints, model_validator

from . import codes
from .tekst import MAX_NAAM, MAX_TEKST, alleen_tekst, fout_op

# Every free text of the data: one paragraph of plain text (never Markdown or HTML: it is shown as
# the characters it holds), no control, invisible or bidirectional characters however written.
Tekst = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_TEKST),
                  AfterValidator(alleen_tekst)]
# A name or title: the same, short enough for a running head, a card's title bar and the navigation.
Naam = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_NAAM),
                 AfterValidator(alleen_tekst)]
Id = codes.ID.type
Letter = codes.LETTER.type
Url = codes.URL.type
Actiecode = codes.ACTIECODE.type
Handelingcode = codes.HANDELINGCODE.type
Maatregelcode = codes.MAATREGELCODE.type


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# --- kader.yaml -----------------------------------------------------------------------------
class Editie(Model):
    id: codes.EDITIE.type
    naam: Naam


class Link(Model):
    label: Naam
    tekst: Naam
    url: Url


@dataclass(frozen=True)
class Licentie:
    """An open licence the downloads may carry, as the open-data portals name it."""

    naam: str  # as a reader reads it
    url: str  # the address DCAT-AP-NL's list of licences names it by (data.overheid.nl)


# The licences the downloads may carry, by their SPDX id (the Data Package names them so).
LICENTIES = {
    "CC0-1.0": Licentie("CC0 1.0 Universeel (publiek domein)", "http://creativecommons.org/publicdomain/zero/1.0/deed.nl"),
    "CC-BY-4.0": Licentie("Creative Commons Naamsvermelding 4.0", "http://creativecommons.org/licenses/by/4.0/deed.nl"),
}


class Kader(Model):
    titel: Naam
    ondertitel: Naam
    uitgever: Naam
    editie: Editie
    inleiding: Tekst
    offensief: Tekst
    meer_informatie: Link
    licentie: Literal[tuple(LICENTIES)]  # type: ignore[valid-type]  # of the open data (downloads)


# --- objecttypen.yaml, fasen.yaml, themas.yaml ------------------------------------------------
class Objecttype(Model):
    id: Id
    naam: Naam
    enkelvoud: Naam
    letter: Letter
    vreemde_woorden: list[Naam] = []


class Fase(Model):
    id: Id
    naam: Naam
    letter: Letter
    spoed: bool = False  # the phase a user in a crisis needs first (home page, quick links)


class Thema(Model):
    id: Id
    naam: Naam


class Objecttypen(Model):
    objecttypen: list[Objecttype] = Field(min_length=1)


class Fasen(Model):
    fasen: list[Fase] = Field(min_length=1)


class Themas(Model):
    themas: list[Thema] = Field(min_length=1)


# --- partners.yaml, instrumenten.yaml, begrippen.yaml, afkortingen.yaml -------------------------
def _eerste_letter(tekst: str, omzetten) -> str:
    """The text with its first letter (not a bracket) converted: '(Sociale) wijkteams'."""
    return re.sub(r"[^\W\d_]", lambda letter: omzetten(letter[0]), tekst, count=1)


class Partner(Model):
    id: Id
    naam: Naam
    soort: Literal["organisatie", "rol", "netwerk"]
    lidwoord: Literal["de", "het", "geen"]  # geen: a proper name without article (Stichting Salvage)
    soortnaam: bool = False  # lower case inside a sentence: de politie
    meervoud: bool = False  # the verb agrees in the plural: de gemeenten zijn
    afkorting: Naam | None = None
    offensief: bool = False

    @property
    def in_zin(self) -> str:
        """The name as it reads inside a sentence: 'de politie', 'het Openbaar Ministerie', 'Aedes'."""
        naam = _eerste_letter(self.naam, str.lower) if self.soortnaam else self.naam
        return naam if self.lidwoord == "geen" else f"{self.lidwoord} {naam}"

    @property
    def aan_begin(self) -> str:
        """The name as it opens a sentence: 'De politie', 'Het Openbaar Ministerie'."""
        return _eerste_letter(self.in_zin, str.upper)

    def vervoeg(self, enkelvoud: str, meervoud: str) -> str:
        """The words that agree with this partner as subject: 'is deelnemer' or 'zijn deelnemers'."""
        return meervoud if self.meervoud else enkelvoud


class Instrument(Model):
    id: Id
    naam: Naam
    afkorting: Tekst | None = None
    grondslag: Naam | None = None
    wet_url: Url | None = None


class Begrip(Model):
    id: Id
    term: Naam
    definitie: Tekst
    bron: Tekst


class Afkorting(Model):
    afkorting: Naam
    betekenis: Tekst
    bron: Tekst


class Partners(Model):
    partners: list[Partner] = Field(min_length=1)


class Instrumenten(Model):
    instrumenten: list[Instrument] = Field(min_length=1)


class Begrippen(Model):
    begrippen: list[Begrip] = Field(min_length=1)


class Afkortingen(Model):
    afkortingen: list[Afkorting] = Field(min_length=1)


# --- maatregelen.yaml, cijfers.yaml -------------------------------------------------------------
class Lijn(Model):
    nummer: int = Field(ge=1)
    naam: Naam


# The status of a maatregel in the Actieplan and how the Actieplan words it ("Maatregelen ...").
STATUS = {"gestart": "waarmee wordt gestart", "gefaseerd": "die gefaseerd worden opgepakt"}


class Maatregel(Model):
    code: Maatregelcode
    lijn: int
    status: Literal[tuple(STATUS)]  # type: ignore[valid-type]

    @property
    def status_tekst(self) -> str:
        return STATUS[self.status]
    tekst: Tekst
    themas: list[Id] = []


class Maatregelen(Model):
    bron: Tekst
    lijnen: list[Lijn] = Field(min_length=1)
    maatregelen: list[Maatregel] = Field(min_length=1)


class Rij(Model):
    label: Naam
    waarden: list[int | None] = Field(min_length=1)


class Tabel(Model):
    id: Id
    titel: Naam
    kolommen: list[Naam] = Field(min_length=2)
    rijen: list[Rij] = Field(min_length=1)
    totaal: Rij | None = None
    bron: Tekst
    noot: Tekst | None = None

    @model_validator(mode="after")
    def _een_waarde_per_reeks(self) -> Tabel:
        """Every row has one value for each series (each column after the first): chart and table."""
        reeksen = len(self.kolommen) - 1
        rijen = [(("rijen", i, "waarden"), rij) for i, rij in enumerate(self.rijen)]
        for pad, rij in rijen + ([(("totaal", "waarden"), self.totaal)] if self.totaal else []):
            if len(rij.waarden) != reeksen:
                raise fout_op(pad, f"rij '{rij.label}' heeft {len(rij.waarden)} waarde(n); de tabel heeft "
                                   f"{reeksen} reeks(en) (de kolommen na de eerste): één waarde per reeks, null "
                                   "waar een getal ontbreekt")
        return self


class Cijfers(Model):
    tabellen: list[Tabel] = Field(min_length=1)


# --- zoekwoorden.yaml (editorial: steers the website's search, never shown as text) ---------------
class Zoekwoord(Model):
    """A word readers type that the kader does not use: it leads to acties, or it stands for words of
    the kader (`zie`), and then finds whatever those find: acties, partners, instruments, themes."""

    woord: codes.ZOEKWOORD.type
    acties: list[Actiecode] = []
    zie: list[codes.ZOEKWOORD.type] = []
    reden: Tekst

    @model_validator(mode="after")
    def _ergens_heen(self) -> Zoekwoord:
        if not self.acties and not self.zie:
            raise fout_op(("woord",), f"zoekwoord '{self.woord}' leidt nergens heen: geef 'acties' (actiecodes) "
                                       "of 'zie' (woorden van het kader waar het voor staat)")
        return self


class Zoekwoorden(Model):
    zoekwoorden: list[Zoekwoord] = Field(min_length=1)


# --- acties/*.yaml ------------------------------------------------------------------------------
class Verwijzingen(Model):
    """References from a text to partners, instruments and terms (ids in their own files)."""

    partners: list[Id] = []
    instrumenten: list[Id] = []
    begrippen: list[Id] = []


class Subpunt(Verwijzingen):
    id: Handelingcode
    tekst: Tekst


class Handeling(Verwijzingen):
    id: Handelingcode
    tekst: Tekst
    sub: list[Subpunt] = []

    def delen(self) -> Iterator[Handeling | Subpunt]:
        """This handeling, then its sub-items."""
        yield self
        yield from self.sub


class Actie(Verwijzingen):
    """An actie; its own partners, instruments and terms are those its title names (editorial)."""

    code: Actiecode
    titel: Naam
    thema: Id
    handelingen: list[Handeling] = []

    def regels(self) -> Iterator[tuple[Handeling, Handeling | Subpunt]]:
        """Every line of the actie in order: (handeling, the handeling itself or one of its sub-items)."""
        for handeling in self.handelingen:
            for deel in handeling.delen():
                yield handeling, deel

    def delen(self) -> Iterator[Handeling | Subpunt]:
        """Every handeling and sub-item in order."""
        for _, deel in self.regels():
            yield deel


class FaseActies(Model):
    fase: Id
    acties: list[Actie] = Field(min_length=1)


class Actiebestand(Model):
    objecttype: Id
    fasen: list[FaseActies] = Field(min_length=1)
