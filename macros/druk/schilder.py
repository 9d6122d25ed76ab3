"""What each operator of a page's content stream paints, and where (pikepdf, fontTools): the box on
the page, in default user space, or ONEINDIG where that cannot be told here (a shading, a font that
is not a Type0 font with Identity-H codes and an embedded OpenType or TrueType program). Boxes are
generous: a glyph's outline box, a path's points (curves by their control points) widened by its line
width up to the miter limit, an image's unit square, a form's /BBox. Clipping is not followed (a box
is then too large, never too small). For volgorde.py: what may be painted before what.
"""
from __future__ import annotations

import io
import math
from dataclasses import dataclass, replace

import pikepdf
from fontTools.pens.boundsPen import BoundsPen
from fontTools.ttLib import TTFont
from pikepdf import Array, Dictionary, Name

ONEINDIG = "oneindig"  # the whole page: what cannot be measured
EENHEID = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
PAD = {"m", "l", "c", "v", "y", "re", "h"}
VUL = {"f", "F", "f*"}
LIJN = {"S", "s", "B", "B*", "b", "b*"}


def maal(a: tuple, b: tuple) -> tuple:
    """The matrix product a x b (PDF's [a b c d e f], row vectors)."""
    return (a[0] * b[0] + a[1] * b[2], a[0] * b[1] + a[1] * b[3], a[2] * b[0] + a[3] * b[2],
            a[2] * b[1] + a[3] * b[3], a[4] * b[0] + a[5] * b[2] + b[4], a[4] * b[1] + a[5] * b[3] + b[5])


def _punt(m: tuple, x: float, y: float) -> tuple[float, float]:
    return m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]


def _vak(m: tuple, x0: float, y0: float, x1: float, y1: float) -> tuple:
    """The box around the rectangle (x0, y0, x1, y1) mapped by m."""
    hoeken = [_punt(m, x, y) for x in (x0, x1) for y in (y0, y1)]
    return (min(h[0] for h in hoeken), min(h[1] for h in hoeken), max(h[0] for h in hoeken), max(h[1] for h in hoeken))


def samen(vakken) -> object:
    """The box around boxes (None: nothing; ONEINDIG wins)."""
    uit = None
    for vak in vakken:
        if vak is ONEINDIG:
            return ONEINDIG
        if vak is not None:
            uit = vak if uit is None else (min(uit[0], vak[0]), min(uit[1], vak[1]), max(uit[2], vak[2]), max(uit[3], vak[3]))
    return uit


class Lettertype:
    """A Type0 font with Identity-H codes and an embedded program: per code its advance (the PDF's
    /W, thousandths of an em) and its outline's box (fontTools, in ems; None: nothing painted)."""

    def __init__(self, font: Dictionary):
        kind = font.DescendantFonts[0]
        if font.get("/Encoding") != Name("/Identity-H") or kind.get("/CIDToGIDMap", Name.Identity) != Name.Identity:
            raise ValueError("geen Identity-H")
        programma = kind.FontDescriptor.get("/FontFile3") or kind.FontDescriptor.get("/FontFile2")
        self.programma = TTFont(io.BytesIO(programma.read_bytes()))
        self.em = 1 / self.programma["head"].unitsPerEm
        self.glyphs, self.volgorde = self.programma.getGlyphSet(), self.programma.getGlyphOrder()
        self.standaard, self.breedtes = float(kind.get("/DW", 1000)), _breedtes(kind.get("/W", Array()))
        self.vakken: dict[int, tuple | None] = {}

    def breedte(self, code: int) -> float:
        return self.breedtes.get(code, self.standaard)

    def vak(self, code: int) -> tuple | None:
        if code not in self.vakken:
            naam = f"cid{code:05d}" if f"cid{code:05d}" in self.glyphs else self.volgorde[code]
            pen = BoundsPen(self.glyphs)
            self.glyphs[naam].draw(pen)
            self.vakken[code] = tuple(v * self.em for v in pen.bounds) if pen.bounds else None
        return self.vakken[code]


