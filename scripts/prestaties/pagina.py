"""What a reader's phone loads: the crisis page (Woningen: Direct na een explosie) and the home page,
opened cold in Chromium over a slow mobile connection (1.6 Mbit/s down, 750 kbit/s up, 150 ms
latency, as Lighthouse's "slow 4G"), from a server that compresses text with gzip as the intranet's
nginx does. Prints the bytes transferred (counted by the server: the page and its search worker,
until the network is idle) and the time to the load event."""
from __future__ import annotations

import functools
import gzip
import http.server
import mimetypes
import sys
import tempfile
import threading
from pathlib import Path

TESTS = Path(__file__).resolve().parents[2] / "tests"
PAGINAS = {"crisispagina": "woningen/direct/", "beginpagina": ""}
TRAAG = {"offline": False, "latency": 150, "downloadThroughput": 1.6e6 / 8, "uploadThroughput": 750e3 / 8}
TEKST = (".html", ".css", ".js", ".json", ".svg", ".txt", ".xml")


class _Gzip(http.server.SimpleHTTPRequestHandler):
    """Serves the site like nginx with gzip on: text compressed when the browser accepts it; counts
    what it sends per path (headers and body)."""

    verzonden: dict[str, int] = {}

    def do_GET(self):  # noqa: N802
        pad = Path(self.translate_path(self.path))
        if pad.is_dir():
            pad = pad / "index.html"
        if not pad.is_file():
            self.send_error(404)
            return
        inhoud = pad.read_bytes()
        self.send_response(200)
        self.send_header("Content-Type", mimetypes.guess_type(pad.name)[0] or "application/octet-stream")
        if pad.suffix in TEKST and "gzip" in self.headers.get("Accept-Encoding", ""):
            inhoud = gzip.compress(inhoud, 6)
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(inhoud)))
        kop = sum(len(regel) for regel in self._headers_buffer) + 2  # and the empty line
        self.end_headers()
        self.wfile.write(inhoud)
        self.verzonden[self.path] = self.verzonden.get(self.path, 0) + kop + len(inhoud)

    def log_message(self, *args):
        pass


def paginacijfers(site: Path) -> None:
    from playwright.sync_api import sync_playwright
    sys.path.insert(0, str(TESTS))
    from webserver import CHROMIUM, CHROMIUM_ARGS

    print("\n== pagina op een telefoon (koud, 1,6 Mbit/s, 150 ms) ==")
    werkmap = Path(tempfile.mkdtemp())
    (werkmap / "handelingskader").symlink_to(site, target_is_directory=True)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Gzip, directory=str(werkmap)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    basis = f"http://127.0.0.1:{server.server_address[1]}/handelingskader/"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for naam, pad in PAGINAS.items():
            context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
            pagina = context.new_page()
            cdp = context.new_cdp_session(pagina)
            cdp.send("Network.enable")
            cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
            cdp.send("Network.emulateNetworkConditions", TRAAG)
            _Gzip.verzonden.clear()
            pagina.goto(basis + pad, wait_until="load")
            laden = pagina.evaluate("performance.getEntriesByType('navigation')[0].loadEventEnd")
            pagina.wait_for_load_state("networkidle")
            pagina.wait_for_timeout(500)  # the search worker's requests, which the page's idle state does not wait for
            verzonden = dict(_Gzip.verzonden)
            lettertypen = sum(adres.endswith(".woff2") for adres in verzonden)
            print(f"{naam} ({pad or '/'}): {len(verzonden)} verzoeken, {sum(verzonden.values()) / 1024:.1f} KiB over het "
                  f"netwerk (gzip), load na {laden / 1000:.2f} s, {lettertypen} lettertypebestanden "
                  "(doel crisispagina: hoogstens 130 KiB en 1,2 s)")
            if "-v" in sys.argv:
                print("\n".join(f"  {n / 1024:6.1f} KiB {adres[-70:]}" for adres, n in sorted(verzonden.items(), key=lambda x: -x[1])))
            context.close()
        browser.close()
    server.shutdown()

