"""The PDFs: each print task in its own process (the Overzicht; both card files from one layout of the
cards), then all in parallel and one after the other. The children get the print stage through the
build's own code path: mkdocs' config of the project, the handelingskader plugin's on_config, and its
drukwerk()."""
from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader

from macros.druk.documenten import TAKEN

from .processen import PYTHON, kib, meet

# Child processes, run in a project copy: python -c SCRIPT mkdocs.yml ...
LADEN = """
import sys
from pathlib import Path
from mkdocs.config import load_config
import os
import macros.druk.documenten
os.environ["KADER_ZONDER_PDF"] = "1"  # on_config would start rendering every PDF
config = load_config(config_file=sys.argv[1])
plugin = config.plugins["handelingskader"]
plugin.on_startup(command="build", dirty=False)
config = plugin.on_config(config)
drukwerk = plugin.drukwerk(config)
"""
EEN_TAAK = LADEN + """
from macros.druk.processen import voer_uit
uit = Path(sys.argv[3])
uit.mkdir(parents=True, exist_ok=True)
for naam, inhoud in voer_uit(drukwerk, sys.argv[2]).items():
    (uit / naam).write_bytes(inhoud)
"""
ALLE_PDFS = LADEN + """
from macros.druk.processen import alle_pdfs
uit = Path(sys.argv[2])
uit.mkdir(parents=True, exist_ok=True)
for naam, inhoud in alle_pdfs(drukwerk, parallel=sys.argv[3] == "parallel").items():
    (uit / naam).write_bytes(inhoud)
"""


def drukwerk(project: Path, uit: Path, parallel_vergelijken: bool = True) -> None:
    """Each PDF in its own process; then alle_pdfs in parallel and one after the other."""
    uit.mkdir()
    config = str(project / "mkdocs.yml")
    basis, basis_geheugen = meet([PYTHON, "-c", LADEN, config], project)
    print(f"PDF's, elke taak in een eigen proces zoals in de build (tijden inclusief opstarten en data laden "
          f"via mkdocs, zonder PDF {basis:.2f} s en {basis_geheugen:.0f} MiB; in de build laden de taken "
          "alleen de drukfase):")
    for soort in TAKEN:
        map_ = uit / soort
        duur, geheugen = meet([PYTHON, "-c", EEN_TAAK, config, soort, str(map_)], project)
        bestanden = ", ".join(f"{pad.name} {len(PdfReader(pad).pages)} pagina's {kib(pad).strip()}"
                              for pad in sorted(map_.glob("*.pdf")))
        print(f"  {soort:14s} {duur:6.2f} s  piekgeheugen: {geheugen:6.0f} MiB   {bestanden}")
    if not parallel_vergelijken:
        print("alle_pdfs parallel en na elkaar: hier niet gemeten (kost ruim twee minuten; "
              "scripts/benchmark --alles meet het wel)")
        return
    tijden = {}
    for manier, omschrijving in [("parallel", "parallel (drukproces en kinderen)"), ("na-elkaar", "na elkaar")]:
        tijden[manier], geheugen = meet([PYTHON, "-c", ALLE_PDFS, config, str(uit / manier), manier], project)
        print(f"alle_pdfs {omschrijving:22s} {tijden[manier]:6.2f} s   piekgeheugen (grootste "
              f"proces): {geheugen:6.0f} MiB")
    print(f"parallel renderen: {tijden['na-elkaar'] / tijden['parallel']:.2f} keer zo snel "
          f"({1 - tijden['parallel'] / tijden['na-elkaar']:.0%} minder tijd)")
