"""The A4 sheets for an office printer, imposed from the finished A6 card sides (pikepdf): the cards
are laid out once, so the two card files cannot differ.

Four sides per A4 page, with dashed cut lines around each slot; the sheets come in pairs (fronts,
then backs mirrored per row, `inslag.vellen`), for duplex printing over the long edge. Every A6 page
becomes a form XObject clipped to its trim box, so the bleed and the crop marks stay off the sheet.

The A6 file is tagged (PDF/UA-1) and the sheets stay so: the marked content of a side now lives in
its form XObject, so the structure tree refers to it with marked-content references that name the
XObject (/Stm) and the sheet (/Pg), the XObject takes over the page's /StructParents, and the
bookmarks and named destinations point to the place on the sheet. The cut lines are an artifact.
A sheet paints its sides in their order in the file (the structure tree's): a back sheet's slots
hold them mirrored (2 1 / 4 3), and the slots do not overlap, so only a reader's order changes.
"""
from __future__ import annotations

import io
import re
from dataclasses import dataclass
from pathlib import Path

import pikepdf

from .maten import Kaartmaten

MM = 72 / 25.4
A4 = (210 * MM, 297 * MM)
# Slot 1 2 / 3 4 from the top left, in millimetres from the sheet's top left corner.
SLOTS = ((0, 0), (1, 0), (0, 1), (1, 1))


@dataclass(frozen=True)
class Plaats:
    """Where an A6 side lands: the sheet page, the form XObject that draws the side there, and the
    shift from the side's trim to its slot."""

    vel: pikepdf.Object
    vorm: pikepdf.Object
    dx: float
    dy: float


def snijlijnkleur(kleuren_css: Path) -> tuple[float, float, float]:
    """The cut-line colour of the print style sheet (--kleur-snijlijn, #rgb or #rrggbb)."""
    waarde = re.search(r"--kleur-snijlijn:\s*#([0-9a-fA-F]{3,6})\b", kleuren_css.read_text(encoding="utf-8")).group(1)
    if len(waarde) == 3:
        waarde = "".join(c * 2 for c in waarde)
    return tuple(int(waarde[i:i + 2], 16) / 255 for i in (0, 2, 4))


def _snijlijnen(maat: Kaartmaten, kleur: tuple[float, float, float]) -> bytes:
    """Dashed rectangles around the four slots, as an artifact."""
    b, h = maat.breedte * MM, maat.hoogte * MM
    vakken = "".join(f"{kol * b:.3f} {A4[1] - (rij + 1) * h:.3f} {b:.3f} {h:.3f} re S\n" for kol, rij in SLOTS)
    r, g, bl = kleur
    return (f"/Artifact BMC\nq {0.2 * MM:.3f} w [{MM:.3f} {MM:.3f}] 0 d {r:.3f} {g:.3f} {bl:.3f} RG\n"
            f"{vakken}Q\nEMC\n").encode("ascii")


def _verplaats_bestemming(bestemming, plaatsen: dict[tuple[int, int], Plaats]):
    """A destination [page /XYZ left top zoom] (or {/D ...}) moved to the sheet; others unchanged."""
    if isinstance(bestemming, pikepdf.Dictionary) and "/D" in bestemming:
        bestemming.D = _verplaats_bestemming(bestemming.D, plaatsen)
        return bestemming
    if not isinstance(bestemming, pikepdf.Array) or len(bestemming) < 2:
        return bestemming
    plaats = plaatsen.get(bestemming[0].objgen)
    if plaats is None:
        return bestemming
    nieuw = [plaats.vel, bestemming[1]]
    if bestemming[1] == pikepdf.Name.XYZ:
        x, y = (bestemming[i] if len(bestemming) > i else None for i in (2, 3))
        nieuw += [float(x) + plaats.dx if x is not None else None, float(y) + plaats.dy if y is not None else None,
                  *list(bestemming)[4:]]
    else:
        nieuw += list(bestemming)[2:]
    return pikepdf.Array(nieuw)


def _bladwijzers(item, plaatsen) -> None:
    while item is not None:
        if "/Dest" in item:
            item.Dest = _verplaats_bestemming(item.Dest, plaatsen)
        if "/A" in item and item.A.get("/S") == pikepdf.Name.GoTo:
            item.A.D = _verplaats_bestemming(item.A.D, plaatsen)
        if "/First" in item:
            _bladwijzers(item.First, plaatsen)
        item = item.get("/Next")


def _namen(boom, plaatsen) -> None:
    """The named destinations (a name tree)."""
    if "/Names" in boom:
        namen = boom.Names
        for i in range(1, len(namen), 2):
            namen[i] = _verplaats_bestemming(namen[i], plaatsen)
    for kind in boom.get("/Kids", []):
        _namen(kind, plaatsen)


