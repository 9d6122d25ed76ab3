"""The Overzicht acties, read back from the real PDF: bookmarks, metadata, cover and contents,
footer, a page per object type and phase."""
from __future__ import annotations

import re

import pdfplumber
import pypdf

from druk_gedeeld import bladwijzers_met_niveau, inhoud_zoals_gelezen, onleesbare_inhoud
from drukmeting import kaartnamen, subpunt_inspringing, tekstblok
from gelijkheid import bladwijzers


def test_overzicht_bladwijzers_objecttype_fase_actie(pdf, kader):
    verwacht = []
    for ot in kader.objecttypen:
        verwacht.append((0, ot.naam))
        for f in kader.fasen:
            verwacht.append((1, f.naam))
            verwacht += [(2, f"{a.code} {a.titel}") for a in kader.fase_acties(ot, f)]
    assert bladwijzers_met_niveau(pdf("overzicht-acties.pdf")) == verwacht


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


def test_inhoudsopgave_leest_titel_en_paginanummer_zonder_stippellijn(pdf, kader):
    """The leader dots are drawn (furniture, an artifact) but not read: each entry reads as its
    title and page number."""
    regels = inhoud_zoals_gelezen(pdf("overzicht-acties.pdf"))
    fasen = [f"• {f.naam}" for _ in kader.objecttypen for f in kader.fasen]
    assert [re.sub(r" \d+$", "", r) for r in regels][:len(fasen)] == fasen, regels
    assert onleesbare_inhoud(pdf("overzicht-acties.pdf")) == []
    with pdfplumber.open(pdf("overzicht-acties.pdf")) as document:
        assert "....." in document.pages[1].extract_text()


def test_overzicht_voet_en_fasebalk_met_huidige_fase(pdf):
    """The foot names edition and page only: the page starts with its object type and phase (a
    continuation page with them as its running head), and a foot that repeated them would be the
    same words twice on every page."""
    with pdfplumber.open(pdf("overzicht-acties.pdf")) as document:
        pagina = document.pages[3]
        tekst = pagina.extract_text()
        assert tekst.startswith("WONINGEN\n") and "\nDirect na een explosie\n" in tekst
        assert tekst.splitlines()[-1] == "Editie November 2025 · pagina 4 van 14"
        balk = [w for w in pagina.extract_words(extra_attrs=["fontname"]) if w["top"] < 120]
        vet = {w["text"] for w in balk if "Bold" in w["fontname"]}
        assert {"Direct", "explosie"} <= vet and not {"Preventie", "Dreiging"} & vet


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


def test_overzicht_een_pagina_per_objecttype_en_fase(pdf, kader):
    """The official rhythm: after cover and contents, one page per object type x phase."""
    fasepaginas = [p for niveau, _, p in bladwijzers(pdf("overzicht-acties.pdf")) if niveau == 1]
    assert fasepaginas == list(range(2, 2 + len(kader.objecttypen) * len(kader.fasen)))
    assert len(pypdf.PdfReader(pdf("overzicht-acties.pdf")).pages) == 2 + len(fasepaginas)


def test_overzicht_voet_even_breed_als_de_tekst(pdf):
    """On every phase page the footer, right-aligned, ends where the text block does (the phase
    bar's rule, as wide as the text), within 1 pt, and stays inside it; the text's left edge is the
    block's. The footer was 2.1 mm wider on both sides (the body's default margin)."""
    gemeten = 0
    with pdfplumber.open(pdf("overzicht-acties.pdf")) as document:
        for pagina in document.pages:
            blok = tekstblok(pagina)
            if blok is None:
                continue
            regels = pagina.extract_text_lines()
            voet, links = regels[-1], min(r["x0"] for r in regels[:-1])
            assert voet["x0"] >= blok[0] and abs(voet["x1"] - blok[1]) <= 1, (voet["x0"], voet["x1"], blok)
            assert abs(links - blok[0]) <= 1, (links, blok)
            gemeten += 1
    assert gemeten == len(kaartnamen())  # a page per object type x phase


def test_overzicht_subpunt_loopt_door_onder_zijn_tekst(pdf):
    """A subpunt that runs on to a next line continues where its first line's text starts, after
    its '> ' (it was 3.3 mm further left, under the '>')."""
    aantal, verkeerd = subpunt_inspringing(pdf("overzicht-acties.pdf"))
    assert aantal > 0 and verkeerd == []
