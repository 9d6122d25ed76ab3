"""The pocket cards, read back from the real PDFs: A6 sides with bleed and crop marks, QR codes,
sides numbered per card, helping backs, cards of every length, and the A4 sheets imposed from the
A6 sides."""
from __future__ import annotations

import re

import pdfplumber
import pikepdf
import pypdf
import pytest

from conftest import SITE_URL
from druk_gedeeld import bladwijzers_met_niveau, drukwerk
from drukmeting import (kaart_op_zijde, kaartbevindingen, kaartnamen, kaartzijden, subpunt_inspringing,
                        zijden_per_kaart)
from gelijkheid import HULPKOPPEN, MM, a4_zijden, bladwijzers, pdf_regels

CODE = re.compile(r"^[A-Z]-[A-Z]-\d{2}\b")


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
    bladwijzers = bladwijzers_met_niveau(pdf("zakkaarten-a6.pdf"))
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
    for voor, achter in zip(zijden[::2], zijden[1::2]):
        if achter:  # the back's running head names the card whose title stands on the front
            assert kaart_op_zijde(achter) and kaart_op_zijde(achter) == kaart_op_zijde(voor), (voor[:2], achter[:1])
    with pdfplumber.open(pdf("zakkaarten-a4.pdf")) as document:
        for pagina in document.pages:
            assert min(c["size"] for c in pagina.chars) >= 6.99
            assert len(pagina.rects) >= 4 or len(pagina.lines) >= 4  # cut lines around the four cards


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


def test_kaartzijden_leesbaar_bij_een_zaklamp(pdf):
    """Measured from the characters of every A6 side: the body 8 pt or more (it was 7.5 pt, the web
    addresses 7 pt), the footer 8 pt or more (was 7 pt), no line ending within 3 mm above the
    footer's letters (the fullest side had 3.7 mm; a gemeente's 2.6 mm), and the running head only on
    a side without the card's title, naming its card (it repeated the title on every front)."""
    assert kaartbevindingen(kaartzijden(pdf("zakkaarten-a6.pdf"))) == []


# Cards of the national edition that take more than a front and a back: none (their acties fit).
MEER_DAN_TWEE_ZIJDEN: dict[str, int] = {}


def test_elke_kaart_een_voor_en_achterkant(pdf):
    zijden = zijden_per_kaart(kaartzijden(pdf("zakkaarten-a6.pdf")))
    assert list(zijden) == list(kaartnamen().values())
    assert {kaart: n for kaart, n in zijden.items() if n != 2} == MEER_DAN_TWEE_ZIJDEN


def test_kaart_subpunt_loopt_door_onder_zijn_tekst(pdf):
    """A subpunt that runs on to a next line continues where its first line's text starts, after
    its '> ' (it was 2.5 mm further left, under the '>')."""
    aantal, verkeerd = subpunt_inspringing(pdf("zakkaarten-a6.pdf"))
    assert aantal > 0 and verkeerd == []


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


def test_kaarten_van_elke_lengte_even_zijden_en_hulp_alleen_na_oneven(tmp_path):
    """Cards laid out once as a flow: whatever the number of sides their acties fill (here one to five
    times the acties of one card), each card gets an even number of sides numbered 1/n..n/n, and its
    helping back only where the acties fill an odd number of sides."""
    from macros.druk.inslag import Kaart
    druk = drukwerk()
    # Woningen · Dagen/weken: its acties fill more than a side, so copies of them fill even and odd
    # numbers of sides (at 8 pt: 2, 3, 5, 6, 8; those of Direct fill exactly two, so every count was even)
    acties = druk.kader.fase_acties(druk.kader.objecttypen[0], druk.kader.fasen[3])
    plekken = [(ot, fase) for ot in druk.kader.objecttypen for fase in druk.kader.fasen][:5]
    pad = tmp_path / "kaarten.pdf"
    pad.write_bytes(druk.zakkaarten_a6_deel([Kaart(ot, fase, acties * keer, None)
                                             for keer, (ot, fase) in enumerate(plekken, 1)]))
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


MARKERING = {"BDC", "BMC", "EMC"}  # what only tags the paint: the A6 file marks its running heads as artifacts


def _inhoud(stroom) -> bytes:
    """What a content stream paints, without its marked-content tags."""
    return pikepdf.unparse_content_stream([(operanden, operator) for operanden, operator in
                                           pikepdf.parse_content_stream(stroom) if str(operator) not in MARKERING])


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

