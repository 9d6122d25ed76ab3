"""A gemeente's own edition (KADER_LOKAAL): its name, local contacts and local arrangements appear on
the web pages, in the Overzicht and on the cards, apart from the national text, which stays exactly
as published; a wrong overlay stops the build with FILE:LINE:COL messages.

Tested at three sizes (examples/): a village (two contacts, no arrangements), the example, and a
large city (a contact for every partner, 47 arrangements, some long). Each is built once for this
module, when a test first needs it."""
from __future__ import annotations

import csv
import io
import json
import re
import shutil
import subprocess
import sys

import jsonschema
import pdfplumber
import pypdf
import pytest
import yaml

from conftest import ROOT, SITE_URL, kopie_project, mkdocs_build
from druk_gedeeld import (buiten_de_boom, buiten_de_snijrand, drukwerk_van_kader, onleesbare_inhoud,
                          onverklaarde_outloud_bevindingen, pdfua_bevindingen)
from drukmeting import gemeentenaam, kaartbevindingen, kaartzijden, zijden_per_kaart
from gelijkheid import (MM, VERWIJZING, a4_zijden, bladwijzers, gesplitste_acties, pdf_regels, plat, uit_a4,
                        uit_pdf_per_fase, verschillen)
from html_site import acties_op_pagina, html_bestanden, koptekst, lees, normaliseer
from macros.adressen import SECTIEANKERS, bundelnaam
from macros.gegevens.lokaal import AFSPRAKEN, CONTACTEN, LABEL, laad_uitgave
from macros.gegevens.yamlbestand import DataFout

OVERLAYS = {naam: ROOT / f"examples/gemeente-{naam}" for naam in ("klein", "voorbeeld", "groot")}
VOORBEELD = OVERLAYS["voorbeeld"]
PDFS = ["overzicht-acties.pdf", "zakkaarten-a6.pdf", "zakkaarten-a4.pdf"]


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
    ("contacten.yaml", "bereikbaarheid: Dag en nacht via de meldkamer", "bereikbaarheid: " + "Dag en nacht " * 8, 21,
     "'bereikbaarheid' is 103 tekens lang; hoogstens 100 tekens"),
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


# --- the three overlays, each built once ------------------------------------------------------------

@pytest.fixture(scope="module")
def gebouwd(tmp_path_factory):
    """The site (with every PDF) of an overlay by its name, built when a test first asks for it."""
    sites = {}

    def site(naam: str):
        if naam not in sites:
            doel = tmp_path_factory.mktemp(naam)
            uitkomst = mkdocs_build(ROOT, doel, KADER_LOKAAL=str(OVERLAYS[naam]))
            assert uitkomst.returncode == 0, uitkomst.stderr[-3000:]
            sites[naam] = doel
        return sites[naam]
    return site


@pytest.fixture(scope="module")
def kaders():
    return {naam: laad_uitgave(ROOT / "data", map_) for naam, map_ in OVERLAYS.items()}


@pytest.fixture(scope="module")
def lokale_site(gebouwd):
    return gebouwd("voorbeeld")


@pytest.fixture(scope="module")
def lokaal_kader(kaders):
    return kaders["voorbeeld"]


def _pdf_tekst(pdf) -> list[str]:
    with pdfplumber.open(pdf) as document:
        return [normaliseer(p.extract_text() or "") for p in document.pages]


def _regels(pdf) -> list[list[str]]:
    """The lines of every page, or of every card side on the A4 sheets."""
    return a4_zijden(pdf) if pdf.name == "zakkaarten-a4.pdf" else pdf_regels(pdf)


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
    assert "Lokale contacten Gemeente Voorbeeld" in overzicht
    with pdfplumber.open(lokale_site / "downloads/overzicht-acties.pdf") as document:
        pagina = document.pages[-1]  # the e-mail column, from 160 mm: an address may wrap in it
        kolom = pagina.within_bbox((160 * MM, 0, pagina.width, pagina.height)).extract_text()
    assert "basisteam@politie.voorbeeld.example" in "".join(kolom.split())
    kaarten = _pdf_tekst(lokale_site / "downloads/zakkaarten-a6.pdf")
    assert any("Lokale contacten Gemeente Voorbeeld Politie 020 000 0006 Basisteam Voorbeeld" in z for z in kaarten)


