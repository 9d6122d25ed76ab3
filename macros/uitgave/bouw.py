"""`python -m macros.uitgave.bouw [PROJECT]`: the whole publication into PROJECT/site and PROJECT/dist
(what ./scripts/build runs): built beside the old one, put in place only when all of it succeeded,
one build at a time (uitgave/plaatsen.py)."""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from ..adressen import redactieverslag
from ..edities.verslag import Verslag, samenvatting
from .__main__ import publiceer
from .plaatsen import NIEUW, ruim_op, slot, vervang

DOELEN = ("site", "dist")


def bouw(project: Path) -> list[Path]:
    with slot(project):
        ruim_op(project, DOELEN)
        werk = Path(tempfile.mkdtemp(prefix=NIEUW, dir=project))
        try:
            bundels = publiceer(werk, project)
            for doel in DOELEN:
                vervang(werk / doel, project / doel)
        finally:
            ruim_op(project, DOELEN)
    return [project / "dist" / b.name for b in bundels]


def main(argv: list[str]) -> int:
    project = Path(argv[0] if argv else ".").resolve()
    for pad in bouw(project):
        print(f"bundel: {pad.name} ({pad.stat().st_size / 1024 / 1024:.1f} MiB)")
    print(f"build: site/ gereed ({sum(1 for p in (project / 'site').rglob('*') if p.is_file())} bestanden), "
          "bundels in dist/")
    verslag = Verslag.model_validate_json((project / "site" / redactieverslag()).read_text(encoding="utf-8"))
    print(f"\n{samenvatting(verslag)}\n(ook op de pagina {redactieverslag().rsplit('/', 1)[0]}/ van de site)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
