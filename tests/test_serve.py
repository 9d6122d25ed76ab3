"""`mkdocs serve` rebuilds when a file in data/ changes (the editor sees the change without restart)."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request

from conftest import kopie_project


def _vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _haal(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as antwoord:
            return antwoord.read().decode("utf-8")
    except OSError:
        return None


def _wacht_op(url: str, tekst: str, seconden: float = 90) -> bool:
    einde = time.monotonic() + seconden
    while time.monotonic() < einde:
        pagina = _haal(url)
        if pagina and tekst in pagina:
            return True
        time.sleep(0.5)
    return False


def test_serve_herlaadt_bij_wijziging_in_data(tmp_path):
    project = kopie_project(tmp_path / "project")
    poort = _vrije_poort()
    proces = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{poort}",
                               "-f", str(project / "mkdocs.yml")],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    try:
        url = f"http://127.0.0.1:{poort}/woningen/direct/"
        assert _wacht_op(url, "Bied bescherming bij dreiging aan.")
        bestand = project / "data/acties/woningen.yaml"
        bestand.write_text(bestand.read_text(encoding="utf-8").replace(
            "tekst: Bied bescherming bij dreiging aan.", "tekst: Bied direct bescherming bij dreiging aan.", 1),
            encoding="utf-8")
        assert _wacht_op(url, "Bied direct bescherming bij dreiging aan.")
    finally:
        proces.terminate()
        proces.wait(timeout=30)