def test_lokale_afspraken_apart_en_gemarkeerd(lokale_site, lokaal_kader):
    boom = lees(lokale_site / "woningen/direct/index.html")
    acties = {anker: teksten for anker, _, teksten in acties_op_pagina(boom)}
    for afspraak in lokaal_kader.lokaal.afspraken["W-D-05"]:
        assert acties["w-d-05"][-1] == f"Lokale afspraak: {normaliseer(afspraak.tekst)}"
    [p] = boom.xpath("//p[contains(@class, 'lokale-afspraak')][contains(., 'persbericht')]")
    assert p.xpath("./strong/text()") == ["Lokale afspraak:"] and not p.xpath("ancestor::li")


# --- print: whole acties, whole numbers, one page per phase --------------------------------------------

@pytest.mark.parametrize("naam", OVERLAYS)
def test_web_overzicht_en_kaarten_tonen_de_data(gebouwd, kaders, naam):
    """Web and cards show each actie with its arrangements; the Overzicht the national acties."""
    assert verschillen(kaders[naam], gebouwd(naam)) == []


@pytest.mark.parametrize("naam", OVERLAYS)
def test_geen_actie_over_twee_paginas_of_kaartzijden(gebouwd, kaders, naam):
    downloads = gebouwd(naam) / "downloads"
    for pdf in PDFS:
        met_afspraken = pdf != "overzicht-acties.pdf"  # the Overzicht has them in a section of their own
        assert gesplitste_acties(kaders[naam], _regels(downloads / pdf), met_afspraken) == [], pdf


@pytest.mark.parametrize("naam", OVERLAYS)
def test_telefoonnummer_heel_op_een_regel_in_elke_pdf(gebouwd, kaders, naam):
    """Read from the PDF text with its layout (pdfplumber, line by line; the A4 sheets per card side):
    every local number stands whole on one line wherever it is printed, never as '020 000' | '0001'.
    The Overzicht lists every contact; a card those of the partners it names."""
    kader = kaders[naam]
    op_kaarten = {c.telefoon for p, c in kader.contacten_bij([plek.actie for plek in kader.plekken()])}
    for pdf in PDFS:
        paginas = _regels(gebouwd(naam) / "downloads" / pdf)
        regels = "\n".join(r.strip() for pagina in paginas for r in pagina)
        vlak = " ".join(regels.split("\n"))
        for _, contact in kader.lokale_contacten():
            if not contact.telefoon:
                continue
            assert regels.count(contact.telefoon) == vlak.count(contact.telefoon), (pdf, contact.telefoon)
            if pdf == "overzicht-acties.pdf" or contact.telefoon in op_kaarten:
                assert regels.count(contact.telefoon) > 0, (pdf, contact.telefoon)


# The cards of each edition that take more than a front and a back; every other card has two sides.
# On each, the gemeente's contacts for the partners the card names do not fit under its acties: they
# follow on a side of their own (or more), and the helping back where that leaves the sides odd. The
# acties with the gemeente's arrangements take two sides; three on the example's Woningen · Direct and
# the city's Bedrijfspanden · Direct, Bedrijfspanden · Dagen/weken and Voertuigen · Direct, four on the
# city's Woningen · Direct. New at 8 pt: the village's Bedrijfspanden · Dagen/weken (its one contact,
# four lines, no longer fits under its acties).
MEER_DAN_TWEE_ZIJDEN = {
    "klein": {"Woningen · Direct na een explosie": 4, "Bedrijfspanden · Direct na een explosie": 4,
              "Bedrijfspanden · Dagen/weken na een aanslag (nazorg)": 4},
    "voorbeeld": {f"{ot} · {fase}": 4 for ot in ("Woningen", "Bedrijfspanden", "Voertuigen")
                  for fase in ("Direct na een explosie", "Dagen/weken na een aanslag (nazorg)")},
    "groot": {**{f"{ot} · {fase}": 4 for ot in ("Woningen", "Bedrijfspanden", "Voertuigen")
                 for fase in ("Dreiging (herhaal)explosies", "Dagen/weken na een aanslag (nazorg)")},
              **{f"{ot} · Direct na een explosie": 6 for ot in ("Woningen", "Bedrijfspanden", "Voertuigen")},
              "Bedrijfspanden · Dagen/weken na een aanslag (nazorg)": 6},
}


