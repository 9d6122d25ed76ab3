"""A gemeente's own edition: an overlay folder (KADER_LOKAAL) with the municipality's name, local
contact details for partners and local arrangements attached to acties by code.

An overlay can only add: the national text is never changed. It is validated like data/ (every
problem as FILE:LINE:COL, all at once); an unknown actie code or partner, or a malformed phone number
or e-mail address, stops the build.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


from . import codes
from .handelingskader import Handelingskader
from .laden import Controle, Lading, laad, suggestie
from .model import Actiecode, Id, Model, Naam, Tekst
from .yamlbestand import DataFout


class Gemeente(Model):
    id: Id  # in the bundle names, e.g. 'gemeente-voorbeeld'
    naam: Naam  # e.g. 'Gemeente Voorbeeld'


class Contact(Model):
    partner: Id
    team: Naam | None = None
    telefoon: codes.TELEFOON.type | None = None
    email: codes.EMAIL.type | None = None
    adres: Tekst | None = None
    # short, shown beside the number wherever it stands: 'dag en nacht', 'werkdagen 8.00–17.00 uur'
    bereikbaarheid: Naam | None = None

    @property
    def tel_uri(self) -> str | None:
        """The number as a tel: link, international where it is a 10-digit Dutch number."""
        return codes.tel_uri(self.telefoon) if self.telefoon else None


class Afspraak(Model):
    actie: Actiecode
    tekst: Tekst


class Gemeentebestand(Model):
    gemeente: Gemeente


class Contacten(Model):
    contacten: list[Contact] = []


class Afspraken(Model):
    afspraken: list[Afspraak] = []


BESTANDEN = {"gemeente.yaml": Gemeentebestand, "contacten.yaml": Contacten, "afspraken.yaml": Afspraken}
LABEL = "Lokale afspraak"  # how a local arrangement is marked wherever it is shown
CONTACTEN = "Lokale contacten"  # the title of the local contacts: web page, navigation, print
AFSPRAKEN = "Lokale afspraken"  # the title of the Overzicht's section of local arrangements


@dataclass(frozen=True)
class Lokaal:
    """The overlay of one gemeente, checked against the national kader."""

    gemeente: Gemeente
    contacten: dict[str, Contact]  # by partner id
    afspraken: dict[str, list[Afspraak]]  # by actie code, in file order


def laad_lokaal(map_: Path, kader: Handelingskader) -> Lokaal:
    """Load and check an overlay folder against the kader; raise DataFout with every problem."""
    map_ = Path(map_)
    lading = Lading(map_)
    m = {naam: lading.lees(map_ / naam, model) if (map_ / naam).is_file() or naam == "gemeente.yaml"
         else model() for naam, model in BESTANDEN.items()}
    controle = Controle(lading)
    contacten, afspraken = m["contacten.yaml"], m["afspraken.yaml"]
    naam = lading.naam(map_ / "contacten.yaml")
    for i, contact in enumerate(contacten.contacten if contacten else []):
        controle.uniek(naam, ("contacten", i, "partner"), contact.partner, "contact voor partner")
        controle.bekend(naam, ("contacten", i, "partner"), contact.partner, kader.partners, "partner",
                        "partners.yaml")
    naam = lading.naam(map_ / "afspraken.yaml")
    for i, afspraak in enumerate(afspraken.afspraken if afspraken else []):
        if afspraak.actie not in kader.plek_van:
            lading.fout(naam, ("afspraken", i, "actie"), f"onbekende actie '{afspraak.actie}' "
                        f"({suggestie(afspraak.actie, kader.plek_van)}toegestaan: een actiecode uit data/acties/)")
    if lading.meldingen:
        raise DataFout(sorted(set(lading.meldingen), key=lambda x: (x.bestand, x.regel, x.kolom, x.tekst)))
    per_actie: dict[str, list[Afspraak]] = {}
    for afspraak in afspraken.afspraken:
        per_actie.setdefault(afspraak.actie, []).append(afspraak)
    return Lokaal(m["gemeente.yaml"].gemeente, {c.partner: c for c in contacten.contacten}, per_actie)


def laad_uitgave(data_map: Path, lokaal_map: Path | None = None) -> Handelingskader:
    """The kader of data/, with a gemeente's overlay when one is given: the one loader for the build,
    the bundles and the command-line check."""
    kader = laad(data_map)
    if lokaal_map:
        kader.lokaal = laad_lokaal(lokaal_map, kader)
    return kader

