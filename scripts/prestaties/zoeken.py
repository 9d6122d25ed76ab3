"""Search figures of a built site: the hit rate of the test query set (tests/zoekvragen.yaml) in
Chromium, the size of the search index, what a page loads for search, what the crisis page transfers
with gzip, and how long the first query takes on a phone (Fast 3G, CPU four times slower).

Also on its own: .venv/bin/python scripts/prestaties/zoeken.py SITE"""
from __future__ import annotations

import functools
import gzip
import http.server
import json
import sys
import tempfile
import threading
from collections import Counter
from pathlib import Path
from urllib.parse import unquote, urlsplit

TESTS = Path(__file__).resolve().parents[2] / "tests"
CRISISPAGINA = "woningen/direct/"
# Chromium DevTools' "Fast 3G" (with its own factors: 1.44 Mbit/s down, 675 kbit/s up, 562.5 ms) and
# a phone's CPU four times slower than this machine's
FAST_3G = {"offline": False, "latency": 562.5, "downloadThroughput": 1.44e6 / 8, "uploadThroughput": 675e3 / 8}
CPU_TRAGER = 4
EERSTE_VRAAG = "noodopvang"
BUDGET_PAGINA = 15 * 1024  # bytes with gzip that every page loads for search (issue 22)
BUDGET_EERSTE = 1.5  # seconds from typing to the first answer on the phone profile (issue 22)
TIKTEMPO_MS = 200  # a reader typing on a phone: five letters a second
# In the page: when the reader's keys went up, and when the result list changed (the answer shown)
STOPWATCH = """() => {
  const invoer = document.querySelector("input.md-search__input")
  const lijst = document.querySelector(".md-search-result__list")
  window.__zoek = { toetsen: [], antwoorden: [] }
  invoer.addEventListener("focus", () => { window.__zoek.focus ??= performance.now() }, true)
  invoer.addEventListener("keyup", () => window.__zoek.toetsen.push(performance.now()), true)
  new MutationObserver(() => window.__zoek.antwoorden.push(performance.now()))
    .observe(lijst, { childList: true })
}"""
# seconds to the first change of the result list after the last key: from that key, and from the
# moment the search field got focus (when the worker starts fetching the whole index)
ANTWOORD = """() => { const z = window.__zoek, laatste = z.toetsen[z.toetsen.length - 1]
  const a = z.antwoorden.find(t => t > laatste); return a === undefined ? null : [(a - laatste) / 1000, (a - z.focus) / 1000] }"""


def _gzip(pad: Path) -> int:
    return len(gzip.compress(pad.read_bytes(), 9))


def zoeklading(site: Path) -> dict[str, int]:
    """Bytes with gzip: what every page loads for search (the index's configuration and the worker;
    lunr's Dutch language files that the worker loads), and what the first query fetches (the whole
    index and the kader's extension)."""
    from macros.zoeken.uitstel import MATERIAL, volledige_index
    from macros.zoeken.worker import WORKERS

    [worker] = (site / WORKERS).glob("zoeken.*.min.js")
    config = json.loads((site / MATERIAL).read_text(encoding="utf-8"))["config"]
    taal = [site / "assets/javascripts/lunr/min" / f for f in ("lunr.stemmer.support.min.js", "lunr.nl.min.js")]
    eerste = [volledige_index(site)] + ([site / config["zoekuitbreiding"]] if "zoekuitbreiding" in config else [])
    return {"pagina": _gzip(site / MATERIAL) + _gzip(worker), "taal": sum(map(_gzip, taal)),
            "eerste vraag": sum(map(_gzip, eerste))}


