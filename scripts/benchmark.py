"""Benchmark: build time, peak memory and output sizes, for the real kader and a ten-times kader.

Prints figures; asserts nothing (targets are for people to compare, not for tests to time).
  - clean `mkdocs build` of the project (macros + hooks; the whole build, site and all PDFs) and a
    bare mkdocs-material build of the same pages (the generated Markdown written out as static
    files, no macros plugin, no hooks);
  - the same for a synthetic kader with every actie repeated ten times;
  - HTML size per page;
  - per PDF (macros.druk.PDFS) render time, pages, file size and peak memory, each in its own
    process, and `alle_pdfs` in parallel versus one after the other (for the ten-times data only
    with --alles: that takes more than two extra minutes);
  - the comparison with the mkdocs-to-pdf plugin (the `benchmark` extra): the bare project with
    `to-pdf` writing one PDF of the whole site (real data only; at ten times it takes minutes).
    No network: WeasyPrint in that build refuses every URL other than file: and data: (and logs
    it), and where `unshare -rn` works the build runs without any network interface.
Every figure comes from a separate child process (wall time, peak RSS from os.wait4: the largest
single process of its tree, not the sum of parallel workers).
Takes about five minutes on two cores. Other work on the machine shows up in the times.
Run: scripts/benchmark [--alles] (installs the benchmark extra), or .venv/bin/python scripts/benchmark.py
"""
from __future__ import annotations

import argparse
import functools
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from importlib import metadata
from pathlib import Path

import yaml
from pypdf import PdfReader

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from macros.druk import PDFS  # noqa: E402
from macros.laden import laad  # noqa: E402
from macros.webpaginas import afkortingen, markdown, navigatie, paginas  # noqa: E402

PYTHON = sys.executable
SITE_URL = os.environ.get("KADER_SITE_URL", "")  # as the build's site_url (mkdocs.yml: !ENV)

# Child processes, run in a project copy (its macros/ and data/): python -c SCRIPT data ...
LADEN = """
import sys
from pathlib import Path
import macros.druk
from macros.laden import laad
kader = laad(Path(sys.argv[1]))
"""
EEN_PDF = LADEN + """
from macros.druk import _maak
naam, inhoud = _maak((sys.argv[2], kader, sys.argv[4]))
Path(sys.argv[3]).write_bytes(inhoud)
"""
ALLE_PDFS = LADEN + """
from macros.druk import alle_pdfs
uit = Path(sys.argv[2])
uit.mkdir(parents=True, exist_ok=True)
for naam, inhoud in alle_pdfs(kader, sys.argv[4], parallel=sys.argv[3] == "parallel").items():
    (uit / naam).write_bytes(inhoud)
"""
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
TO_PDF_UITVOER = "downloads/site.pdf"


# Every child process is started by this small, long-lived starter process and not by the
# benchmark itself: on Linux a child's ru_maxrss starts at the peak RSS of the process that forked
# it (exec keeps the old address space's high-water mark), so children of the benchmark, which
# loads the data and reads PDFs, would all report at least its peak. The starter stays ~10 MiB.
STARTER = """
import json, os, subprocess, sys, time
for regel in sys.stdin:
    opdracht = json.loads(regel)
    with open(opdracht["fouten"], "wb") as fouten:
        start = time.perf_counter()
        proces = subprocess.Popen(opdracht["argv"], cwd=opdracht["cwd"], env=opdracht["env"],
                                  stdout=subprocess.DEVNULL, stderr=fouten)
        _, status, gebruik = os.wait4(proces.pid, 0)
        duur = time.perf_counter() - start
    print(json.dumps({"status": status, "duur": duur, "maxrss": gebruik.ru_maxrss}), flush=True)
"""


@functools.cache
def starter() -> subprocess.Popen:
    return subprocess.Popen([PYTHON, "-c", STARTER], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            text=True)


def meet(argv: list[str], cwd: Path, env: dict[str, str] | None = None) -> tuple[float, float]:
    """Wall time (s) and peak RSS (MiB, from os.wait4) of one child process."""
    with tempfile.NamedTemporaryFile() as fouten:  # a file, not a pipe: a chatty child cannot block
        opdracht = {"argv": argv, "cwd": str(cwd), "fouten": fouten.name,
                    "env": {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}}
        starter().stdin.write(json.dumps(opdracht) + "\n")
        starter().stdin.flush()
        uitkomst = json.loads(starter().stdout.readline())
        if uitkomst["status"] != 0:
            raise SystemExit(f"mislukt: {' '.join(argv)}\n{Path(fouten.name).read_text(errors='replace')}")
    return uitkomst["duur"], uitkomst["maxrss"] / 1024


