"""The web-server bundle behind the sample nginx configuration of deploy/, with Debian's real nginx,
under the sub-path an intranet uses: every file answers with the right type, the security headers
and caching; a missing page gets the Dutch 404; Chromium shows every page with no CSP violation and
no request to another host."""
from __future__ import annotations

import gzip
import os
import re
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
import zipfile
from contextlib import contextmanager
from pathlib import Path

import pytest
from lxml import html

from conftest import ROOT, mkdocs_build
from zoekproef import een_per_soort, proef


NGINX = "/usr/sbin/nginx"
SUBPAD = "/veiligheid/handelingskader/"
BUNDEL = "handelingskader-2025-11"
VEILIGHEID = {
    "content-security-policy": "default-src 'none'; script-src 'self'; style-src 'self'",
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "permissions-policy": "camera=()",
}
TYPEN = {".html": "text/html; charset=utf-8", ".js": "application/javascript; charset=utf-8",
         ".json": "application/json; charset=utf-8", ".pdf": "application/pdf",
         ".csv": "text/csv; charset=utf-8", ".woff2": "font/woff2", ".css": "text/css; charset=utf-8",
         ".svg": "image/svg+xml; charset=utf-8", ".ttl": "text/turtle; charset=utf-8"}
VINGERAFDRUK = re.compile(r"\.[0-9a-f]{8}\.min\.(js|css)$")


def _vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _server_conf(werk: Path, www: Path, poort: int, subpad: str = SUBPAD) -> str:
    """deploy/nginx.conf with only the places an administrator changes filled in for this test."""
    tekst = (ROOT / "deploy/nginx.conf").read_text(encoding="utf-8")
    invullen = {"listen 80;": f"listen 127.0.0.1:{poort};", "root /srv/www;": f"root {www};",
                "/etc/nginx/snippets/beveiliging.conf": str(werk / "beveiliging.conf"), SUBPAD: subpad}
    for oud, nieuw in invullen.items():
        assert oud in tekst, oud
        tekst = tekst.replace(oud, nieuw)
    return tekst


