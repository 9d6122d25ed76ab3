"""The mkdocs plugin `handelingskader`: one object per build holds the kader, the command, the page
templates and the PDF switch (no module state).

on_config loads data/ before mkdocs touches site/ (bad data aborts the build with every problem
listed, no traceback) and sets the navigation; on_files adds the generated pages and the downloads;
on_page_markdown gives every page the abbreviation tooltips. Under `mkdocs serve` the plugin lives
across rebuilds: the kader is loaded again only when a data file changed, the templates are read
from the project on every rebuild.
"""
from __future__ import annotations

import gc
import json
import logging
import os
from dataclasses import dataclass
from pathlib import Path

from mkdocs.exceptions import Abort
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, InclusionLevel

from ..adressen import CHECKLIJSTSCHEMA, DOWNLOADMAP, EDITIEDOWNLOADS, WIJZIGINGEN, Adresboek
from ..edities import Edities
from ..edities.vergelijking import json_tekst as wijzigingen_json, schema as wijzigingen_schema
from ..export.downloads import exports
from ..gegevens.handelingskader import Handelingskader
from ..gegevens.lokaal import laad_uitgave
from ..gegevens.moment import bouwmoment
from ..gegevens.omgeving import NAAM as SITEADRES, siteadres
from ..gegevens.signalen import signaleer
from ..gegevens.yamlbestand import DataFout
from ..sjablonen import html_navigatie, html_omgeving, html_tekst, markdown_omgeving
from ..web.checklijst import checklijstschema
from ..web.lettertypen import verklein_lettertypen
from ..web.scripts import verklein_scripts
from ..web.paginas import Web, alle_paginas
from ..zoeken.index import Zoekindex, zoekvelden
from ..zoeken.uitstel import stel_uit
from ..zoeken.woorden import woordenboek
from ..zoeken.worker import Zoekworker, zoekworker
from ..instellingen import KaderConfig, lokaal_map
from ..project import Geladen, laad_project

log = logging.getLogger("mkdocs.plugins.handelingskader")


@dataclass(eq=False)
class Bouw:
    """One build: the loaded project (kader, editions, address book), its web stage and search worker."""

    geladen: Geladen
    web: Web
    zoekworker: Zoekworker

    @property
    def kader(self) -> Handelingskader:
        return self.geladen.kader

    @property
    def adresboek(self) -> Adresboek:
        return self.geladen.adresboek

    @property
    def edities(self) -> Edities:
        return self.geladen.edities


IFRAME_WORKER = "assets/javascripts/vendor/iframe-worker/shim.js"  # vendored, see its HERKOMST.txt


def _zoekplugin(config):
    """mkdocs-material's search plugin of this build, if enabled."""
    zoeken = next((p for p in config.plugins.values() if type(p).__name__ == "SearchPlugin"), None)
    return zoeken if zoeken is not None and zoeken.config.enabled else None


def _offline(config) -> bool:
    """Whether this is the build for file:// (mkdocs-material's offline plugin enabled)."""
    return any(type(p).__name__ == "OfflinePlugin" and p.config.enabled for p in config.plugins.values())


