"""Benchmark: build time, peak memory and output sizes, for the real kader and a ten-times kader.

Prints figures; asserts nothing (targets are for people to compare, not for tests to time).
  - clean `mkdocs build` of the project (macros + hooks) and a bare mkdocs-material build of the
    same pages (the generated Markdown written out as static files, no macros plugin, no hooks);
  - the same for a synthetic kader with every actie repeated ten times;
  - HTML size per page.
Run: .venv/bin/python scripts/benchmark.py
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from macros.laden import laad  # noqa: E402
from macros.webpaginas import afkortingen, markdown, navigatie, paginas  # noqa: E402


def meet(argv: list[str], cwd: Path) -> tuple[float, float]:
    """Wall time (s) and peak RSS (MiB) of one child process."""
    start = time.perf_counter()
    proces = subprocess.Popen(argv, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                              env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    _, status, gebruik = os.wait4(proces.pid, 0)
    duur = time.perf_counter() - start
    if status != 0:
        raise SystemExit(f"mislukt: {' '.join(argv)}\n{proces.stderr.read().decode()}")
    return duur, gebruik.ru_maxrss / 1024


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


def kaal_project(doel: Path, data: Path) -> Path:
    """The same pages as static Markdown, built by plain mkdocs-material (no macros, no hooks)."""
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
    config += "\n" + yaml.safe_dump({"nav": navigatie(kader)}, allow_unicode=True, sort_keys=False)
    (doel / "mkdocs.yml").write_text(config, encoding="utf-8")
    return doel


def bouw(project: Path) -> tuple[float, float, Path]:
    site = project / "site"
    duur, geheugen = meet([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(site)], project)
    return duur, geheugen, site


def rapport(naam: str, data: Path | None, werk: Path, herhaal: int = 3) -> float:
    volledig = kopie(werk / f"{naam}-volledig", data)
    kaal = kaal_project(werk / f"{naam}-kaal", volledig / "data")
    metingen = {"met macros en hooks": [bouw(volledig) for _ in range(herhaal)],
                "kaal mkdocs-material": [bouw(kaal) for _ in range(herhaal)]}
    print(f"\n== {naam} ==")
    beste = {}
    for soort, reeks in metingen.items():
        beste[soort] = min(r[0] for r in reeks)
        print(f"{soort:24s} bouwtijd beste van {herhaal}: {beste[soort]:6.2f} s   piekgeheugen: "
              f"{max(r[1] for r in reeks):6.0f} MiB")
    extra = beste["met macros en hooks"] / beste["kaal mkdocs-material"] - 1
    print(f"kosten van de macrolaag: {extra:+.0%} (doel: hoogstens +30%)")
    site = metingen["met macros en hooks"][0][2]
    groottes = sorted(((p.stat().st_size, p.relative_to(site)) for p in site.rglob("*.html")), reverse=True)
    print(f"HTML: {len(groottes)} pagina's, samen {sum(g for g, _ in groottes) / 1024:.0f} KiB; grootste:")
    for grootte, pad in groottes[:5]:
        print(f"  {grootte / 1024:7.1f} KiB  {pad}")
    return beste["met macros en hooks"]


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        werk = Path(tmp)
        echt = rapport("echte data", None, werk)
        tien = rapport("tienvoudige data", tienvoudig(werk / "data-x10"), werk)
        print(f"\ntien keer de data kost {tien / echt:.1f} keer de bouwtijd (doel: hoogstens 8 keer)")


if __name__ == "__main__":
    main()