def _breedtes(w: Array) -> dict[int, float]:
    """A CID font's /W: [c [w1 w2 ...] c_first c_last w ...]."""
    uit, i = {}, 0
    while i < len(w):
        if isinstance(w[i + 1], Array):
            uit.update((int(w[i]) + n, float(b)) for n, b in enumerate(w[i + 1]))
            i += 2
        else:
            uit.update((c, float(w[i + 2])) for c in range(int(w[i]), int(w[i + 1]) + 1))
            i += 3
    return uit


@dataclass
class Staat:
    """The graphics state this walk needs: coordinate system, line, text state and position."""

    ctm: tuple = EENHEID
    lijn: float = 1.0
    miter: float = 10.0
    font: object = None
    grootte: float = 0.0
    tc: float = 0.0
    tw: float = 0.0
    tz: float = 1.0
    tl: float = 0.0
    ts: float = 0.0
    tm: tuple = EENHEID
    tlm: tuple = EENHEID


def _getallen(operanden) -> tuple:
    return tuple(float(v) for v in operanden)


def _regel(staat: Staat, x: float, y: float) -> Staat:
    """Td: to the start of a line, moved (x, y) from the current line's start."""
    tlm = maal((1.0, 0.0, 0.0, 1.0, x, y), staat.tlm)
    return replace(staat, tm=tlm, tlm=tlm)


ZETTERS = {
    "cm": lambda s, o: replace(s, ctm=maal(_getallen(o), s.ctm)),
    "w": lambda s, o: replace(s, lijn=float(o[0])),
    "M": lambda s, o: replace(s, miter=float(o[0])),
    "Tf": lambda s, o: replace(s, font=str(o[0]), grootte=float(o[1])),
    "Tc": lambda s, o: replace(s, tc=float(o[0])),
    "Tw": lambda s, o: replace(s, tw=float(o[0])),
    "Tz": lambda s, o: replace(s, tz=float(o[0]) / 100),
    "TL": lambda s, o: replace(s, tl=float(o[0])),
    "Ts": lambda s, o: replace(s, ts=float(o[0])),
    "BT": lambda s, o: replace(s, tm=EENHEID, tlm=EENHEID),
    "Tm": lambda s, o: replace(s, tm=_getallen(o), tlm=_getallen(o)),
    "Td": lambda s, o: _regel(s, float(o[0]), float(o[1])),
    "TD": lambda s, o: _regel(replace(s, tl=-float(o[1])), float(o[0]), float(o[1])),
    "T*": lambda s, o: _regel(s, 0.0, -s.tl),
}