@contextmanager
def nginx(werk: Path, www: Path, subpad: str = SUBPAD):
    """Debian's nginx with deploy/nginx.conf for the site in www/<subpad>; yields the site's address."""
    shutil.copy(ROOT / "deploy/beveiliging.conf", werk / "beveiliging.conf")
    poort = _vrije_poort()
    (werk / "server.conf").write_text(_server_conf(werk, www, poort, subpad), encoding="utf-8")
    tijdelijk = "".join(f"{soort}_temp_path {werk}/{soort};\n" for soort in
                        ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"])
    (werk / "nginx.conf").write_text(
        ("user root;\n" if os.geteuid() == 0 else "") +
        f"worker_processes 1;\npid {werk}/nginx.pid;\nerror_log {werk}/error.log;\nevents {{}}\n"
        f"http {{\ninclude /etc/nginx/mime.types;\ndefault_type application/octet-stream;\n"
        f"access_log off;\n{tijdelijk}include {werk}/server.conf;\n}}\n", encoding="utf-8")
    proces = subprocess.Popen([NGINX, "-p", str(werk), "-c", str(werk / "nginx.conf"), "-g", "daemon off;"],
                              stderr=subprocess.PIPE)
    adres = f"http://127.0.0.1:{poort}{subpad}"
    for _ in range(100):
        try:
            urllib.request.urlopen(adres, timeout=1)
            break
        except OSError:
            assert proces.poll() is None, proces.stderr.read().decode()
            time.sleep(0.1)
    try:
        yield adres
    finally:
        proces.terminate()
        proces.wait(timeout=10)


@pytest.fixture(scope="module")
def basis(publicatie, tmp_path_factory):
    werk = tmp_path_factory.mktemp("nginx")
    www = werk / "www"
    with zipfile.ZipFile(publicatie / "dist" / f"{BUNDEL}.zip") as archief:
        archief.extractall(www / "veiligheid")
    (www / "veiligheid/handelingskader").symlink_to(BUNDEL)  # as the README advises: a link per edition
    with nginx(werk, www) as adres:
        yield adres, www / "veiligheid/handelingskader"


def _haal(url: str, gzip_graag: bool = False):
    verzoek = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"} if gzip_graag else {})
    try:
        with urllib.request.urlopen(verzoek, timeout=10) as antwoord:
            return antwoord.status, {k.lower(): v for k, v in antwoord.headers.items()}, antwoord.read()
    except urllib.error.HTTPError as fout:
        return fout.code, {k.lower(): v for k, v in fout.headers.items()}, fout.read()


def _adres(relatief: str) -> str:
    """The address a reader uses for a file: directory addresses for pages."""
    return relatief.removesuffix("index.html")


def test_elk_bestand_met_type_koppen_en_cache(basis):
    adres, map_ = basis
    fouten = []
    bestanden = sorted(p.relative_to(map_).as_posix() for p in map_.rglob("*") if p.is_file())
    assert len(bestanden) > 100
    for relatief in bestanden:
        status, koppen, inhoud = _haal(adres + _adres(relatief))
        achtervoegsel = Path(relatief).suffix
        if status != 200:
            fouten.append(f"{relatief}: {status}")
            continue
        if achtervoegsel in TYPEN and koppen.get("content-type") != TYPEN[achtervoegsel]:
            fouten.append(f"{relatief}: {koppen.get('content-type')}")
        fouten += [f"{relatief}: {kop}" for kop, waarde in VEILIGHEID.items() if waarde not in koppen.get(kop, "")]
        verwacht = "immutable" if VINGERAFDRUK.search(relatief) else "no-cache"
        if verwacht not in koppen.get("cache-control", ""):
            fouten.append(f"{relatief}: cache-control {koppen.get('cache-control')}")
        verwacht = (map_ / relatief).read_bytes()
        if relatief == "404.html":  # nginx names the sub-path for the page of a missing address
            verwacht = verwacht.replace(b"<head>", f'<head><base href="{SUBPAD}">'.encode(), 1)
        if inhoud != verwacht:
            fouten.append(f"{relatief}: andere inhoud")
    assert fouten == []


def test_tekst_gecomprimeerd(basis):
    adres, _ = basis
    for relatief in ["woningen/direct/", "downloads/handelingskader.json", "downloads/handelingskader.csv",
                     "assets/css/kader.css", "search/zoekindex.json"]:
        status, koppen, inhoud = _haal(adres + relatief, gzip_graag=True)
        assert status == 200 and koppen.get("content-encoding") == "gzip", relatief
        assert gzip.decompress(inhoud)


def test_ontbrekende_pagina_nederlands_en_opgemaakt(basis):
    adres, _ = basis
    status, koppen, inhoud = _haal(adres + "bestaat/niet/")
    assert status == 404 and koppen["content-type"] == "text/html; charset=utf-8"
    assert all(w in koppen.get(k, "") for k, w in VEILIGHEID.items())
    boom = html.fromstring(inhoud)
    assert boom.findtext(".//h1") == "Pagina niet gevonden" and boom.get("lang") == "nl"
    stijlen = boom.xpath("//link[@rel='stylesheet']/@href")
    assert stijlen
    for href in stijlen + boom.xpath("//script/@src") + boom.xpath("//a[contains(., 'beginpagina')]/@href"):
        assert href.startswith(SUBPAD), href
        assert _haal(adres.removesuffix(SUBPAD) + href)[0] == 200, href


CSP_MELDINGEN = """
window.__csp = [];
document.addEventListener("securitypolicyviolation",
  e => window.__csp.push(e.violatedDirective + " " + e.blockedURI));
"""


def test_chromium_zonder_csp_schending_en_zonder_andere_host(basis, browser):
    adres, map_ = basis
    oorsprong = adres.removesuffix(SUBPAD)
    context = browser.new_context()
    context.add_init_script(CSP_MELDINGEN)
    naar_buiten, console = [], []
    context.on("request", lambda r: r.url.startswith(oorsprong) or r.url.startswith("data:")
               or naar_buiten.append(r.url))
    pagina = context.new_page()
    pagina.on("console", lambda m: "Content Security Policy" in m.text and console.append(m.text))
    schendingen = []
    paginas = sorted(_adres(p.relative_to(map_).as_posix()) for p in map_.rglob("*.html") if p.name != "404.html")
    for relatief in paginas + ["bestaat/niet/"]:
        pagina.goto(adres + relatief, wait_until="load")
        schendingen += [f"{relatief}: {s}" for s in pagina.evaluate("window.__csp")]
    # search runs in the kader's web worker, which the CSP must allow: one query of every kind
    uitkomsten = proef(pagina, adres, een_per_soort())
    assert [(v.vraag, r[:5]) for v, r, goed in uitkomsten if not goed] == []
    schendingen += pagina.evaluate("window.__csp")
    context.close()
    assert len(paginas) > 90 and schendingen == [] and console == [] and naar_buiten == []


@pytest.mark.parametrize("site_url", ["http://127.0.0.1/intranet/kader/", ""])
def test_404_opgemaakt_met_werkende_links_op_elke_diepte_met_en_zonder_siteadres(site_url, browser, tmp_path):
    """Built with or without KADER_SITE_URL, served under /intranet/kader/: a missing page at any
    depth shows the Dutch 404 in the site's style, and its links open existing pages."""
    www = tmp_path / "www"
    uitkomst = mkdocs_build(ROOT, www / "intranet/kader", KADER_SITE_URL=site_url, KADER_ZONDER_PDF="1")
    assert uitkomst.returncode == 0, uitkomst.stderr[-2000:]
    with nginx(tmp_path, www, "/intranet/kader/") as adres:
        pagina = browser.new_page()
        for ontbrekend in ["bestaat-niet", "woningen/bestaat/niet/diep/"]:
            antwoord = pagina.goto(adres + ontbrekend)
            assert antwoord.status == 404
            assert pagina.locator("h1").first.inner_text() == "Pagina niet gevonden"
            kleur = pagina.evaluate("getComputedStyle(document.querySelector('.md-header')).backgroundColor")
            assert kleur == "rgb(21, 66, 115)", kleur  # the site's stylesheet applied
            links = pagina.locator("a[href]").evaluate_all("as => as.map(a => a.href)")
            intern = sorted({l.split("#")[0] for l in links if l.startswith(adres.split("/intranet")[0])})
            assert len(intern) > 10
            for link in intern:
                assert link.startswith(adres), link
                assert _haal(link)[0] == 200, link
        pagina.close()
