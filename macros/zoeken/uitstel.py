"""The search index out of the critical path of a page.

mkdocs-material fetches search/search_index.json on every page that has a search field, before the
reader has typed anything: on a phone over a slow connection that is the largest file of a page.
After mkdocs-material has written its index, this stage moves the index to search/zoekindex.json
and leaves in search/search_index.json only its configuration (language, separator, fields) and the
address of the whole index, and takes the kader's extension out of the worker (worker.py). The
search worker (zoekuitstel.js) sets up with that, and fetches the whole index and loads the
extension once, when the reader searches for the first time.

Not for the file-share bundle (file://): there mkdocs-material reads the index from
search/search_index.js, from the disk, and the worker cannot fetch."""
from __future__ import annotations

import json
from pathlib import Path

from .worker import uitbreiding_apart

MATERIAL = "search/search_index.json"  # what mkdocs-material's page script fetches
VOLLEDIG = "search/zoekindex.json"  # the whole index, fetched by the worker when the reader searches


def stel_uit(site: Path) -> None:
    """Move the whole index to VOLLEDIG; MATERIAL keeps its configuration, VOLLEDIG's address and the
    extension's."""
    index = site / MATERIAL
    inhoud = index.read_bytes()
    config = json.loads(inhoud)["config"]
    (site / VOLLEDIG).write_bytes(inhoud)
    stomp = {"config": {**config, "zoekindex": VOLLEDIG, "zoekuitbreiding": uitbreiding_apart(site)}, "docs": []}
    index.write_text(json.dumps(stomp, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def volledige_index(site: Path) -> Path:
    """The file that holds the whole index of a built site (of the web or of the file-share build)."""
    return site / VOLLEDIG if (site / VOLLEDIG).is_file() else site / MATERIAL
