"""The CSV downloads: one row per actie, handeling and sub-item (the column soort says which), and in a
gemeente's own edition one per local arrangement and a CSV of the local contacts.

Every column is declared once here, with its type and meaning: the header, the rows and the table
schema of the Data Package (beschrijving.py) all come from these declarations.
"""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from ..adressen import Adresboek, absoluut
from ..gegevens import codes
from ..gegevens.handelingskader import Handelingskader, Plek
from ..gegevens.lokaal import Afspraak
from ..gegevens.model import Verwijzingen
from .opendata import LOKAAL, ContactExport, afspraak_id, contact

LIJSTTEKEN = "|"  # between the ids in one cell
HERKOMST = "herkomst"  # the last column of a gemeente's own edition: LANDELIJK or LOKAAL
LANDELIJK = "landelijk"
ACTIE, HANDELING, SUBPUNT, AFSPRAAK = "actie", "handeling", "subpunt", "afspraak"  # the column soort
TEKSTCEL = " Een tekst die met =, +, -, @, tab of regeleinde begint, staat er met een apostrof voor."
IDS = f"({codes.ID.kern}(\\{LIJSTTEKEN}{codes.ID.kern})*)?"  # Table Schema patterns are anchored


@dataclass(frozen=True)
class Kolom:
    """One column: its name, type and meaning (Frictionless Table Schema: type, constraints)."""

    naam: str
    beschrijving: str
    type: str = "string"
    verplicht: bool = True
    patroon: str | None = None
    waarden: tuple[str, ...] = ()


def _ids(soort: str) -> Kolom:
    return Kolom(soort, f"De ids van de {soort} die de tekst van deze rij zelf noemt, gescheiden door "
                        f"{LIJSTTEKEN} (de namen staan in het JSON-bestand); leeg als zij er geen noemt.",
                 verplicht=False, patroon=IDS)


def _soort(*waarden: str) -> Kolom:
    return Kolom("soort", "Wat de rij is: een actie, een handeling, een subpunt of (alleen in de editie van een "
                          "gemeente) een lokale afspraak.", waarden=waarden)


KOLOMMEN = (
    Kolom("objecttype", "Naam van het objecttype: waarop de aanslag is." + TEKSTCEL),
    Kolom("fase", "Naam van de fase." + TEKSTCEL),
    Kolom("code", "Code van de actie, zoals W-D-08: objecttype, fase en nummer.", patroon=codes.ACTIECODE.kern),
    Kolom("actie", "Titel van de actie." + TEKSTCEL),
    Kolom("handeling", "Tekst van de handeling; bij een subpunt de handeling waaronder het valt; bij een "
                       "lokale afspraak de tekst van de afspraak; leeg bij een actie." + TEKSTCEL, verplicht=False),
    Kolom("sub", "Tekst van het subpunt; leeg bij de andere soorten." + TEKSTCEL, verplicht=False),
    Kolom("id", "Unieke code van de rij: de actiecode bij een actie, de code van de handeling of het subpunt "
                "(zoals W-D-08.2b), en bij een lokale afspraak de actiecode met .lokaal- en haar volgnummer bij "
                "die actie."),
    Kolom("thema", "Id van het thema van de actie (de naam staat in het JSON-bestand).", patroon=codes.ID.kern),
    _ids("partners"), _ids("instrumenten"), _ids("begrippen"),
    _soort(ACTIE, HANDELING, SUBPUNT),
    Kolom("url", "Webadres van de rij: de pagina van objecttype en fase met het anker van de actie, de "
                 "handeling of het subpunt (een lokale afspraak: dat van haar actie); volledig als het adres van "
                 "de site bekend is, anders relatief aan de root van de site."),
    Kolom("editie", "De editie van het handelingskader, jaar en maand.", type="yearmonth"),
)
LOKALE_KOLOMMEN = tuple(_soort(ACTIE, HANDELING, SUBPUNT, AFSPRAAK) if k.naam == "soort" else k for k in KOLOMMEN) + (
    Kolom(HERKOMST, "landelijk: tekst van het landelijke handelingskader; lokaal: toegevoegd door de gemeente.",
          waarden=(LANDELIJK, LOKAAL)),)


def kolommen(kader: Handelingskader) -> tuple[Kolom, ...]:
    return LOKALE_KOLOMMEN if kader.lokaal else KOLOMMEN


