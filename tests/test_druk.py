"""The printed outputs: Overzicht acties and pocket cards, read back from the real PDFs."""
from __future__ import annotations

import http.server
import re
import shutil
import threading
from pathlib import Path

import pdfplumber
import pypdf
import pytest
import yaml
from weasyprint import HTML

from conftest import ROOT, SITE_URL, kopie_project, mkdocs_build
from gelijkheid import MM, a4_zijden, bladwijzers, verschillen
from macros.druk.fetcher import ProjectFetcher
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


def _regels_met_koppen(pad: Path):
    with pdfplumber.open(pad) as document:
        for i, pagina in enumerate(document.pages):
            yield i, (pagina.extract_text() or "").splitlines()


@pytest.mark.parametrize("naam", ["overzicht-acties.pdf", "zakkaarten-a6.pdf"])
def test_geen_actiekop_los_van_zijn_eerste_handeling(pdf, kader, naam):
    met_handelingen = {p.actie.code for p in kader.plekken() if p.actie.handelingen}
    for i, regels in _regels_met_koppen(pdf(naam)):
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
        voorkanten = [i for i, p in enumerate(document.pages) if "https://" in (p.extract_text() or "")]
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
