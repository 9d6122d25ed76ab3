"""The PDFs: each print task in its own process (the Overzicht; both card files from one layout of the
cards), then all in parallel and one after the other. The children load the project as its build
sees it (macros/project.py), through scripts/prestaties/drukwijzen.py."""
from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader

from macros.druk.documenten import TAKEN

from .drukwijzen import ROOT, opdracht
from .processen import kib, meet


def drukwerk(project: Path, uit: Path, parallel_vergelijken: bool = True) -> None:
    """Each PDF in its own process; then alle_pdfs in parallel and one after the other."""
    uit.mkdir()
    basis, basis_geheugen = meet(opdracht(project, "laden"), ROOT)
    print(f"PDF's, elke taak in een eigen proces (tijden inclusief opstarten en data laden, zonder PDF "
          f"{basis:.2f} s en {basis_geheugen:.0f} MiB; in de build laden de taken alleen de drukfase):")
    for soort in TAKEN:
        map_ = uit / soort
        duur, geheugen = meet(opdracht(project, soort, map_), ROOT)
        bestanden = ", ".join(f"{pad.name} {len(PdfReader(pad).pages)} pagina's {kib(pad).strip()}"
                              for pad in sorted(map_.glob("*.pdf")))
        print(f"  {soort:14s} {duur:6.2f} s  piekgeheugen: {geheugen:6.0f} MiB   {bestanden}")
    if not parallel_vergelijken:
        print("alle_pdfs parallel en na elkaar: hier niet gemeten (kost ruim twee minuten; "
              "scripts/benchmark --alles meet het wel)")
        return
    tijden = {}
    for manier, omschrijving in [("parallel", "parallel (drukproces en kinderen)"), ("na-elkaar", "na elkaar")]:
        tijden[manier], geheugen = meet(opdracht(project, f"alles-{'drukproces' if manier == 'parallel' else manier}",
                                                 uit / manier), ROOT)
        print(f"alle_pdfs {omschrijving:22s} {tijden[manier]:6.2f} s   piekgeheugen (grootste "
              f"proces): {geheugen:6.0f} MiB")
    print(f"parallel renderen: {tijden['na-elkaar'] / tijden['parallel']:.2f} keer zo snel "
          f"({1 - tijden['parallel'] / tijden['na-elkaar']:.0%} minder tijd)")