@pytest.mark.parametrize("naam", OVERLAYS)
def test_kaartzijden_leesbaar_bij_een_zaklamp(gebouwd, naam):
    """As on the national cards (tests/test_druk_kaarten.py), also with the footer on two lines: body
    and footer 8 pt or more, no line within 3 mm above the footer, the running head only on a side
    without the card's title; and the sides each card takes."""
    zijden = kaartzijden(gebouwd(naam) / "downloads/zakkaarten-a6.pdf", gemeentenaam(OVERLAYS[naam]))
    assert kaartbevindingen(zijden) == []
    assert {kaart: n for kaart, n in zijden_per_kaart(zijden).items() if n != 2} == MEER_DAN_TWEE_ZIJDEN[naam]


def _sectiepaginas(pdf) -> dict[str, int]:
    """The page (from 0) of each named destination of the Overzicht."""
    lezer = pypdf.PdfReader(pdf)
    return {str(naam): lezer.get_destination_page_number(doel) for naam, doel in lezer.named_destinations.items()}


@pytest.mark.parametrize("naam", OVERLAYS)
def test_een_pagina_per_fase_en_de_inhoud_noemt_elke_sectie(gebouwd, kaders, naam):
    """The official rhythm stays: cover, contents, one page per object type x phase (no continuation
    page), then the gemeente's own sections, each in the contents with its page, its title heading
    its first page and its name (short, whatever the gemeente's name) running above the next; every
    footer names the edition and page only."""
    kader = kaders[naam]
    pdf = gebouwd(naam) / "downloads/overzicht-acties.pdf"
    paginas = pdf_regels(pdf)
    fasen = [p for niveau, titel, p in bladwijzers(pdf) if niveau == 1 and titel in {f.naam for f in kader.fasen}]
    assert fasen == list(range(2, 14))
    assert not any("(vervolg)" in r for pagina in paginas for r in pagina)
    gemeente = kader.lokaal.gemeente.naam
    secties = [(SECTIEANKERS["afspraken"], AFSPRAKEN)] if kader.lokale_afspraken() else []
    secties += [(SECTIEANKERS["contacten"], CONTACTEN)]
    doelen = _sectiepaginas(pdf)
    begin = [doelen[anker_] for anker_, _ in secties]
    assert begin[0] == 14 and begin == sorted(begin)
    inhoud = " ".join(paginas[1])
    for (_, sectie), start, einde in zip(secties, begin, begin[1:] + [len(paginas)]):
        titel = f"{sectie} {gemeente}"
        assert paginas[start][0] == titel
        assert re.search(rf"{re.escape(titel)} ?\.* ?{start + 1}\b", inhoud), (titel, inhoud)
        for nummer, regels in enumerate(paginas[start:einde], start + 1):  # later pages: the section's name
            assert regels[0] == (titel if nummer == start + 1 else sectie), regels
            assert re.fullmatch(rf"Editie .+ · pagina {nummer} van {len(paginas)}", regels[-1]), regels


@pytest.mark.parametrize("naam", ["voorbeeld", "groot"])
def test_elke_actie_met_afspraak_wijst_naar_haar_pagina(gebouwd, kaders, naam):
    """Beside the title of an actie with local arrangements: 'Lokale afspraak: p. N', and page N holds
    them under the actie's code and title."""
    kader = kaders[naam]
    paginas = pdf_regels(gebouwd(naam) / "downloads/overzicht-acties.pdf")
    for plek, afspraken in kader.lokale_afspraken():
        kop = f"{plek.actie.code} {plek.actie.titel}"
        [verwijzing] = [VERWIJZING.search(r).group() for pagina in paginas[2:14] for r in pagina
                        if r.startswith(plek.actie.code) and VERWIJZING.search(r)]
        nummer = int(verwijzing.rsplit(" ", 1)[1])
        tekst = plat(" ".join(paginas[nummer - 1]))
        assert plat(kop) in tekst, (kop, nummer)
        for afspraak in afspraken:
            assert plat(f"{LABEL}: {afspraak.tekst}") in tekst, (kop, nummer)


