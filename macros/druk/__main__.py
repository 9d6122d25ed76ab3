"""`python -m macros.druk UITMAP [PROJECT]`: the print stage on its own, without mkdocs: the PDFs of
the project (its settings, data, overlay and editions, as its build sees them) into UITMAP. The site
address for the cards' QR codes comes from KADER_SITE_URL, as for the build."""
from __future__ import annotations

import os
import sys
from pathlib import Path

from ..gegevens.omgeving import NAAM as SITEADRES, Adresfout, adres
from ..gegevens.yamlbestand import DataFout
from ..instellingen import Instellingfout
from .documenten import Drukwerk
from .processen import alle_pdfs


def main(argv: list[str]) -> int:
    if not argv:
        print("gebruik: python -m macros.druk UITMAP [PROJECT]", file=sys.stderr)
        return 2
    uit, project = Path(argv[0]), Path(argv[1] if len(argv) > 1 else ".").resolve()
    try:
        drukwerk = Drukwerk.van_project(project, adres(os.environ.get(SITEADRES, "")))
    except (Instellingfout, Adresfout) as fout:
        print(f"FOUT: {fout}", file=sys.stderr)
        return 1
    except DataFout as fout:
        print("\n".join(map(str, fout.meldingen)), file=sys.stderr)
        return 1
    uit.mkdir(parents=True, exist_ok=True)
    for naam, inhoud in alle_pdfs(drukwerk).items():
        (uit / naam).write_bytes(inhoud)
        print(f"{naam}: {len(inhoud) / 1024:.0f} KiB")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
