"""The kader read straight from the YAML files with yaml.safe_load, without the project's loader,
model or indexes: what tests expect is computed from here, so a bug in the code that builds the
pages cannot also be in the expectation."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

DATA = Path(__file__).resolve().parent.parent / "data"


@cache
def bestand(naam: str):
    return yaml.safe_load((DATA / naam).read_text(encoding="utf-8"))


@dataclass(frozen=True)
class Regel:
    """A handeling or sub-item line as written in the YAML."""

    id: str
    tekst: str
    partners: tuple[str, ...]
    instrumenten: tuple[str, ...]
    begrippen: tuple[str, ...] = ()
    handeling: str | None = None  # a sub-item: the text of the handeling it belongs to


@dataclass(frozen=True)
class RuweActie:
    objecttype: str
    fase: str
    code: str
    titel: str
    thema: str
    regels: tuple[Regel, ...]  # handelingen and sub-items in order
    partners: tuple[str, ...] = ()  # what the actie itself (its title) names
    instrumenten: tuple[str, ...] = ()
    begrippen: tuple[str, ...] = ()


def _regel(deel: dict, handeling: dict) -> Regel:
    return Regel(deel["id"], deel["tekst"], *(tuple(deel.get(soort, [])) for soort in ("partners", "instrumenten",
                                                                                    "begrippen")),
                 handeling=None if deel is handeling else handeling["tekst"])


def volgorde(naam: str, lijst: str) -> list[dict]:
    return bestand(naam)[lijst]


@cache
def acties() -> tuple[RuweActie, ...]:
    """Every actie in publication order: object type order, phase order, actie order."""
    objecttypen = [o["id"] for o in volgorde("objecttypen.yaml", "objecttypen")]
    fasen = [f["id"] for f in volgorde("fasen.yaml", "fasen")]
    per_plek = {}
    for pad in (DATA / "acties").glob("*.yaml"):
        data = yaml.safe_load(pad.read_text(encoding="utf-8"))
        for blok in data["fasen"]:
            per_plek[(data["objecttype"], blok["fase"])] = [
                RuweActie(data["objecttype"], blok["fase"], a["code"], a["titel"], a["thema"],
                          tuple(_regel(d, h) for h in a.get("handelingen", []) for d in [h, *h.get("sub", [])]),
                          *(tuple(a.get(soort, [])) for soort in ("partners", "instrumenten", "begrippen")))
                for a in blok["acties"]]
    return tuple(a for ot in objecttypen for f in fasen for a in per_plek.get((ot, f), []))
