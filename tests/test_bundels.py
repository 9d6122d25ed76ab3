"""The intranet bundles: a zip for a web server, a zip that works from a folder or share (file://),
both with every download, verifiable with SHA256SUMS, reproducible, and without any outside request."""
from __future__ import annotations

import hashlib
import json
import os
import re
import zipfile
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from lxml import html
from playwright.sync_api import expect

from macros.adressen import DOWNLOADS
from macros.uitgave.bundels import zip_map
from zoekproef import een_per_soort, proef

NAAM = "handelingskader-2025-11"


def _bestanden(map_: Path) -> dict[str, bytes]:
    return {p.relative_to(map_).as_posix(): p.read_bytes() for p in map_.rglob("*") if p.is_file()}


def _uit_zip(zip_: Path, topmap: str) -> dict[str, bytes]:
    with zipfile.ZipFile(zip_) as archief:
        namen = archief.namelist()
        assert all(n.startswith(f"{topmap}/") for n in namen)
        return {n.removeprefix(f"{topmap}/"): archief.read(n) for n in namen}


def test_sha256sums_kloppen(publicatie):
    dist = publicatie / "dist"
    regels = (dist / "SHA256SUMS").read_text(encoding="utf-8").splitlines()
    assert sorted(r.split("  ")[1] for r in regels) == [f"{NAAM}-offline.zip", f"{NAAM}.zip"]
    for regel in regels:
        som, naam = regel.split("  ")
        assert hashlib.sha256((dist / naam).read_bytes()).hexdigest() == som


def test_bundel_voor_webserver_is_de_site(publicatie):
    assert _uit_zip(publicatie / "dist" / f"{NAAM}.zip", NAAM) == _bestanden(publicatie / "site")


def test_offline_bundel_heeft_dezelfde_downloads(publicatie):
    offline = _uit_zip(publicatie / "dist" / f"{NAAM}-offline.zip", f"{NAAM}-offline")
    site = _bestanden(publicatie / "site")
    for naam in DOWNLOADS.values():
        assert offline[f"downloads/{naam}"] == site[f"downloads/{naam}"], naam
    assert "search/search_index.js" in offline and "woningen/direct.html" in offline
    shims = [n for n in offline if n.endswith(".js") and "iframe-worker" in n]
    assert shims and any(n.endswith("iframe-worker/LICENSE") for n in offline)
    # nothing in the bundle names an outside host to load from (the offline plugin's CDN default)
    geladen = "//script/@src|//link[not(@rel='canonical')]/@href|//img/@src|//iframe/@src|//source/@src"
    extern = [f"{naam}: {u}" for naam, inhoud in offline.items() if naam.endswith(".html")
              for u in html.fromstring(inhoud).xpath(geladen) if re.match(r"(https?:)?//", u)]
    assert extern == []


def test_redactieverslag_naast_de_bundels_niet_erin(publicatie):
    """The editor's report (possible slips in the official text) is for the editor: in dist/redactie/,
    not in either bundle, not on either site, not in the sitemap nor in SHA256SUMS."""
    dist = publicatie / "dist"
    assert sorted(p.name for p in (dist / "redactie").iterdir()) == ["verslag.html", "verslag.json", "verslag.txt"]
    for naam in (f"{NAAM}.zip", f"{NAAM}-offline.zip"):
        with zipfile.ZipFile(dist / naam) as archief:
            assert not [n for n in archief.namelist() if "redactie" in n or "verslag" in n], naam
    for kant in ("site", "offline"):
        assert not [p for p in (publicatie / kant).rglob("*") if "redactie" in p.relative_to(publicatie).as_posix()]
    sitemap = (publicatie / "site/sitemap.xml").read_text(encoding="utf-8")
    assert sitemap.count("<loc>") > 50 and "redactie" not in sitemap
    assert "redactie" not in (dist / "SHA256SUMS").read_text(encoding="utf-8")
    verslag = json.loads((dist / "redactie/verslag.json").read_text(encoding="utf-8"))
    assert verslag["editie"]["id"] == "2025-11" and len(verslag["signalen"]) > 0
    assert verslag["drukwerk"]["posities"]["overzicht_paginas"] > 10
    assert (dist / "redactie/verslag.txt").read_text(encoding="utf-8").startswith("Redactieverslag, editie")


def test_zip_is_reproduceerbaar(tmp_path):
    """The same files give the same zip, whatever their file times or the clock."""
    map_ = tmp_path / "map"
    (map_ / "a").mkdir(parents=True)
    (map_ / "a/b.txt").write_text("b")
    (map_ / "c.txt").write_text("c")
    eerste = zip_map(map_, tmp_path / "1.zip", "x", (2025, 11, 1, 0, 0, 0)).read_bytes()
    os.utime(map_ / "c.txt", (0, 0))
    assert zip_map(map_, tmp_path / "2.zip", "x", (2025, 11, 1, 0, 0, 0)).read_bytes() == eerste


@pytest.fixture(scope="module")
def uitgepakt(publicatie, tmp_path_factory) -> Path:
    doel = tmp_path_factory.mktemp("share")
    with zipfile.ZipFile(publicatie / "dist" / f"{NAAM}-offline.zip") as archief:
        archief.extractall(doel)
    return doel / f"{NAAM}-offline"


def test_offline_vanaf_een_map_zonder_server(browser, uitgepakt):
    """Open index.html over file://: navigate three levels deep, open a PDF, search; no request
    leaves the folder."""
    context = browser.new_context(accept_downloads=True)
    verzoeken: list[str] = []
    context.on("request", lambda r: verzoeken.append(r.url))
    pagina = context.new_page()
    pagina.goto((uitgepakt / "index.html").as_uri())
    pagina.get_by_role("link", name="Direct na een explosie bij een woning").click()
    expect(pagina).to_have_url(re.compile(r"/woningen/direct\.html$"))
    pagina.locator("a[href$='partners/politie.html']").first.click()
    expect(pagina.locator("h1")).to_contain_text("Politie")
    pagina.locator("a[href*='woningen/direct.html#w-']").first.click()
    expect(pagina).to_have_url(re.compile(r"/woningen/direct\.html#w-"))
    pagina.goto((uitgepakt / "downloads.html").as_uri())
    with pagina.expect_request(lambda r: r.url.endswith("/downloads/overzicht-acties.pdf")) as verzoek:
        pagina.locator("a[href$='overzicht-acties.pdf']").click()
    pdf = Path(unquote(urlsplit(verzoek.value.url).path))
    assert pdf.is_relative_to(uitgepakt) and pdf.read_bytes()[:5] == b"%PDF-"
    basis = uitgepakt.as_uri() + "/"
    uitkomsten = proef(pagina, basis, een_per_soort(), start=basis + "index.html")
    assert [(v.vraag, r[:5]) for v, r, goed in uitkomsten if not goed] == []
    context.close()
    naar_buiten = [u for u in verzoeken if urlsplit(u).scheme in ("http", "https", "ws", "wss", "ftp")]
    buiten_de_map = [u for u in verzoeken if urlsplit(u).scheme == "file"
                     and not Path(unquote(urlsplit(u).path)).is_relative_to(uitgepakt)]
    assert len(verzoeken) > 20 and naar_buiten == [] and buiten_de_map == []