def kopie(doel: Path, data: Path | None = None) -> Path:
    for naam in ["content", "overrides", "macros"]:
        shutil.copytree(ROOT / naam, doel / naam, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(data or ROOT / "data", doel / "data")
    shutil.copy(ROOT / "mkdocs.yml", doel / "mkdocs.yml")
    return doel


def tienvoudig(doel: Path) -> Path:
    """A synthetic kader: every actie of every phase repeated ten times, with fresh codes."""
    shutil.copytree(ROOT / "data", doel)
    for bestand in (doel / "acties").glob("*.yaml"):
        data = yaml.safe_load(bestand.read_text(encoding="utf-8"))
        for fase in data["fasen"]:
            origineel, fase["acties"] = fase["acties"], []
            for ronde in range(10):
                for actie in origineel:
                    nummer = len(fase["acties"]) + 1
                    code = f"{actie['code'][:4]}{nummer:02d}"
                    kopie_ = yaml.safe_load(yaml.safe_dump(actie))
                    kopie_["code"] = code
                    for h in kopie_.get("handelingen", []):
                        h["id"] = code + h["id"][len(actie["code"]):]
                        for s in h.get("sub", []):
                            s["id"] = code + s["id"][len(actie["code"]):]
                    fase["acties"].append(kopie_)
        bestand.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return doel


def met_alle_paginas(nav: list, docs: Path) -> list:
    """The nav with every page of docs/ in it: a page outside the nav (partners, instrumenten,
    thema's) goes under the index.md of its folder. mkdocs-to-pdf only puts pages from the nav in
    its PDF, so this is what makes its PDF one of the whole site."""
    def paden(item):
        if isinstance(item, str):
            yield item
        for kind in (item.values() if isinstance(item, dict) else item if isinstance(item, list) else []):
            yield from paden(kind)

    rest = sorted({p.relative_to(docs).as_posix() for p in docs.rglob("*.md")} - set(paden(nav)))

    def erbij(index: str) -> list[str]:
        if not index.endswith("/index.md"):
            return []
        map_ = index[:-len("index.md")]
        gevonden = [p for p in rest if p.startswith(map_)]
        for p in gevonden:
            rest.remove(p)
        return gevonden

    def aanvullen(lijst: list) -> list:
        uitkomst = []
        for item in lijst:
            if isinstance(item, str):
                uitkomst += [item, *erbij(item)]
            elif isinstance(item, list):
                uitkomst.append(aanvullen(item))
            else:
                (titel, waarde), = item.items()
                if isinstance(waarde, str):
                    extra = erbij(waarde)
                    uitkomst.append({titel: [waarde, *extra] if extra else waarde})
                else:
                    uitkomst.append({titel: aanvullen(waarde)})
        return uitkomst

    volledig = aanvullen(nav)
    return volledig + ([{"Overige pagina's": rest}] if rest else [])


def kaal_project(doel: Path, data: Path, to_pdf: bool = False) -> Path:
    """The same pages as static Markdown, built by plain mkdocs-material (no macros, no hooks).

    to_pdf: also the mkdocs-to-pdf plugin, writing one PDF of the whole site (every page in the nav).
    """
    kader = laad(data)
    docs = doel / "content"
    shutil.copytree(ROOT / "content", docs)
    tooltips = afkortingen(kader)
    for pagina in paginas(kader):
        pad = docs / pagina.pad
        pad.parent.mkdir(parents=True, exist_ok=True)
        tekst = re.sub(r"render_macros: false\n", "", markdown(pagina, kader))
        pad.write_text(f"{tekst}\n\n{tooltips}\n", encoding="utf-8")
    shutil.copytree(ROOT / "overrides", doel / "overrides")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"  - macros:\n(      .*\n)+", "", config)
    config = re.sub(r"hooks:\n  - .*\n", "", config)
    config = re.sub(r"watch:\n(  - .*\n)+", "", config)
    nav = navigatie(kader)
    if to_pdf:
        nav = met_alle_paginas(nav, docs)
        plugin = f"  - to-pdf:\n      output_path: {TO_PDF_UITVOER}\n      toc_title: Inhoud\n"
        config, gevonden = re.subn(r"^plugins:\n(?:[ \t]+.*\n)*", lambda m: m[0] + plugin, config,
                                   count=1, flags=re.M)
        if not gevonden:
            raise SystemExit("mkdocs.yml heeft geen plugins:-lijst om to-pdf aan toe te voegen")
    config += "\n" + yaml.safe_dump({"nav": nav}, allow_unicode=True, sort_keys=False)
    (doel / "mkdocs.yml").write_text(config, encoding="utf-8")
    return doel


