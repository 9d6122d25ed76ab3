"""Maatregelen, begrippen, cijfers and afkortingen are verbatim from the Actieplan and the other sources."""
from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

BRONNEN = Path(__file__).parent / "bronnen"
DOCUMENTEN = {
    "Actieplan": "actieplan-aanpak-aanslagen-met-explosieven.txt",
    "Overzicht acties": "overzicht-acties-2025-11.md",
    "Nota aanleiding moties 2024": "nota-aanleiding-moties-2024.txt",
}


def schoon(tekst: str) -> str:
    """Source text without Word artefacts and footnote bodies, whitespace collapsed."""
    tekst = re.sub(r"\[bookmark:[^\]]*\]|\[footnoteRef:\d+\]|\[\d+:[^\]]*\]", "", tekst)
    return re.sub(r"\s+", " ", tekst.replace("·", " "))


def voetnoten(tekst: str) -> str:
    return " ".join(re.sub(r"\s+", " ", m).strip() for m in re.findall(r"\[\d+:([^\]]*)\]", tekst))


RUW = {naam: (BRONNEN / bestand).read_text(encoding="utf-8") for naam, bestand in DOCUMENTEN.items()}
ACTIEPLAN = schoon(RUW["Actieplan"])
ALLES = ACTIEPLAN + " " + voetnoten(RUW["Actieplan"])


def test_31_maatregelen_per_lijn_en_status(kader):
    telling = Counter((m.lijn, m.status) for m in kader.maatregelen.maatregelen)
    assert sum(telling.values()) == 31
    assert telling == {(1, "gestart"): 4, (1, "gefaseerd"): 2, (2, "gestart"): 5, (3, "gestart"): 4,
                       (3, "gefaseerd"): 1, (4, "gestart"): 3, (4, "gefaseerd"): 3, (5, "gestart"): 5,
                       (5, "gefaseerd"): 2, (6, "gestart"): 2}
    assert [lijn.naam for lijn in kader.maatregelen.lijnen] == [
        "Preventie", "Opsporing en vervolging", "Nazorg en lokale aanpak", "Kennis en onderzoek",
        "Communicatie", "Overige onderdelen aanpak"]


def test_maatregelen_letterlijk(kader):
    ontbreekt = [m.code for m in kader.maatregelen.maatregelen if m.tekst not in ACTIEPLAN]
    assert ontbreekt == []


REQUIRED_BEGRIPPEN = {"aanslag", "explosief", "doelwit", "slachtoffer", "object", "opdrachtgever", "broker",
                      "ronselaar", "uitvoerder", "f4-vuurwerk", "vergisaanslag"}


def test_begrippen_compleet_en_letterlijk(kader):
    assert REQUIRED_BEGRIPPEN <= set(kader.begrippen)
    assert [b.id for b in kader.begrippen.values() if b.definitie not in ALLES] == []


def test_cijfers_uit_de_bron(kader):
    tabellen = {t.id: t for t in kader.cijfers.tabellen}
    assert {"incidenten-2022-2024", "soort-aanslag-2024", "per-eenheid-2023-2024",
            "objecten-2023-2024"} <= set(tabellen)
    for tabel in tabellen.values():
        assert tabel.noot is None or tabel.noot in ALLES, tabel.id
        for rij in tabel.rijen:
            assert len(rij.waarden) == len(tabel.kolommen) - 1, (tabel.id, rij.label)
    soort = tabellen["soort-aanslag-2024"]
    assert sum(r.waarden[0] for r in soort.rijen) == soort.totaal.waarden[0] == 1543


@pytest.mark.parametrize("document", ["Actieplan", "Overzicht acties", "Nota aanleiding moties 2024"])
def test_afkortingen_zoals_de_bron_ze_uitschrijft(kader, document):
    bron = (schoon(RUW[document]) + " " + voetnoten(RUW[document])).lower()
    for afkorting in (a for a in kader.afkortingen if a.bron == document):
        assert afkorting.betekenis.lower() in bron, afkorting.afkorting


def test_afkortingen_uit_het_overzicht_aanwezig(kader):
    assert {"PD", "OM", "VvE", "APV", "PVO", "GGD", "M.", "OOV", "VNG"} <= {a.afkorting for a in kader.afkortingen}
