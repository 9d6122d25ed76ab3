"""The search worker of the site: mkdocs-material's own worker with the kader's extension appended
(zoekuitbreiding.js) and the deferred index put before it (zoekuitstel.js), under a name of its own
with a content hash, so that a cache that keeps fingerprinted files for a year never serves an
older combination.

On a web server the extension, like the whole index, comes with the first query (apart: it keeps
what every page loads small); in the file-share bundle (file://) and under `mkdocs serve` it stays
in the worker."""
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


def _uitbreiding() -> bytes:
    return verkleind_js(UITBREIDING.read_text(encoding="utf-8")).encode()


def zoekworker(theme_dirs: list[str]) -> Zoekworker:
    """Our worker, from mkdocs-material's worker in the theme folders."""
    for map_ in theme_dirs:
        gevonden = sorted(Path(map_, WORKERS).glob("search.*.min.js"))
        if gevonden:
            uitstel = verkleind_js(UITSTEL.read_text(encoding="utf-8")).encode()
            inhoud = b"\n".join([uitstel, gevonden[0].read_bytes(), _uitbreiding()])
            naam = f"zoeken.{hashlib.sha256(inhoud).hexdigest()[:8]}.min.js"
            return Zoekworker(gevonden[0].name, naam, inhoud)
    raise FileNotFoundError(f"geen zoekworker van mkdocs-material in {WORKERS}/ van het thema")


def uitbreiding_apart(site: Path) -> str:
    """Take the extension out of the built site's worker into a file of its own (named by its content
    hash), which the worker loads with the whole index (zoekuitstel.js); its address from the root."""
    uitbreiding = _uitbreiding()
    [worker] = (site / WORKERS).glob("zoeken.*.min.js")
    inhoud = worker.read_bytes()
    if not inhoud.endswith(b"\n" + uitbreiding):
        raise ValueError(f"{worker.name} eindigt niet op de zoekuitbreiding")
    worker.write_bytes(inhoud[:-len(uitbreiding) - 1])
    pad = f"{WORKERS}/zoekuitbreiding.{hashlib.sha256(uitbreiding).hexdigest()[:8]}.min.js"
    (site / pad).write_bytes(uitbreiding)
    return pad
