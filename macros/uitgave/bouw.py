"""`python -m macros.uitgave.bouw [PROJECT]`: the whole publication into PROJECT/site and PROJECT/dist
(what ./scripts/build runs): built beside the old one, put in place in one step only when all of it
succeeded, one build at a time (uitgave/plaatsen.py); every process it starts ends with it, also when
it is killed or stopped (uitgave/kinderen.py)."""
from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

from ..adressen import REDACTIEMAP, REDACTIEVERSLAG
from ..edities.verslag import samenvatting
from .__main__ import publiceer
from .kinderen import neem_kinderen_mee
from .plaatsen import NIEUW, plaats, ruim_op, slot
from .verslag import lees_verslag


def _publiceer_in(werk: Path, project: Path) -> list[Path]:
    """The publication in `werk`, with every temporary file of its processes in there too (gone with
    it, also after a kill: the next build removes it); left in it: site/ and dist/."""
    tijdelijk = werk / "tmp"
    tijdelijk.mkdir()
    bundels = publiceer(werk, project, TMPDIR=str(tijdelijk))
    for rest in (tijdelijk, werk / "offline"):
        shutil.rmtree(rest)
    return bundels


def bouw(project: Path) -> list[Path]:
    with slot(project):
        ruim_op(project)
        werk = project / f"{NIEUW}{os.getpid()}"  # not mkdtemp: it becomes the publication folder, readable
        werk.mkdir()
        try:
            bundels = _publiceer_in(werk, project)
            plaats(werk, project)
        finally:
            ruim_op(project)
    return [project / "dist" / b.name for b in bundels]


def main(argv: list[str]) -> int:
    project = Path(argv[0] if argv else ".").resolve()
    neem_kinderen_mee()
    for pad in bouw(project):
        print(f"bundel: {pad.name} ({pad.stat().st_size / 1024 / 1024:.1f} MiB)")
    print(f"build: site/ gereed ({sum(1 for p in (project / 'site').rglob('*') if p.is_file())} bestanden), "
          "bundels in dist/")
    verslag = lees_verslag(project / "dist")
    print(f"\n{samenvatting(verslag)}\n(ook in dist/{REDACTIEMAP}/{REDACTIEVERSLAG['html']}, voor de redactie: "
          "niet op de site en niet in de bundels)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
