"""The printed outputs: Overzicht acties and pocket cards, read back from the real PDFs."""
from __future__ import annotations

import http.server
import json
import os
import re
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pdfplumber
import pikepdf
import pypdf
import pytest
import yaml
from weasyprint import HTML

from conftest import ROOT, SITE_URL, kopie_project, mkdocs_build
from gelijkheid import HULPKOPPEN, MM, a4_zijden, bladwijzers, gesplitste_acties, pdf_regels, verschillen
from procesboom import levend

from macros.druk.fetcher import ProjectFetcher
from macros.druk.processen import WACHTTIJD
from macros.gegevens.laden import laad

DRUKMAP = ROOT / "macros/druk/sjablonen"

CODE = re.compile(r"^[A-Z]-[A-Z]-\d{2}\b")


@pytest.fixture(scope="module")
def pdf(site):
    return lambda naam: site / "downloads" / naam


def test_web_en_druk_tonen_precies_de_data(site, kader):
    assert verschillen(kader, site) == []


def test_de_controle_kan_falen(site, tmp_path):
    """Change the data in a copy; only outputs rebuilt from that data pass the check."""
    project = kopie_project(tmp_path / "project")
    bestand = project / "data/acties/woningen.yaml"
    data = yaml.safe_load(bestand.read_text(encoding="utf-8"))
    direct = next(f for f in data["fasen"] if f["fase"] == "direct")["acties"]
    direct[0]["handelingen"].append({"id": "W-D-01.5", "tekst": direct[0]["handelingen"][2]["tekst"]})  # a repeat
    del direct[1]["handelingen"][0]  # removed
    direct[3]["handelingen"][1]["tekst"] = "Politie stelt sporen veilig."  # one word edited
    bestand.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    nieuw_kader = laad(project / "data")
    nieuwe_site = tmp_path / "site"
    uitkomst = mkdocs_build(project, nieuwe_site)
    assert uitkomst.returncode == 0, uitkomst.stderr

    assert verschillen(nieuw_kader, nieuwe_site) == []
    oud = verschillen(nieuw_kader, site)
    assert {m.split(":")[0] for m in oud} == {"website woningen/direct", "overzicht-acties.pdf woningen/direct",
                                               "zakkaarten-a6.pdf woningen/direct", "zakkaarten-a4.pdf woningen/direct"}
    for naam in ["overzicht-acties.pdf", "zakkaarten-a4.pdf"]:  # print not rebuilt, web rebuilt
        shutil.copy(site / "downloads" / naam, nieuwe_site / "downloads" / naam)
    assert {m.split(" ")[0] for m in verschillen(nieuw_kader, nieuwe_site)} == {"overzicht-acties.pdf", "zakkaarten-a4.pdf"}


def _bladwijzers(pad: Path) -> list[tuple[int, str]]:
    return [(niveau, titel) for niveau, titel, _ in bladwijzers(pad)]


def test_overzicht_bladwijzers_objecttype_fase_actie(pdf, kader):
    verwacht = []
    for ot in kader.objecttypen:
        verwacht.append((0, ot.naam))
        for f in kader.fasen:
            verwacht.append((1, f.naam))
            verwacht += [(2, f"{a.code} {a.titel}") for a in kader.fase_acties(ot, f)]
    assert _bladwijzers(pdf("overzicht-acties.pdf")) == verwacht


def test_overzicht_metadata_taal_tags_en_lettertypen(pdf, kader):
    lezer = pypdf.PdfReader(pdf("overzicht-acties.pdf"))
    assert lezer.metadata.title == f"{kader.kader.titel} – {kader.kader.ondertitel}"
    assert lezer.metadata.author == "Offensief tegen Explosies"
    root = lezer.trailer["/Root"]
    assert root["/Lang"] == "nl"
    assert bool(root["/MarkInfo"]["/Marked"]) and "/StructTreeRoot" in root
    xmp = root["/Metadata"].get_object().get_data().decode("utf-8")
    assert re.search(r"pdfuaid:part[^0-9]*1", xmp), "PDF/UA-1 identification missing"
    fonts = {}
    for pagina in lezer.pages:
        for font in pagina["/Resources"]["/Font"].values():
            font = font.get_object()
            beschrijving = (font.get("/FontDescriptor") or font["/DescendantFonts"][0].get_object()["/FontDescriptor"]).get_object()
            fonts[font["/BaseFont"]] = any(k in beschrijving for k in ("/FontFile", "/FontFile2", "/FontFile3"))
    assert fonts and all(fonts.values()), fonts
    assert any("Inter" in naam for naam in fonts)


