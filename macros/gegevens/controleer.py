"""Command line check of data/: `python -m macros.gegevens.controleer [DATA_MAP]` (default: ./data),
with the gemeente's overlay when mkdocs.yml names one (the plugin option lokaal: KADER_LOKAAL).

Prints every error as FILE:LINE:COL: message and exits 1, or prints the editorial signals and exits 0.
"""
from __future__ import annotations

import sys
from pathlib import Path

from .yamlbestand import DataFout, leesbaar
from ..instellingen import Instellingfout, instellingen, lokaal_map
from .lokaal import laad_uitgave
from .signalen import signaleer


def main(argv: list[str]) -> int:
    data_map = Path(argv[0] if argv else "data")
    try:
        lokaal = lokaal_map(Path.cwd(), instellingen(Path.cwd()))
    except Instellingfout as fout:
        print(f"FOUT: mkdocs.yml: {fout}", file=sys.stderr)
        return 1
    try:
        kader = laad_uitgave(data_map, lokaal)
    except DataFout as fout:
        print(f"FOUT: {len(fout.meldingen)} probleem/problemen in {data_map}:", file=sys.stderr)
        for melding in fout.meldingen:
            print(melding, file=sys.stderr)
        return 1
    signalen = signaleer(kader)
    for signaal in signalen:
        print(f"waarschuwing (redactie): {leesbaar(str(signaal))}", file=sys.stderr)
    aantal = sum(len(p.actie.handelingen) for p in kader.plekken())
    print(f"data in orde: {len(kader.plek_van)} acties, {aantal} handelingen; "
          f"{len(signalen)} redactiesignalen")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
