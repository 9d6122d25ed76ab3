"""Paint order as tag order (macros/druk/volgorde.py): WeasyPrint paints a list's markers after all
the text of a page; moved to their items, the page paints in the structure tree's order and looks
the same to the pixel (PyMuPDF, a test tool only). A group is moved, forward or back, only past what
it does not touch, never past a change of coordinates, and keeps the state it inherited."""
from __future__ import annotations

import io

import pikepdf
import pymupdf
import pytest
from pikepdf import Array, Dictionary, Name

from druk_gedeeld import drukwerk, outloud_bevindingen

from macros.druk import documenten
from macros.druk.volgorde import in_tagvolgorde


def _beelden(pdf: bytes, dpi: int = 150) -> list[bytes]:
    with pymupdf.open(stream=pdf, filetype="pdf") as document:
        return [pagina.get_pixmap(dpi=dpi, alpha=False).samples for pagina in document]


def _voor_en_na(monkeypatch, maak) -> tuple[bytes, bytes]:
    """What in_tagvolgorde gets and gives while `maak` prints."""
    gezien = []

    def vastgelegd(pdf: bytes) -> bytes:
        gezien.extend([pdf, in_tagvolgorde(pdf)])
        return gezien[-1]

    monkeypatch.setattr(documenten, "in_tagvolgorde", vastgelegd)
    maak()
    return gezien[0], gezien[1]


@pytest.mark.parametrize("soort", ["overzicht", "kaarten"])
def test_markeringen_bij_hun_punt_en_geen_pixel_anders(soort, monkeypatch, tmp_path):
    druk = drukwerk()
    if soort == "overzicht":
        voor, na = _voor_en_na(monkeypatch, druk.overzicht)
    else:  # two cards (a QR code, bullets and subpoints), laid out as one part
        voor, na = _voor_en_na(monkeypatch, lambda: druk.zakkaarten_a6([druk.zakkaarten_a6_deel(druk.kaarten()[:2])]))
    for naam, pdf in (("voor.pdf", voor), ("na.pdf", na)):
        (tmp_path / naam).write_bytes(pdf)
    assert "ORD-001" in {b["rule"] for b in outloud_bevindingen(tmp_path / "voor.pdf")}
    assert "ORD-001" not in {b["rule"] for b in outloud_bevindingen(tmp_path / "na.pdf")}
    assert _beelden(voor) == _beelden(na)


def _pdf(inhoud: str) -> bytes:
    """One tagged page, 100 x 100 pt: two paragraphs, marked content 0 and then 1; /Dik an
    ExtGState that sets the line width."""
    pdf = pikepdf.new()
    pagina = pdf.add_blank_page(page_size=(100, 100))
    pagina.obj.Contents = pdf.make_stream(inhoud.encode("ascii"))
    pagina.obj.Resources = Dictionary(ExtGState=Dictionary(Dik=Dictionary(LW=4)))
    pagina.obj.StructParents = 0
    elementen = [pdf.make_indirect(Dictionary(Type=Name.StructElem, S=Name.P, Pg=pagina.obj, K=mcid)) for mcid in (0, 1)]
    pdf.Root.StructTreeRoot = pdf.make_indirect(Dictionary(
        Type=Name.StructTreeRoot, K=Array(elementen), ParentTree=Dictionary(Nums=Array([0, Array(elementen)]))))
    uit = io.BytesIO()
    pdf.save(uit)
    return uit.getvalue()


def _volgorde(pdf: bytes) -> list[int]:
    with pikepdf.open(io.BytesIO(pdf)) as document:
        return [int(i.operands[1].MCID) for i in pikepdf.parse_content_stream(document.pages[0])
                if str(i.operator) == "BDC"]


BLAUW = "/P <</MCID 1>> BDC 0 0 1 rg 10 10 20 20 re f EMC "  # sets blue, inherited by what follows


@pytest.mark.parametrize("inhoud, bewogen", [
    (BLAUW + "q /P <</MCID 0>> BDC 50 10 20 20 re f EMC Q", True),  # apart: forward, still blue
    (BLAUW + "q /P <</MCID 0>> BDC 20 20 20 20 re f EMC Q", False),  # overlapping: stays on top
    (BLAUW + "q /P <</MCID 0>> BDC 30.5 10 20 20 re f EMC Q", False),  # within a point: stays
    (BLAUW + "1 0 0 1 0 40 cm q /P <</MCID 0>> BDC 50 10 20 20 re f EMC Q", False),  # past a cm: stays
    ("q /P <</MCID 1>> BDC 50 10 20 20 re f EMC Q /P <</MCID 0>> BDC 0 0 1 rg 10 10 20 20 re f EMC",
     True),  # back, past the blue: still black
    ("/P <</MCID 1>> BDC /Dik gs 10 10 20 20 re S EMC q /P <</MCID 0>> BDC 50 10 20 20 re S EMC Q",
     False),  # its line width set by an ExtGState: stays
])
def test_groep_alleen_verplaatst_waar_niets_verandert(inhoud, bewogen):
    voor = _pdf(inhoud)
    na = in_tagvolgorde(voor)
    assert _volgorde(na) == ([0, 1] if bewogen else _volgorde(voor))
    assert _beelden(voor) == _beelden(na)
