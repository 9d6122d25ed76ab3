"""The frozen editions: `edities/<editie-id>.json`, the open-data export of each published edition,
kept in the repository and never overwritten (`./scripts/publiceer`).

The build reads them to compare the data with the previous edition and offers every one as a
download, so earlier editions remain readable.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from pydantic import ValidationError

from ..export.opendata import Export
from ..gegevens import codes
from ..gegevens.yamlbestand import DataFout, Melding
from .vergelijking import Wijzigingen, vergelijk

EDITIEMAP = "edities"


@dataclass(frozen=True)
class Archief:
    """The folder of frozen editions of a project."""

    map: Path

    def ids(self) -> list[str]:
        """The frozen editions, oldest first (ids are year-month)."""
        if not self.map.is_dir():
            return []
        return sorted(p.stem for p in self.map.glob("*.json") if re.match(codes.EDITIE.patroon, p.stem))

    def pad(self, editie_id: str) -> Path:
        return self.map / f"{editie_id}.json"

    def tekst(self, editie_id: str) -> str:
        return self.pad(editie_id).read_text(encoding="utf-8")

    def lees(self, editie_id: str) -> Export:
        """A frozen edition as the export model; a damaged file is a DataFout with its place."""
        naam = f"{self.map.name}/{editie_id}.json"
        try:
            return Export.model_validate_json(self.tekst(editie_id))
        except ValidationError as fout:
            eerste = fout.errors()[0]
            if eerste["type"] == "json_invalid":
                data = self.tekst(editie_id)
                try:
                    json.loads(data)
                except json.JSONDecodeError as jf:
                    raise DataFout([Melding(naam, jf.lineno, jf.colno, f"geen geldige JSON: {jf.msg}")]) from None
            plek = ".".join(map(str, eerste["loc"]))
            raise DataFout([Melding(naam, 1, 1, f"geen vastgelegde editie zoals ./scripts/publiceer die "
                                                  f"schrijft: {plek}: {eerste['msg']}")]) from None

    def vorige(self, editie_id: str) -> str | None:
        """The latest frozen edition before `editie_id`."""
        eerdere = [i for i in self.ids() if i < editie_id]
        return eerdere[-1] if eerdere else None

    def leg_vast(self, editie_id: str, tekst: str) -> bool:
        """Freeze an edition; False when it exists already (it is never overwritten)."""
        self.map.mkdir(parents=True, exist_ok=True)
        try:
            with self.pad(editie_id).open("x", encoding="utf-8", newline="\n") as bestand:
                bestand.write(tekst + "\n")
        except FileExistsError:
            return False
        return True


@dataclass(eq=False)
class Edities:
    """The editions as one build sees them: the archive, the data's own edition and what changed
    since the previous frozen edition (None for the first edition)."""

    archief: Archief
    huidig: Export  # the export of the data being built
    huidige_tekst: str = field(repr=False)  # the same as the JSON download

    @cached_property
    def vorige(self) -> str | None:
        return self.archief.vorige(self.huidig.editie_id)

    @cached_property
    def wijzigingen(self) -> Wijzigingen | None:
        return vergelijk(self.archief.lees(self.vorige), self.huidig) if self.vorige else None

    @cached_property
    def per_actie(self) -> dict:
        return self.wijzigingen.per_actie() if self.wijzigingen else {}

    def label(self, code: str) -> str | None:
        """'Nieuw in …' or 'Gewijzigd in …' for an actie that changed since the previous edition."""
        wijzigingen = self.per_actie.get(code)
        if not wijzigingen:
            return None
        nieuw = any(w.niveau == "actie" and w.soort == "toegevoegd" for w in wijzigingen)
        return f"{'Nieuw' if nieuw else 'Gewijzigd'} in editie {self.huidig.editie}"

    @property
    def vastgelegd(self) -> bool:
        """Whether the data's own edition is frozen already."""
        return self.archief.pad(self.huidig.editie_id).exists()

    @property
    def afwijkend(self) -> bool:
        """Frozen already, but the data differs from the frozen file: the edition needs a new id."""
        return self.vastgelegd and self.archief.tekst(self.huidig.editie_id).rstrip("\n") != self.huidige_tekst
