"""The site's own scripts and style sheet without comments and spaces (rjsmin, rcssmin), after the
build: what a phone loads with every page. The sources in overrides/ keep their comments; under
`mkdocs serve` the files stay as written. Deterministic: the same sources give the same files."""
from __future__ import annotations

from pathlib import Path

import rcssmin
import rjsmin


def verkleind_js(tekst: str) -> str:
    """One script minified (the kader's own scripts and the search worker's extensions)."""
    return rjsmin.jsmin(tekst)


EIGEN = {"assets/javascripts/kader": ("*.js", verkleind_js), "assets/css": ("*.css", rcssmin.cssmin)}


def verklein_scripts(site: Path) -> None:
    """Minify every script and style sheet of the kader in the built site."""
    for map_, (patroon, verklein) in EIGEN.items():
        for bestand in sorted((site / map_).glob(patroon)):
            bestand.write_text(verklein(bestand.read_text(encoding="utf-8")), encoding="utf-8")
