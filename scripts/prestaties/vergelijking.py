"""The comparison with the mkdocs-to-pdf plugin: the bare project writing one PDF of the whole site.
No network: WeasyPrint in that build refuses every URL other than file: and data: (and logs it), and
where `unshare -rn` works the build runs without any network interface."""
from __future__ import annotations

import shutil
import subprocess
from importlib import metadata
from pathlib import Path
from typing import Callable

from pypdf import PdfReader

from .processen import PYTHON, kib, meet
from .projecten import TO_PDF_UITVOER, kaal_project

# mkdocs build in which WeasyPrint may only read file: and data: URLs; anything else is refused
# and written to $BENCHMARK_GEWEIGERD, so the report can say what mkdocs-to-pdf tried to fetch.
MKDOCS_ZONDER_NETWERK = """
import os, sys
import weasyprint.urls
from mkdocs.__main__ import cli
origineel = weasyprint.urls.URLFetcher.fetch
def fetch(self, url, headers=None):
    if not url.lower().startswith(("file:", "data:")):
        with open(os.environ["BENCHMARK_GEWEIGERD"], "a", encoding="utf-8") as log:
            log.write(url + "\\n")
        raise ValueError(f"geweigerd: {url} (de benchmark laat geen netwerk toe)")
    return origineel(self, url, headers)
weasyprint.urls.URLFetcher.fetch = fetch
sys.argv[0] = "mkdocs"
cli()
"""


def zonder_netwerk() -> list[str]:
    """`unshare -rn` (a user and network namespace without interfaces) where the kernel allows it."""
    if shutil.which("unshare") and subprocess.run(["unshare", "-rn", "true"], capture_output=True).returncode == 0:
        return ["unshare", "-rn"]
    return []


def _to_pdf(volledig: Path, werk: Path, naam: str, alleen_overzicht: bool, herhaal: int = 1):
    """mkdocs-to-pdf builds without network: (best time, peak MiB, the PDF, refused addresses)."""
    config = kaal_project(volledig, naam, to_pdf=True, alleen_overzicht=alleen_overzicht)
    site = werk / f"{naam}-site"
    geweigerd = werk / f"{naam}-geweigerd.txt"
    geweigerd.touch()
    metingen = [meet([*zonder_netwerk(), PYTHON, "-c", MKDOCS_ZONDER_NETWERK, "build", "-q", "-f", str(config),
                      "-d", str(site)], volledig, env={"BENCHMARK_GEWEIGERD": str(geweigerd)})
                for _ in range(herhaal)]
    return (min(m[0] for m in metingen), max(m[1] for m in metingen), site / TO_PDF_UITVOER,
            sorted(set(geweigerd.read_text(encoding="utf-8").split())))


def vergelijk_to_pdf(volledig: Path, werk: Path, hele_build: Callable[[], float], rondes: int = 3) -> None:
    """The bare project plus the mkdocs-to-pdf plugin writing one PDF of the twelve object type x
    phase pages (the Overzicht's content), and one of the whole site. Our whole build and the twelve
    pages' build take turns, `rondes` times, so that a slower or faster spell of the machine hits both;
    the ratio is of the best of each."""
    print("\n== vergelijking met mkdocs-to-pdf (echte data) ==")
    try:
        versies = ", ".join(f"{p} {metadata.version(p)}" for p in ("mkdocs-to-pdf", "weasyprint", "mkdocs"))
    except metadata.PackageNotFoundError:
        print("mkdocs-to-pdf is niet geïnstalleerd (scripts/benchmark installeert de extra "
              "'benchmark'); vergelijking overgeslagen")
        return
    print(f"{versies}; netwerk: {'geen (unshare -rn); ' if zonder_netwerk() else ''}"
          "WeasyPrint mag alleen file: en data: lezen")
    ons, twaalf = [], []
    for _ in range(rondes):
        ons.append(hele_build())
        twaalf.append(_to_pdf(volledig, werk, "to-pdf-twaalf", True))
    print(f"hele build, site en alle PDF's (met macros en plugin), beste van {rondes}: {min(ons):6.2f} s "
          f"(om en om met de twaalf pagina's hieronder)")
    for naam, alleen, wat in [("to-pdf-twaalf", True, "de twaalf pagina's objecttype x fase"),
                              ("to-pdf", False, "de hele site")]:
        metingen = twaalf if alleen else [_to_pdf(volledig, werk, naam, alleen)]
        duur, piek, pdf, adressen = min(metingen, key=lambda m: m[0])
        print(f"mkdocs-to-pdf, kale site en één PDF van {wat}, beste van {len(metingen)}: {duur:6.2f} s   "
              f"piekgeheugen: {piek:6.0f} MiB   PDF: {len(PdfReader(pdf).pages)} pagina's, {kib(pdf).strip()}")
        if adressen:
            print(f"  probeerde {len(adressen)} adres(sen) van buiten op te halen (geweigerd): {', '.join(adressen[:5])}")
        verhouding = f"{min(ons) / duur:.2f}".replace(".", ",")
        print(f"  hele build / deze build: {verhouding}" + (" (doel: hoogstens 0,5)" if alleen else ""))
