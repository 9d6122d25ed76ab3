"""Editions: the frozen exports of published editions (archief.py) and what changed between two
of them (vergelijking.py)."""
from __future__ import annotations

from pathlib import Path

from ..adressen import Adresboek
from ..export.opendata import export, json_tekst
from ..instellingen import EDITIEMAP
from .archief import Archief, Edities

__all__ = ["EDITIEMAP", "Archief", "Edities", "edities_van"]


def edities_van(project: Path, adresboek: Adresboek, map_: str = EDITIEMAP) -> Edities:
    """The editions as the build of `project` sees them."""
    huidig = export(adresboek)
    return Edities(Archief(project / map_), huidig, json_tekst(huidig))