def test_overzicht_voorblad_en_inhoudsopgave_met_werkende_links(pdf, kader):
    with pdfplumber.open(pdf("overzicht-acties.pdf")) as document:
        voorblad = " ".join(document.pages[0].extract_text().split())
        for tekst in ["OVERZICHT ACTIES", kader.kader.ondertitel, "Woningen | Bedrijfspanden | Voertuigen",
                      kader.kader.inleiding, kader.kader.offensief, "Meer informatie:", kader.kader.meer_informatie.tekst,
                      kader.kader.editie.naam]:
            assert " ".join(tekst.split()) in voorblad
        assert any(a.get("uri") == kader.kader.meer_informatie.url for a in document.pages[0].annots)
    lezer = pypdf.PdfReader(pdf("overzicht-acties.pdf"))
    links = [a.get_object() for a in lezer.pages[1].get("/Annots", [])]
    doelen = []
    for link in links:
        bestemming = link.get("/Dest") or link["/A"].get("/D")
        if isinstance(bestemming, str) or hasattr(bestemming, "encode"):
            bestemming = lezer.named_destinations[str(bestemming)]
            doelen.append(lezer.get_destination_page_number(bestemming))
        else:
            doelen.append(lezer.get_page_number(bestemming[0].get_object()))
    doelen = list(dict.fromkeys(doelen))  # one entry can have several link boxes (text, leader, number)
    assert len(doelen) == 12 and doelen == sorted(doelen) and doelen[0] == 2


def test_overzicht_voet_en_fasebalk_met_huidige_fase(pdf):
    with pdfplumber.open(pdf("overzicht-acties.pdf")) as document:
        pagina = document.pages[3]
        tekst = pagina.extract_text()
        assert "Woningen · Direct na een explosie" in tekst and "Editie November 2025 · pagina 4 van" in tekst
        balk = [w for w in pagina.extract_words(extra_attrs=["fontname"]) if w["top"] < 120]
        vet = {w["text"] for w in balk if "Bold" in w["fontname"]}
        assert {"Direct", "explosie"} <= vet and not {"Preventie", "Dreiging"} & vet


@pytest.mark.parametrize("naam", ["overzicht-acties.pdf", "zakkaarten-a6.pdf"])
def test_geen_actiekop_los_van_zijn_eerste_handeling(pdf, kader, naam):
    met_handelingen = {p.actie.code for p in kader.plekken() if p.actie.handelingen}
    for i, regels in enumerate(pdf_regels(pdf(naam))):
        koppen = [j for j, r in enumerate(regels) if CODE.match(r)]
        if koppen and CODE.match(regels[koppen[-1]]).group(0) in met_handelingen:
            assert any(r.startswith("•") for r in regels[koppen[-1]:]), f"pagina {i + 1}: kop zonder handeling"


def test_zakkaarten_a6_snijmaat_afloop_en_marges(pdf):
    lezer = pypdf.PdfReader(pdf("zakkaarten-a6.pdf"))
    assert len(lezer.pages) % 2 == 0
    with pdfplumber.open(pdf("zakkaarten-a6.pdf")) as document:
        for pagina, ruw in zip(document.pages, lezer.pages):
            media, trim, bleed = ruw.mediabox, ruw.trimbox, ruw.bleedbox
            assert round((trim.width / MM), 1) == 105.0 and round((trim.height / MM), 1) == 148.0
            assert round(float(trim.left - bleed.left) / MM, 1) == 3.0 and round(float(bleed.top - trim.top) / MM, 1) == 3.0
            # pdfplumber: x in PDF space; "top" measured down from the page's bbox top (the media box top)
            links, rechts = float(trim.left), float(trim.right)
            boven = pagina.bbox[1] + float(media.top - trim.top)
            onder = pagina.bbox[1] + float(media.top - trim.bottom)
            for teken in pagina.chars:
                assert teken["size"] >= 6.99, teken
                assert teken["x0"] >= links + 5 * MM and teken["x1"] <= rechts - 5 * MM, teken["text"]
                assert teken["top"] >= boven + 5 * MM and teken["bottom"] <= onder - 5 * MM, teken["text"]
            buiten = [lijn for lijn in pagina.lines + pagina.curves + pagina.rects
                      if lijn["x1"] < links or lijn["x0"] > rechts or lijn["bottom"] < boven or lijn["top"] > onder]
            assert buiten, "geen snijtekens buiten de snijmaat"


def test_zakkaarten_a6_kaart_begint_op_voorkant_met_qr_naar_fasepagina(pdf, kader):
    bladwijzers = _bladwijzers(pdf("zakkaarten-a6.pdf"))
    assert [t for n, t in bladwijzers if n == 1] == [f.naam for _ in kader.objecttypen for f in kader.fasen]
    lezer = pypdf.PdfReader(pdf("zakkaarten-a6.pdf"))
    with pdfplumber.open(pdf("zakkaarten-a6.pdf")) as document:
        voorkanten = [i for i, p in enumerate(document.pages) if re.search(r"Zijde 1/\d+$", p.extract_text() or "")]
        assert len(voorkanten) == 12 and all(i % 2 == 0 for i in voorkanten)
        verwacht = [f"{SITE_URL}{ot.id}/{f.id}/" for ot in kader.objecttypen for f in kader.fasen]
        for i, url in zip(voorkanten, verwacht):
            assert url in document.pages[i].extract_text().replace("\n", "")
        for i in voorkanten:  # the QR code: segno draws its modules as short stroked lines
            assert len(document.pages[i].lines) > 50
    assert lezer.trailer["/Root"]["/Lang"] == "nl"