class Schilder:
    """One page: what each operator of its content stream paints (vlakken). `lettertypen`: the fonts
    measured so far, shared by the pages of a document."""

    def __init__(self, pagina: pikepdf.Page, lettertypen: dict):
        self.bronnen = pagina.obj.get("/Resources", Dictionary())
        self.lettertypen = lettertypen

    def vlakken(self, instructies) -> list:
        """Per instruction: the box it paints, ONEINDIG, or None (it paints nothing)."""
        staat, stapel, pad, uit = Staat(), [], [], []
        for instructie in instructies:
            naam, operanden, vlak = str(instructie.operator), instructie.operands, None
            if naam == "q":
                stapel.append(staat)
            elif naam == "Q":
                staat = stapel.pop() if stapel else staat
            elif naam in PAD:
                pad += _pad(staat, naam, operanden)
            elif naam in VUL or naam in LIJN or naam == "n":
                vlak, pad = _verf(staat, naam, pad), []
            elif naam in ("Tj", "TJ", "'", '"'):
                staat, vlak = self._tekst(staat, naam, operanden)
            elif naam in ("Do", "INLINE IMAGE", "sh"):
                vlak = self._object(staat, naam, operanden)
            elif naam == "gs":
                staat = self._gs(staat, operanden[0])
            elif naam in ZETTERS:
                staat = ZETTERS[naam](staat, operanden)
            uit.append(vlak)
        return uit

    def _lettertype(self, naam) -> Lettertype | None:
        font = self.bronnen.get("/Font", Dictionary()).get(naam) if isinstance(naam, str) else None
        if not isinstance(font, Dictionary) or font.get("/Subtype") != Name.Type0:
            return None
        if font.objgen not in self.lettertypen:
            try:
                self.lettertypen[font.objgen] = Lettertype(font)
            except Exception:  # noqa: BLE001 - a font this walk cannot measure: its text is ONEINDIG
                self.lettertypen[font.objgen] = None
        return self.lettertypen[font.objgen]

    def _tekst(self, staat: Staat, naam: str, operanden) -> tuple[Staat, object]:
        """Tj, TJ, ' and ": the glyphs' outline boxes, and the text position after them."""
        if naam == '"':
            staat = replace(staat, tw=float(operanden[0]), tc=float(operanden[1]))
        if naam in ("'", '"'):
            staat = _regel(staat, 0.0, -staat.tl)
        font = self._lettertype(staat.font)
        if font is None or staat.tm is None:
            return replace(staat, tm=None), ONEINDIG
        x, vakken = 0.0, []  # in text space: the box around the glyphs' boxes, mapped to the page once
        for stukje in operanden[-1] if naam == "TJ" else [operanden[-1]]:
            if not isinstance(stukje, pikepdf.String):
                x -= float(stukje) / 1000 * staat.grootte * staat.tz
                continue
            data = bytes(stukje)
            for k in range(0, len(data) - 1, 2):
                code = data[k] << 8 | data[k + 1]
                vak = font.vak(code)
                if vak:
                    vakken.append((x + vak[0] * staat.grootte * staat.tz, vak[1] * staat.grootte + staat.ts,
                                   x + vak[2] * staat.grootte * staat.tz, vak[3] * staat.grootte + staat.ts))
                x += (font.breedte(code) / 1000 * staat.grootte + staat.tc) * staat.tz
        vak = samen(vakken)
        return (replace(staat, tm=maal((1.0, 0.0, 0.0, 1.0, x, 0.0), staat.tm)),
                vak and _vak(maal(staat.tm, staat.ctm), *vak))

    def _object(self, staat: Staat, naam: str, operanden) -> object:
        """Do (an image's unit square, a form's /BBox), an inline image; a shading: ONEINDIG."""
        if naam == "INLINE IMAGE":
            return _vak(staat.ctm, 0.0, 0.0, 1.0, 1.0)
        xobject = self.bronnen.get("/XObject", Dictionary()).get(str(operanden[0])) if naam == "Do" else None
        if not isinstance(xobject, pikepdf.Stream):
            return ONEINDIG
        if xobject.get("/Subtype") == Name.Image:
            return _vak(staat.ctm, 0.0, 0.0, 1.0, 1.0)
        if xobject.get("/Subtype") == Name.Form and "/BBox" in xobject:
            matrix = _getallen(xobject.get("/Matrix", Array(EENHEID)))
            return _vak(maal(matrix, staat.ctm), *_getallen(xobject.BBox))
        return ONEINDIG

    def _gs(self, staat: Staat, naam) -> Staat:
        """An ExtGState's line width, miter limit and font (a font set so: not measured)."""
        toestand = self.bronnen.get("/ExtGState", Dictionary()).get(str(naam), Dictionary())
        if "/LW" in toestand:
            staat = replace(staat, lijn=float(toestand.LW))
        if "/ML" in toestand:
            staat = replace(staat, miter=float(toestand.ML))
        return replace(staat, font=None) if "/Font" in toestand else staat


def _pad(staat: Staat, naam: str, operanden) -> list[tuple[float, float]]:
    """A path operator's points on the page (a curve's control points too: its hull)."""
    getallen = _getallen(operanden)
    if naam == "re":
        x, y, b, h = getallen
        return [_punt(staat.ctm, px, py) for px in (x, x + b) for py in (y, y + h)]
    return [_punt(staat.ctm, getallen[i], getallen[i + 1]) for i in range(0, len(getallen) - 1, 2)]


def _verf(staat: Staat, naam: str, pad: list) -> object:
    """A path painted: its points' box, widened for a stroke by half its width times the miter limit
    (in page units: the coordinate system's largest stretch, bounded by its Frobenius norm)."""
    if naam == "n" or not pad:
        return None
    vak = (min(p[0] for p in pad), min(p[1] for p in pad), max(p[0] for p in pad), max(p[1] for p in pad))
    if naam not in LIJN:
        return vak
    a, b, c, d = staat.ctm[:4]
    rek = staat.lijn / 2 * max(staat.miter, 1.0) * math.sqrt(a * a + b * b + c * c + d * d)
    return (vak[0] - rek, vak[1] - rek, vak[2] + rek, vak[3] + rek)
