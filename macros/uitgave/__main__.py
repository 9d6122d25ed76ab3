"""`python -m macros.uitgave WERKMAP [PROJECT]`: the whole publication of a project into WERKMAP:

- WERKMAP/site: the site for a web server, with every download (`mkdocs build --strict`);
- WERKMAP/offline: the same site for file:// (mkdocs-material's offline plugin), with the site's
  downloads, so both bundles carry the same PDFs and exports;
- WERKMAP/dist: both as zips, named with the edition, and SHA256SUMS.
Exits non-zero, with mkdocs' message, when a build fails.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from ..adressen import DOWNLOADMAP, DOWNLOADS, bundelnaam
from ..gegevens.lokaal import laad_uitgave, lokaal_uit_omgeving
from .bundels import bundel


def mkdocs_build(project: Path, doel: Path, **omgeving: str) -> None:
    opdracht = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet",
                "-f", str(project / "mkdocs.yml"), "--site-dir", str(doel)]
    uitkomst = subprocess.run(opdracht, env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **omgeving})
    if uitkomst.returncode:
        raise SystemExit(uitkomst.returncode)


def publiceer(werk: Path, project: Path) -> list[Path]:
    mkdocs_build(project, werk / "site")
    mkdocs_build(project, werk / "offline", KADER_OFFLINE="true", KADER_ZONDER_PDF="1")
    for naam in DOWNLOADS.values():  # the PDFs (none in a build with KADER_ZONDER_PDF) and exports
        if (werk / "site" / DOWNLOADMAP / naam).exists():
            shutil.copy2(werk / "site" / DOWNLOADMAP / naam, werk / "offline" / DOWNLOADMAP / naam)
    kader = laad_uitgave(project / "data", lokaal_uit_omgeving(project))
    return bundel(werk / "site", werk / "offline", werk / "dist", bundelnaam(kader), kader.kader.editie.id)


def main(argv: list[str]) -> int:
    werk = Path(argv[0])
    project = Path(argv[1] if len(argv) > 1 else ".").resolve()
    for pad in publiceer(werk, project):
        print(f"bundel: {pad.name} ({pad.stat().st_size / 1024 / 1024:.1f} MiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