def test_zakkaarten_a4_vier_per_vel_en_achterkant_achter_voorkant(pdf, kader):
    lezer = pypdf.PdfReader(pdf("zakkaarten-a4.pdf"))
    assert len(lezer.pages) % 2 == 0
    for pagina in lezer.pages:
        assert (round(pagina.mediabox.width / MM), round(pagina.mediabox.height / MM)) == (210, 297)
    zijden = a4_zijden(pdf("zakkaarten-a4.pdf"))
    namen = {f"{ot.naam} · {f.naam}" for ot in kader.objecttypen for f in kader.fasen}
    for voor, achter in zip(zijden[::2], zijden[1::2]):
        if achter:
            assert achter[0] in namen and achter[0] == voor[0], (voor[:1], achter[:1])
    with pdfplumber.open(pdf("zakkaarten-a4.pdf")) as document:
        for pagina in document.pages:
            assert min(c["size"] for c in pagina.chars) >= 6.99
            assert len(pagina.rects) >= 4 or len(pagina.lines) >= 4  # cut lines around the four cards


class _Teller(http.server.BaseHTTPRequestHandler):
    verzoeken = 0

    def do_GET(self):  # noqa: N802
        _Teller.verzoeken += 1
        self.send_response(404)
        self.end_headers()

    def log_message(self, *args):
        pass


def test_weasyprint_laadt_alleen_projectbestanden(tmp_path):
    fetcher = ProjectFetcher((DRUKMAP, ROOT / "overrides/assets/fonts"))
    for url in ["http://127.0.0.1/x.png", "https://example.org/font.woff2", "file:///etc/passwd",
                f"file://{ROOT}/pyproject.toml"]:
        with pytest.raises(ValueError, match="geweigerd"):
            fetcher.fetch(url)
    assert fetcher.fetch((DRUKMAP / "overzicht.css").as_uri())
    server = http.server.HTTPServer(("127.0.0.1", 0), _Teller)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    poort = server.server_address[1]
    html = (f'<img src="http://127.0.0.1:{poort}/a.png"><link rel="stylesheet" href="http://127.0.0.1:{poort}/b.css">'
            f'<p style="background: url(file:///etc/hostname)">x</p>')
    HTML(string=html, base_url=str(DRUKMAP) + "/", url_fetcher=fetcher).write_pdf()
    server.shutdown()
    assert _Teller.verzoeken == 0


def test_zakkaarten_a4_bladwijzers_bij_hun_eigen_kaart(pdf, kader):
    """Every actie bookmark of the A4 sheets sits under its own card (object type › phase, a back
    side marked '(vervolg)') and opens the sheet side where that actie stands."""
    objecttypen = {ot.naam: ot for ot in kader.objecttypen}
    fasen = {f.naam: f for f in kader.fasen}
    ot = fase = None
    gezien = []
    with pdfplumber.open(pdf("zakkaarten-a4.pdf")) as document:
        for niveau, titel, pagina in bladwijzers(pdf("zakkaarten-a4.pdf")):
            if niveau == 0:
                ot = objecttypen[titel]
            elif niveau == 1:
                fase = fasen[titel.removesuffix(" (vervolg)")]
            else:
                code = titel.split()[0]
                assert code.startswith(f"{ot.letter}-{fase.letter}-"), (titel, ot.naam, fase.naam)
                assert code in (document.pages[pagina].extract_text() or ""), titel
                gezien.append(code)
    assert sorted(gezien) == sorted(p.actie.code for p in kader.plekken())


def test_overzicht_objecttypekop_overal_even_zwaar(pdf, kader):
    """The object type heading ('WONINGEN') has one font, bold, on every page it heads."""
    namen = {ot.naam.upper() for ot in kader.objecttypen}
    lettertypen = set()
    with pdfplumber.open(pdf("overzicht-acties.pdf")) as document:
        for pagina in document.pages[2:]:
            for regel in pagina.extract_text_lines(return_chars=True):
                if regel["text"].strip() in namen:
                    lettertypen |= {teken["fontname"] for teken in regel["chars"]}
    assert len(lettertypen) == 1 and "Bold" in lettertypen.pop()


# --- An actie is never cut in two; cards numbered per card; crop marks outside the bleed; PDF/UA ---

def _paginas(pdf, naam) -> list[list[str]]:
    return a4_zijden(pdf(naam)) if naam == "zakkaarten-a4.pdf" else pdf_regels(pdf(naam))


@pytest.mark.parametrize("naam", ["overzicht-acties.pdf", "zakkaarten-a6.pdf", "zakkaarten-a4.pdf"])
def test_geen_actie_over_twee_paginas_of_kaartzijden(pdf, kader, naam):
    """Every actie (code, title, handelingen, sub-items) stands whole on one page or card side."""
    assert gesplitste_acties(kader, _paginas(pdf, naam)) == []


def test_overzicht_een_pagina_per_objecttype_en_fase(pdf, kader):
    """The official rhythm: after cover and contents, one page per object type x phase."""
    fasepaginas = [p for niveau, _, p in bladwijzers(pdf("overzicht-acties.pdf")) if niveau == 1]
    assert fasepaginas == list(range(2, 2 + len(kader.objecttypen) * len(kader.fasen)))
    assert len(pypdf.PdfReader(pdf("overzicht-acties.pdf")).pages) == 2 + len(fasepaginas)


def _kaartzijden(pdf) -> list[tuple[str, list[str]]]:
    """(side number "i/n", lines without running head and footer) of every A6 page."""
    zijden = []
    for regels in pdf_regels(pdf("zakkaarten-a6.pdf")):
        nummer = re.search(r"Zijde (\d+/\d+)$", regels[-1])
        assert nummer, regels[-1]
        zijden.append((nummer.group(1), regels[1:-1]))
    return zijden


