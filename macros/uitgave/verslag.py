"""The editor's report beside the bundles: `dist/redactie/` with verslag.json (for automation),
verslag.html and verslag.txt (docs/edities.md, "Redactieverslag"). Made after both builds, from the data and
the web build's PDFs (where every actie stands on paper); never part of the site or a bundle."""
from __future__ import annotations

from pathlib import Path

from ..adressen import DOWNLOADMAP, REDACTIEMAP, REDACTIEVERSLAG, Adresboek
from ..edities import edities_van
from ..edities.drukposities import lees_drukposities
from ..edities.verslag import Verslag, als_html, samenvatting, verslag
from ..gegevens.handelingskader import Handelingskader


def maak_verslag(project: Path, kader: Handelingskader, site: Path) -> Verslag:
    """The report of the build of `project` into `site`."""
    edities = edities_van(project, Adresboek(kader))
    return verslag(kader, edities, lees_drukposities(kader, site / DOWNLOADMAP))


def schrijf_verslag(v: Verslag, dist: Path) -> Path:
    """The report's three files in dist/redactie/; returns that folder."""
    map_ = dist / REDACTIEMAP
    map_.mkdir(parents=True, exist_ok=True)
    (map_ / REDACTIEVERSLAG["json"]).write_text(v.model_dump_json(indent=2) + "\n", encoding="utf-8")
    (map_ / REDACTIEVERSLAG["html"]).write_text(als_html(v), encoding="utf-8")
    (map_ / REDACTIEVERSLAG["tekst"]).write_text(samenvatting(v) + "\n", encoding="utf-8")
    return map_


def lees_verslag(dist: Path) -> Verslag:
    return Verslag.model_validate_json((dist / REDACTIEMAP / REDACTIEVERSLAG["json"]).read_text(encoding="utf-8"))