@pytest.mark.parametrize("naam", OVERLAYS)
def test_pdfua_machinaal_controleerbaar_deel_zonder_fouten(gebouwd, naam, monkeypatch):
    """The gemeente's pages and tables too (a header cell says what it heads); the A4 sheets are
    imposed from the A6 sides and checked on the national build."""
    for pdf in ["overzicht-acties.pdf", "zakkaarten-a6.pdf"]:
        assert pdfua_bevindingen(gebouwd(naam) / "downloads" / pdf, monkeypatch) == [], pdf


@pytest.mark.parametrize("naam", OVERLAYS)
def test_outloud_en_structuurboom_als_de_landelijke_editie(gebouwd, naam):
    """As tests/test_pdf_toegankelijk.py for the national PDFs: the local sections' running head,
    the pointers to them, the contact tables with their e-mail links, the contents with its sections."""
    for pdf in PDFS:
        pad = gebouwd(naam) / "downloads" / pdf
        assert onverklaarde_outloud_bevindingen(pad) == [], pdf
        assert buiten_de_boom(pad) == [], pdf
        assert buiten_de_snijrand(pad) == [], pdf  # the large city's contacts ran into the card's edge
    assert onleesbare_inhoud(gebouwd(naam) / "downloads" / "overzicht-acties.pdf") == []


def test_vervolgpagina_herhaalt_objecttype_fase_en_fasebalk(kaders, tmp_path):
    """Where a phase does run over (here: the large city's arrangements under their acties, the
    layout not chosen), the continuation page repeats the object type, the phase and the phase bar,
    marked as continued; its first page is not marked."""
    kader = kaders["groot"]
    drukwerk = drukwerk_van_kader(kader, afspraken_achteraan=False)
    pdf = tmp_path / "overzicht-acties.pdf"
    pdf.write_bytes(drukwerk.overzicht()["overzicht-acties.pdf"])
    paginas = pdf_regels(pdf)
    fasen = {f.naam for f in kader.fasen}
    fasebalk = " | ".join(f.naam for f in kader.fasen)
    starts, ot = [], None
    for niveau, titel, pagina in bladwijzers(pdf):
        if niveau == 0:
            ot = titel
        elif niveau == 1 and titel in fasen:
            starts.append((ot, titel, pagina))
    grenzen = [p for *_, p in starts[1:]] + [min(p for n, _, p in bladwijzers(pdf) if n == 0 and p > starts[-1][2])]
    vervolgd = 0
    for (objecttype, fase, begin), einde in zip(starts, grenzen):
        assert not any("(vervolg)" in r for r in paginas[begin])
        for vervolg in paginas[begin + 1:einde]:
            assert vervolg[:2] == [f"{objecttype} · {fase} (vervolg)", fasebalk], vervolg[:2]
            vervolgd += 1
    assert vervolgd > 0


def test_kaart_zonder_siteadres_sluit_de_ruimte_van_de_qr_code(kaders, tmp_path):
    """Without the site's address a card has no QR code, and no empty block where it would be: its
    first actie comes right under the head."""
    kader = kaders["klein"]
    boven = {}
    for adres in ("https://intranet.gemeente.example/kader/", ""):
        drukwerk = drukwerk_van_kader(kader, adres)
        pdf = tmp_path / f"kaart{len(adres)}.pdf"
        pdf.write_bytes(drukwerk.zakkaarten_a6_deel(drukwerk.kaarten()[:1]))
        with pdfplumber.open(pdf) as document:
            regels = document.pages[0].extract_text_lines()
        boven[adres] = next(r["top"] for r in regels if r["text"].startswith("W-P-01"))
        kop = next(r["bottom"] for r in regels if r["text"] == "Preventie")
    assert boven[""] - kop < 8 * 72 / 25.4 < boven["https://intranet.gemeente.example/kader/"] - kop


# --- the national text, word for word ---------------------------------------------------------------

def _zonder_afspraken(tekst: str, kader) -> str:
    for _, afspraken in kader.lokale_afspraken():
        for afspraak in afspraken:
            tekst = tekst.replace(plat(f"{LABEL}: {afspraak.tekst}"), "")
    return plat(tekst)


