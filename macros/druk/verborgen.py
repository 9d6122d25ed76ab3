"""aria-hidden="true" in the print templates keeps an element out of the PDF's structure tree.

WeasyPrint 70 reads no ARIA (Kozea/WeasyPrint#2550): it would tag the Overzicht's page furniture in
the text flow (the object type repeated above a phase, the phase bar) as content, read on every page.
Here such an element is tagged the way WeasyPrint tags a margin box (a running head): its structure
elements are made, so its marked content is claimed, but hang in no tree; the finished PDF marks
that content as an artifact (artefacten.py); a link annotation of such an element goes to the element
it would have hung in. A patch of WeasyPrint's tag builder, in the process that
lays out (its version is pinned; the print tests show that it still applies).
"""
from __future__ import annotations


def _verborgen(box) -> bool:
    element = getattr(box, "element", None)
    return element is not None and element.get("aria-hidden") == "true"


def _annotaties_naar(ouder, pdf, page_number, annotations, begin: int) -> None:
    """The link annotations of a hidden box (the leader dots inside a contents link) belong to the
    element it would have hung in, which is in the tree."""
    import pydyf

    for i in range(begin, len(annotations)):
        annotatie = annotations[i][1]
        verwijzing = pydyf.Dictionary({"Type": "/OBJR", "Obj": annotatie.reference,
                                       "Pg": pdf.page_references[page_number]})
        pdf.add_object(verwijzing)
        ouder["K"].append(verwijzing.reference)
        annotations[i] = (ouder.reference, annotatie)


def verberg_aria_hidden() -> None:
    """WeasyPrint's tag builder, from now on in this process, without aria-hidden elements."""
    from weasyprint.pdf import tags

    bouw = tags._build_box_tree
    if getattr(bouw, "zonder_verborgen", False):
        return

    def zonder_verborgen(box, parent, pdf, page_number, nums, annotations, tags):
        if _verborgen(box):
            begin = len(annotations)
            for _ in bouw(box, parent, pdf, page_number, nums, annotations, tags):  # made, linked to no parent
                pass
            _annotaties_naar(parent, pdf, page_number, annotations, begin)
            return
        yield from bouw(box, parent, pdf, page_number, nums, annotations, tags)

    zonder_verborgen.zonder_verborgen = True
    tags._build_box_tree = zonder_verborgen