def eerste_zoekvraag(browser, basis: str, cpu: float = CPU_TRAGER, netwerk: dict | None = FAST_3G,
                     tempo_ms: int | None = None) -> tuple[float, float]:
    """Seconds from the key that ends the first query on the crisis page to its answer on the screen,
    and from the search field's focus to that answer, on a phone over Fast 3G with a slower CPU, the
    page loaded and idle: the reader taps the search button (the whole index is fetched from then
    on: zoekuitstel.js) and types as soon as the field is ready, at once (tempo_ms None: as pasted,
    the worst case) or a key every tempo_ms. Chromium slows the page's CPU, not the search worker's:
    see telefoontijden."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True,
                                  locale="nl-NL")
    pagina = context.new_page()
    cdp = context.new_cdp_session(pagina)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    if netwerk:
        cdp.send("Network.emulateNetworkConditions", netwerk)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": cpu})
    pagina.goto(basis + CRISISPAGINA, wait_until="load")
    pagina.wait_for_load_state("networkidle")
    pagina.evaluate(STOPWATCH)
    pagina.locator("label.md-header__button[for=__search]").click()  # the phone's search button
    invoer = pagina.locator("input.md-search__input")
    pagina.wait_for_function("() => /Typ om/.test(document.querySelector('.md-search-result__meta').textContent)")
    if tempo_ms:
        invoer.press_sequentially(EERSTE_VRAAG, delay=tempo_ms)
    else:
        invoer.fill(EERSTE_VRAAG)
        invoer.press("End")
    pagina.wait_for_function(ANTWOORD, timeout=60_000)
    tijden = pagina.evaluate(ANTWOORD)
    context.close()
    return tuple(tijden)


def telefoontijden(browser, basis: str, tempo_ms: int | None) -> tuple[float, float]:
    """The first query on the phone, from its last key (median of 3), and the worker's work to count
    CPU_TRAGER times, as Chromium does not slow a worker's CPU: measured without network or slower
    CPU, from the search field's focus (fetching, reading and indexing the whole index, the query;
    on the phone the fetch ends after a pasted query's key, so all of it may come after that key)
    for a pasted query, from the last key for a typed one (the index is ready by then)."""
    telefoon = sorted(eerste_zoekvraag(browser, basis, tempo_ms=tempo_ms)[0] for _ in range(3))[1]
    werk = sorted(eerste_zoekvraag(browser, basis, 1, None, tempo_ms)[0 if tempo_ms else 1] for _ in range(3))[1]
    return telefoon, werk


def zoekcijfers(site: Path) -> None:
    sys.path.insert(0, str(TESTS))
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from playwright.sync_api import sync_playwright

    from macros.zoeken.uitstel import volledige_index
    from pagina import _Gzip
    from webserver import CHROMIUM, CHROMIUM_ARGS, serveer
    from zoekproef import proef, zoekvragen

    print("\n== zoeken (echte data) ==")
    index = volledige_index(site)
    print(f"zoekindex: {index.stat().st_size / 1024:.0f} KiB, met gzip {_gzip(index) / 1024:.1f} KiB")
    lading = zoeklading(site)
    print(f"wat elke pagina voor zoeken laadt (configuratie en zoekworker, gzip): {lading['pagina'] / 1024:.1f} KiB "
          f"(doel: hoogstens {BUDGET_PAGINA / 1024:.0f} KiB); en de taalbestanden van lunr: {lading['taal'] / 1024:.1f} KiB; "
          f"de eerste zoekvraag haalt {lading['eerste vraag'] / 1024:.1f} KiB (index en uitbreiding)")
    werkmap = Path(tempfile.mkdtemp())
    (werkmap / "handelingskader").symlink_to(site.resolve(), target_is_directory=True)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Gzip, directory=str(werkmap)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    gzip_basis = f"http://127.0.0.1:{server.server_address[1]}/handelingskader/"
    with serveer(site, "veiligheid/handelingskader", Path(tempfile.mkdtemp())) as basis, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        pagina = browser.new_page()
        uitkomsten = proef(pagina, basis, zoekvragen())
        geladen: list[str] = []
        pagina.on("requestfinished", lambda r: geladen.append(r.url))
        pagina.goto(basis + CRISISPAGINA, wait_until="networkidle")
        tijden = {tempo: telefoontijden(browser, gzip_basis, tempo) for tempo in (None, TIKTEMPO_MS)}
        browser.close()
    server.shutdown()
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
          f"{sum(_gzip(b) for b in bestanden if 'search' in b.name or 'zoek' in b.name) / 1024:.1f} KiB")
    for tempo, (telefoon, werk) in tijden.items():
        hoe = f"getypt, een toets per {tempo} ms" if tempo else "in één keer (geplakt)"
        print(f"eerste zoekvraag ({EERSTE_VRAAG!r}, {hoe}) op een telefoon, van de laatste toets tot het antwoord "
              f"(mediaan van 3): {telefoon + (CPU_TRAGER - 1) * werk:.2f} s (doel: hoogstens {BUDGET_EERSTE} s) = "
              f"{telefoon:.2f} s over Fast 3G met de pagina {CPU_TRAGER}x trager + {CPU_TRAGER - 1} x {werk:.2f} s "
              "werk dat de zoekworker zonder vertraging doet")

if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    zoekcijfers(Path(sys.argv[1]))