def bouw(project: Path, met_pdf: bool = True) -> tuple[float, float, Path]:
    site = project / ("site" if met_pdf else "site-zonder-pdf")
    duur, geheugen = meet([PYTHON, "-m", "mkdocs", "build", "-q", "-d", str(site)], project,
                          env=None if met_pdf else {"KADER_ZONDER_PDF": "1"})
    return duur, geheugen, site


def kib(pad: Path) -> str:
    return f"{pad.stat().st_size / 1024:7.0f} KiB"


def drukwerk(project: Path, uit: Path, parallel_vergelijken: bool = True) -> None:
    """Each PDF in its own process; then alle_pdfs in parallel and one after the other."""
    uit.mkdir()
    basis, basis_geheugen = meet([PYTHON, "-c", LADEN, "data"], project)
    print(f"PDF's, elk in een eigen proces (tijden inclusief opstarten en data laden, zonder PDF "
          f"{basis:.2f} s en {basis_geheugen:.0f} MiB):")
    for naam in PDFS:
        pad = uit / naam
        duur, geheugen = meet([PYTHON, "-c", EEN_PDF, "data", naam, str(pad), SITE_URL], project)
        print(f"  {naam:22s} {duur:6.2f} s  {len(PdfReader(pad).pages):4d} pagina's  {kib(pad)}   "
              f"piekgeheugen: {geheugen:6.0f} MiB")
    if not parallel_vergelijken:
        print("alle_pdfs parallel en na elkaar: hier niet gemeten (kost ruim twee minuten; "
              "scripts/benchmark --alles meet het wel)")
        return
    tijden = {}
    for manier, omschrijving in [("parallel", "parallel (2 processen)"), ("na-elkaar", "na elkaar")]:
        tijden[manier], geheugen = meet(
            [PYTHON, "-c", ALLE_PDFS, "data", str(uit / manier), manier, SITE_URL], project)
        print(f"alle_pdfs {omschrijving:22s} {tijden[manier]:6.2f} s   piekgeheugen (grootste "
              f"proces): {geheugen:6.0f} MiB")
    print(f"parallel renderen: {tijden['na-elkaar'] / tijden['parallel']:.2f} keer zo snel "
          f"({1 - tijden['parallel'] / tijden['na-elkaar']:.0%} minder tijd)")


def rapport(naam: str, data: Path | None, werk: Path, herhaal: int = 3,
            herhaal_volledig: int | None = None,
            parallel_vergelijken: bool = True) -> tuple[float, float, Path]:
    """Prints the figures for one data set; returns the best site-only and whole-build times, data dir."""
    herhaal_volledig = herhaal_volledig or herhaal
    volledig = kopie(werk / f"{naam}-volledig", data)
    kaal = kaal_project(werk / f"{naam}-kaal", volledig / "data")
    metingen = {"site, macros en hooks": [bouw(volledig, met_pdf=False) for _ in range(herhaal)],
                "site, kaal mkdocs-material": [bouw(kaal) for _ in range(herhaal)],
                "hele build: site en PDF's": [bouw(volledig) for _ in range(herhaal_volledig)]}
    print(f"\n== {naam} ==")
    beste = {}
    for soort, reeks in metingen.items():
        beste[soort] = min(r[0] for r in reeks)
        print(f"{soort:27s} bouwtijd beste van {len(reeks)}: {beste[soort]:6.2f} s   piekgeheugen: "
              f"{max(r[1] for r in reeks):6.0f} MiB")
    extra = beste["site, macros en hooks"] / beste["site, kaal mkdocs-material"] - 1
    print(f"kosten van de macrolaag (zelfde pagina's, zonder PDF's): {extra:+.0%} (doel: hoogstens +30%)")
    site = metingen["hele build: site en PDF's"][0][2]
    groottes = sorted(((p.stat().st_size, p.relative_to(site)) for p in site.rglob("*.html")), reverse=True)
    print(f"HTML: {len(groottes)} pagina's, samen {sum(g for g, _ in groottes) / 1024:.0f} KiB; grootste:")
    for grootte, pad in groottes[:5]:
        print(f"  {grootte / 1024:7.1f} KiB  {pad}")
    drukwerk(volledig, werk / f"{naam}-pdf", parallel_vergelijken)
    return beste["site, macros en hooks"], beste["hele build: site en PDF's"], volledig / "data"


