"""`python -m macros.uitgave WERKMAP [PROJECT]`: the whole publication of a project into WERKMAP:

- WERKMAP/site: the site for a web server, with every download (`mkdocs build --strict`);
- WERKMAP/offline: the same site for file:// (mkdocs-material's offline plugin), with the PDFs of the
  site's build (KADER_PDFS), so both bundles carry the same PDFs and exports;
- WERKMAP/dist: both as zips, named with the edition, and SHA256SUMS;
- WERKMAP/dist/redactie: the editor's report (uitgave/verslag.py), beside the bundles, not in them.
Exits non-zero, with mkdocs' message, when a build fails. The builds end with this process, also
when it is killed (uitgave/kinderen.py).
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

from ..adressen import DOWNLOADMAP, bundelnaam
from ..gegevens.lokaal import laad_uitgave
from ..instellingen import instellingen, lokaal_map
from .bundels import bundel
from .kinderen import draai, neem_kinderen_mee
from .verslag import maak_verslag, schrijf_verslag


def mkdocs_build(project: Path, doel: Path, streng: bool, **omgeving: str) -> None:
    """A build; strict: a warning (a link to nothing) stops it. Not --quiet: mkdocs then does not count
    its warnings at all; its progress lines (INFO) are left out of the output instead."""
    opdracht = [sys.executable, "-m", "mkdocs", "build", *(["--strict"] if streng else []),
                "-f", str(project / "mkdocs.yml"), "--site-dir", str(doel)]
    uitkomst = draai(opdracht, {**os.environ, "NO_MKDOCS_2_WARNING": "1", **omgeving})
    print("".join(regel for regel in uitkomst.stdout.splitlines(keepends=True) if not regel.startswith("INFO")),
          end="", file=sys.stderr)
    if uitkomst.returncode:
        raise SystemExit(uitkomst.returncode)


def publiceer(werk: Path, project: Path, **omgeving: str) -> list[Path]:
    """Both builds and the bundles into `werk`; `omgeving`: extra environment for the builds."""
    config = instellingen(project)
    # Without PDFs (zonder_pdf, for tests) not strict: the downloads page links to the PDFs left out.
    met_pdf = not config.zonder_pdf
    mkdocs_build(project, werk / "site", met_pdf, **omgeving)
    # the file-share build: the same PDFs, from the web build (if it made them)
    pdfs = {"KADER_PDFS": str(werk / "site" / DOWNLOADMAP)} if met_pdf else {}
    mkdocs_build(project, werk / "offline", met_pdf, KADER_OFFLINE="true", **pdfs, **omgeving)
    kader = laad_uitgave(project / "data", lokaal_map(project, config))
    bundels = bundel(werk / "site", werk / "offline", werk / "dist", bundelnaam(kader), kader.kader.editie.id)
    schrijf_verslag(maak_verslag(project, kader, werk / "site"), werk / "dist")
    return bundels


def main(argv: list[str]) -> int:
    werk = Path(argv[0])
    project = Path(argv[1] if len(argv) > 1 else ".").resolve()
    neem_kinderen_mee()
    for pad in publiceer(werk, project):
        print(f"bundel: {pad.name} ({pad.stat().st_size / 1024 / 1024:.1f} MiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
