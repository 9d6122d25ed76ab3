"""WeasyPrint reads only the project's own files: no request to any host, no file outside the
project."""
from __future__ import annotations

import http.server
import threading

import pytest
from weasyprint import HTML

from conftest import ROOT
from druk_gedeeld import DRUKMAP

from macros.druk.fetcher import ProjectFetcher


class _Teller(http.server.BaseHTTPRequestHandler):
    verzoeken = 0

    def do_GET(self):  # noqa: N802
        _Teller.verzoeken += 1
        self.send_response(404)
        self.end_headers()

    def log_message(self, *args):
        pass


def test_weasyprint_laadt_alleen_projectbestanden(tmp_path):
    fetcher = ProjectFetcher((DRUKMAP, ROOT / "overrides/assets/fonts"))
    for url in ["http://127.0.0.1/x.png", "https://example.org/font.woff2", "file:///etc/passwd",
                f"file://{ROOT}/pyproject.toml"]:
        with pytest.raises(ValueError, match="geweigerd"):
            fetcher.fetch(url)
    assert fetcher.fetch((DRUKMAP / "overzicht.css").as_uri())
    server = http.server.HTTPServer(("127.0.0.1", 0), _Teller)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    poort = server.server_address[1]
    html = (f'<img src="http://127.0.0.1:{poort}/a.png"><link rel="stylesheet" href="http://127.0.0.1:{poort}/b.css">'
            f'<p style="background: url(file:///etc/hostname)">x</p>')
    HTML(string=html, base_url=str(DRUKMAP) + "/", url_fetcher=fetcher).write_pdf()
    server.shutdown()
    assert _Teller.verzoeken == 0