def test_kaartzijden_per_kaart_genummerd_met_editie_eenmaal(pdf, kader):
    zijden = _kaartzijden(pdf)
    nummers = [n for n, _ in zijden]
    kaarten = []
    for nummer in nummers:
        i, n = map(int, nummer.split("/"))
        kaarten.append([]) if i == 1 else None
        kaarten[-1].append((i, n))
    assert len(kaarten) == len(kader.objecttypen) * len(kader.fasen)
    for kaart in kaarten:
        assert [i for i, _ in kaart] == list(range(1, len(kaart) + 1)) and {n for _, n in kaart} == {len(kaart)}
        assert len(kaart) % 2 == 0  # front and back
    editie = kader.editieregel(kort=True)
    for regels in pdf_regels(pdf("zakkaarten-a6.pdf")):
        assert sum(r.count(editie) for r in regels) == 1, regels


def test_achterkant_begint_met_code_of_helpt_de_lezer(pdf, kader):
    """A back side starts with an actie code; a card whose acties fit its front gets a back with its
    partners, the codes legend and the QR code, never an empty page."""
    hulp = 0
    for nummer, regels in _kaartzijden(pdf):
        if nummer.startswith("1/"):
            continue
        if regels[0] in HULPKOPPEN:
            hulp += 1
            tekst = " ".join(regels)
            assert "Codes" in regels and kader.codelegenda()[:40] in tekst and SITE_URL in tekst.replace(" ", "")
        else:
            assert CODE.match(regels[0]), regels[:2]
    assert hulp > 0


def _figuren(knoop, uitkomst):
    if isinstance(knoop, pikepdf.Dictionary):
        if knoop.get("/S") == "/Figure":
            uitkomst.append(str(knoop.get("/Alt", "")))
        kind = knoop.get("/K")
        for k in (kind if isinstance(kind, pikepdf.Array) else [kind] if kind is not None else []):
            _figuren(k, uitkomst)
    return uitkomst


@pytest.mark.parametrize("naam", ["zakkaarten-a6.pdf", "zakkaarten-a4.pdf"])
def test_qr_code_is_figuur_met_het_adres_als_alternatieve_tekst(pdf, kader, naam):
    with pikepdf.open(pdf(naam)) as document:
        alt = _figuren(document.Root.StructTreeRoot, [])
    adressen = {f"QR-code naar {SITE_URL}{ot.id}/{f.id}/" for ot in kader.objecttypen for f in kader.fasen}
    assert set(alt) == adressen  # every card's QR, each with the address it opens
    assert len(alt) > len(adressen)  # the helping backs carry it too


def test_kop_en_tekst_op_een_linkerkant(pdf):
    """On every A6 side the running head, the text block and the footer share one left edge."""
    with pdfplumber.open(pdf("zakkaarten-a6.pdf")) as document:
        for pagina in document.pages:
            regels = pagina.extract_text_lines()
            randen = {round(r["x0"] / MM, 1) for r in (regels[0], regels[-1])}
            codes = {round(r["x0"] / MM, 1) for r in regels if CODE.match(r["text"])}
            assert len(randen) == 1 and codes <= randen, (randen, codes)


def test_snijtekens_buiten_de_afloop(pdf):
    """The sheet is trim + bleed + mark area; marks line up with the trim edges, start at least 3 mm
    from the trim and never enter the bleed; the bleed box stays 3 mm outside the trim box."""
    with pikepdf.open(pdf("zakkaarten-a6.pdf")) as document:
        for pagina in document.pages:
            trim, bleed, media = ([float(v) for v in pagina.obj[box]] for box in ("/TrimBox", "/BleedBox", "/MediaBox"))
            assert [round((b - t) / MM, 1) for b, t in zip(bleed, trim)] == [-3.0, -3.0, 3.0, 3.0]
            assert media[0] < bleed[0] - 3 * MM and media[2] > bleed[2] + 3 * MM
            lijnen = _snijtekens(pagina)
            assert len(lijnen) == 8
            for x0, y0, x1, y1 in lijnen:
                assert x0 == x1 or y0 == y1
                buiten_afloop = (min(x0, x1) >= bleed[2] or max(x0, x1) <= bleed[0]
                                 or min(y0, y1) >= bleed[3] or max(y0, y1) <= bleed[1])
                assert buiten_afloop, (x0, y0, x1, y1)
                afstand = min(min(abs(x - trim[0]), abs(x - trim[2])) for x in (x0, x1)) if y0 == y1 else \
                    min(min(abs(y - trim[1]), abs(y - trim[3])) for y in (y0, y1))
                assert afstand >= 3 * MM
                assert media[0] <= min(x0, x1) and max(x0, x1) <= media[2]


