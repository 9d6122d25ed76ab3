"""The loaded handelingskader for one mkdocs build, shared by the macros and the build hooks.

Loaded once per build (reloaded by `mkdocs serve` when a data file changes). Bad data aborts the
build before mkdocs touches site/, with every problem listed and no Python traceback.
"""
from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.exceptions import Abort

from .bron import DataFout
from .handelingskader import Handelingskader
from .laden import laad
from .signalen import signaleer

log = logging.getLogger("mkdocs.handelingskader")
_cache: dict[tuple, Handelingskader] = {}


def data_map(config) -> Path:
    return Path(config["config_file_path"]).resolve().parent / "data"


def _stempel(map_: Path) -> tuple:
    return tuple(sorted((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in map_.rglob("*.yaml")))


def kader_voor(config) -> Handelingskader:
    """The model for this build; raises mkdocs' Abort with every data problem when it cannot load."""
    map_ = data_map(config)
    sleutel = (str(map_), _stempel(map_))
    if sleutel not in _cache:
        try:
            kader = laad(map_)
        except DataFout as fout:
            regels = "\n".join(map(str, fout.meldingen))
            raise Abort(f"De data in {map_} bevat {len(fout.meldingen)} fout(en):\n{regels}") from None
        for signaal in signaleer(kader):
            log.info("redactiesignaal %s", signaal)
        _cache.clear()
        _cache[sleutel] = kader
    return _cache[sleutel]