def zonder_netwerk() -> list[str]:
    """`unshare -rn` (a user and network namespace without interfaces) where the kernel allows it."""
    if shutil.which("unshare") and subprocess.run(["unshare", "-rn", "true"],
                                                  capture_output=True).returncode == 0:
        return ["unshare", "-rn"]
    return []


def vergelijk_to_pdf(data: Path, werk: Path, hele_build: float, herhaal: int = 1) -> None:
    """The bare project plus the mkdocs-to-pdf plugin writing one PDF of the whole site."""
    print("\n== vergelijking met mkdocs-to-pdf (echte data) ==")
    try:
        versies = ", ".join(f"{p} {metadata.version(p)}" for p in ("mkdocs-to-pdf", "weasyprint", "mkdocs"))
    except metadata.PackageNotFoundError:
        print("mkdocs-to-pdf is niet geïnstalleerd (scripts/benchmark installeert de extra "
              "'benchmark'); vergelijking overgeslagen")
        return
    project = kaal_project(werk / "to-pdf", data, to_pdf=True)
    geweigerd = werk / "to-pdf-geweigerd.txt"
    geweigerd.touch()
    afgesloten = zonder_netwerk()
    metingen = [meet([*afgesloten, PYTHON, "-c", MKDOCS_ZONDER_NETWERK, "build", "-q", "-d",
                      str(project / "site")], project, env={"BENCHMARK_GEWEIGERD": str(geweigerd)})
                for _ in range(herhaal)]
    duur = min(m[0] for m in metingen)
    pdf = project / "site" / TO_PDF_UITVOER
    in_nav = sum(1 for _ in (project / "content").rglob("*.md"))
    print(f"{versies}; alle {in_nav} pagina's in de navigatie (to-pdf neemt alleen pagina's uit "
          f"de navigatie op)")
    print(f"netwerk: {'geen (unshare -rn); ' if afgesloten else ''}"
          "WeasyPrint mag alleen file: en data: lezen")
    adressen = sorted(set(geweigerd.read_text(encoding="utf-8").split()))
    if adressen:
        print(f"mkdocs-to-pdf probeerde {len(adressen)} adres(sen) van buiten op te halen (geweigerd):")
        for adres in adressen[:10]:
            print(f"  {adres}")
    else:
        print("mkdocs-to-pdf probeerde niets van buiten het project op te halen")
    print(f"hele build, site en alle PDF's (met macros en hooks): {hele_build:6.2f} s")
    print(f"mkdocs-to-pdf, kale site en één PDF van de hele site, beste van {herhaal}: {duur:6.2f} s   "
          f"piekgeheugen: {max(m[1] for m in metingen):6.0f} MiB   PDF: "
          f"{len(PdfReader(pdf).pages)} pagina's, {kib(pdf).strip()}")
    verhouding = f"{hele_build / duur:.2f}".replace(".", ",")
    print(f"hele build / mkdocs-to-pdf: {verhouding} (doel: hoogstens 0,5)")


def main() -> None:
    opties = argparse.ArgumentParser(description="Bouw- en rendercijfers (tijd, piekgeheugen, groottes) "
                                     "voor de echte en de tienvoudige data.")
    opties.add_argument("--alles", action="store_true",
                        help="ook alle_pdfs parallel en na elkaar bij de tienvoudige data "
                             "(ruim 2 minuten extra)")
    alles = opties.parse_args().alles
    with tempfile.TemporaryDirectory() as tmp:
        werk = Path(tmp)
        echt_site, echt, echte_data = rapport("echte data", None, werk)
        # the ten-times whole build is dominated by rendering the PDFs: one run is representative
        tien_site, tien, _ = rapport("tienvoudige data", tienvoudig(werk / "data-x10"), werk, herhaal_volledig=1,
                                     parallel_vergelijken=alles)
        print(f"\ntien keer de data kost {tien_site / echt_site:.1f} keer de bouwtijd van de site "
              f"(doel: hoogstens 8 keer) en {tien / echt:.1f} keer die van de hele build met PDF's")
        vergelijk_to_pdf(echte_data, werk, echt)


if __name__ == "__main__":
    main()