def _snijtekens(pagina) -> list[tuple[float, ...]]:
    """Every stroked straight line drawn outside the trim box, in PDF user space (transformations
    followed): on a card these can only be crop marks."""
    trim = [float(v) for v in pagina.obj["/TrimBox"]]
    matrix, stapel, punt, lijnen = pikepdf.Matrix(), [], None, []
    for operanden, operator in pikepdf.parse_content_stream(pagina):
        naam = str(operator)
        if naam == "q":
            stapel.append(matrix)
        elif naam == "Q":
            matrix = stapel.pop()
        elif naam == "cm":
            matrix = pikepdf.Matrix(*map(float, operanden)) @ matrix
        elif naam == "m":
            punt = matrix.transform(tuple(map(float, operanden)))
        elif naam == "l":
            einde = matrix.transform(tuple(map(float, operanden)))
            lijnen.append((*punt, *einde))
            punt = einde
    return [(x0, y0, x1, y1) for x0, y0, x1, y1 in lijnen
            if max(x0, x1) < trim[0] or min(x0, x1) > trim[2] or max(y0, y1) < trim[1] or min(y0, y1) > trim[3]]


def _as_integer_pikepdf(waarde):
    """pdfua 0.1.3's as_integer asks a pikepdf.Array for `is_integer`, which pikepdf 10 answers with
    an error, so the empty-heading rule (UA-14-001) is skipped on every tagged heading. Numbers arrive
    as Python ints; everything else from pikepdf is not a number."""
    return None if isinstance(waarde, pikepdf.Object) or isinstance(waarde, bool) else \
        (int(waarde) if isinstance(waarde, int) else None)


TEKENEN = {"Tj", "TJ", "'", '"', "Do", "sh", "BI"}  # what shows text or paints an image, form or shading


def _ongemarkeerd(inhoud) -> list[tuple[list, str]]:
    """The showing and painting operators of a content stream outside any marked-content sequence."""
    diepte, buiten = 0, []
    for operanden, operator in pikepdf.parse_content_stream(inhoud):
        naam = str(operator)
        diepte += {"BDC": 1, "BMC": 1, "EMC": -1}.get(naam, 0)
        if diepte == 0 and naam in TEKENEN:
            buiten.append((operanden, naam))
    return buiten


def _getagde_vormen(document: pikepdf.Pdf) -> dict[int, int]:
    """Per page (1-based): how many form XObjects it paints outside marked content, if each of them
    is tagged inside (ISO 32000-1 14.7.4.4: the form has /StructParents, all its content is marked,
    and the structure tree refers to it with marked-content references naming it as /Stm); -1 if
    anything else on the page is unmarked."""
    vormen_in_boom = set()
    te_doen = [document.Root.StructTreeRoot]
    while te_doen:
        knoop = te_doen.pop()
        if isinstance(knoop, pikepdf.Array):
            te_doen += list(knoop)
        elif isinstance(knoop, pikepdf.Dictionary):
            if knoop.get("/Type") == pikepdf.Name.MCR and "/Stm" in knoop:
                vormen_in_boom.add(knoop.Stm.objgen)
            if "/K" in knoop:
                te_doen.append(knoop.K)
    uitkomst = {}
    for nummer, pagina in enumerate(document.pages, 1):
        vormen = [pagina.Resources.XObject[operanden[0]] if naam == "Do" else None
                  for operanden, naam in _ongemarkeerd(pagina)]
        goed = all(v is not None and v.Subtype == pikepdf.Name.Form and "/StructParents" in v
                   and v.objgen in vormen_in_boom and not _ongemarkeerd(v) for v in vormen)
        uitkomst[nummer] = len(vormen) if goed else -1
    return uitkomst


def _pdfua_bevindingen(pad: Path, monkeypatch) -> list[str]:
    """pdfua 0.1.3 counts painting a form XObject outside marked content as untagged (UA-01-003) even
    when the form's own content is tagged and referred to from the structure tree, as PDF allows and
    the imposed A4 sheets do (macros/druk/impositie.py): such a finding counts only if the test's own
    check of those forms fails."""
    import pdfua.rules.structure
    monkeypatch.setattr(pdfua.rules.structure, "as_integer", _as_integer_pikepdf)
    rapport = pdfua.validate(str(pad))
    assert rapport.skipped == ()
    with pikepdf.open(pad) as document:
        vormen = _getagde_vormen(document)
    return [f"{f.rule_id}: {f.message}" for f in rapport.findings if not (
        f.rule_id == "UA-01-003" and f.evidence.get("unmarked_text_operators") == 0
        and f.evidence.get("unmarked_xobjects") == vormen.get(f.location.page))]


@pytest.mark.parametrize("naam", ["overzicht-acties.pdf", "zakkaarten-a6.pdf", "zakkaarten-a4.pdf"])
def test_pdfua_machinaal_controleerbaar_deel_zonder_fouten(pdf, naam, monkeypatch):
    assert _pdfua_bevindingen(pdf(naam), monkeypatch) == []


# Child scripts: the project's print stage through the build's own code path (mkdocs' config, the
# plugin's on_config); the test starts the print processes itself.
LADEN = """
import dataclasses, json, os, sys, time
from pathlib import Path
from mkdocs.config import load_config
os.environ["KADER_ZONDER_PDF"] = "1"  # on_config would start the parallel print stage
config = load_config(config_file="mkdocs.yml")
plugin = config.plugins["handelingskader"]
plugin.on_startup(command="build", dirty=False)
config = plugin.on_config(config)
"""
DRUKKEN = LADEN + """
from macros.druk.processen import alle_pdfs
uit, zijden_per_deel, manier = Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
drukwerk = dataclasses.replace(plugin.drukwerk(config), zijden_per_deel=zijden_per_deel)
for naam, inhoud in alle_pdfs(drukwerk, parallel=manier == "parallel").items():
    (uit / naam).write_bytes(inhoud)
"""
ZIJDEN_PER_DEEL_KLEIN = 6  # the real cards (24 sides) in five parts of whole cards, by their text


