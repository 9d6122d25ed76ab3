"""Search figures of a built site: the hit rate of the test query set (tests/zoekvragen.yaml) in
Chromium, the size of the search index, and what the crisis page transfers with gzip."""
from __future__ import annotations

import gzip
import sys
import tempfile
from collections import Counter
from pathlib import Path
from urllib.parse import unquote, urlsplit

TESTS = Path(__file__).resolve().parents[2] / "tests"
CRISISPAGINA = "woningen/direct/"


def _gzip(pad: Path) -> int:
    return len(gzip.compress(pad.read_bytes(), 9))


def zoekcijfers(site: Path) -> None:
    sys.path.insert(0, str(TESTS))
    from playwright.sync_api import sync_playwright

    from macros.zoeken.uitstel import volledige_index
    from webserver import CHROMIUM, CHROMIUM_ARGS, serveer
    from zoekproef import proef, zoekvragen

    print("\n== zoeken (echte data) ==")
    index = volledige_index(site)
    print(f"zoekindex: {index.stat().st_size / 1024:.0f} KiB, met gzip {_gzip(index) / 1024:.1f} KiB")
    with serveer(site, "veiligheid/handelingskader", Path(tempfile.mkdtemp())) as basis, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        pagina = browser.new_page()
        uitkomsten = proef(pagina, basis, zoekvragen())
        geladen: list[str] = []
        pagina.on("requestfinished", lambda r: geladen.append(r.url))
        pagina.goto(basis + CRISISPAGINA, wait_until="networkidle")
        browser.close()
    goed = Counter(v.soort for v, _, raak in uitkomsten if raak)
    alle = Counter(v.soort for v, _, _ in uitkomsten)
    print(f"zoekvragen met het verwachte resultaat bij de eerste vijf: {sum(goed.values())}/{len(uitkomsten)} "
          f"({sum(goed.values()) / len(uitkomsten):.0%}; doel: minstens 95%, elke code eerst)")
    print("  " + ", ".join(f"{soort} {goed[soort]}/{n}" for soort, n in alle.items()))
    bestanden = [site / unquote(urlsplit(u).path).split("/handelingskader/", 1)[1] for u in geladen]
    bestanden = [b / "index.html" if b.is_dir() else b for b in bestanden]
    print(f"crisispagina {CRISISPAGINA}: {len(bestanden)} bestanden, samen met gzip "
          f"{sum(map(_gzip, bestanden)) / 1024:.1f} KiB, waarvan zoekindex "
          "(zonder de volledige index: die pas bij de eerste zoekvraag) en zoekworker "
          f"{sum(_gzip(b) for b in bestanden if 'search' in b.name or 'zoeken' in b.name) / 1024:.1f} KiB")
