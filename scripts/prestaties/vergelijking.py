"""The comparison with the mkdocs-to-pdf plugin: the bare project writing one PDF of the whole site.
No network: WeasyPrint in that build refuses every URL other than file: and data: (and logs it), and
where `unshare -rn` works the build runs without any network interface."""
from __future__ import annotations

import shutil
import subprocess
from importlib import metadata
from pathlib import Path

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


def vergelijk_to_pdf(volledig: Path, werk: Path, hele_build: float, herhaal: int = 1) -> None:
    """The bare project plus the mkdocs-to-pdf plugin writing one PDF of the whole site."""
    print("\n== vergelijking met mkdocs-to-pdf (echte data) ==")
    try:
        versies = ", ".join(f"{p} {metadata.version(p)}" for p in ("mkdocs-to-pdf", "weasyprint", "mkdocs"))
    except metadata.PackageNotFoundError:
        print("mkdocs-to-pdf is niet geïnstalleerd (scripts/benchmark installeert de extra "
              "'benchmark'); vergelijking overgeslagen")
        return
    config = kaal_project(volledig, "to-pdf", to_pdf=True)
    site = werk / "to-pdf-site"
    geweigerd = werk / "to-pdf-geweigerd.txt"
    geweigerd.touch()
    afgesloten = zonder_netwerk()
    metingen = [meet([*afgesloten, PYTHON, "-c", MKDOCS_ZONDER_NETWERK, "build", "-q", "-f", str(config),
                      "-d", str(site)], volledig, env={"BENCHMARK_GEWEIGERD": str(geweigerd)})
                for _ in range(herhaal)]
    duur = min(m[0] for m in metingen)
    pdf = site / TO_PDF_UITVOER
    in_nav = sum(1 for _ in (volledig / "to-pdf-content").rglob("*.md"))
    print(f"{versies}; alle {in_nav} pagina's in de navigatie (to-pdf neemt alleen pagina's uit de navigatie op)")
    print(f"netwerk: {'geen (unshare -rn); ' if afgesloten else ''}WeasyPrint mag alleen file: en data: lezen")
    adressen = sorted(set(geweigerd.read_text(encoding="utf-8").split()))
    if adressen:
        print(f"mkdocs-to-pdf probeerde {len(adressen)} adres(sen) van buiten op te halen (geweigerd):")
        for adres in adressen[:10]:
            print(f"  {adres}")
    else:
        print("mkdocs-to-pdf probeerde niets van buiten het project op te halen")
    print(f"hele build, site en alle PDF's (met macros en plugin): {hele_build:6.2f} s")
    print(f"mkdocs-to-pdf, kale site en één PDF van de hele site, beste van {herhaal}: {duur:6.2f} s   "
          f"piekgeheugen: {max(m[1] for m in metingen):6.0f} MiB   PDF: "
          f"{len(PdfReader(pdf).pages)} pagina's, {kib(pdf).strip()}")
    verhouding = f"{hele_build / duur:.2f}".replace(".", ",")
    print(f"hele build / mkdocs-to-pdf: {verhouding} (doel: hoogstens 0,5)")
