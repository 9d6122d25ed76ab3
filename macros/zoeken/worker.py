"""The search worker of the site: mkdocs-material's own worker with the kader's extension appended
(zoekuitbreiding.js) and the deferred index put before it (zoekuitstel.js), under a name of its own
with a content hash, so that a cache that keeps fingerprinted files for a year never serves an
older combination."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from ..web.scripts import verkleind_js

WORKERS = "assets/javascripts/workers"
UITBREIDING = Path(__file__).with_name("zoekuitbreiding.js")
UITSTEL = Path(__file__).with_name("zoekuitstel.js")


@dataclass(frozen=True)
class Zoekworker:
    origineel: str  # mkdocs-material's worker, e.g. 'search.a7633da7.min.js'
    naam: str  # ours, e.g. 'zoeken.1a2b3c4d.min.js'
    inhoud: bytes

    @property
    def pad(self) -> str:
        return f"{WORKERS}/{self.naam}"


def zoekworker(theme_dirs: list[str]) -> Zoekworker:
    """Our worker, from mkdocs-material's worker in the theme folders."""
    for map_ in theme_dirs:
        gevonden = sorted(Path(map_, WORKERS).glob("search.*.min.js"))
        if gevonden:
            eigen = [verkleind_js(js.read_text(encoding="utf-8")).encode() for js in (UITSTEL, UITBREIDING)]
            inhoud = b"\n".join([eigen[0], gevonden[0].read_bytes(), eigen[1]])
            naam = f"zoeken.{hashlib.sha256(inhoud).hexdigest()[:8]}.min.js"
            return Zoekworker(gevonden[0].name, naam, inhoud)
    raise FileNotFoundError(f"geen zoekworker van mkdocs-material in {WORKERS}/ van het thema")
