"""Crop marks outside the bleed, as print shops expect: the sheet is trim + bleed + a mark area, the
marks line up with the trim edges, start beyond the bleed and never enter it.

WeasyPrint's own `marks: crop` draws the marks inside the bleed, so they are added here to the
finished PDF (pikepdf): the media box grows by the mark area; trim and bleed box stay as WeasyPrint
set them (the bleed box 3 mm outside the trim box); the marks are an artifact, not content (PDF/UA).
"""
from __future__ import annotations

import io

import pikepdf

from .maten import Kaartmaten

MM = 72 / 25.4
LIJNDIKTE = 0.25  # pt, the usual hairline of crop marks


def _tekens(trim: list[float], maat: Kaartmaten) -> bytes:
    """The eight crop-mark lines around a trim box, as PDF drawing operators."""
    links, onder, rechts, boven = trim
    start, einde = maat.snijafstand * MM, (maat.afloop + maat.snijtekens - 1) * MM
    lijnen = []
    for x, richting_x in ((links, -1), (rechts, 1)):
        for y, richting_y in ((onder, -1), (boven, 1)):
            lijnen.append((x + richting_x * start, y, x + richting_x * einde, y))  # in line with the horizontal edge
            lijnen.append((x, y + richting_y * start, x, y + richting_y * einde))  # in line with the vertical edge
    tekens = "".join(f"{x0:.3f} {y0:.3f} m {x1:.3f} {y1:.3f} l S\n" for x0, y0, x1, y1 in lijnen)
    return f"/Artifact BMC\nq {LIJNDIKTE} w 0 G\n{tekens}Q\nEMC\n".encode("ascii")


def snijtekens(pdf: bytes, maat: Kaartmaten) -> bytes:
    """The PDF with a mark area around every page's bleed and crop marks in it."""
    with pikepdf.open(io.BytesIO(pdf)) as document:
        rand = (maat.afloop + maat.snijtekens) * MM
        for pagina in document.pages:
            trim = [float(v) for v in pagina.obj.TrimBox]
            pagina.obj.MediaBox = pikepdf.Array([trim[0] - rand, trim[1] - rand, trim[2] + rand, trim[3] + rand])
            pagina.contents_add(document.make_stream(b"q\n"), prepend=True)
            pagina.contents_add(document.make_stream(b"Q\n" + _tekens(trim, maat)))
        uit = io.BytesIO()
        document.save(uit, deterministic_id=True)
        return uit.getvalue()
