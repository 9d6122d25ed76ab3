"""The PDFs read by a second checker, outloud (PDF/UA-1 Matterhorn checkpoints and WCAG 2.2; it
depends on PyMuPDF, AGPL: a test tool only, never shipped), beside pdfua (tests/test_druk_pdfua.py).

What holds: no errors in any PDF; every link annotation printable; the A6 cards' running heads and
feet are artifacts, and so is the Overzicht's page furniture in the text flow (the phase bar, the
object type repeated above a phase: aria-hidden in the template); each page paints its tagged
content in the structure tree's order (macros/druk/volgorde.py moves a list's markers, which
WeasyPrint paints last, to their items; outloud counts the contents' page numbers, 12 of 1510, out
of place, as it takes an element's own content before its children's: a contents link's leader dots
are a child); every web address printed on a card is a link, also on the A4 sheets. The Overzicht
and the A6 cards get no warning. Still reported and known, on the A4 sheets only: PAG-001, for lines
that recur at one place on three sheets, real content (a front's phase headings, the acties and
partners at a back's top: the three object types' cards are alike) and the cards' feet, which there
stay tagged, out of the tree, like the heads beside them (as artifacts, outloud joins two cards'
heads into one line it reports as prose hidden from readers, TAG-002, an error). Neither checker is
veraPDF: this is no statement of PDF/UA conformance."""
from __future__ import annotations

import pytest

from druk_gedeeld import outloud_bevindingen

BEKEND = {  # rules still reported per file, and nothing else may be
    "overzicht-acties.pdf": set(),
    "zakkaarten-a6.pdf": set(),
    "zakkaarten-a4.pdf": {"PAG-001"},
}


@pytest.mark.parametrize("naam", sorted(BEKEND))
def test_outloud_geen_fouten_en_alleen_bekende_waarschuwingen(site, naam):
    bevindingen = outloud_bevindingen(site / "downloads" / naam)
    fouten = [b for b in bevindingen if b["severity"] == "error"]
    assert not fouten, fouten[:3]
    onbekend = {b["rule"] for b in bevindingen} - BEKEND[naam]
    assert not onbekend, [b for b in bevindingen if b["rule"] in onbekend][:3]
