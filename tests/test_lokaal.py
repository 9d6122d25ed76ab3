"""A gemeente's own edition (KADER_LOKAAL): its name, local contacts and local arrangements appear on
the web pages, in the Overzicht and on the cards, apart from the national text, which stays exactly
as published; a wrong overlay stops the build with FILE:LINE:COL messages."""
from __future__ import annotations

import shutil
import subprocess
import sys

import pdfplumber
import pytest

from conftest import ROOT, kopie_project, mkdocs_build
from gelijkheid import a4_zijden, bladwijzers, gesplitste_acties, pdf_regels, verschillen
from html_site import acties_op_pagina, lees, normaliseer
from macros.adressen import bundelnaam
from macros.gegevens.lokaal import laad_uitgave
from macros.gegevens.yamlbestand import DataFout

VOORBEELD = ROOT / "examples/gemeente-voorbeeld"


@pytest.fixture
def overlay(tmp_path):
    doel = tmp_path / "lokaal"
    shutil.copytree(VOORBEELD, doel)
    return doel


def vervang(bestand, oud: str, nieuw: str) -> int:
    tekst = bestand.read_text(encoding="utf-8")
    assert oud in tekst, oud
    bestand.write_text(tekst.replace(oud, nieuw, 1), encoding="utf-8")
    return tekst[:tekst.index(oud)].count("\n") + 1


def meldingen(overlay) -> list[str]:
    with pytest.raises(DataFout) as fout:
        laad_uitgave(ROOT / "data", overlay)
    return [str(m) for m in fout.value.meldingen]


@pytest.mark.parametrize("bestand,oud,nieuw,kolom,verwacht", [
    ("afspraken.yaml", "actie: W-D-05", "actie: W-D-55", 12, "onbekende actie 'W-D-55' (bedoelt u 'W-D-05'?"),
    ("afspraken.yaml", "actie: W-D-05", "actie: W-5", 12, "'W-5' is geen geldige waarde voor 'actie' (vorm: objecttype"),
    ("contacten.yaml", "partner: brandweer", "partner: brandwacht", 14, "onbekende partner 'brandwacht' (bedoelt u 'brandweer'?"),
    ("contacten.yaml", "telefoon: 020 000 0001", "telefoon: 020 000 01", 15,
     "'020 000 01' is geen geldige waarde voor 'telefoon' (vorm: een Nederlands nummer met 10 cijfers"),
    ("contacten.yaml", "email: voorbeeld@salvage.example", "email: voorbeeld(at)salvage", 12,
     "'voorbeeld(at)salvage' is geen geldige waarde voor 'email' (vorm: een e-mailadres"),
    ("contacten.yaml", "bereikbaarheid: Dag en nacht via", "bereikbaar: Dag en nacht via", 5,
     "onbekend veld 'bereikbaar' (bedoelt u 'bereikbaarheid'?"),
    ("gemeente.yaml", "naam: Gemeente Voorbeeld", "naam: ''", 9, "'naam' mag niet leeg zijn"),
])
def test_fout_in_eigen_editie_met_plaats(overlay, bestand, oud, nieuw, kolom, verwacht):
    regel = vervang(overlay / bestand, oud, nieuw)
    [melding] = meldingen(overlay)
    assert melding.startswith(f"lokaal/{bestand}:{regel}:{kolom}: {verwacht}"), melding


