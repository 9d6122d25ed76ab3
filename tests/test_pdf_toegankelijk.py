"""The PDFs read by a second checker, outloud (PDF/UA-1 Matterhorn checkpoints and WCAG 2.2; it
depends on PyMuPDF, AGPL: a test tool only, never shipped), beside pdfua (tests/test_druk_pdfua.py).

What holds: no errors in any PDF; every link annotation printable; the A6 cards' running heads and
feet are artifacts, and so is the Overzicht's page furniture in the text flow (the phase bar, the
object type repeated above a phase: aria-hidden in the template); every web address printed on a card
is a link, also on the A4 sheets. What is still reported and known: content painted out of tag-tree
order (WeasyPrint paints a box's background and its text in its own order), and the A4 sheets' heads
tagged as content (as artifacts, two cards' heads side by side would read as prose hidden from
readers). Neither checker is veraPDF: this is no statement of PDF/UA conformance."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

OUTLOUD = Path(sys.executable).parent / "outloud"

BEKEND = {  # rules still reported per file, and nothing else may be
    "overzicht-acties.pdf": {"ORD-001"},
    "zakkaarten-a6.pdf": {"ORD-001"},
    "zakkaarten-a4.pdf": {"ORD-001", "PAG-001"},
}


def _bevindingen(pdf) -> list[dict]:
    uitkomst = subprocess.run([str(OUTLOUD), "--json", "-", "--fail-on", "never", str(pdf)],
                              capture_output=True, text=True, timeout=300)
    assert uitkomst.returncode == 0, uitkomst.stderr[-2000:]
    [resultaat] = json.loads(uitkomst.stdout)["results"]
    assert not resultaat["error"], resultaat["error"]
    return [b for b in resultaat["findings"] if b["severity"] in ("error", "warning")]


@pytest.mark.parametrize("naam", sorted(BEKEND))
def test_outloud_geen_fouten_en_alleen_bekende_waarschuwingen(site, naam):
    bevindingen = _bevindingen(site / "downloads" / naam)
    fouten = [b for b in bevindingen if b["severity"] == "error"]
    assert not fouten, fouten[:3]
    onbekend = {b["rule"] for b in bevindingen} - BEKEND[naam]
    assert not onbekend, [b for b in bevindingen if b["rule"] in onbekend][:3]