@pytest.mark.parametrize("naam", OVERLAYS)
def test_landelijke_tekst_woord_voor_woord_als_de_landelijke_editie(gebouwd, kaders, kader, site, naam):
    """Every page per object type x phase, the Overzicht and both card files hold the national build's
    text, word for word, once the gemeente's own arrangements are taken out."""
    lokaal, lokaal_kader = gebouwd(naam), kaders[naam]
    for ot in kader.objecttypen:
        for f in kader.fasen:
            pagina = f"{ot.id}/{f.id}/index.html"
            landelijk = acties_op_pagina(lees(site / pagina))
            eigen = [(a, t, [r for r in teksten if not r.startswith(f"{LABEL}: ")])
                     for a, t, teksten in acties_op_pagina(lees(lokaal / pagina))]
            assert eigen == landelijk, pagina
    for pdf, lees_uit in [("overzicht-acties.pdf", uit_pdf_per_fase), ("zakkaarten-a6.pdf", uit_pdf_per_fase),
                          ("zakkaarten-a4.pdf", uit_a4)]:
        landelijk = lees_uit(site / "downloads" / pdf, kader)
        eigen = {sleutel: _zonder_afspraken(tekst, lokaal_kader)
                 for sleutel, tekst in lees_uit(lokaal / "downloads" / pdf, lokaal_kader).items()}
        assert eigen == landelijk, pdf


# --- the downloads --------------------------------------------------------------------------------

def _csv(pad) -> list[list[str]]:
    return list(csv.reader(io.StringIO(pad.read_text(encoding="utf-8-sig")), delimiter=";"))


