"""`mkdocs serve` rebuilds when a file in data/ changes (the editor sees the change without restart),
and survives bad data: it reports the errors, keeps serving the last good site and recovers."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager

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


@contextmanager
def serve(project, log=None):
    """A real `mkdocs serve` of `project` on a free port; yields its base address. Its output goes to
    the file `log` when given."""
    poort = _vrije_poort()
    uitvoer = open(log, "w") if log else subprocess.DEVNULL
    proces = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{poort}",
                               "-f", str(project / "mkdocs.yml")],
                              stdout=uitvoer, stderr=subprocess.STDOUT,
                              env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    try:
        yield f"http://127.0.0.1:{poort}/"
    finally:
        proces.terminate()
        proces.wait(timeout=30)
        if log:
            uitvoer.close()


def _vervang(bestand, oud: str, nieuw: str) -> None:
    tekst = bestand.read_text(encoding="utf-8")
    assert oud in tekst, oud
    bestand.write_text(tekst.replace(oud, nieuw, 1), encoding="utf-8")


def test_serve_herlaadt_bij_wijziging_in_data_en_sjablonen(tmp_path):
    project = kopie_project(tmp_path / "project")
    with serve(project) as basis:
        url = basis + "woningen/direct/"
        assert _wacht_op(url, "Bied bescherming bij dreiging aan.")
        _vervang(project / "data/acties/woningen.yaml", "tekst: Bied bescherming bij dreiging aan.",
                 "tekst: Bied direct bescherming bij dreiging aan.")
        assert _wacht_op(url, "Bied direct bescherming bij dreiging aan.")
        # a page template, and a partial it includes (the Jinja blocks of the acties)
        _vervang(project / "macros/web/sjablonen/objecttype_fase.md", '{% include "_fasebalk.md" %}\n',
                 '{% include "_fasebalk.md" %}\n\nGEWIJZIGD-PAGINASJABLOON\n\n')
        assert _wacht_op(url, "GEWIJZIGD-PAGINASJABLOON")
        _vervang(project / "macros/web/sjablonen/_actie.md", "{% if met_ankers %}\n<p class=\"thema\"",
                 "{% if met_ankers %}\n<p>GEWIJZIGD-ACTIEBLOK</p>\n\n<p class=\"thema\"")
        assert _wacht_op(url, "GEWIJZIGD-ACTIEBLOK")


def _wacht_op_log(log, tekst: str, seconden: float = 90) -> bool:
    einde = time.monotonic() + seconden
    while time.monotonic() < einde:
        if tekst in log.read_text(encoding="utf-8"):
            return True
        time.sleep(0.5)
    return False


def test_serve_overleeft_foute_data_en_herstelt(tmp_path):
    project = kopie_project(tmp_path / "project")
    log = tmp_path / "serve.log"
    bestand = project / "data/acties/woningen.yaml"
    with serve(project, log) as basis:
        url = basis + "woningen/direct/"
        assert _wacht_op(url, "Bied bescherming bij dreiging aan.")
        _vervang(bestand, "tekst: Bied bescherming bij dreiging aan.", "tekts: Bied direct bescherming bij dreiging aan.")
        assert _wacht_op_log(log, "data/acties/woningen.yaml:")  # the error, with its place
        assert "onbekend veld 'tekts'" in log.read_text(encoding="utf-8")
        # still served, from the last good data (a request waits while mkdocs rebuilds: on a busy
        # machine a single request with a timeout of 5 s found nothing)
        assert _wacht_op(url, "Bied bescherming bij dreiging aan.", 60)
        _vervang(bestand, "tekts: Bied direct bescherming", "tekst: Bied direct bescherming")
        assert _wacht_op(url, "Bied direct bescherming bij dreiging aan.")