def _drukken(uit: Path, zijden_per_deel: int, manier: str) -> Path:
    uit.mkdir()
    env = {**os.environ, "KADER_SITE_URL": SITE_URL, "NO_MKDOCS_2_WARNING": "1"}
    uitkomst = subprocess.run([sys.executable, "-c", DRUKKEN, str(uit), str(zijden_per_deel), manier], cwd=ROOT,
                              env=env, capture_output=True, text=True)
    assert uitkomst.returncode == 0, uitkomst.stderr
    return uit


@pytest.fixture(scope="module")
def in_delen(tmp_path_factory) -> Path:
    """Every PDF with the cards laid out in parts of about six sides (whole cards) and joined, in
    parallel (the print process and its forked children, as the build does)."""
    return _drukken(tmp_path_factory.mktemp("druk") / "delen", ZIJDEN_PER_DEEL_KLEIN, "parallel")


def test_parallel_in_verse_processen_gelijk_aan_na_elkaar(site, in_delen, tmp_path):
    """The build makes each layout in a forked child of one print process (the Overzicht beside the
    parts of the cards); one process making everything one after the other gives the same bytes, for
    the real build (one part) and for the cards in five parts."""
    namen = ["overzicht-acties.pdf", "zakkaarten-a4.pdf", "zakkaarten-a6.pdf"]
    na_elkaar = _drukken(tmp_path / "na-elkaar", 40, "na-elkaar")
    delen_na_elkaar = _drukken(tmp_path / "delen-na-elkaar", ZIJDEN_PER_DEEL_KLEIN, "na-elkaar")
    for map_, vergelijk in [(na_elkaar, site / "downloads"), (delen_na_elkaar, in_delen)]:
        assert sorted(p.name for p in map_.glob("*.pdf")) == namen
        for naam in namen:
            assert (map_ / naam).read_bytes() == (vergelijk / naam).read_bytes(), (map_.name, naam)


# A build script's print stage, started and watched until two layouts run (tests/procesboom.py).
DRUKPROCES = LADEN + """
sys.path.insert(0, "tests")
from procesboom import kinderen, levend
from macros.druk.processen import Drukopdracht
drukwerk = plugin.drukwerk(config)
if "--koppig" in sys.argv:  # its Overzicht's layout ignores SIGTERM and never ends (tests/koppig.py)
    from koppig import koppig
    drukwerk = koppig(drukwerk)
opdracht = Drukopdracht(drukwerk)
drukproces = opdracht.drukproces.proces.pid
einde = time.monotonic() + 60
while len(kinderen(drukproces)) < 2 and time.monotonic() < einde:
    time.sleep(0.05)
"""
STOPPEN = DRUKPROCES + """
lagen = kinderen(drukproces)
begin = time.monotonic()
opdracht.stop()
seconden = time.monotonic() - begin
time.sleep(0.5)
print(json.dumps({"lagen": lagen, "drukproces": levend(drukproces), "levend": [p for p in lagen if levend(p)],
                  "seconden": seconden, "weasyprint_in_build": "weasyprint" in sys.modules}), flush=True)
"""


@pytest.mark.parametrize("koppig", [False, True], ids=["lagen-stoppen", "laag-negeert-sigterm"])
def test_mislukte_build_stopt_het_drukwerk(tmp_path, koppig):
    """A build that fails (on_build_error -> Drukopdracht.stop) does not wait for its PDFs: the print
    process and the layouts it forked stop, and leave no temporary folder behind, within a bounded
    time also when a layout does not stop when asked (it is killed after WACHTTIJD). The build's own
    process never loaded WeasyPrint: only its print process does."""
    tijdelijk = tmp_path / "tmp"
    tijdelijk.mkdir()
    env = {**os.environ, "KADER_SITE_URL": SITE_URL, "NO_MKDOCS_2_WARNING": "1", "TMPDIR": str(tijdelijk)}
    # a layout left running keeps the output open: then this times out instead of hanging
    uitkomst = subprocess.run([sys.executable, "-c", STOPPEN, *(["--koppig"] if koppig else [])], cwd=ROOT, env=env,
                              capture_output=True, text=True, timeout=120)
    assert uitkomst.returncode == 0, uitkomst.stderr
    gezien = json.loads(uitkomst.stdout.strip().splitlines()[-1])
    assert len(gezien["lagen"]) >= 2  # the Overzicht and the cards were being laid out
    assert not gezien["drukproces"] and gezien["levend"] == []
    assert gezien["seconden"] < 2 * WACHTTIJD + 2
    assert gezien["weasyprint_in_build"] is False
    assert list(tijdelijk.iterdir()) == []


GEDOOD = DRUKPROCES + """
import signal
print(json.dumps({"processen": [drukproces, *kinderen(drukproces)]}), flush=True)
os.kill(os.getpid(), signal.SIGKILL)
"""


