"""The sentences the site generates around partners and instruments, and those of the home page:
the right Dutch article before a name, the verb agreeing with it, each sentence ending in a full
stop in a paragraph of its own, no word said twice in one sentence. What is expected is derived from
the raw YAML fields (tests/ruwe_yaml.py), and for a sample of names written out by hand."""
from __future__ import annotations

import re

import pytest

from html_site import lees, normaliseer
from ruwe_yaml import acties, bestand, volgorde

PARTNERS = volgorde("partners.yaml", "partners")
INSTRUMENTEN = volgorde("instrumenten.yaml", "instrumenten")
OFFENSIEF = normaliseer(bestand("kader.yaml")["offensief"])

# By hand, one of each kind: common noun, proper name with 'het', without article, plural, brackets.
MIDDEN_IN_EEN_ZIN = {
    "politie": "de politie",
    "om": "het Openbaar Ministerie",
    "ggd": "de GGD",
    "stichting-salvage": "Stichting Salvage",
    "handhaving": "Handhaving",
    "wijkteams": "de (sociale) wijkteams",
    "driehoek": "de driehoek (burgemeester, politie en OM)",
    "ministerie-jenv": "het Ministerie van Justitie & Veiligheid",
    "gemeenten": "de gemeenten (G4, G40 en de Vereniging van Nederlandse Gemeenten)",
    "vno-ncw-mkb": "VNO-NCW en MKB Nederland (namens het bedrijfsleven)",
}
MEERVOUD = {"gemeenten", "wijkteams", "vno-ncw-mkb", "brancheverenigingen", "reclassering", "media",
            "wijkkameraden", "buurtvaders-moeders"}


def _letter(tekst: str, omzetten) -> str:
    return re.sub(r"[^\W\d_]", lambda m: omzetten(m[0]), tekst, count=1)


def in_zin(partner: dict) -> str:
    """The name inside a sentence, from the raw fields lidwoord and soortnaam."""
    naam = _letter(partner["naam"], str.lower) if partner.get("soortnaam") else partner["naam"]
    return naam if partner["lidwoord"] == "geen" else f"{partner['lidwoord']} {naam}"


def verwachte_alineas(partner: dict) -> list[str]:
    genoemd = any(partner["id"] in deel.partners for a in acties() for deel in [a, *a.regels])
    uitkomst = [f"De afkorting is {partner['afkorting']}."] if partner.get("afkorting") else []
    if partner.get("offensief"):
        rol = "zijn deelnemers" if partner.get("meervoud") else "is deelnemer"
        uitkomst.append(f"{_letter(in_zin(partner), str.upper)} {rol} van het Offensief tegen Explosies.")
    if genoemd:
        uitkomst.append(f"Hieronder staan per objecttype en fase alle acties en handelingen die {in_zin(partner)} noemen.")
    else:
        uitkomst.append(f"Het Overzicht acties noemt {in_zin(partner)} niet bij een actie of handeling.")
    return uitkomst + ([OFFENSIEF] if partner.get("offensief") and not genoemd else [])


def verwachte_alineas_instrument(instrument: dict) -> list[str]:
    uitkomst = [f"De afkorting is {instrument['afkorting']}."] if instrument.get("afkorting") else []
    if instrument.get("grondslag"):
        wet = " (officiële wettekst op wetten.overheid.nl)" if instrument.get("wet_url") else ""
        uitkomst.append(f"Grondslag: {instrument['grondslag']}{wet}.")
    else:
        uitkomst.append("Het Overzicht acties noemt voor dit instrument geen wettelijke grondslag.")
    return uitkomst + ["Hieronder staan per objecttype en fase alle acties en handelingen die dit instrument noemen."]


def alineas(pagina) -> list[str]:
    """The text paragraphs of a page's article: no print-only line, no button."""
    return [normaliseer(p.text_content()) for p in lees(pagina).xpath(
        "//article//p[not(contains(@class, 'alleen-print')) and not(contains(@class, 'editie'))"
        " and not(a[contains(@class, 'md-button')])]")]


def zinnen(alinea: str) -> list[str]:
    return re.split(r"(?<=[.?!])\s+(?=[A-Z])", alinea)


def fouten_in_zin(zin: str, namen: list[str]) -> list[str]:
    """What is wrong with one sentence; names from data may repeat their own words."""
    fouten = []
    if not zin[:1].isupper():
        fouten.append("begint niet met een hoofdletter")
    if not zin.endswith((".", "?", "!")):
        fouten.append("eindigt niet met een punt")
    kaal = zin
    for naam in namen:
        kaal = kaal.replace(naam, " ")
    woorden = [w.lower() for w in re.findall(r"[^\W\d_]+", kaal) if len(w) >= 5]
    dubbel = sorted({w for w in woorden if woorden.count(w) > 1})
    if dubbel:
        fouten.append(f"dubbel woord {dubbel}")
    if re.search(r"\b(de|het|een) (de|het|een)\b", zin, flags=re.IGNORECASE):
        fouten.append("dubbel lidwoord")
    return fouten


def test_vorm_midden_in_een_zin_volgt_uit_de_velden():
    """The hand-written sample agrees with what the fields lidwoord, soortnaam and meervoud say."""
    per_id = {p["id"]: p for p in PARTNERS}
    assert {i: in_zin(per_id[i]) for i in MIDDEN_IN_EEN_ZIN} == MIDDEN_IN_EEN_ZIN
    assert {p["id"] for p in PARTNERS if p.get("meervoud")} == MEERVOUD


@pytest.mark.parametrize("partner", PARTNERS, ids=lambda p: p["id"])
def test_zinnen_op_partnerpagina(site, partner):
    gevonden = alineas(site / "partners" / partner["id"] / "index.html")
    assert gevonden == verwachte_alineas(partner)
    for alinea in gevonden:
        if alinea != OFFENSIEF:
            for zin in zinnen(alinea):
                assert fouten_in_zin(zin, [_letter(in_zin(partner), str.upper), in_zin(partner)]) == [], zin


@pytest.mark.parametrize("instrument", INSTRUMENTEN, ids=lambda i: i["id"])
def test_zinnen_op_instrumentpagina(site, instrument):
    gevonden = alineas(site / "instrumenten" / instrument["id"] / "index.html")
    assert gevonden == verwachte_alineas_instrument(instrument)
    for alinea in gevonden:
        for zin in zinnen(alinea):
            assert fouten_in_zin(zin, [instrument.get("grondslag") or instrument["naam"]]) == [], zin


@pytest.mark.parametrize("pagina", ["index.html", "partners/index.html", "instrumenten/index.html"])
def test_zinnen_op_beginpagina_en_overzichten(site, pagina):
    """Hand-written and generated sentences alike: no 'direct … direct', each ends with a full stop."""
    for alinea in alineas(site / pagina):
        if alinea != OFFENSIEF:
            for zin in zinnen(alinea):
                assert fouten_in_zin(zin, []) == [], zin


@pytest.mark.parametrize("thema", volgorde("themas.yaml", "themas"), ids=lambda t: t["id"])
def test_themapagina_noemt_alleen_een_tabel_die_er_is(site, thema):
    pagina = site / "themas" / thema["id"] / "index.html"
    van_thema = [a for a in acties() if a.thema == thema["id"]]
    [eerste, *_] = alineas(pagina)
    heeft_tabel = any(a.regels for a in van_thema)
    assert ("De tabel" in eerste) == heeft_tabel == bool(lees(pagina).xpath("//article//table"))
