"""One build's loaded project, as a plain function of the project folder and its settings: the plugin
uses it, and so do the tools that run a stage without mkdocs (`python -m macros.druk`, the
publication, the tests, the benchmark)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .adressen import Adresboek, zonder
from .edities import Edities, edities_van
from .gegevens.handelingskader import Handelingskader
from .gegevens.lokaal import laad_uitgave
from .instellingen import KaderConfig, lokaal_map


@dataclass(frozen=True)
class Geladen:
    """The kader with its overlay, the editions and the address book of one build."""

    project: Path
    kader: Handelingskader
    edities: Edities
    adresboek: Adresboek


def laad_project(project: Path, config: KaderConfig, kader: Handelingskader | None = None) -> Geladen:
    """The project as its build sees it (`kader`: already loaded); DataFout on bad data or a damaged
    edition file."""
    if kader is None:
        kader = laad_uitgave(project / config.datamap, lokaal_map(project, config))
    edities = edities_van(project, Adresboek(kader), config.edities)
    edities.wijzigingen  # noqa: B018 - reads the previous edition: DataFout when it is damaged
    return Geladen(project, kader, edities, Adresboek(kader, zonder=zonder(kader, bool(edities.wijzigingen))))