@pytest.mark.parametrize("naam", OVERLAYS)
def test_lokale_downloads_met_schema_landelijk_ongewijzigd(gebouwd, kaders, site, naam):
    """JSON and CSV of the edition: the national records unchanged, plus the gemeente's contacts and
    arrangements marked as local; the JSON valid against the schema published beside it."""
    kader, downloads, landelijk = kaders[naam], gebouwd(naam) / "downloads", site / "downloads"
    data = json.loads((downloads / "handelingskader.json").read_text(encoding="utf-8"))
    schema = json.loads((downloads / "handelingskader.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(data, schema)
    eigen = data.pop("lokaal")
    assert data == json.loads((landelijk / "handelingskader.json").read_text(encoding="utf-8"))
    assert eigen["herkomst"] == "lokaal" and eigen["gemeente"] == kader.lokaal.gemeente.model_dump()
    assert [(c["partner"], c["telefoon"], c["bereikbaarheid"]) for c in eigen["contacten"]] == \
        [(p.id, c.telefoon, c.bereikbaarheid) for p, c in kader.lokale_contacten()]
    assert [(a["actie"], a["tekst"]) for a in eigen["afspraken"]] == \
        [(plek.actie.code, a.tekst) for plek, afspraken in kader.lokale_afspraken() for a in afspraken]
    rijen, nationaal = _csv(downloads / "handelingskader.csv"), _csv(landelijk / "handelingskader.csv")
    assert rijen[0] == nationaal[0] + ["herkomst"]
    assert [r[:-1] for r in rijen[1:] if r[-1] == "landelijk"] == nationaal[1:]
    assert [(r[2], r[4]) for r in rijen if r[-1] == "lokaal"] == [(c, t) for c, t in
                                                                   ((a["actie"], a["tekst"]) for a in eigen["afspraken"])]
    contacten = _csv(downloads / "lokale-contacten.csv")
    assert contacten[0][-1] == "herkomst" and {r[-1] for r in contacten[1:]} == {"lokaal"}
    assert [r[0] for r in contacten[1:]] == [p.id for p, _ in kader.lokale_contacten()]


# --- the website: the page of local contacts, numbers with their availability, a phone -------------

@pytest.mark.parametrize("naam", OVERLAYS)
def test_pagina_lokale_contacten_in_menu_en_bereikbaarheid_naast_elk_nummer(gebouwd, kaders, naam):
    """A page of every local contact (in the navigation, also the phone's menu, and on the home page);
    wherever a number is shown it is a tel: link that does not break, with its availability beside it."""
    kader, site = kaders[naam], gebouwd(naam)
    pagina = lees(site / "contacten/index.html")
    assert [koptekst(h) for h in pagina.xpath("//section[contains(@class, 'lokaal-contact')]/h2")] \
        == [p.naam for p, _ in kader.lokale_contacten()]
    for boom in [lees(site / "index.html"), lees(site / "woningen/direct/index.html")]:
        assert boom.xpath("//nav[contains(@class, 'md-nav--primary')]//a[normalize-space()='Lokale contacten']")
    assert lees(site / "index.html").xpath("//p[contains(@class, 'lokaal-snelkeuze')]/a[contains(@href, 'contacten/')]")
    per_uri = {c.tel_uri: c for _, c in kader.lokale_contacten() if c.telefoon}
    getoond = 0
    for bestand in html_bestanden(site):
        for link in lees(bestand).xpath("//article//a[starts-with(@href, 'tel:')]"):
            contact = per_uri[link.get("href")]
            span = link.getparent()
            assert "telefoon" in span.get("class", "") and normaliseer(link.text_content()) == contact.telefoon
            if contact.bereikbaarheid:
                naast = span.getnext()
                assert naast is not None and naast.get("class") == "bereikbaarheid" and \
                    normaliseer(naast.text_content()) == f"({contact.bereikbaarheid})", bestand
            getoond += 1
    assert getoond > len(per_uri)


LOKALE_PAGINAS = ["", "contacten/", "woningen/direct/", "bedrijfspanden/direct/", "partners/politie/", "downloads/"]


@pytest.mark.parametrize("naam", OVERLAYS)
def test_lokale_paginas_toegankelijk_en_kop_leesbaar_vanaf_320_px(gebouwd, browser, tmp_path, naam):
    """axe-core: no WCAG 2.1 A/AA violation on the pages a gemeente's edition changes, on a computer and
    a phone; at 320 px the header shows the edition's whole name, no number is broken across two
    lines, and the phone's menu has the page of local contacts."""
    from webserver import serveer
    from wcag import axe_wcag
    fouten = {}
    with serveer(gebouwd(naam), "intranet/kader", tmp_path) as basis:
        for breedte in (1280, 320):
            context = browser.new_context(viewport={"width": breedte, "height": 700})
            page = context.new_page()
            for pad in LOKALE_PAGINAS:
                page.goto(basis + pad)
                if overtredingen := axe_wcag(page)["violations"]:
                    fouten[(breedte, pad)] = [v["id"] for v in overtredingen]
                naam_ = page.locator(".md-header__topic .md-ellipsis").first
                maten = naam_.evaluate("e => [e.scrollWidth, e.clientWidth, e.scrollHeight, e.clientHeight]")
                assert maten[0] <= maten[1] and maten[2] <= maten[3], (breedte, pad, maten)
                assert naam_.inner_text().strip().startswith("Handelingskader — Gemeente")
                gebroken = page.locator(".md-typeset .telefoon").evaluate_all(
                    "els => els.filter(e => e.getClientRects().length > 1).map(e => e.textContent)")
                assert gebroken == [], (breedte, pad)
            if breedte == 320:
                page.locator("label.md-header__button[for='__drawer']").click()
                menu = page.locator("nav.md-nav--primary").get_by_role("link", name="Lokale contacten", exact=True)
                menu.first.wait_for(state="visible")
            context.close()
    assert fouten == {}


@pytest.mark.parametrize("checklijst", [False, True], ids=["gewoon", "checklijst"])
def test_fasepagina_uit_de_browser_zonder_gesplitste_actie(gebouwd, kaders, browser, tmp_path, checklijst):
    """As tests/test_afdrukken.py, on the large city: each actie with its arrangements, the last of
    which ends the actie, whole on one page of the printout."""
    from afdruk import afdrukfouten
    from webserver import serveer
    kader = kaders["groot"]
    paginas = {f"{p.objecttype.id}/{p.fase.id}/": [] for p in kader.plekken()}
    for p in kader.plekken():
        regels = [d.tekst for d in p.actie.delen()] + [a.tekst for a in kader.afspraken(p.actie)]
        paginas[f"{p.objecttype.id}/{p.fase.id}/"].append((str(p.actie.code), p.actie.titel, regels))
    assert sum(bool(kader.afspraken(p.actie)) for p in kader.plekken()) > 10
    with serveer(gebouwd("groot"), "intranet/kader", tmp_path) as basis:
        fouten = afdrukfouten(browser, basis, paginas, checklijst, tmp_path)
    assert not fouten, "\n".join(fouten)


@pytest.mark.parametrize("naam", OVERLAYS)
def test_eigen_editie_beschrijft_haar_eigen_bestanden(gebouwd, naam):
    """The Data Package and DCAT of a gemeente's own edition describe its files: frictionless
    validates every CSV, the local rows and contacts included (0 errors); the DCAT names the gemeente
    as publisher and maker, is not public (an intranet edition with contacts), and has one
    distribution per download, the local contacts included, each a file of the build."""
    from frictionless import validate

    from dcat_ap_nl import PREFIXEN, dcat_fouten, dcat_graaf, downloadlinks
    site, map_ = gebouwd(naam), OVERLAYS[naam]
    downloads = site / "downloads"
    gemeente = yaml.safe_load((map_ / "gemeente.yaml").read_text(encoding="utf-8"))["gemeente"]
    contacten, afspraken = _ruw(map_, "contacten"), _ruw(map_, "afspraken")
    rapport = validate(str(downloads / "datapackage.json"))
    assert rapport.valid, [f"{t.name}: {f.message}" for t in rapport.tasks for f in t.errors][:10]
    bronnen = {b["path"]: b for b in json.loads((downloads / "datapackage.json").read_text(encoding="utf-8"))["resources"]}
    assert set(bronnen) == downloadlinks(site) - {"datapackage.json"}
    assert ("lokale-contacten.csv" in bronnen) == bool(contacten)
    velden = {v["name"]: v for v in bronnen["handelingskader.csv"]["schema"]["fields"]}
    assert velden["herkomst"]["constraints"]["enum"] == ["landelijk", "lokaal"]
    rijen = list(csv.DictReader(io.StringIO((downloads / "handelingskader.csv").read_text(encoding="utf-8-sig")),
                                delimiter=";"))
    lokaal = [r for r in rijen if r["herkomst"] == "lokaal"]
    assert [(r["soort"], r["code"], r["handeling"]) for r in lokaal] == [("afspraak", a["actie"], a["tekst"])
                                                                         for a in _in_volgorde(afspraken)]
    graaf = dcat_graaf(downloads)
    assert dcat_fouten(graaf, downloads, f"{SITE_URL}downloads/") == []
    assert len(list(graaf.query(PREFIXEN + "SELECT ?x WHERE { ?d dcat:distribution ?x }"))) == \
        len(downloadlinks(site) - {"dcat.ttl"})
    [(uitgever, toegang)] = graaf.query(PREFIXEN + """SELECT ?n ?t WHERE {
        ?d a dcat:Dataset ; dct:publisher [ foaf:name ?n ] ; dct:accessRights ?t }""")
    assert str(uitgever) == gemeente["naam"] and str(toegang).endswith("/access-right/NON_PUBLIC")
    makers = {str(n) for (n,) in graaf.query(PREFIXEN + "SELECT ?n WHERE { ?d dct:creator [ foaf:name ?n ] }")}
    assert gemeente["naam"] in makers and len(makers) == 2


def _ruw(map_, soort: str) -> list[dict]:
    """The contacts or arrangements of an overlay as its YAML file has them (none without the file)."""
    bestand = map_ / f"{soort}.yaml"
    return (yaml.safe_load(bestand.read_text(encoding="utf-8")) or {}).get(soort) or [] if bestand.exists() else []


def _in_volgorde(afspraken: list[dict]) -> list[dict]:
    """The arrangements in publication order: by the place of their actie, then as the file has them."""
    from ruwe_yaml import acties
    plaats = {a.code: i for i, a in enumerate(acties())}
    return sorted(afspraken, key=lambda a: plaats[a["actie"]])


ADRESSEN_IN_TEKST = {  # an address inside an arrangement's text as an author writes it -> its link
    "oov@gemeente-voorbeeld.example": "mailto:oov@gemeente-voorbeeld.example",
    "www.voorbeeld.example/explosies": "https://www.voorbeeld.example/explosies",
    "https://voorbeeld.example/meld?soort=explosie&wijk=2": "https://voorbeeld.example/meld?soort=explosie&wijk=2",
}
TELEFOON_IN_TEKST = {  # a number as authors write it -> its tel: link
    "06-12345678": "tel:+31612345678", "010 123 45 67": "tel:+31101234567", "+31 (0)20 765 4321": "tel:+31207654321",
    "0800-8844": "tel:08008844", "14 020": "tel:14020",
}


def test_adressen_in_vrije_tekst_zijn_links_op_web_en_papier(tmp_path, browser):
    """A web or e-mail address or a phone number inside free text (here an arrangement and an
    availability) is a link whose text is the address or number: on the actie's page and in every PDF
    (outloud LNK-010 found addresses unlinked); the sentence's closing punctuation stays outside it;
    a number stands whole on its line, on a 320 px phone too."""
    project = kopie_project(tmp_path / "project")
    shutil.copytree(VOORBEELD, project / "lokaal")
    adressen = list(ADRESSEN_IN_TEKST)
    # each number after words of other lengths, so that in some column one reaches a line's end
    nummers = " ".join(f"{'Of ' * i}bel {n} (dag en nacht)." for i in range(4) for n in TELEFOON_IN_TEKST)
    tekst = f"Mail {adressen[0]}. Zie {adressen[1]}, of meld via {adressen[2]}. {nummers}"
    vervang(project / "lokaal/afspraken.yaml", "tekst: Het eerste persbericht gaat via de woordvoerder van dienst; "
            "de burgemeester tekent het bericht af.", f"tekst: '{tekst}'")
    vervang(project / "lokaal/contacten.yaml", "bereikbaarheid: Dag en nacht via de meldkamer",
            "bereikbaarheid: Dag en nacht, anders 0900-1234")
    site = tmp_path / "site"
    assert mkdocs_build(project, site, KADER_LOKAAL="lokaal", KADER_ZONDER_PDF="1").returncode == 0
    for pagina in ("woningen/direct/index.html", "contacten/index.html"):  # beside the number, and on its own
        bereik = [a for a in lees(site / pagina).find_class("telefoon") if a.text_content() == "0900-1234"]
        assert bereik and all(a.tag == "a" and a.get("href") == "tel:09001234" for a in bereik), pagina
    [afspraak] = [p for p in lees(site / "woningen/direct/index.html").find_class("lokale-afspraak")
                  if "persbericht" not in p.text_content() and "Mail" in p.text_content()]
    assert afspraak.text_content() == f"{LABEL}: {tekst}"
    assert {a.text_content(): a.get("href") for a in afspraak.iter("a")} == ADRESSEN_IN_TEKST | TELEFOON_IN_TEKST
    assert {a.text_content() for a in afspraak.find_class("telefoon")} == set(TELEFOON_IN_TEKST)
    from webserver import serveer
    with serveer(site, "intranet/kader", tmp_path) as basis:
        pagina = browser.new_page(viewport={"width": 320, "height": 700})
        pagina.goto(basis + "woningen/direct/")
        regels = pagina.locator(".lokale-afspraak a.telefoon").evaluate_all(
            "els => els.map(e => new Set([...e.getClientRects()].map(r => Math.round(r.top))).size)")
        pagina.close()
    assert len(regels) == 4 * len(TELEFOON_IN_TEKST) and set(regels) == {1}, regels
    kader = laad_uitgave(project / "data", project / "lokaal")
    drukwerk = drukwerk_van_kader(kader)
    for naam, inhoud in drukwerk.alles().items():
        lezer = pypdf.PdfReader(io.BytesIO(inhoud))
        uris = {a.get_object()["/A"].get("/URI") for p in lezer.pages for a in p.get("/Annots", [])
                if "/A" in a.get_object()}
        assert set(ADRESSEN_IN_TEKST.values()) | set(TELEFOON_IN_TEKST.values()) <= uris, (naam, uris)
        (tmp_path / naam).write_bytes(inhoud)
        regels = "\n".join(r.strip() for pagina in _regels(tmp_path / naam) for r in pagina)
        for nummer in TELEFOON_IN_TEKST:  # every one printed whole on its line, four times
            assert regels.count(nummer) == " ".join(regels.split("\n")).count(nummer) == 4, (naam, nummer)
