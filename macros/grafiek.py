"""Bar charts of the figures tables, rendered at build time as inline SVG (no chart library)."""
from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from .model import Tabel
from .sjablonen import render_html

BREEDTE, LABEL, BALK, MARGE = 640, 170, 16, 6
KLEUREN = ["#154273", "#ca005d", "#39870c", "#8f4e00"]  # Rijkshuisstijl-like, >= 3:1 on white


@dataclass(frozen=True)
class Balk:
    x: int
    y: int
    breedte: int
    waarde: int
    kleur: str
    reeks: str
    rij: str


def staafdiagram(tabel: Tabel) -> Markup:
    reeksen = tabel.kolommen[1:]
    grootste = max((w for r in tabel.rijen for w in r.waarden if w is not None), default=1) or 1
    ruimte = BREEDTE - LABEL - 60
    groep = len(reeksen) * BALK + 2 * MARGE
    balken, labels = [], []
    for i, rij in enumerate(tabel.rijen):
        y0 = 30 + i * groep
        labels.append((y0 + groep // 2, rij.label))
        for j, waarde in enumerate(rij.waarden):
            if waarde is not None:
                balken.append(Balk(LABEL, y0 + MARGE + j * BALK, max(1, round(waarde / grootste * ruimte)),
                                   waarde, KLEUREN[j % len(KLEUREN)], reeksen[j], rij.label))
    return render_html("staafdiagram.svg", tabel=tabel, balken=balken, labels=labels, breedte=BREEDTE,
                       hoogte=40 + len(tabel.rijen) * groep,
                       legenda=[(r, KLEUREN[j % len(KLEUREN)]) for j, r in enumerate(reeksen)], label_x=LABEL)
