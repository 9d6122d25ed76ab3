"""One change as HTML, for the change list on the web and in the Overzicht's colophon alike.

Inserted and deleted words are <ins> and <del>: underlined and struck through (not colour alone),
and named for screen readers, which do not announce <ins>/<del> by themselves. Text from data is
escaped for HTML and Markdown at once (md_escape writes entities), so the same HTML is safe in a
Markdown page and in a print template.
"""
from __future__ import annotations

from markupsafe import Markup

from ..gegevens.handelingskader import Handelingskader
from ..sjablonen import md_escape
from .vergelijking import SOORTEN, Plaats, Stuk, Wijziging

LABELS = {"ingevoegd": ("ins", "ingevoegd"), "verwijderd": ("del", "verwijderd")}
NIVEAUS = {"actie": "actie", "handeling": "handeling", "subpunt": "subpunt"}


def veilig(tekst: str) -> Markup:
    return Markup(md_escape(tekst))


def gemarkeerd(soort: str, tekst: str) -> Markup:
    if soort == "gelijk":
        return veilig(tekst)
    element, label = LABELS[soort]
    return Markup(f'<{element}><span class="visueel-verborgen">&#91;{label}: </span>{veilig(tekst)}'
                  f'<span class="visueel-verborgen">&#93;</span></{element}>')


def woorden(stukken: list[Stuk]) -> Markup:
    return Markup(" ").join(gemarkeerd(s.soort, s.tekst) for s in stukken)


def plaats(kader: Handelingskader, p: Plaats, niveau: str) -> str:
    """'plaats 5 in Woningen: Direct na een explosie' (for a line: 'plaats 2 in de actie')."""
    if niveau != "actie":
        return f"plaats {p.positie} in de {'actie' if niveau == 'handeling' else 'handeling'}"
    namen = {**{o.id: o.naam for o in kader.objecttypen}, **{f.id: f.naam for f in kader.fasen}}
    return f"plaats {p.positie} in {namen.get(p.objecttype, p.objecttype)}: {namen.get(p.fase, p.fase)}"


def beschrijving(kader: Handelingskader, w: Wijziging) -> Markup:
    """'<strong>Anders verwoord</strong> (handeling W-D-02.1): … words …' as HTML."""
    kop = Markup(f"<strong>{SOORTEN[w.soort]}</strong> ({NIVEAUS[w.niveau]} {veilig(w.code)})")
    if w.soort == "geherformuleerd":
        return kop + Markup(": ") + woorden(w.woorden)
    if w.soort == "verplaatst":
        return kop + Markup(f": van {veilig(plaats(kader, w.van, w.niveau))} naar {veilig(plaats(kader, w.naar, w.niveau))}")
    return kop + Markup(": ") + gemarkeerd("ingevoegd" if w.soort == "toegevoegd" else "verwijderd", w.nieuw or w.oud)
