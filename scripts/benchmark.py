"""Benchmark: build time, peak memory and output sizes, for the real kader and a ten-times kader.

Prints figures; asserts nothing (targets are for people to compare, not for tests to time).
  - clean `mkdocs build` of the project (macros + plugin; the whole build, site and all PDFs) and a
    bare mkdocs-material build of the same pages (the Markdown the real build renders, written out
    by the benchmark's hook scripts/prestaties/markdown_uit.py; the project's config inherited without
    macros and plugin);
  - the same for a synthetic kader with every actie repeated ten times;
  - HTML size per page;
  - per PDF render time, pages, file size and peak memory, each in its own process, and all PDFs in
    parallel versus one after the other (for the ten-times data only with --alles);
  - the intranet bundles (real data): the whole publication as ./scripts/build makes it (site,
    offline site, zips, SHA256SUMS) against the site build alone, and the bundle sizes;
  - the comparison with the mkdocs-to-pdf plugin (the `benchmark` extra), real data only;
  - search (real data): the hit rate of the test query set in Chromium, the index size, and the crisis
    page's transfer with gzip.
Every figure comes from a separate child process (wall time, peak RSS from os.wait4: the largest
single process of its tree, not the sum of parallel workers). The parts live in scripts/prestaties/.
Takes about six minutes on two cores. Other work on the machine shows up in the times.
Run: scripts/benchmark [--alles] (installs the benchmark extra), or .venv/bin/python scripts/benchmark.py
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from prestaties.druk import drukwerk  # noqa: E402
from prestaties.processen import PYTHON, meet  # noqa: E402
from prestaties.projecten import kaal_project, kopie, tienvoudig  # noqa: E402
from prestaties.vergelijking import vergelijk_to_pdf  # noqa: E402
from prestaties.pagina import paginacijfers  # noqa: E402
from prestaties.zoeken import zoekcijfers  # noqa: E402


def bouw(project: Path, config: str = "mkdocs.yml", met_pdf: bool = True) -> tuple[float, float, Path]:
    site = project / f"site-{Path(config).stem}-{'pdf' if met_pdf else 'zonder-pdf'}"
    duur, geheugen = meet([PYTHON, "-m", "mkdocs", "build", "-q", "-f", str(project / config), "-d", str(site)],
                          project, env=None if met_pdf else {"KADER_ZONDER_PDF": "1"})
    return duur, geheugen, site


def rapport(naam: str, data: Path | None, werk: Path, herhaal: int = 3, herhaal_volledig: int | None = None,
            parallel_vergelijken: bool = True) -> tuple[float, float, Path]:
    """Prints the figures for one data set; returns the best site-only and whole-build times and the project."""
    volledig = kopie(werk / f"{naam}-volledig", data)
    kaal = kaal_project(volledig, "kaal")
    metingen = {"site, macros en plugin": [bouw(volledig, met_pdf=False) for _ in range(herhaal)],
                "site, kaal mkdocs-material": [bouw(volledig, kaal.name, met_pdf=False) for _ in range(herhaal)],
                "hele build: site en PDF's": [bouw(volledig) for _ in range(herhaal_volledig or herhaal)]}
    print(f"\n== {naam} ==")
    beste = {}
    for soort, reeks in metingen.items():
        beste[soort] = min(r[0] for r in reeks)
        print(f"{soort:27s} bouwtijd beste van {len(reeks)}: {beste[soort]:6.2f} s   piekgeheugen: "
              f"{max(r[1] for r in reeks):6.0f} MiB")
    extra = beste["site, macros en plugin"] / beste["site, kaal mkdocs-material"] - 1
    print(f"kosten van de macrolaag (zelfde pagina's, zonder PDF's): {extra:+.0%} (doel: hoogstens +30%)")
    site = metingen["hele build: site en PDF's"][0][2]
    groottes = sorted(((p.stat().st_size, p.relative_to(site)) for p in site.rglob("*.html")), reverse=True)
    print(f"HTML: {len(groottes)} pagina's, samen {sum(g for g, _ in groottes) / 1024:.0f} KiB; grootste:")
    for grootte, pad in groottes[:5]:
        print(f"  {grootte / 1024:7.1f} KiB  {pad}")
    drukwerk(volledig, werk / f"{naam}-pdf", parallel_vergelijken)
    return beste["site, macros en plugin"], beste["hele build: site en PDF's"], volledig, site


def bundels(volledig: Path, werk: Path, hele_build: float) -> None:
    """The whole publication (python -m macros.uitgave, as ./scripts/build) against the build alone."""
    print("\n== intranetbundels (echte data) ==")
    uit = werk / "publicatie"
    duur, geheugen = meet([PYTHON, "-m", "macros.uitgave", str(uit), str(volledig)], volledig)
    print(f"publicatie (site, offline-site, zips, SHA256SUMS): {duur:6.2f} s   piekgeheugen: {geheugen:6.0f} MiB")
    print(f"de bundels kosten {duur - hele_build:+.2f} s bovenop de hele build ({hele_build:.2f} s)")
    for pad in sorted((uit / "dist").iterdir()):
        print(f"  {pad.stat().st_size / 1024 / 1024:6.2f} MiB  {pad.name}")


def main() -> None:
    opties = argparse.ArgumentParser(description="Bouw- en rendercijfers (tijd, piekgeheugen, groottes) "
                                     "voor de echte en de tienvoudige data.")
    opties.add_argument("--alles", action="store_true",
                        help="ook alle_pdfs parallel en na elkaar bij de tienvoudige data (ruim 2 minuten extra)")
    alles = opties.parse_args().alles
    with tempfile.TemporaryDirectory() as tmp:
        werk = Path(tmp)
        echt_site, echt, echt_project, site = rapport("echte data", None, werk)
        zoekcijfers(site)
        paginacijfers(site)
        # the ten-times whole build is dominated by rendering the PDFs: one run is representative
        tien_site, tien, _, _ = rapport("tienvoudige data", tienvoudig(werk / "data-x10"), werk, herhaal_volledig=1,
                                     parallel_vergelijken=alles)
        print(f"\ntien keer de data kost {tien_site / echt_site:.1f} keer de bouwtijd van de site "
              f"(doel: hoogstens 8 keer) en {tien / echt:.1f} keer die van de hele build met PDF's")
        bundels(echt_project, werk, echt)
        vergelijk_to_pdf(echt_project, werk, lambda: bouw(echt_project)[0])


if __name__ == "__main__":
    main()
