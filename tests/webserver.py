"""Serving a built site on localhost under a sub-path, and a Playwright browser on Debian's Chromium."""
from __future__ import annotations

import functools
import http.server
import threading
from contextlib import contextmanager
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


class _StilleHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextmanager
def serveer(site: Path, subpad: str, werkmap: Path):
    """Serve `site` as http://127.0.0.1:PORT/<subpad>/ (the site must work under any sub-path)."""
    (werkmap / subpad).parent.mkdir(parents=True, exist_ok=True)
    (werkmap / subpad).symlink_to(site, target_is_directory=True)
    handler = functools.partial(_StilleHandler, directory=str(werkmap))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    draad = threading.Thread(target=server.serve_forever, daemon=True)
    draad.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/{subpad}/"
    finally:
        server.shutdown()
