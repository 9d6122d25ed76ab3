"""Bar charts of the figures tables, rendered at build time as inline SVG (no chart library)."""
from __future__ import annotations

from dataclasses import dataclass

import jinja2
from markupsafe import Markup

from ..gegevens.model import Tabel

KLEUREN = ["#154273", "#ca005d", "#39870c", "#8f4e00"]  # Rijkshuisstijl-like, >= 3:1 on white


@dataclass(frozen=True)
class Maten:
    """The chart's geometry in SVG units; the template reads every size from here."""

    breedte: int = 640  # the whole chart; also its least width on screen (kader.css: figure.grafiek svg)
    label: int = 170  # the column of row labels, left of the bars
    waarderuimte: int = 60  # right of the longest bar, for its value
    legenda: int = 30  # above the first group: one line of legend (more lines add legendaregel each)
    onder: int = 10  # below the last group
    balk: int = 14  # height of one bar
    balkafstand: int = 16  # from one bar of a group to the next
    marge: int = 6  # above and below the bars of one group
    legenda_boven: int = 4  # top of the legend's colour squares
    legendagat: int = 24  # between one legend entry and the next
    legendaregel: int = 20  # from one line of the legend to the next
    tekenbreedte: float = 0.62  # a character's width in font sizes (Inter, generous): legend layout
    blokje: int = 12  # the legend's colour square
    blokafstand: int = 6  # between a colour square and its name
    basislijn: int = 4  # from the middle of a line of text to its baseline
    labelafstand: int = 8  # between a row label and the bars
    waardeafstand: int = 4  # between a bar and its value
    tekst: int = 13  # font size of labels and legend
    waardetekst: int = 13  # font size of values
    labelregel: int = 0  # a phone's chart: each row's label on a line of its own above its bars
    naam: str = "breed"  # the variant's name: its class and the ids of its title and description

    def groep(self, reeksen: int) -> int:
        """Height of one row of the table: its label line (phone), its bars and their margins."""
        return self.labelregel + reeksen * self.balkafstand + 2 * self.marge

    @property
    def ruimte(self) -> int:
        """The length of the longest bar."""
        return self.breedte - self.label - self.waarderuimte


MATEN = Maten()
# The same chart for a phone (below 40em, kader.css): as wide as a 390 px screen's text column at
# about 1:1, so its text stays 13 px; labels above the bars instead of beside them.
SMAL = Maten(breedte=340, label=0, labelafstand=0, labelregel=20, naam="smal")


@dataclass(frozen=True)
class Balk:
    x: int
    y: int
    breedte: int
    waarde: int
    kleur: str
    reeks: str
    rij: str


@dataclass(frozen=True)
class Staafdiagram:
    """Renders a table as an SVG bar chart with the template staafdiagram.svg (called from pages)."""

    omgeving: jinja2.Environment

    def __call__(self, tabel: Tabel) -> Markup:
        """Both variants: the wide chart and the phone's; the page's style shows one."""
        return Markup("").join(self.variant(tabel, maat) for maat in (MATEN, SMAL))

    def variant(self, tabel: Tabel, maat: Maten) -> Markup:
        reeksen = tabel.kolommen[1:]
        grootste = max((w for r in tabel.rijen for w in r.waarden if w is not None), default=1) or 1
        groep = maat.groep(len(reeksen))
        legenda = legenda_plaatsen(reeksen, maat)
        boven = maat.legenda + (legenda[-1].y - maat.legenda_boven if legenda else 0)
        balken, labels = [], []
        for i, rij in enumerate(tabel.rijen):
            y0 = boven + i * groep
            labels.append((y0 + (maat.labelregel // 2 + maat.marge if maat.labelregel else groep // 2), rij.label))
            for j, waarde in enumerate(rij.waarden):
                if waarde is not None:
                    balken.append(Balk(maat.label, y0 + maat.labelregel + maat.marge + j * maat.balkafstand,
                                       max(1, round(waarde / grootste * maat.ruimte)),
                                       waarde, KLEUREN[j % len(KLEUREN)], reeksen[j], rij.label))
        hoogte = boven + maat.onder + len(tabel.rijen) * groep
        return Markup(self.omgeving.get_template("staafdiagram.svg").render(
            tabel=tabel, balken=balken, labels=labels, hoogte=hoogte, legenda=legenda, maat=maat))


@dataclass(frozen=True)
class Legendapunt:
    naam: str
    kleur: str
    x: int  # the colour square; the name follows it
    y: int


def legenda_plaatsen(reeksen: list[str], maat: Maten = MATEN) -> list[Legendapunt]:
    """The legend entries side by side from the bars' left edge, on a new line where the next one
    would not fit: names never overlap each other, whatever their length."""
    punten, x, y = [], maat.label, maat.legenda_boven
    for j, naam in enumerate(reeksen):
        breedte = maat.blokje + maat.blokafstand + round(len(naam) * maat.tekst * maat.tekenbreedte)
        if x > maat.label and x + breedte > maat.breedte:
            x, y = maat.label, y + maat.legendaregel
        punten.append(Legendapunt(naam, KLEUREN[j % len(KLEUREN)], x, y))
        x += breedte + maat.legendagat
    return punten
