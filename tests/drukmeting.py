"""Print measured as a reader sees it: a card side split into its running head, its title, its body
and its footer (pdfplumber lines with their characters), the lines of a subpunt, and the Overzicht's
text block beside its footer. What the parts say is taken from the data read straight from the YAML
(ruwe_yaml, a gemeente's gemeente.yaml), never from the print code; sizes in pt, distances in mm."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pdfplumber
import yaml

from gelijkheid import MM
from ruwe_yaml import acties, bestand

SUBPUNT = re.compile(r"\.\d+[a-z]$")  # a sub-item's id: W-D-08.2a
CODE = re.compile(r"^[A-Z]-[A-Z]-\d{2}\b")


def kaartnamen() -> dict[tuple[str, str], str]:
    """'Woningen · Preventie' by (WONINGEN, Preventie): a card's name by its title's two lines."""
    return {(ot["naam"].upper(), f["naam"]): f"{ot['naam']} · {f['naam']}"
            for ot in bestand("objecttypen.yaml")["objecttypen"] for f in bestand("fasen.yaml")["fasen"]}


def gemeentenaam(overlay: Path | None) -> str | None:
    if overlay is None:
        return None
    return yaml.safe_load((overlay / "gemeente.yaml").read_text(encoding="utf-8"))["gemeente"]["naam"]


def editieregel(gemeente: str | None = None) -> str:
    """The edition line a card's footer shows: title, edition, and a gemeente's name in its own edition."""
    kader = bestand("kader.yaml")
    regel = f"{kader['titel']} · editie {kader['editie']['naam']}"
    return f"{regel} · {gemeente}" if gemeente else regel


def subpunten() -> list[str]:
    """Every sub-item's text ("> ..." in print), from the YAML."""
    return [r.tekst for a in acties() for r in a.regels if SUBPUNT.search(r.id)]


@dataclass
class Kaartzijde:
    """One side of a card as printed."""

    kaart: str  # the card's name, 'Woningen · Preventie'
    nummer: int  # i of 'Zijde i/n'
    zijden: int  # n
    kop: str | None  # the running head's text
    titel: str | None  # the card's name where its title (two lines: WONINGEN, Preventie) heads the side
    romp: list[dict]  # the lines between running head and footer
    voet: list[dict]  # the footer's lines

    def tekens(self, regels: list[dict]) -> list[dict]:
        return [c for r in regels for c in r["chars"] if c["text"].strip()]

    @property
    def witruimte_boven_voet(self) -> float:
        """mm from the lowest end of a body line to the top of the footer's letters."""
        return (min(c["top"] for c in self.tekens(self.voet)) - max(r["bottom"] for r in self.romp)) / MM


def _voet(regels: list[dict], editie: str) -> tuple[int, int, int]:
    """How many lines at the bottom are the footer, and its 'Zijde i/n'."""
    for aantal in (1, 2, 3):
        tekst = " ".join(" ".join(r["text"] for r in regels[-aantal:]).split())
        gevonden = re.fullmatch(rf"{re.escape(editie)} Zijde (\d+)/(\d+)", tekst)
        if gevonden:
            return aantal, int(gevonden[1]), int(gevonden[2])
    raise AssertionError(f"geen voet met '{editie}' en 'Zijde i/n': {[r['text'] for r in regels[-3:]]}")


def kaartzijden(pad: Path, gemeente: str | None = None) -> list[Kaartzijde]:
    """Every side of an A6 card file, in order; a side belongs to the card whose front came last."""
    namen, editie, zijden = kaartnamen(), editieregel(gemeente), []
    with pdfplumber.open(pad) as document:
        for pagina in document.pages:
            regels = pagina.extract_text_lines(return_chars=True)
            aantal, nummer, totaal = _voet(regels, editie)
            romp, voet = regels[:-aantal], regels[-aantal:]
            kop = romp.pop(0)["text"] if romp[0]["text"] in namen.values() else None
            titel = namen.get(tuple(r["text"] for r in romp[:2]))
            zijden.append(Kaartzijde(titel or zijden[-1].kaart, nummer, totaal, kop, titel, romp, voet))
    return zijden


def zijden_per_kaart(zijden: list[Kaartzijde]) -> dict[str, int]:
    """The sides each card takes, by its name."""
    return {zijde.kaart: zijde.zijden for zijde in zijden if zijde.nummer == 1}


def kaartbevindingen(zijden: list[Kaartzijde]) -> list[str]:
    """What a torchlight reader would trip over on the sides: body text under 8 pt, a footer under
    8 pt, a line ending within 3 mm above the footer, a running head where the card's title stands
    (or none on a side without it, or naming another card)."""
    bevindingen = []
    for i, zijde in enumerate(zijden):
        waar = f"zijde {i + 1} ({zijde.kaart} {zijde.nummer}/{zijde.zijden})"
        romp, voet = (min(c["size"] for c in zijde.tekens(deel)) for deel in (zijde.romp, zijde.voet))
        if romp < 7.99 or voet < 7.99:
            bevindingen.append(f"{waar}: tekst {romp:.2f} pt, voet {voet:.2f} pt")
        if zijde.witruimte_boven_voet < 3:
            bevindingen.append(f"{waar}: tekst eindigt {zijde.witruimte_boven_voet:.2f} mm boven de voet")
        if zijde.titel and zijde.kop:
            bevindingen.append(f"{waar}: de kop '{zijde.kop}' boven de titel van de kaart")
        if not zijde.titel and zijde.kop != zijde.kaart:
            bevindingen.append(f"{waar}: een zijde zonder titel met de kop {zijde.kop!r}")
    return bevindingen


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


def kaart_op_zijde(regels: list[str]) -> str | None:
    """The card a side's text lines name: its title's two lines (a front) or its running head."""
    namen = kaartnamen()
    return namen.get(tuple(regels[:2])) or (regels[0] if regels and regels[0] in namen.values() else None)


def tekstblok(pagina) -> tuple[float, float] | None:
    """The left and right edge (pt) of an Overzicht page's text block: those of the phase bar's rule,
    a block as wide as the text (None on a page without one)."""
    randen = {(round(r["x0"], 2), round(r["x1"], 2)) for r in pagina.rects if r["x1"] - r["x0"] > 150 * MM}
    assert len(randen) <= 1, randen
    return randen.pop() if randen else None
