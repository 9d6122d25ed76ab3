"""What WeasyPrint leaves for a screen reader to trip over, set right in the finished PDF (pikepdf):

- running heads and feet (margin boxes: the card's side line, the Overzicht's page line) are marked
  content whose structure elements hang in no tree (WeasyPrint keeps them out of the tree, PDF 1.7
  has no place for them): they become /Artifact /Pagination, and leave the parent tree; so does
  page furniture in the text flow that the templates mark aria-hidden (verborgen.py);
- link annotations get the Print flag, so paper and screen say the same (PDF/UA, Matterhorn 28),
  and each belongs to its /Link element;
- table header cells (a gemeente's contacts) get their /Scope: a column in the table's head, else
  their row (WeasyPrint gives only the data cells /Headers).
"""
from __future__ import annotations

import io

import pikepdf
from pikepdf import Array, Dictionary, Name, Operator

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


def _wezen(rij, levend: set) -> set[int]:
    """The marked-content ids of a page whose element hangs in no tree (a running head or foot, or
    aria-hidden furniture, which verborgen.py keeps out of it); taken out of the row."""
    wezen = {i for i, element in enumerate(rij) if isinstance(element, Dictionary) and element.objgen not in levend}
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


def _kinderen(element: Dictionary) -> list:
    kinderen = element.get("/K")
    return list(kinderen) if isinstance(kinderen, Array) else [] if kinderen is None else [kinderen]


def _objr(kind) -> bool:
    return isinstance(kind, Dictionary) and kind.get("/Type") == Name.OBJR


def _link_boven(element: Dictionary) -> Dictionary | None:
    while isinstance(element, Dictionary) and "/S" in element:
        if element.S == Name.Link:
            return element
        element = element.get("/P")
    return None


def _annotaties_bij_link(document: pikepdf.Pdf, levend: set, ouders: pikepdf.NumberTree) -> None:
    """A link annotation belongs to its /Link element: WeasyPrint hangs it in the first element of
    the link's box, a /Span when the link holds markup (a code in an actie's title). `levend`: the
    elements in the tree."""
    for element in [document.get_object(og) for og in levend]:
        link = _link_boven(element)
        if link is None or link.objgen == element.objgen:
            continue
        kinderen = _kinderen(element)
        weg = [k for k in kinderen if _objr(k)]
        if weg:
            element.K = Array([k for k in kinderen if not _objr(k)])
            link.K = Array([*_kinderen(link), *weg])
            for objr in weg:
                ouders[int(objr.Obj.StructParent)] = link


def artefacten(pdf: bytes) -> bytes:
    """The PDF with its links printable and its running heads, feet and aria-hidden furniture as
    artifacts."""
    with pikepdf.open(io.BytesIO(pdf)) as document:
        wortel = document.Root.get("/StructTreeRoot")
        if wortel is not None and "/ParentTree" in wortel:
            levend, ouders = _in_boom(wortel), pikepdf.NumberTree(wortel.ParentTree)
            for pagina in document.pages:
                nummer = pagina.obj.get("/StructParents")
                wezen = _wezen(ouders[int(nummer)], levend) if nummer is not None and int(nummer) in ouders else set()
                if wezen:
                    _als_artefact(document, pagina, wezen)
            _annotaties_bij_link(document, levend, ouders)
        for pagina in document.pages:
            for annotatie in pagina.obj.get("/Annots", []):
                annotatie.F = int(annotatie.get("/F", 0)) | PRINT
        if wortel is not None:
            _tabelkoppen(wortel)
        uit = io.BytesIO()
        document.save(uit, deterministic_id=True)
        return uit.getvalue()
