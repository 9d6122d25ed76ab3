"""The PDFs read by a second checker, outloud (PDF/UA-1 Matterhorn checkpoints and WCAG 2.2; it
depends on PyMuPDF, AGPL: a test tool only, never shipped), beside pdfua (tests/test_druk_pdfua.py).

What holds, here and for every gemeente edition (tests/test_lokaal.py): every running head and foot
and the aria-hidden page furniture is an artifact, and no marked content hangs outside the structure
tree; each page paints its tagged content in the tree's order (macros/druk/volgorde.py); every link
annotation is printable and belongs to a Link element; every web and e-mail address printed is a
link. outloud then reports nothing on the Overzicht and the A6 cards. On the A4 sheets, four A6
sides to a page, it reports two things it reads into the layout, and only those
(`onverklaarde_outloud_bevindingen`): two cards' heads side by side as one line of prose
(TAG-002), and the alike cards of the three object types as furniture (PAG-001). Neither checker is
veraPDF: this is no statement of PDF/UA conformance."""
from __future__ import annotations

import re

import pytest

from conftest import ROOT
from druk_gedeeld import (buiten_de_boom, buiten_de_snijrand, drukwerk_van_kader, onleesbare_inhoud,
                          onverklaarde_outloud_bevindingen)
from gelijkheid import gebroken_nummers, pdf_regels
from macros.gegevens.lokaal import laad_uitgave

PDFS = ["overzicht-acties.pdf", "zakkaarten-a6.pdf", "zakkaarten-a4.pdf"]


@pytest.mark.parametrize("naam", PDFS)
def test_outloud_vindt_niets_dan_de_opmaak_van_de_a4_vellen(site, naam):
    assert onverklaarde_outloud_bevindingen(site / "downloads" / naam) == []


@pytest.mark.parametrize("naam", PDFS)
def test_geen_gemarkeerde_inhoud_buiten_de_structuurboom(site, naam):
    assert buiten_de_boom(site / "downloads" / naam) == []


@pytest.mark.parametrize("naam", PDFS)
def test_niets_buiten_de_snijrand(site, naam):
    """Nothing is printed beyond a page or card, or within 3 mm of where it is cut (as a reader and a
    print shop meet it; here, for every gemeente edition in tests/test_lokaal.py and below)."""
    assert buiten_de_snijrand(site / "downloads" / naam) == []


VERS = sorted((ROOT / "tests/gemeenten-vers").iterdir())  # overlays written by helpers who saw no code


# A Dutch phone number as authors write it in a text (10 digits, or 0800/0900), spelled here apart
# from the code's own pattern
NUMMER = re.compile(r"(?<![\w+-])(?:\+31 ?(?:\(0\))? ?|0)[1-9](?:[ -]?\d){8}(?![\w-])|(?<![\w-])0[89]00[ -]?\d{4,7}(?![\w-])")


@pytest.mark.parametrize("overlay", VERS, ids=[p.name for p in VERS])
def test_verse_gemeente_edities_als_de_landelijke(overlay, tmp_path):
    """The same on gemeente editions written by authors who saw neither code nor tests (a very long
    name, long e-mail addresses that pushed the contacts' numbers off the cards, a paragraph-long
    arrangement, several per actie, phone numbers in every free text, more contacts than a page
    holds); and every number in an arrangement or beside a contact whole on its line in every PDF it
    is printed in."""
    kader = laad_uitgave(ROOT / "data", overlay)
    teksten = [a.tekst for acties in kader.lokaal.afspraken.values() for a in acties]
    teksten += [c.bereikbaarheid or "" for c in kader.lokaal.contacten.values()]
    nummers = {m.group(0) for t in teksten for m in NUMMER.finditer(" ".join(t.split()))}
    drukwerk = drukwerk_van_kader(kader)
    for naam, inhoud in drukwerk.alles().items():
        (tmp_path / naam).write_bytes(inhoud)
        if naam != "zakkaarten-a4.pdf":  # the A6 sides imposed; outloud reads the sheets of four editions
            assert onverklaarde_outloud_bevindingen(tmp_path / naam) == [], naam
        assert buiten_de_boom(tmp_path / naam) == [], naam
        assert buiten_de_snijrand(tmp_path / naam) == [], naam
        if nummers:
            assert gebroken_nummers(tmp_path / naam, nummers) == [], naam
            if naam != "zakkaarten-a4.pdf":  # each printed at least once (not cut off the page)
                regels = [r for pagina in pdf_regels(tmp_path / naam) for r in pagina]
                assert [n for n in nummers if not any(n in r for r in regels)] == [], naam
    assert onleesbare_inhoud(tmp_path / "overzicht-acties.pdf") == []