def test_gedode_build_laat_geen_drukprocessen_achter(tmp_path):
    """A build killed outright (SIGKILL: no handler runs) does not leave its print process and
    layouts running as orphans: each gets SIGTERM when its parent dies, stops its own layouts and
    removes its temporary folder."""
    tijdelijk = tmp_path / "tmp"
    tijdelijk.mkdir()
    env = {**os.environ, "KADER_SITE_URL": SITE_URL, "NO_MKDOCS_2_WARNING": "1", "TMPDIR": str(tijdelijk)}
    uit, fouten = tmp_path / "uit", tmp_path / "fouten"
    with uit.open("w") as stdout, fouten.open("w") as stderr:  # not pipes: the orphans would hold them open
        build = subprocess.Popen([sys.executable, "-c", GEDOOD], cwd=ROOT, env=env, stdout=stdout, stderr=stderr)
        assert build.wait(timeout=120) == -9, fouten.read_text()
    processen = json.loads(uit.read_text().strip().splitlines()[-1])["processen"]
    assert len(processen) >= 3  # the print process and at least two layouts
    einde = time.monotonic() + 1  # a layout of the real data takes longer than this to finish by itself
    while any(levend(pid) for pid in processen) and time.monotonic() < einde:
        time.sleep(0.1)
    assert [pid for pid in processen if levend(pid)] == []
    assert list(tijdelijk.iterdir()) == []


LANGE_KAARTEN = LADEN + """
from macros.druk.inslag import Kaart
drukwerk = plugin.drukwerk(config)
acties = drukwerk.kader.fase_acties(drukwerk.kader.objecttypen[0], drukwerk.kader.fasen[1])
plekken = [(ot, fase) for ot in drukwerk.kader.objecttypen for fase in drukwerk.kader.fasen][:5]
kaarten = [Kaart(ot, fase, acties * keer, None) for keer, (ot, fase) in enumerate(plekken, 1)]
Path(sys.argv[1]).write_bytes(drukwerk.zakkaarten_a6_deel(kaarten))
"""


def test_kaarten_van_elke_lengte_even_zijden_en_hulp_alleen_na_oneven(tmp_path):
    """Cards laid out once as a flow: whatever the number of sides their acties fill (here one to five
    times the acties of one card), each card gets an even number of sides numbered 1/n..n/n, and its
    helping back only where the acties fill an odd number of sides."""
    pad = tmp_path / "kaarten.pdf"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    uitkomst = subprocess.run([sys.executable, "-c", LANGE_KAARTEN, str(pad)], cwd=ROOT, env=env,
                              capture_output=True, text=True)
    assert uitkomst.returncode == 0, uitkomst.stderr
    kaarten = []
    for regels in pdf_regels(pad):
        i, n = map(int, re.search(r"Zijde (\d+)/(\d+)$", regels[-1]).groups())
        kaarten.append([]) if i == 1 else None
        kaarten[-1].append((i, n, regels[1] in HULPKOPPEN))
    assert len(kaarten) == 5
    actiezijden = []
    for kaart in kaarten:
        assert [i for i, _, _ in kaart] == list(range(1, len(kaart) + 1)) and {n for _, n, _ in kaart} == {len(kaart)}
        assert len(kaart) % 2 == 0 and not any(hulp for _, _, hulp in kaart[:-1])
        actiezijden.append(len(kaart) - kaart[-1][2])
        assert kaart[-1][2] == (actiezijden[-1] % 2 == 1)
    assert actiezijden == sorted(actiezijden) and len(set(actiezijden)) >= 4  # from one side to several
    assert any(n % 2 == 0 for n in actiezijden) and any(n % 2 for n in actiezijden[1:])


BUITEN_RITME = LADEN + """
from macros.druk.documenten import Drukwerk, Opnieuw
from macros.druk.processen import alle_pdfs
verwacht = Drukwerk.ritme
Drukwerk.ritme = lambda self: {plek: pagina + 1 for plek, pagina in verwacht(self).items()}  # wrong
drukwerk = plugin.drukwerk(config)
print(json.dumps({"opnieuw": drukwerk.overzicht_opmaak() == Opnieuw((True,))}))
(Path(sys.argv[1]) / "overzicht-acties.pdf").write_bytes(alle_pdfs(drukwerk)["overzicht-acties.pdf"])
"""


def test_overzicht_buiten_het_verwachte_ritme_opnieuw_geteld(site, tmp_path):
    """The Overzicht's page numbers are written in where the official rhythm is expected; where the
    layout does not follow it after all (here: a wrong expectation), it is laid out again, in a fresh
    process, with WeasyPrint counting the numbers: the same file as the build's."""
    env = {**os.environ, "KADER_SITE_URL": SITE_URL, "NO_MKDOCS_2_WARNING": "1"}
    uitkomst = subprocess.run([sys.executable, "-c", BUITEN_RITME, str(tmp_path)], cwd=ROOT, env=env,
                              capture_output=True, text=True)
    assert uitkomst.returncode == 0, uitkomst.stderr
    assert json.loads(uitkomst.stdout.strip().splitlines()[-1]) == {"opnieuw": True}
    naam = "overzicht-acties.pdf"
    assert (tmp_path / naam).read_bytes() == (site / "downloads" / naam).read_bytes()


