"""What WeasyPrint leaves for a screen reader to trip over, set right in the finished PDF (pikepdf):

- running heads and feet (margin boxes: the card's side line, the Overzicht's page line) are marked
  content whose structure elements hang in no tree (WeasyPrint keeps them out of the tree, PDF 1.7
  has no place for them): they become /Artifact /Pagination, and leave the parent tree; so does
  page furniture in the text flow that the templates mark aria-hidden (verborgen.py);
- link annotations get the Print flag, so paper and screen say the same (PDF/UA, Matterhorn 28);
- table header cells (a gemeente's contacts) get their /Scope: a column in the table's head, else
  their row (WeasyPrint gives only the data cells /Headers).
"""
from __future__ import annotations

import io

import pikepdf
from pikepdf import Array, Dictionary, Name, Operator

from .verborgen import VERBORGEN

PRINT = 4  # annotation flag bit 3
BDC = Operator("BDC")


def _in_boom(wortel: Dictionary) -> set[tuple[int, int]]:
    """The structure elements reachable from the root."""
    gezien: set[tuple[int, int]] = set()
    stapel = [wortel]
    while stapel:
        kinderen = stapel.pop().get("/K")
        for kind in kinderen if isinstance(kinderen, Array) else [kinderen]:
            if isinstance(kind, Dictionary) and "/S" in kind and kind.objgen not in gezien:
                gezien.add(kind.objgen)
                stapel.append(kind)
    return gezien


def _verborgen(element: Dictionary) -> bool:
    """Whether a structure element is (in) one that aria-hidden kept out of the tree."""
    while isinstance(element, Dictionary):
        if f"/{VERBORGEN}" in element:
            return True
        element = element.get("/P")
    return False


def _wezen(rij, levend: set, koppen: bool) -> set[int]:
    """The marked-content ids of a page whose element hangs in no tree (koppen: a running head's
    too, else only aria-hidden ones); taken out of the row."""
    wezen = {i for i, element in enumerate(rij) if isinstance(element, Dictionary) and element.objgen not in levend
             and (koppen or _verborgen(element))}
    for i in wezen:
        rij[i] = None
    return wezen


def _als_artefact(document: pikepdf.Pdf, pagina: pikepdf.Page, wezen: set[int]) -> None:
    inhoud = []
    for operanden, operator in pikepdf.parse_content_stream(pagina):
        if operator == BDC and len(operanden) == 2 and isinstance(operanden[1], Dictionary) \
                and int(operanden[1].get("/MCID", -1)) in wezen:
            operanden = [Name.Artifact, Dictionary(Type=Name.Pagination)]
        inhoud.append((operanden, operator))
    pagina.obj.Contents = document.make_stream(pikepdf.unparse_content_stream(inhoud))


def _tabelkoppen(wortel: Dictionary) -> None:
    """Every /TH says what it heads: its column in a /THead, else its row."""
    gezien: set[tuple[int, int]] = set()
    stapel = [(wortel, False)]
    while stapel:
        element, in_kop = stapel.pop()
        kinderen = element.get("/K")
        for kind in kinderen if isinstance(kinderen, Array) else [kinderen]:
            if isinstance(kind, Dictionary) and "/S" in kind and kind.objgen not in gezien:
                gezien.add(kind.objgen)
                kop = in_kop or kind.S == Name.THead
                if kind.S == Name.TH and isinstance(kind.get("/A", Dictionary()), Dictionary):
                    kind.A = Dictionary({**kind.get("/A", Dictionary()), "/O": Name.Table,
                                         "/Scope": Name.Column if kop else Name.Row})
                stapel.append((kind, kop))


def artefacten(pdf: bytes, koppen: bool = True) -> bytes:
    """The PDF with its links printable, its aria-hidden furniture and (koppen) its running heads as
    artifacts. The Overzicht and the A4 sheets keep theirs tagged, out of the tree (read by no reader
    either way): as artifacts, outloud joins two on one baseline (a foot's left and right, two cards'
    heads) into one line it reports as prose hidden from readers (TAG-002, an error)."""
    with pikepdf.open(io.BytesIO(pdf)) as document:
        wortel = document.Root.get("/StructTreeRoot")
        if wortel is not None and "/ParentTree" in wortel:
            levend, ouders = _in_boom(wortel), pikepdf.NumberTree(wortel.ParentTree)
            for pagina in document.pages:
                nummer = pagina.obj.get("/StructParents")
                wezen = _wezen(ouders[int(nummer)], levend, koppen) if nummer is not None and int(nummer) in ouders else set()
                if wezen:
                    _als_artefact(document, pagina, wezen)
        for pagina in document.pages:
            for annotatie in pagina.obj.get("/Annots", []):
                annotatie.F = int(annotatie.get("/F", 0)) | PRINT
        if wortel is not None:
            _tabelkoppen(wortel)
        uit = io.BytesIO()
        document.save(uit, deterministic_id=True)
        return uit.getvalue()
