"""Tagged PDFs of consecutive parts of one document joined into one (pikepdf), as if WeasyPrint had
laid them out together: the pages in order, the structure tree (each part's elements under the one
Document element, its parent tree keys moved on), the bookmarks and the named destinations.

The pocket cards are laid out in parts (whole cards, macros/druk/documenten.py) so that no process
holds the layout of every card side at once; WeasyPrint keeps the layout of every page of a document
until it writes the PDF. Metadata, language and viewer settings are the first part's (the parts share
their template).
"""
from __future__ import annotations

import io

import pikepdf


def _document(pdf: pikepdf.Pdf) -> pikepdf.Dictionary:
    """The Document structure element WeasyPrint puts at the root of the structure tree."""
    kinderen = pdf.Root.StructTreeRoot.K
    return kinderen[0] if isinstance(kinderen, pikepdf.Array) else kinderen


def _kinderen(element: pikepdf.Dictionary) -> pikepdf.Array:
    if not isinstance(element.get("/K"), pikepdf.Array):
        element.K = pikepdf.Array([] if element.get("/K") is None else [element.K])
    return element.K


def _paren(array: pikepdf.Array) -> list[tuple]:
    return [(array[i], array[i + 1]) for i in range(0, len(array), 2)]


def _namen(pdf: pikepdf.Pdf) -> pikepdf.Array | None:
    """The flat /Names array of the named destinations (WeasyPrint writes a single leaf)."""
    if "/Names" in pdf.Root and "/Dests" in pdf.Root.Names:
        return pdf.Root.Names.Dests.get("/Names")
    return None


def _kopie(uit: pikepdf.Pdf, deel: pikepdf.Pdf, obj):
    """An object of the part in our file; a direct one (an array in the parent tree, a destination)
    is made indirect first, as copying requires, so what it refers to is copied with it."""
    return uit.copy_foreign(obj if obj.is_indirect else deel.make_indirect(obj))


def _structuur(uit: pikepdf.Pdf, deel: pikepdf.Pdf, pagina_start: int) -> None:
    """The part's structure elements under our Document element; its parent tree keys (and the
    /StructParents of its pages) moved past ours."""
    document = _document(uit)
    nums = uit.Root.StructTreeRoot.ParentTree.Nums
    verschuiving = max((int(sleutel) for sleutel, _ in _paren(nums)), default=-1) + 1
    for kind in list(_kinderen(_document(deel))):
        del kind["/P"]  # not the part's own tree: only the element and what it contains is copied
        kopie = uit.copy_foreign(kind)
        kopie.P = document
        _kinderen(document).append(kopie)
    for sleutel, waarde in _paren(deel.Root.StructTreeRoot.ParentTree.Nums):
        nums.append(int(sleutel) + verschuiving)
        nums.append(_kopie(uit, deel, waarde))
    for pagina in uit.pages[pagina_start:]:
        if "/StructParents" in pagina.obj:
            pagina.obj.StructParents = int(pagina.obj.StructParents) + verschuiving
        for annotatie in pagina.obj.get("/Annots", []):
            if "/StructParent" in annotatie:
                annotatie.StructParent = int(annotatie.StructParent) + verschuiving


def _bladwijzers(uit: pikepdf.Pdf, deel: pikepdf.Pdf) -> None:
    """The part's top-level bookmarks after ours (their destinations are the copied pages)."""
    if "/Outlines" not in deel.Root or "/First" not in deel.Root.Outlines:
        return
    bron = deel.Root.Outlines
    if "/Outlines" not in uit.Root:
        uit.Root.Outlines = uit.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.Outlines, Count=0))
    doel = uit.Root.Outlines
    eerste, laatste = uit.copy_foreign(bron.First), uit.copy_foreign(bron.Last)
    item = eerste
    while True:
        item.Parent = doel
        if item.objgen == laatste.objgen:
            break
        item = item.Next
    if "/Last" in doel:
        doel.Last.Next, eerste.Prev = eerste, doel.Last
    else:
        doel.First = eerste
    doel.Last = laatste
    doel.Count = int(doel.get("/Count", 0)) + int(bron.get("/Count", 0))


def _bestemmingen(uit: pikepdf.Pdf, deel: pikepdf.Pdf) -> None:
    """The part's named destinations with ours, one sorted leaf (a name in two parts: the first)."""
    bron = _namen(deel)
    if bron is None:
        return
    paren = {bytes(naam): (naam, bestemming) for naam, bestemming in _paren(_namen(uit) or pikepdf.Array())}
    for naam, bestemming in _paren(bron):
        paren.setdefault(bytes(naam), (naam, _kopie(uit, deel, bestemming)))
    blad = pikepdf.Array([x for sleutel in sorted(paren) for x in paren[sleutel]])
    if "/Names" not in uit.Root:
        uit.Root.Names = pikepdf.Dictionary()
    uit.Root.Names.Dests = uit.make_indirect(pikepdf.Dictionary(Names=blad))


def samenvoegen(delen: list[bytes]) -> bytes:
    """One PDF of the parts, in order; a single part is returned as it is."""
    if len(delen) == 1:
        return delen[0]
    with pikepdf.open(io.BytesIO(delen[0])) as uit:
        for pdf in delen[1:]:
            with pikepdf.open(io.BytesIO(pdf)) as deel:
                start = len(uit.pages)
                uit.pages.extend(deel.pages)  # copied first: what refers to a page finds its copy
                _structuur(uit, deel, start)
                _bladwijzers(uit, deel)
                _bestemmingen(uit, deel)
        bytes_ = io.BytesIO()
        uit.save(bytes_, deterministic_id=True, object_stream_mode=pikepdf.ObjectStreamMode.generate)
        return bytes_.getvalue()
