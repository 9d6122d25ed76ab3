"""Print measured as a reader sees it: the lines of a subpunt, and the Overzicht's text block beside
its footer. What the parts say is taken from the data read straight from the YAML (ruwe_yaml), never
from the print code; sizes in pt, distances in mm."""
from __future__ import annotations

import re
from pathlib import Path

import pdfplumber

from gelijkheid import MM
from ruwe_yaml import acties, bestand

SUBPUNT = re.compile(r"\.\d+[a-z]$")  # a sub-item's id: W-D-08.2a
CODE = re.compile(r"^[A-Z]-[A-Z]-\d{2}\b")


def kaartnamen() -> dict[tuple[str, str], str]:
    """'Woningen · Preventie' by (WONINGEN, Preventie): a card's name by its title's two lines."""
    return {(ot["naam"].upper(), f["naam"]): f"{ot['naam']} · {f['naam']}"
            for ot in bestand("objecttypen.yaml")["objecttypen"] for f in bestand("fasen.yaml")["fasen"]}


def subpunten() -> list[str]:
    """Every sub-item's text ("> ..." in print), from the YAML."""
    return [r.tekst for a in acties() for r in a.regels if SUBPUNT.search(r.id)]


def _vervolg(regels: list[dict], i: int, teksten: list[str]) -> list[dict]:
    """The lines the subpunt starting on line i runs on to: while what is read so far begins, but is
    not all of, a subpunt's text (compared without spaces)."""
    gelezen, vervolg = "".join(regels[i]["text"][2:].split()), []
    for volgende in regels[i + 1:]:
        if gelezen in teksten or not any(t.startswith(gelezen) for t in teksten) \
                or volgende["text"].startswith(("> ", "•")) or CODE.match(volgende["text"]):
            break
        vervolg.append(volgende)
        gelezen += "".join(volgende["text"].split())
    return vervolg


def subpunt_inspringing(pad: Path) -> tuple[int, list[str]]:
    """How many lines printed subpunten ('> ...') run on to, on every page or side of the PDF, and
    those that do not start where the first line's text does (1 pt or more beside it)."""
    teksten = ["".join(t.split()) for t in subpunten()]
    aantal, verkeerd = 0, []
    with pdfplumber.open(pad) as document:
        for nummer, pagina in enumerate(document.pages, 1):
            regels = pagina.extract_text_lines(return_chars=True)
            for i, regel in enumerate(regels):
                if not regel["text"].startswith("> "):
                    continue
                begin = next(c for c in regel["chars"][1:] if c["text"].strip())["x0"]
                for volgende in _vervolg(regels, i, teksten):
                    aantal += 1
                    if abs(volgende["x0"] - begin) >= 1:
                        verkeerd.append(f"p. {nummer} '{volgende['text']}' op {volgende['x0'] / MM:.2f} mm, "
                                        f"'{regel['text']}' op {begin / MM:.2f} mm")
    return aantal, verkeerd


def tekstblok(pagina) -> tuple[float, float] | None:
    """The left and right edge (pt) of an Overzicht page's text block: those of the phase bar's rule,
    a block as wide as the text (None on a page without one)."""
    randen = {(round(r["x0"], 2), round(r["x1"], 2)) for r in pagina.rects if r["x1"] - r["x0"] > 150 * MM}
    assert len(randen) <= 1, randen
    return randen.pop() if randen else None