def test_fout_in_eigen_editie_bouwt_niets(tmp_path):
    project = kopie_project(tmp_path / "project")
    shutil.copytree(VOORBEELD, project / "lokaal")
    vervang(project / "lokaal/afspraken.yaml", "actie: W-D-05", "actie: W-D-55")
    site = tmp_path / "site"
    site.mkdir()
    (site / "vorige.html").write_text("vorige build", encoding="utf-8")
    uitkomst = mkdocs_build(project, site, KADER_LOKAAL="lokaal")
    uitvoer = uitkomst.stdout + uitkomst.stderr
    assert uitkomst.returncode != 0 and "Traceback" not in uitvoer
    assert "lokaal/afspraken.yaml:" in uitvoer and "onbekende actie 'W-D-55'" in uitvoer
    assert [p.name for p in site.iterdir()] == ["vorige.html"]
    cli = subprocess.run([sys.executable, "-m", "macros.gegevens.controleer", "data"], cwd=project,
                         capture_output=True, text=True, env={"KADER_LOKAAL": "lokaal", "PATH": ""})
    assert cli.returncode == 1 and "Traceback" not in cli.stderr and "onbekende actie 'W-D-55'" in cli.stderr


@pytest.fixture(scope="module")
def lokale_site(tmp_path_factory):
    site = tmp_path_factory.mktemp("lokaal")
    uitkomst = mkdocs_build(ROOT, site, KADER_LOKAAL=str(VOORBEELD))
    assert uitkomst.returncode == 0, uitkomst.stderr
    return site


@pytest.fixture(scope="module")
def lokaal_kader():
    return laad_uitgave(ROOT / "data", VOORBEELD)


def _pdf_tekst(pdf) -> list[str]:
    with pdfplumber.open(pdf) as document:
        return [normaliseer(p.extract_text() or "") for p in document.pages]


def test_naam_van_de_gemeente_in_titels_voorblad_kaarten_en_bundels(lokale_site, lokaal_kader):
    for pagina in ["index.html", "woningen/direct/index.html", "partners/politie/index.html"]:
        boom = lees(lokale_site / pagina)
        assert boom.findtext(".//title").endswith("Handelingskader — Gemeente Voorbeeld")
        assert "Handelingskader — Gemeente Voorbeeld" in normaliseer(boom.xpath("//header")[0].text_content())
    voorblad = _pdf_tekst(lokale_site / "downloads/overzicht-acties.pdf")[0]
    assert "Handelingskader — Gemeente Voorbeeld" in voorblad
    for naam in ["zakkaarten-a6.pdf", "zakkaarten-a4.pdf"]:
        zijden = _pdf_tekst(lokale_site / "downloads" / naam)
        assert all("Gemeente Voorbeeld" in z for z in zijden if z), naam
    assert bundelnaam(lokaal_kader) == "handelingskader-gemeente-voorbeeld-2025-11"


def test_contacten_op_partnerpagina_en_bij_handelingen(lokale_site, lokaal_kader):
    boom = lees(lokale_site / "partners/politie/index.html")
    [blok] = boom.xpath("//section[contains(@class, 'lokaal-contact')]")
    assert "Contact in Gemeente Voorbeeld" in blok.text_content()
    assert blok.xpath(".//a[@href='tel:+31200000006']") and \
        blok.xpath(".//a[@href='mailto:basisteam@politie.voorbeeld.example']")
    # every handeling that names a partner with a local phone number shows that number as a tel: link
    for ot in lokaal_kader.objecttypen:
        for f in lokaal_kader.fasen:
            boom = lees(lokale_site / ot.id / f.id / "index.html")
            for actie in lokaal_kader.fase_acties(ot, f):
                for _, deel in actie.regels():
                    for partner in deel.partners:
                        contact = lokaal_kader.contact(partner)
                        if contact and contact.telefoon:
                            [span] = boom.xpath(f"//span[@id='{deel.id.lower()}']")
                            links = span.getparent().xpath(".//a/@href")
                            assert contact.tel_uri in links, (deel.id, partner)
    overzicht = " ".join(_pdf_tekst(lokale_site / "downloads/overzicht-acties.pdf"))
    assert "Lokale contacten Gemeente Voorbeeld" in overzicht and "basisteam@politie.voorbeeld.example" in overzicht
    kaarten = _pdf_tekst(lokale_site / "downloads/zakkaarten-a6.pdf")
    assert any("Lokale contacten Gemeente Voorbeeld" in z and "Politie: Basisteam Voorbeeld" in z for z in kaarten)


