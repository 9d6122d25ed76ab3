"""The downloads described: one list of every file the downloads page offers (name, title, what it
holds, its format), and from it the descriptions that data portals harvest: a Frictionless Data
Package (datapackage.json, with the CSVs' table schemas) and DCAT-AP-NL in Turtle (dcat.ttl).

Every value from data goes into the Data Package through json.dumps and into the Turtle as an rdflib
literal, serialized by rdflib: never by putting text together.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..adressen import DOWNLOADS, EDITIEDOWNLOADS, LOKALE_DOWNLOADS, WIJZIGINGEN
from ..gegevens.handelingskader import Handelingskader
from ..gegevens.lokaal import CONTACTEN
from .tabel import CONTACTKOLOMMEN, Kolom, kolommen

# format -> (IANA media type, code in the EU's file-type list that DCAT-AP-NL prescribes)
FORMATEN = {"pdf": ("application/pdf", "PDF"), "json": ("application/json", "JSON"), "csv": ("text/csv", "CSV"),
            "turtle": ("text/turtle", "RDF_TURTLE")}
SPREADSHEET = "voor spreadsheets (puntkomma-gescheiden, UTF-8)"


@dataclass(frozen=True)
class Bestand:
    """One download: its name below the downloads folder, what it is and holds, and its format."""

    naam: str
    titel: str
    beschrijving: str
    formaat: str  # a key of FORMATEN
    kolommen: tuple[Kolom, ...] = ()  # a CSV's columns
    pagina: str | None = None  # the kind of page that shows the same on the website

    @property
    def mediatype(self) -> str:
        return FORMATEN[self.formaat][0]


def _lokaal(kader: Handelingskader) -> str:
    return (f"; in deze editie ook de lokale afspraken en contacten van {kader.lokaal.gemeente.naam}, gemarkeerd "
            "als lokaal") if kader.lokaal else ""


def rijdefinitie(kader: Handelingskader) -> str:
    """What one row of the CSV is: the same words on the downloads page and in the descriptions."""
    lokaal = f", en één per lokale afspraak van {kader.lokaal.gemeente.naam} (soort afspraak, herkomst " \
             "lokaal)" if kader.lokaal else ""
    return (f"Eén rij per actie, per handeling en per subpunt (de kolom soort zegt welke){lokaal}, in de "
            "volgorde van de uitgave; elke rij met haar code, thema, de ids van de partners, instrumenten en "
            "begrippen die haar eigen tekst noemt (gescheiden door |), haar webadres en de editie")


def _kader(kader: Handelingskader) -> list[Bestand]:
    titel, n = kader.kader.titel, len(kader.maatregelen.maatregelen)
    return [
        Bestand(DOWNLOADS["overzicht"], titel, f"{titel}: alle acties per objecttype en fase, A4, om af te drukken", "pdf"),
        Bestand(DOWNLOADS["zakkaarten_a6"], "Zakkaarten A6", "Zakkaarten voor de drukker: A6 met 3 mm afloop en "
                "snijtekens, voor- en achterkant na elkaar", "pdf"),
        Bestand(DOWNLOADS["zakkaarten_a4"], "Zakkaarten A4", "Zakkaarten voor de kantoorprinter: vier kaarten per "
                "A4, dubbelzijdig afdrukken (lange zijde) en knippen", "pdf"),
        Bestand(DOWNLOADS["json"], "Handelingskader als JSON", "Alle objecttypen, fasen, acties, handelingen en "
                "subpunten met de partners, instrumenten en begrippen die ze noemen, en de "
                f"{n} maatregelen uit het Actieplan, met de thema's, partners, instrumenten en begrippen zelf "
                f"(naam, afkorting, webadres), als JSON{_lokaal(kader)}", "json"),
        Bestand(DOWNLOADS["schema"], "JSON Schema", "JSON Schema van het JSON-bestand", "json"),
        Bestand(DOWNLOADS["csv"], "Handelingskader als CSV", f"{rijdefinitie(kader)}; {SPREADSHEET}", "csv",
                kolommen(kader)),
        Bestand(DOWNLOADS["datapackage"], "Data Package", "Beschrijving van de downloads als Frictionless Data "
                "Package, met het tabelschema van elke CSV: elke kolom met haar type en betekenis", "json"),
        Bestand(DOWNLOADS["dcat"], "DCAT-beschrijving", "Beschrijving van de dataset en elke download volgens "
                "DCAT-AP-NL (Turtle), voor open-dataportalen zoals data.overheid.nl", "turtle"),
    ]


def bestanden(kader: Handelingskader, vorige: str | None, edities: list[str]) -> list[Bestand]:
    """Every download of a build in the order of the downloads page; `vorige` names the previous
    edition when the changes since it are published, `edities` the frozen editions, oldest first."""
    lijst = _kader(kader)
    if kader.lokale_contacten():
        gemeente = kader.lokaal.gemeente.naam
        lijst.append(Bestand(LOKALE_DOWNLOADS["contacten_csv"], CONTACTEN, f"{CONTACTEN} van {gemeente}: één rij "
                             f"per partner met team, telefoon, bereikbaarheid, e-mail en adres, {SPREADSHEET}",
                             "csv", CONTACTKOLOMMEN))
    if vorige:
        lijst += [Bestand(WIJZIGINGEN["json"], "Wijzigingen", f"Wat er is gewijzigd sinds editie {vorige}: "
                          "acties, handelingen en subpunten toegevoegd, verwijderd, verplaatst of anders verwoord, "
                          "met het woordverschil, als JSON", "json", pagina="wijzigingen"),
                  Bestand(WIJZIGINGEN["schema"], "JSON Schema van de wijzigingen",
                          "JSON Schema van het wijzigingenbestand", "json")]
    huidig = kader.kader.editie.id
    lijst += [Bestand(f"{EDITIEDOWNLOADS}/{editie}.json", f"Editie {editie}", f"Editie {editie} zoals vastgelegd "
                      "bij het uitgeven: de acties, handelingen, subpunten en maatregelen met de ids die ze noemen, "
                      "webadressen relatief aan de root van de site" + (": deze editie" if editie == huidig else ""),
                      "json") for editie in reversed(edities)]
    return lijst


def titel(kader: Handelingskader) -> str:
    """The dataset's title: the kader's, and the gemeente's in its own edition."""
    k = kader.kader.ondertitel
    return f"{k} — editie van {kader.lokaal.gemeente.naam}" if kader.lokaal else k


def omschrijving(kader: Handelingskader) -> str:
    """What the dataset holds, in a few sentences."""
    k = kader.kader
    tekst = (f"Het {k.ondertitel} van {k.uitgever}, editie {k.editie.naam}: wat een gemeente doet per objecttype "
             f"({', '.join(o.naam for o in kader.objecttypen)}) en fase "
             f"({', '.join(f.naam for f in kader.fasen)}), in acties, handelingen en subpunten, met de partners, "
             "bestuurlijke instrumenten en begrippen die ze noemen en de maatregelen uit het Actieplan.")
    if kader.lokaal:
        tekst += f" Met de lokale afspraken en contacten van {kader.lokaal.gemeente.naam}, gemarkeerd als lokaal."
    return tekst



def uitgever(kader: Handelingskader) -> str:
    """Who publishes the dataset: the kader's publisher, or the gemeente of its own edition."""
    return kader.lokaal.gemeente.naam if kader.lokaal else kader.kader.uitgever


def makers(kader: Handelingskader) -> list[str]:
    """Who made the dataset: the kader's publisher, and the gemeente that added its own data."""
    return [kader.kader.uitgever] + ([kader.lokaal.gemeente.naam] if kader.lokaal else [])
