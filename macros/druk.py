"""Print: the Overzicht acties (A4) and the pocket cards (A6 for a print shop, A4 for an office
printer), rendered with WeasyPrint from the same loaded model as the website.

WeasyPrint may only read files from the project's print templates and fonts; every other URL is
refused (ProjectFetcher), so a template can never make the build reach the network.
"""
from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

import segno
from markupsafe import Markup
from weasyprint import HTML
from weasyprint.urls import URLFetcher

from .handelingskader import Handelingskader, pagina_pad
from .sjablonen import OVERRIDES, html_omgeving

DRUKMAP = OVERRIDES / "druk"
TOEGESTAAN = (DRUKMAP, OVERRIDES / "theme" / "assets" / "fonts")
PDF_OPTIES = {"pdf_variant": "pdf/ua-1", "uncompressed_pdf": False}


class ProjectFetcher(URLFetcher):
    """Fetches only data: URLs and files inside the project's print template and font folders."""

    def __init__(self, mappen: tuple[Path, ...] = TOEGESTAAN):
        super().__init__(allowed_protocols={"file", "data"})
        self.mappen = tuple(m.resolve() for m in mappen)

    def fetch(self, url, headers=None):
        delen = urlsplit(url)
        if delen.scheme == "file":
            pad = Path(unquote(delen.path)).resolve()
            if not any(pad.is_relative_to(m) for m in self.mappen):
                raise ValueError(f"geweigerd: {url} ligt buiten de druksjablonen en lettertypen")
        elif delen.scheme != "data":
            raise ValueError(f"geweigerd: {url} (alleen bestanden uit het project)")
        return super().fetch(url, headers)


def document(sjabloon: str, **context) -> HTML:
    """An HTML template in overrides/druk/, filled and ready for WeasyPrint (project files only)."""
    tekst = html_omgeving().get_template(sjabloon).render(**context)
    return HTML(string=tekst, base_url=str(DRUKMAP) + "/", url_fetcher=ProjectFetcher())


def render(sjabloon: str, **context) -> bytes:
    """One PDF from an HTML template in overrides/druk/ (PDF/UA-1, fonts embedded)."""
    return document(sjabloon, **context).write_pdf(**PDF_OPTIES)


def qr_svg(url: str) -> Markup:
    """An inline SVG QR code (segno) for a URL; no file, no network."""
    return Markup(segno.make(url, error="m").svg_inline(scale=2, border=2))


@dataclass(frozen=True)
class Kaart:
    """One pocket card: an object type x phase with its acties and the web address of its page."""

    plek_prefix: str
    objecttype: object
    fase: object
    acties: list
    url: str | None


def kaarten(kader: Handelingskader, site_url: str) -> list[Kaart]:
    basis = site_url.rstrip("/") + "/" if site_url else ""
    return [Kaart(f"{ot.letter}-{f.letter}", ot, f, kader.fase_acties(ot, f),
                  basis + pagina_pad(ot, f) if basis else None)
            for ot in kader.objecttypen for f in kader.fasen]


def overzicht(kader: Handelingskader) -> bytes:
    return render("overzicht.html", kader=kader)


def zakkaarten_a6(kader: Handelingskader, site_url: str) -> bytes:
    return render("zakkaarten-a6.html", kader=kader, kaarten=kaarten(kader, site_url), qr=qr_svg)


def zakkaarten_a4(kader: Handelingskader, site_url: str) -> bytes:
    """Four A6 cards per A4 sheet, duplex long-edge: the A6 pagination decides what is on each side."""
    alle = kaarten(kader, site_url)
    a6 = document("zakkaarten-a6.html", kader=kader, kaarten=alle, qr=qr_svg, bijsnijden=False).render()
    zijden = [zijde_inhoud(alle, set(pagina.anchors)) for pagina in a6.pages]
    return render("zakkaarten-a4.html", kader=kader, vellen=vellen(zijden), qr=qr_svg)


@dataclass(frozen=True)
class Zijde:
    """What one side of a card shows: its card, whether it is the front, and the acties on it."""

    kaart: Kaart
    voorkant: bool
    blokken: list  # (actie, met_kop, handelingen on this side)


def zijde_inhoud(alle: list[Kaart], ids: set[str]) -> Zijde | None:
    """The content of one A6 page, from the anchors WeasyPrint laid out on it."""
    for kaart in alle:
        blokken = []
        for actie in kaart.acties:
            handelingen = [h for h in actie.handelingen if h.id.lower() in ids]
            if actie.anker in ids or handelingen:
                blokken.append((actie, actie.anker in ids, handelingen))
        voorkant = f"kaart-{kaart.plek_prefix.lower()}" in ids
        if blokken or voorkant:
            return Zijde(kaart, voorkant, blokken)
    return None


def vellen(zijden: list[Zijde | None]) -> list[dict]:
    """Impose A6 sides (front, back, front, back, ...) four cards to an A4 sheet pair.

    Front sheet positions 1 2 / 3 4; on the back sheet each row is mirrored (2 1 / 4 3), so that
    after a long-edge duplex flip every back lands behind its own front.
    """
    kaartparen = [(zijden[i], zijden[i + 1] if i + 1 < len(zijden) else None)
                  for i in range(0, len(zijden), 2)]
    uitkomst = []
    for start in range(0, len(kaartparen), 4):
        groep = kaartparen[start:start + 4] + [(None, None)] * (4 - len(kaartparen[start:start + 4]))
        voor = [g[0] for g in groep]
        achter = [groep[1][1], groep[0][1], groep[3][1], groep[2][1]]
        uitkomst.append({"voor": voor, "achter": achter})
    return uitkomst


def _maak(taak: tuple[str, Handelingskader, str]) -> tuple[str, bytes]:
    naam, kader, site_url = taak
    maker = {"overzicht-acties.pdf": lambda: overzicht(kader),
             "zakkaarten-a6.pdf": lambda: zakkaarten_a6(kader, site_url),
             "zakkaarten-a4.pdf": lambda: zakkaarten_a4(kader, site_url)}[naam]
    return naam, maker()


PDFS = ("zakkaarten-a4.pdf", "overzicht-acties.pdf", "zakkaarten-a6.pdf")  # slowest first: balances 2 workers


def alle_pdfs(kader: Handelingskader, site_url: str, parallel: bool = True) -> dict[str, bytes]:
    """Every PDF, rendered in parallel processes where more than one core is available."""
    taken = [(naam, kader, site_url) for naam in PDFS]
    kernen = min(len(taken), os.cpu_count() or 1)
    if not parallel or kernen < 2:
        return dict(map(_maak, taken))
    with ProcessPoolExecutor(max_workers=kernen) as pool:
        return dict(pool.map(_maak, taken))