def test_lokale_afspraken_apart_en_gemarkeerd(lokale_site, lokaal_kader):
    boom = lees(lokale_site / "woningen/direct/index.html")
    acties = {anker: teksten for anker, _, teksten in acties_op_pagina(boom)}
    for afspraak in lokaal_kader.lokaal.afspraken["W-D-05"]:
        assert acties["w-d-05"][-1] == f"Lokale afspraak: {normaliseer(afspraak.tekst)}"
    [p] = boom.xpath("//p[contains(@class, 'lokale-afspraak')][contains(., 'persbericht')]")
    assert p.xpath("./strong/text()") == ["Lokale afspraak:"] and not p.xpath("ancestor::li")


def test_web_overzicht_en_kaarten_gelijk_ook_met_lokale_afspraken(lokale_site, lokaal_kader):
    assert verschillen(lokaal_kader, lokale_site) == []
    for naam in ["overzicht-acties.pdf", "zakkaarten-a6.pdf", "zakkaarten-a4.pdf"]:
        tekst = " ".join(_pdf_tekst(lokale_site / "downloads" / naam))
        for afspraken in lokaal_kader.lokaal.afspraken.values():
            for afspraak in afspraken:
                assert normaliseer(afspraak.tekst)[:40] in tekst, (naam, afspraak.actie)


def test_landelijke_tekst_blijft_ongewijzigd(lokale_site, site):
    for naam in ["handelingskader.json", "handelingskader.csv", "handelingskader.schema.json"]:
        assert (lokale_site / "downloads" / naam).read_bytes() == (site / "downloads" / naam).read_bytes(), naam
    for pagina in ["woningen/direct/index.html", "bedrijfspanden/nazorg/index.html"]:
        landelijk = [(a, t, [r for r in teksten]) for a, t, teksten in acties_op_pagina(lees(site / pagina))]
        lokaal = [(a, t, [r for r in teksten if not r.startswith("Lokale afspraak: ")])
                  for a, t, teksten in acties_op_pagina(lees(lokale_site / pagina))]
        assert lokaal == landelijk, pagina


def test_ook_met_lokale_afspraken_geen_actie_in_tweeen(lokale_site, lokaal_kader):
    downloads = lokale_site / "downloads"
    for paginas in [pdf_regels(downloads / "overzicht-acties.pdf"), pdf_regels(downloads / "zakkaarten-a6.pdf"),
                    a4_zijden(downloads / "zakkaarten-a4.pdf")]:
        assert gesplitste_acties(lokaal_kader, paginas) == []


def test_vervolgpagina_herhaalt_objecttype_fase_en_fasebalk(lokale_site, lokaal_kader):
    """A phase longer than a page (here: with the local arrangements) continues on a page that repeats
    the object type, the phase and the phase bar, marked as continued; its first page is not marked."""
    pdf = lokale_site / "downloads/overzicht-acties.pdf"
    paginas = pdf_regels(pdf)
    namen = {ot.naam: ot for ot in lokaal_kader.objecttypen}
    fasen = {f.naam: f for f in lokaal_kader.fasen}
    fasebalk = " | ".join(fasen)
    starts, ot = [], None
    for niveau, titel, pagina in bladwijzers(pdf):
        if niveau == 0:
            ot = namen.get(titel, ot)
        elif niveau == 1 and titel in fasen:
            starts.append((ot.naam, titel, pagina))
    grenzen = [p for *_, p in starts[1:]] + [len(paginas)]
    vervolgd = 0
    for (objecttype, fase, begin), einde in zip(starts, grenzen):
        assert not any("(vervolg)" in r for r in paginas[begin])
        for vervolg in paginas[begin + 1:einde]:
            assert vervolg[:2] == [f"{objecttype} · {fase} (vervolg)", fasebalk], vervolg[:2]
            vervolgd += 1
    assert vervolgd > 0