def _stempel(map_: Path) -> tuple:
    return tuple(sorted((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in map_.rglob("*.yaml")))


class KaderPlugin(BasePlugin[KaderConfig]):
    def __init__(self):
        self.opdracht = "build"
        self.bouw: Bouw | None = None
        self._geladen: tuple[tuple, Handelingskader] | None = None  # (stamp of data/, kader)
        self.drukopdracht = None  # the PDFs being rendered (macros/druk/documenten.py)

    def on_startup(self, *, command, dirty):  # defining this keeps the plugin across serve rebuilds
        self.opdracht = command

    def laad(self, map_: Path, lokaal: Path | None) -> Handelingskader:
        """The kader of data/ (and the overlay), loaded again only when a data file changed; Abort on
        bad data, except under `mkdocs serve` after a good load: then the errors are logged and the
        last good kader is served until the data is fixed."""
        stempel = (str(map_), _stempel(map_), str(lokaal), _stempel(lokaal) if lokaal else ())
        if self._geladen is None or self._geladen[0] != stempel:
            try:
                kader = laad_uitgave(map_, lokaal)
            except DataFout as fout:
                regels = "\n".join(map(str, fout.meldingen))
                melding = f"De data bevat {len(fout.meldingen)} fout(en):\n{regels}"
                if self.opdracht == "serve" and self._geladen:  # keep serving the last good data
                    log.error("%s\nDe site toont de laatste goede data tot deze fouten hersteld zijn.", melding)
                    return self._geladen[1]
                raise Abort(melding) from None
            for signaal in signaleer(kader):
                log.info("redactiesignaal %s", signaal)
            self._geladen = (stempel, kader)
        return self._geladen[1]

    @event_priority(50)  # before mkdocs-material's offline plugin, which adds its shim from a CDN otherwise
    def on_config(self, config):
        try:  # the site address as set and as mkdocs tidied it (macros/gegevens/omgeving.py)
            config.site_url = siteadres(config.site_url or "", os.environ.get(SITEADRES))
        except ValueError as fout:
            raise Abort(str(fout)) from None
        project = Path(config.config_file_path).resolve().parent
        kader = self.laad(project / self.config.datamap, lokaal_map(project, self.config))
        try:  # mkdocs dates the sitemap from SOURCE_DATE_EPOCH: every time the build writes is this one
            os.environ["SOURCE_DATE_EPOCH"] = str(bouwmoment(kader.kader.editie.id))
        except ValueError as fout:
            raise Abort(str(fout)) from None
        try:
            geladen = laad_project(project, self.config, kader)
        except DataFout as fout:  # a damaged edition file
            raise Abort("\n".join(map(str, fout.meldingen))) from None
        edities, adresboek = geladen.edities, geladen.adresboek
        sjablonen = project / self.config.web_sjablonen
        web = Web(kader, adresboek, markdown_omgeving(sjablonen), html_omgeving(sjablonen), edities,
                  bewaardagen=self.config.checklijst_bewaardagen, siteadres=config.site_url or "")
        worker = zoekworker(config.theme.dirs)
        self.bouw = Bouw(geladen, web, worker)
        wijze = self.config.drukwijze(self.opdracht)
        self.drukopdracht = self.start_druk(config, wijze) if wijze else None  # PDFs while the pages render
        config.nav = html_navigatie(adresboek.navigatie())
        config.extra["zoekworker"] = {"van": worker.origineel, "naar": worker.naam}  # main.html
        config.extra["editieregel"] = kader.editieregel(kort=True)
        if kader.uitgavenaam:
            config.site_name = html_tekst(kader.uitgavenaam)
        if _offline(config):
            config.extra["polyfills"] = [IFRAME_WORKER]
        return config

    def on_files(self, files, config):
        bouw = self.bouw
        for pagina in alle_paginas(bouw.kader, bouw.adresboek.zonder):
            inclusion = InclusionLevel.UNDEFINED if pagina.in_navigatie else InclusionLevel.NOT_IN_NAV
            files.append(File.generated(config, pagina.pad, content=bouw.web.markdown_van(pagina), inclusion=inclusion))
        files.append(File.generated(config, bouw.zoekworker.pad, content=bouw.zoekworker.inhoud))
        for naam, inhoud in self.downloads(config).items():
            files.append(File.generated(config, f"{DOWNLOADMAP}/{naam}", content=inhoud))
        files.append(File.generated(config, f"{DOWNLOADMAP}/{CHECKLIJSTSCHEMA}", content=checklijstschema(config.theme.dirs)))
        return files

    def downloads(self, config) -> dict[str, bytes]:
        """The exports, and an empty place for each PDF, filled when the PDFs are done (on_post_build)."""
        bouw = self.bouw
        edities = bouw.edities
        bestanden = {naam: inhoud.encode("utf-8") for naam, inhoud in exports(
            bouw.adresboek, config.site_url or "", bouw.web.downloadlijst, edities.archief.ids()).items()}
        if edities.wijzigingen:
            bestanden[WIJZIGINGEN["json"]] = wijzigingen_json(edities.wijzigingen).encode("utf-8")
            bestanden[WIJZIGINGEN["schema"]] = json.dumps(wijzigingen_schema(), ensure_ascii=False, indent=2).encode("utf-8")
        for editie in edities.archief.ids():  # earlier editions remain readable
            bestanden[f"{EDITIEDOWNLOADS}/{editie}.json"] = edities.archief.pad(editie).read_bytes()
        if self.drukopdracht:
            from ..druk.documenten import PDFS
            bestanden.update({naam: b"" for naam in PDFS})
        return bestanden

    def start_druk(self, config, wijze: str):
        """The PDFs: laid out while the pages render ("maken"), or taken from an earlier build
        ("overnemen", KADER_PDFS: its downloads folder, for the file-share build of the same sources)."""
        from ..druk.processen import Drukopdracht, Gedrukt  # WeasyPrint is only imported when PDFs are made
        if wijze == "overnemen":
            return Gedrukt(Path(self.config.pdfs_van))
        return Drukopdracht(self.drukwerk(config))

    def schrijf_pdfs(self, config) -> None:
        """The PDFs, rendered meanwhile, into the built site."""
        if self.drukopdracht:
            opdracht, self.drukopdracht = self.drukopdracht, None
            for naam, inhoud in opdracht.resultaten().items():
                (Path(config.site_dir) / DOWNLOADMAP / naam).write_bytes(inhoud)

    def on_build_error(self, *, error):
        if self.drukopdracht:
            self.drukopdracht.stop()
            self.drukopdracht = None

    def drukwerk(self, config):
        """The print stage of this build: its kader, the project's print templates and fonts."""
        from ..druk.documenten import Drukwerk  # the build's own process loads print modules only for PDFs
        return Drukwerk.van(self.bouw.geladen, self.config, config.site_url or "")

    @event_priority(50)  # before mkdocs-material's search plugin writes its index
    def _na_de_paginas(self, *, config):
        """The web fonts cut to the characters of the pages (not under serve: speed), and the search
        index shaped for Dutch readers (macros/zoeken/index.py); the PDFs render meanwhile."""
        if self.opdracht != "serve":
            verklein_lettertypen(Path(config.site_dir))
            verklein_scripts(Path(config.site_dir))
        zoeken = _zoekplugin(config)
        if zoeken is None:
            return
        index = zoeken.search_index
        index.entries = Zoekindex(self.bouw.kader, self.bouw.adresboek, woordenboek()).vorm(index.entries)
        index.config["fields"] = zoekvelden(index.config["fields"])

    @event_priority(-100)  # after mkdocs-material's search plugin has written its index
    def _index_uitstellen(self, *, config):
        """The search index fetched when the reader searches, not with every page (not under serve,
        whose search then keeps working on every rebuild, nor for file://)."""
        if self.opdracht != "serve" and not _offline(config) and _zoekplugin(config) is not None:
            stel_uit(Path(config.site_dir))

    @event_priority(-200)  # last: the PDFs are collected only when everything else is done
    def _pdfs_schrijven(self, *, config):
        self.schrijf_pdfs(config)

    on_post_build = CombinedEvent(_na_de_paginas, _index_uitstellen, _pdfs_schrijven)

    def on_shutdown(self):
        """mkdocs ends: the garbage collector need not walk everything the build made once more on
        the way out (about 0.2 s after a build); the memory goes with the process as always."""
        gc.freeze()

    def on_template_context(self, context, template_name, config):
        """The 404 page of a site built without its address (KADER_SITE_URL): links relative to the
        site's root folder, which the web server names with a <base> (deploy/nginx.conf), so the page
        works at any depth under any sub-path. mkdocs would write them from the server's root."""
        if template_name == "404.html" and not config.site_url:
            context["base_url"] = "."
        return context

    def on_page_markdown(self, markdown, page, config, files):
        """Abbreviations from data/afkortingen.yaml become tooltips wherever they appear."""
        markdown = f"{markdown}\n\n{self.bouw.web.afkortingen}\n"
        return markdown