def _pdf_beschrijving(pad: Path) -> dict:
    """What a reader and assistive technology get from a PDF, with pages as numbers: each page's
    text-showing operators and boxes, the bookmarks, the named destinations, the structure tree
    (types, pages, alternative texts, marked content) and whether the parent tree points every page's
    marked content back to elements on that page."""
    with pikepdf.open(pad) as document:
        nummer = {pagina.objgen: i for i, pagina in enumerate(document.pages)}

        def plek(bestemming) -> tuple:
            return nummer[bestemming[0].objgen], tuple(float(x) for x in bestemming[2:4])

        def bladwijzers(item, diepte=0) -> list:
            uit = []
            while item is not None:
                uit.append((diepte, str(item.Title), plek(item.Dest), int(item.get("/Count", 0))))
                uit += bladwijzers(item.get("/First"), diepte + 1)
                item = item.get("/Next")
            return uit

        def structuur(element, diepte=0) -> list:
            if isinstance(element, int):
                return [(diepte, "MCID", element)]
            if "/MCID" in element:
                return [(diepte, "MCR", int(element.MCID), nummer[element.Pg.objgen])]
            kinderen = element.get("/K")
            kinderen = kinderen if isinstance(kinderen, pikepdf.Array) else [] if kinderen is None else [kinderen]
            pagina = nummer[element.Pg.objgen] if "/Pg" in element else None
            return [(diepte, str(element.S), pagina, str(element.get("/Alt", "")))] + \
                [regel for kind in kinderen for regel in structuur(kind, diepte + 1)]

        namen = document.Root.Names.Dests.Names
        nums = document.Root.StructTreeRoot.ParentTree.Nums
        ouders = {int(nums[i]): nums[i + 1] for i in range(0, len(nums), 2)}
        return {
            "paginas": [(pikepdf.unparse_content_stream([op for op in pikepdf.parse_content_stream(pagina)
                                                         if str(op.operator) in TEKENEN]),
                         [float(x) for x in pagina.trimbox], [float(x) for x in pagina.mediabox])
                        for pagina in document.pages],
            "bladwijzers": bladwijzers(document.Root.Outlines.First),
            "bestemmingen": [(str(namen[i]), plek(namen[i + 1])) for i in range(0, len(namen), 2)],
            "structuur": structuur(document.Root.StructTreeRoot.K[0]),
            "oudersboom": all(nummer[e.Pg.objgen] == i for i, pagina in enumerate(document.pages)
                              if "/StructParents" in pagina  # the A4 sheets' forms carry them
                              for e in ouders[int(pagina.StructParents)] if "/Pg" in e),
            "metadata": (str(document.Root.Lang), str(document.docinfo.Title), bytes(document.Root.Metadata.read_bytes())),
        }


def _lettertypebestanden(pad: Path) -> int:
    with pikepdf.open(pad) as document:
        return sum(1 for obj in document.objects if isinstance(obj, pikepdf.Dictionary)
                   and obj.get("/Type") == pikepdf.Name.FontDescriptor)


@pytest.mark.parametrize("naam", ["zakkaarten-a6.pdf", "zakkaarten-a4.pdf"])
def test_kaartzijden_in_delen_gelijk_aan_een_opmaak(pdf, in_delen, naam):
    """The cards laid out in five parts and joined (macros/druk/samenvoegen.py) give the reader the
    same file as one layout: every page's text and boxes, bookmarks, named destinations, structure
    tree and parent tree; so do the A4 sheets imposed from them."""
    delen, een = _pdf_beschrijving(in_delen / naam), _pdf_beschrijving(pdf(naam))
    assert een["oudersboom"]
    # each part embeds its own font subsets: more of them shows the cards were laid out in parts
    assert _lettertypebestanden(in_delen / naam) >= 3 * _lettertypebestanden(pdf(naam))
    for sleutel in een:
        assert delen[sleutel] == een[sleutel], sleutel


def test_kaartzijden_in_delen_pdfua_zonder_fouten(in_delen, monkeypatch):
    assert _pdfua_bevindingen(in_delen / "zakkaarten-a6.pdf", monkeypatch) == []


def _inhoud(stroom) -> bytes:
    return pikepdf.unparse_content_stream(pikepdf.parse_content_stream(stroom))


def test_a4_vellen_zijn_de_a6_zijden_ingeslagen(pdf):
    """The A4 sheets are not laid out a second time: every slot shows one finished A6 side (the same
    content, clipped at its trim box), every side once, fronts in slots 1-4 and on the next sheet
    their backs, mirrored per row (2 1 / 4 3) for duplex over the long edge."""
    with pikepdf.open(pdf("zakkaarten-a6.pdf")) as a6, pikepdf.open(pdf("zakkaarten-a4.pdf")) as a4:
        zijden = [_inhoud(pagina) for pagina in a6.pages]
        geplaatst = []
        for vel in a4.pages:
            for _, vorm in sorted(vel.Resources.XObject.items()):
                assert vorm.Subtype == pikepdf.Name.Form
                assert [float(v) for v in vorm.BBox] == [float(v) for v in a6.pages[0].trimbox]
                geplaatst.append(zijden.index(_inhoud(vorm)))
    verwacht = []
    for start in range(0, len(zijden), 8):  # four cards (front and back) per sheet pair
        voor = [start + 2 * i for i in range(4)]
        verwacht += voor + [voor[1] + 1, voor[0] + 1, voor[3] + 1, voor[2] + 1]
    assert geplaatst == [z for z in verwacht if z < len(zijden)]