def _csv_verwijzingen(deel: Verwijzingen) -> list[str]:
    return [LIJSTTEKEN.join(ids) for ids in (deel.partners, deel.instrumenten, deel.begrippen)]


@dataclass(frozen=True)
class Rijen:
    """The rows of one build: addresses absolute under the site address when it is known."""

    adresboek: Adresboek
    siteadres: str = ""

    def _rij(self, plek: Plek, handeling: str, sub: str, id_: str, deel: Verwijzingen, soort: str, url: str):
        actie = plek.actie
        return ([plek.objecttype.naam, plek.fase.naam, actie.code, actie.titel, handeling, sub, id_, actie.thema]
                + _csv_verwijzingen(deel)
                + [soort, absoluut(url, self.siteadres), self.adresboek.kader.kader.editie.id])

    def actie(self, plek: Plek) -> list[list[str]]:
        """The national rows of one actie: the actie itself, then each handeling and sub-item."""
        actie, boek = plek.actie, self.adresboek
        rijen = [self._rij(plek, "", "", actie.code, actie, ACTIE, boek.actie_url(plek))]
        rijen += [self._rij(plek, h.tekst, "" if deel is h else deel.tekst, deel.id, deel,
                            HANDELING if deel is h else SUBPUNT, boek.regel_url(plek, deel))
                  for h, deel in actie.regels()]
        return rijen

    def afspraak(self, plek: Plek, nummer: int, afspraak: Afspraak) -> list[str]:
        return self._rij(plek, afspraak.tekst, "", afspraak_id(plek, nummer), Verwijzingen(), AFSPRAAK,
                         self.adresboek.actie_url(plek))

    def alle(self) -> list[list[str]]:
        """Every row in publication order; in a gemeente's own edition each ends with its herkomst and
        an actie's local arrangements follow its rows."""
        kader = self.adresboek.kader
        if not kader.lokaal:
            return [rij for plek in kader.plekken() for rij in self.actie(plek)]
        rijen = []
        for plek in kader.plekken():
            rijen += [rij + [LANDELIJK] for rij in self.actie(plek)]
            rijen += [self.afspraak(plek, n, a) + [LOKAAL] for n, a in enumerate(kader.afspraken(plek.actie), 1)]
        return rijen


FORMULETEKENS = ("=", "+", "-", "@", "\t", "\r")  # a spreadsheet reads a cell starting so as a formula


def veilige_cel(tekst: str) -> str:
    """A cell a spreadsheet shows as text: one that starts like a formula gets a leading apostrophe
    (OWASP, CSV injection); the text itself is unchanged after it."""
    return f"'{tekst}" if tekst.startswith(FORMULETEKENS) else tekst


def als_csv(kolommen_: tuple[Kolom, ...], rijen: list[list[str]]) -> str:
    """Semicolon-separated with a UTF-8 byte order mark, as Dutch spreadsheet programs expect."""
    buffer = io.StringIO()
    schrijver = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    schrijver.writerow([k.naam for k in kolommen_])
    schrijver.writerows([veilige_cel(cel) for cel in rij] for rij in rijen)
    return "\ufeff" + buffer.getvalue()


def csv_tekst(adresboek: Adresboek, siteadres: str = "") -> str:
    return als_csv(kolommen(adresboek.kader), Rijen(adresboek, siteadres).alle())


def _contactkolom(veld: str) -> Kolom:
    """A column of the contacts' CSV from the JSON's field of the same name: its meaning and form."""
    info = ContactExport.model_fields[veld]
    vorm = next((m.pattern for m in info.metadata if getattr(m, "pattern", None)), None)
    return Kolom(veld, info.description + ".", verplicht=veld in ("partner", "partner_naam"),
                 patroon=vorm.removeprefix("^").removesuffix("$") if vorm else None)


# the contacts' CSV: the JSON's fields but the tel: address, which a spreadsheet does not need
CONTACTKOLOMMEN = tuple(_contactkolom(veld) for veld in ContactExport.model_fields if veld != "tel") + (
    Kolom(HERKOMST, "Altijd lokaal: gegevens van de gemeente, geen landelijke tekst.", waarden=(LOKAAL,)),)


def contacten_csv(kader: Handelingskader) -> str:
    """The local contacts, one row per partner."""
    return als_csv(CONTACTKOLOMMEN, [[waarde or "" for veld, waarde in contact(p, c).model_dump().items()
                                      if veld != "tel"] + [LOKAAL] for p, c in kader.lokale_contacten()])
