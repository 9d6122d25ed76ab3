"""A gemeente's own edition in print, measured on the example overlays: the Overzicht with its local
arrangements in a section after the phases (each actie pointing there, the shipped layout) against
under their actie (the phase runs over onto continuation pages), and the cards.

Run: .venv/bin/python -m scripts.prestaties.lokaal [overlay folder ...] (default: the three examples)
Prints per overlay: Overzicht pages, pages of the phases, continuation pages, pages after the phases,
card sides. Everything is laid out in this process (about 5 s per overlay).
"""
from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

from macros.adressen import Adresboek, anker_plek
from macros.druk.documenten import Drukwerk
from macros.druk.inslag import MEESTE_ZIJDEN, zijden
from macros.gegevens.lokaal import laad_uitgave

ROOT = Path(__file__).resolve().parents[2]
VOORBEELDEN = ["examples/gemeente-klein", "examples/gemeente-voorbeeld", "examples/gemeente-groot"]


def overzicht(drukwerk: Drukwerk) -> dict[str, int]:
    """Pages of the Overzicht (counted layout): all, of the phases, continuation pages, after the phases."""
    opmaak = drukwerk.document("overzicht.html", paginanummers=None, paginas=0,
                               slotsecties=drukwerk.slotsecties()).render()
    kader = drukwerk.kader
    fasen = {anker_plek(ot, f) for ot in kader.objecttypen for f in kader.fasen}
    # a phase's id stays on every page its section runs over
    fasepaginas = [i for i, pagina in enumerate(opmaak.pages) if fasen & set(pagina.anchors)]
    return {"paginas": len(opmaak.pages), "fasepaginas": len(fasepaginas), "vervolg": len(fasepaginas) - len(fasen),
            "achteraan": len(opmaak.pages) - 1 - fasepaginas[-1]}


def kaartzijden(drukwerk: Drukwerk) -> int:
    kaarten = drukwerk.kaarten()
    opmaak = drukwerk.document("zakkaarten-a6.html", kaarten=kaarten, meeste_zijden=MEESTE_ZIJDEN,
                               voetregels=drukwerk.voetregels()).render()
    return len(zijden(kaarten, [set(pagina.anchors) for pagina in opmaak.pages]))


def meet(overlay: Path | None) -> None:
    kader = laad_uitgave(ROOT / "data", overlay)
    drukwerk = Drukwerk(Adresboek(kader), ROOT / "macros/druk/sjablonen", ROOT / "overrides/assets/fonts",
                        "https://intranet.gemeente.example/handelingskader/")
    naam = overlay.name if overlay else "landelijk"
    lokaal = kader.lokaal
    omvang = f"{len(lokaal.contacten)} contacten, {sum(map(len, lokaal.afspraken.values()))} afspraken" if lokaal else ""
    print(f"{naam} ({omvang or 'geen eigen gegevens'}); kaartzijden: {kaartzijden(drukwerk)}")
    for titel, achteraan in (("afspraken achteraan", True), ("afspraken bij de actie", False)):
        cijfers = overzicht(replace(drukwerk, afspraken_achteraan=achteraan))
        print(f"  Overzicht, {titel:23s} {cijfers['paginas']:3d} pagina's: fasen {cijfers['fasepaginas']} "
              f"(vervolgpagina's {cijfers['vervolg']}), na de fasen {cijfers['achteraan']}")
        if not lokaal:
            break


def main(mappen: list[str]) -> None:
    meet(None)
    for map_ in mappen or VOORBEELDEN:
        meet(ROOT / map_)


if __name__ == "__main__":
    main(sys.argv[1:])
