"""Print: the Overzicht acties (A4) and the pocket cards (A6 for a print shop; A4 for an office
printer, imposed from the A6 file), rendered with WeasyPrint from the same loaded model as the
website.

WeasyPrint reads only files from the project's print templates and fonts (ProjectFetcher). It is
imported where a document is made, not with this module: the build's own process describes the print
stage (Drukwerk) but lays nothing out; its print process loads WeasyPrint (macros/druk/processen.py).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property, partial
from pathlib import Path

import jinja2
import segno

from ..adressen import DOWNLOADS, SECTIEANKERS, Adresboek, anker, anker_afspraken, anker_plek
from ..edities import Edities
from ..edities.weergave import beschrijving
from ..gegevens.lokaal import AFSPRAKEN, CONTACTEN, LABEL
from ..instellingen import KaderConfig, instellingen
from ..project import Geladen, laad_project
from ..sjablonen import html_omgeving
from .impositie import impositie, paginatal, snijlijnkleur
from .inslag import MEESTE_ZIJDEN, Kaart, kaartdelen, vellen, zijden
from .samenvoegen import samenvoegen
from .artefacten import artefacten
from .snijtekens import snijtekens
from .volgorde import in_tagvolgorde
from .maten import KAART, regels

PDF_OPTIES = {"pdf_variant": "pdf/ua-1", "uncompressed_pdf": False}
HULPPARTNERS = 8  # the partners a card's helping back lists: the most often named on that card
# The card sides one layout holds at most, estimated from the text (whole cards; more are laid out in
# parts and joined): WeasyPrint keeps every page's layout until it writes the PDF, about 1.8 MiB a side.
ZIJDEN_PER_DEEL = 40


def qr_uri(url: str) -> str:
    """A QR code (segno) for a URL as an SVG data: URI, for an <img> with alternative text; no file,
    no network."""
    return segno.make(url, error="m").svg_data_uri(scale=2, border=2)


@dataclass(frozen=True)
class Drukwerk:
    """The print stage of one build: what it prints, from which templates, with which fonts.

    Plain data, so that it can be handed to worker processes (one PDF each)."""

    adresboek: Adresboek
    sjablonen: Path  # the project's print templates
    lettertypen: Path  # the project's fonts
    site_url: str = ""  # the published address, for the QR codes (none without it)
    edities: Edities | None = None  # what changed since the previous edition (the Overzicht shows it)
    zijden_per_deel: int = ZIJDEN_PER_DEEL  # card sides per layout, estimated (see above)
    # A gemeente's arrangements in the Overzicht: in a section after the phases, each actie pointing
    # there beside its title ("Lokale afspraak: p. 16"), so that every phase keeps its one page; False:
    # under their actie, where a full phase runs over onto a continuation page (both measured in
    # scripts/prestaties/lokaal.py)
    afspraken_achteraan: bool = True

    @classmethod
    def van(cls, geladen: Geladen, config: KaderConfig, site_url: str = "") -> Drukwerk:
        """The print stage of a loaded project: its print templates and fonts, the address for the QR
        codes."""
        return cls(geladen.adresboek, geladen.project / config.druk_sjablonen,
                   geladen.project / config.lettertypen, site_url, geladen.edities)

    @classmethod
    def van_project(cls, project: Path, site_url: str = "") -> Drukwerk:
        """The print stage of a project folder as its build sees it (its settings, data, overlay and
        editions); Instellingfout or DataFout when those are not valid."""
        config = instellingen(project)
        return cls.van(laad_project(project, config), config, site_url)

    @property
    def kader(self):
        return self.adresboek.kader

    @cached_property
    def omgeving(self) -> jinja2.Environment:
        """The print templates; what every template and imported macro may use is global."""
        omgeving = html_omgeving(self.sjablonen)
        omgeving.globals.update(kader=self.kader, anker=anker, anker_plek=anker_plek, anker_afspraken=anker_afspraken,
                                afspraaklabel=LABEL, qr=qr_uri, wijzigingen=self.edities and self.edities.wijzigingen,
                                contactentitel=CONTACTEN, afsprakentitel=AFSPRAKEN, sectieankers=SECTIEANKERS,
                                afspraken_achteraan=self.afspraken_achteraan,
                                editielabel=self.edities.label if self.edities else lambda code: None,
                                beschrijving=partial(beschrijving, self.kader), maat=KAART, hulppartners=HULPPARTNERS, lettertypen=self.lettertypen.resolve().as_uri())
        return omgeving

    def __getstate__(self) -> dict:  # the environment is made again in each worker process
        return {k: v for k, v in self.__dict__.items() if k != "omgeving"}

    def document(self, sjabloon: str, **context):
        """An HTML template filled and ready for WeasyPrint (project files only)."""
        from weasyprint import HTML

        from .fetcher import ProjectFetcher
        from .verborgen import verberg_aria_hidden
        verberg_aria_hidden()
        tekst = self.omgeving.get_template(sjabloon).render(**context)
        return HTML(string=tekst, base_url=self.sjablonen.resolve().as_uri() + "/",
                    url_fetcher=ProjectFetcher((self.sjablonen, self.lettertypen)))

    def kaarten(self) -> list[Kaart]:
        basis = self.site_url.rstrip("/") + "/" if self.site_url else ""
        return [Kaart(ot, f, self.kader.fase_acties(ot, f),
                      basis + self.adresboek.pagina_url(ot, f) if basis else None)
                for ot in self.kader.objecttypen for f in self.kader.fasen]

    def slotsecties(self) -> list[tuple[str, str]]:
        """(anchor, title) of the Overzicht's sections after the phases, as its contents list them."""
        k = self.kader
        gemeente = f" {k.lokaal.gemeente.naam}" if k.lokaal else ""
        secties = [("afspraken", AFSPRAKEN + gemeente, self.afspraken_achteraan and k.lokale_afspraken()),
                   ("contacten", CONTACTEN + gemeente, k.lokale_contacten()),
                   ("colofon", "Colofon", self.edities and self.edities.wijzigingen)]
        return [(SECTIEANKERS[soort], titel) for soort, titel, aanwezig in secties if aanwezig]

    def overzicht(self) -> dict[str, bytes]:
        """The Overzicht: its contents' page numbers and "pagina 3 van 14" counted by WeasyPrint
        (target-counter, counter(pages)); a continuation page of a phase repeats its heads; painted
        in tag order (volgorde.py)."""
        opmaak = self.document("overzicht.html", slotsecties=self.slotsecties()).render()
        return {DOWNLOADS["overzicht"]: artefacten(in_tagvolgorde(opmaak.write_pdf(**PDF_OPTIES)))}

    def voetregels(self) -> int:
        """The lines of a card's edition line in its footer (more than one with a long gemeente name)."""
        return regels(self.kader.editieregel(kort=True), KAART.voetbreedte, KAART.voetletter,
                      self.lettertypen / "Inter-Regular.woff2")

    def kaartdelen(self) -> list[list[Kaart]]:
        return kaartdelen(self.kaarten(), self.zijden_per_deel)

    def zakkaarten_a6_deel(self, kaarten: list[Kaart]) -> bytes:
        """One part of the cards (whole cards), laid out once as a flow, one side per page: the pages
        of their acties and the helping backs that make each card's sides even (inslag.zijden)."""
        opmaak = self.document("zakkaarten-a6.html", kaarten=kaarten, meeste_zijden=MEESTE_ZIJDEN,
                               voetregels=self.voetregels()).render()
        bewaard = zijden(kaarten, [set(pagina.anchors) for pagina in opmaak.pages])
        return opmaak.copy([opmaak.pages[i] for i in bewaard]).write_pdf(**PDF_OPTIES)

    def zakkaarten_a6(self, delen: list[bytes] | None = None) -> dict[str, bytes]:
        """One card side per A6 page, with bleed and crop marks outside it for the print shop: the
        parts (laid out here, one after the other, if not given) joined, painted in tag order
        (volgorde.py; the A4 sheets are imposed from these sides)."""
        if delen is None:
            delen = [self.zakkaarten_a6_deel(deel) for deel in self.kaartdelen()]
        return {DOWNLOADS["zakkaarten_a6"]: in_tagvolgorde(snijtekens(samenvoegen(delen), KAART))}

    def zakkaarten_a4(self, a6: bytes) -> dict[str, bytes]:
        """Four A6 cards per A4 sheet, duplex long-edge, for the office printer: the finished A6
        sides imposed (macros/druk/impositie.py), so both card files show the same cards."""
        paginas = [vel[kant] for vel in vellen(list(range(paginatal(a6)))) for kant in ("voor", "achter")]
        titel = f"Zakkaarten (A4, dubbelzijdig) – {self.kader.kader.ondertitel}"
        uitleg = (f"Zakkaarten bij {self.kader.editieregel(kort=True)}: vier A6-kaarten per A4-vel, dubbelzijdig "
                  "afdrukken (lange zijde), langs de snijlijnen knippen.")
        kleur = snijlijnkleur(self.sjablonen / "kleuren.css")
        return {DOWNLOADS["zakkaarten_a4"]: impositie(a6, paginas, KAART, kleur, titel, uitleg)}

    def zakkaarten(self, delen: list[bytes] | None = None) -> dict[str, bytes]:
        """Both card files from one layout of the cards (the parts, if given, are that layout): the A6
        sides, and the A4 sheets imposed from them."""
        a6 = artefacten(self.zakkaarten_a6(delen)[DOWNLOADS["zakkaarten_a6"]])
        # imposed from the finished sides: their heads and feet are artifacts on the sheets too
        return {DOWNLOADS["zakkaarten_a6"]: a6, **self.zakkaarten_a4(a6)}

    def alles(self) -> dict[str, bytes]:
        """Every PDF, one after the other in this process."""
        return {**self.overzicht(), **self.zakkaarten()}


PDFS = tuple(DOWNLOADS[soort] for soort in ("overzicht", "zakkaarten_a6", "zakkaarten_a4"))
# The print tasks, as the benchmark measures them one by one: the Overzicht, and both card files (the
# A6 sides laid out in parts, the A4 sheets imposed from them).
TAKEN = ("overzicht", "zakkaarten")