def _structuur(element, plaatsen) -> None:
    """One structure element of a side: its page becomes the sheet, its marked content a reference
    into the side's form XObject (direct child elements likewise)."""
    pagina = element.get("/Pg")
    sleutel = pagina.objgen if pagina is not None else None
    if sleutel in plaatsen:
        element.Pg = plaatsen[sleutel].vel
    kinderen = element.get("/K")
    if kinderen is None:
        return
    nieuw = []
    for kind in kinderen if isinstance(kinderen, pikepdf.Array) else [kinderen]:
        if isinstance(kind, int) or (isinstance(kind, pikepdf.Object) and kind._type_name == "integer"):
            kind = _verwijzing(int(kind), plaatsen[sleutel]) if sleutel in plaatsen else kind
        elif isinstance(kind, pikepdf.Dictionary) and kind.get("/Type") == pikepdf.Name.OBJR:
            if "/Pg" in kind and kind.Pg.objgen in plaatsen:  # a link, moved to the sheet with its side
                kind.Pg = plaatsen[kind.Pg.objgen].vel
        elif isinstance(kind, pikepdf.Dictionary) and kind.get("/Type") == pikepdf.Name.MCR:
            bron = kind.Pg.objgen if "/Pg" in kind else sleutel
            if bron in plaatsen and "/Stm" not in kind:
                kind = _verwijzing(int(kind.MCID), plaatsen[bron])
        elif isinstance(kind, pikepdf.Dictionary) and not kind.is_indirect:
            _structuur(kind, plaatsen)
        nieuw.append(kind)
    element.K = nieuw[0] if len(nieuw) == 1 else pikepdf.Array(nieuw)  # one kid as itself, as pdfua reads an MCR


def _links_mee(zijde: pikepdf.Page, plaats: Plaats) -> None:
    """The side's links (the card's web address) on the sheet, moved with the side."""
    for annotatie in zijde.obj.get("/Annots", []):
        x0, y0, x1, y1 = (float(v) for v in annotatie.Rect)
        annotatie.Rect = pikepdf.Array([x0 + plaats.dx, y0 + plaats.dy, x1 + plaats.dx, y1 + plaats.dy])
        annotatie.P = plaats.vel
        if "/Annots" not in plaats.vel:
            plaats.vel.Annots = pikepdf.Array()
        plaats.vel.Annots.append(annotatie)


def _structuurelementen(document: pikepdf.Pdf):
    """Every structure element of the file, also those that only a /P or the parent tree reaches
    (WeasyPrint's running heads and footers)."""
    for obj in document.objects:
        if isinstance(obj, pikepdf.Dictionary) and obj.get("/Type") == pikepdf.Name.StructElem:
            yield obj


def _verwijzing(mcid: int, plaats: Plaats) -> pikepdf.Dictionary:
    return pikepdf.Dictionary(Type=pikepdf.Name.MCR, Pg=plaats.vel, Stm=plaats.vorm, MCID=mcid)


def paginatal(pdf: bytes) -> int:
    with pikepdf.open(io.BytesIO(pdf)) as document:
        return len(document.pages)


def impositie(a6: bytes, vellen: list[list[int | None]], maat: Kaartmaten, kleur: tuple[float, float, float],
              titel: str, beschrijving: str) -> bytes:
    """The A4 file: `vellen` lists per A4 page the A6 page numbers (0-based) for slots 1-4 (None:
    an empty slot)."""
    with pikepdf.open(io.BytesIO(a6)) as document:
        zijden = list(document.pages)
        plaatsen: dict[tuple[int, int], Plaats] = {}
        for indeling in vellen:
            vel = document.add_blank_page(page_size=A4)
            vel.obj.Tabs = pikepdf.Name.S
            vel.obj.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary())
            inhoud: dict[int, str] = {}  # per side: its slot, painted in side order (see below)
            for (kol, rij), nummer in zip(SLOTS, indeling):
                if nummer is None:
                    continue
                zijde = zijden[nummer]
                links, onder = (float(v) for v in list(zijde.trimbox)[:2])
                x, y = kol * maat.breedte * MM, A4[1] - (rij + 1) * maat.hoogte * MM
                vorm = zijde.as_form_xobject()
                if "/StructParents" in zijde.obj:
                    vorm.StructParents = zijde.obj.StructParents
                naam = pikepdf.Name(f"/Kaart{len(inhoud) + 1}")
                vel.obj.Resources.XObject[naam] = vorm
                inhoud[nummer] = f"q 1 0 0 1 {x - links:.4f} {y - onder:.4f} cm {naam} Do Q\n"
                plaatsen[zijde.obj.objgen] = Plaats(vel.obj, vorm, x - links, y - onder)
                _links_mee(zijde, plaatsen[zijde.obj.objgen])
            zijden_op_vel = "".join(inhoud[nummer] for nummer in sorted(inhoud))
            vel.contents_add(document.make_stream(zijden_op_vel.encode("ascii") + _snijlijnen(maat, kleur)))
        for element in list(_structuurelementen(document)):
            _structuur(element, plaatsen)
        if "/Outlines" in document.Root and "/First" in document.Root.Outlines:
            _bladwijzers(document.Root.Outlines.First, plaatsen)
        if "/Names" in document.Root and "/Dests" in document.Root.Names:
            _namen(document.Root.Names.Dests, plaatsen)
        for zijde in zijden:
            del zijde.obj["/StructParents"]
            document.pages.remove(zijde)
        document.docinfo.Title, document.docinfo.Subject = titel, beschrijving
        with document.open_metadata(set_pikepdf_as_editor=False) as xmp:
            xmp["dc:title"], xmp["dc:description"] = titel, beschrijving
        uit = io.BytesIO()
        document.save(uit, deterministic_id=True)
        return uit.getvalue()
