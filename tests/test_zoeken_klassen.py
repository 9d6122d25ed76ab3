"""The kinds of reader queries of issue 22, in Chromium against the built site: a compound the
reader types that the kader writes apart, close words when nothing is found ("Bedoelde u …") or the
pages per object type, a handeling code that opens at the handeling, the kader's content above the
pages about the site; and the same search from the file-share bundle (file://) and under the strict
Content-Security-Policy of deploy/. Each query waits for defined states (zoekproef.zoek), it
never types again."""
from __future__ import annotations

import functools
import http.server
import re
import threading
import zipfile
from urllib.parse import unquote, urlsplit

import pytest
from playwright.sync_api import expect

from conftest import ROOT
from zoekproef import TOP, regels, zoek

OVER_DE_SITE = re.compile(r"^(over|toegankelijkheid|downloads|uitgave)/|^(#|$)")


@pytest.fixture(scope="module")
def pagina(browser, basis):
    """One page of the served site for the queries of this module."""
    context = browser.new_context(locale="nl-NL", viewport={"width": 1280, "height": 900})
    pagina = context.new_page()
    pagina.goto(basis)
    yield pagina
    context.close()


@pytest.mark.parametrize("vraag, verwacht", [
    ("slachtofferopvang", "woningen/direct/#w-d-01"),  # slachtoffer + opvang (noodopvang)
    ("dadercontact", "woningen/direct/#w-d-03"),  # dader + contact
    ("wijkbewoners", "woningen/direct/#w-d-02"),  # wijk + bewoners (bewonersbijeenkomst)
    ("driehoeksafstemming", "woningen/direct/#w-d-05"),  # driehoek + s + afstemming (Stem af ... driehoek)
])
def test_samenstelling_die_de_lezer_typt(pagina, basis, vraag, verwacht):
    """A compound the kader writes as separate words, typed as one: split into the words it holds
    (with a linking s), found, and not said to be missing from the results."""
    assert verwacht in zoek(pagina, vraag, basis)[:TOP]
    ontbreekt = pagina.locator(".md-search-result__terms").all_inner_texts()
    assert not any(vraag in t for t in ontbreekt), ontbreekt


@pytest.mark.parametrize("vraag, verwacht", [
    ("boa inzet", "partners/handhaving/"),  # colloquial: boa -> handhaving (data/zoekwoorden.yaml, zie)
    ("cctv", "instrumenten/cameratoezicht/"),  # a loanword
    ("crime scene afzetten", "woningen/direct/#w-d-04"),  # two English words -> plaats delict
    ("rol van het om", "partners/om/"),  # an abbreviation that is a Dutch stop word
    ("herhuisvesting slachtoffer", "instrumenten/herlocatie/"),  # unknown: the word it ends with
    ("filiaalmanager", "partners/vestigingsmanager/"),  # a compound of a synonym and a known part
    ("alle partners", "partners/"),  # a page the query names
])
def test_woorden_van_de_lezer(pagina, basis, vraag, verwacht):
    """Words a reader types that the kader does not use: the thesaurus's synonyms, loanwords and
    colloquial words, an unknown compound by its head, a page named by the query."""
    assert verwacht in zoek(pagina, vraag, basis)[:TOP]


def test_niets_gevonden_dan_bedoelde_u(pagina, basis):
    """A word two letters from one of the index (two swaps): "Bedoelde u …" with that word's results, and the
    suggestion opens the search for it."""
    resultaten = zoek(pagina, "pandsliutign", basis)
    eerste = regels(pagina, basis)[0]
    assert eerste[1].strip() == "Bedoelde u: pandsluiting?" and eerste[2] == 0, eerste
    assert "instrumenten/pandsluiting/" in resultaten[:TOP]
    link = pagina.locator(".md-search-result__list > li").first.locator("a").first
    assert "q=pandsluiting" in (link.get_attribute("href") or "")
    link.click()
    expect(pagina.locator("input.md-search__input")).to_have_value("pandsluiting")
    expect(pagina.locator(".md-search-result__meta")).to_have_text(re.compile(r"^\d+ overeenkomend"))
    pagina.goto(basis)


def test_niets_gevonden_en_niets_dichtbij_dan_de_objecttypen(pagina, basis):
    """Nothing found and nothing close: the pages per object type, not a dead end."""
    assert zoek(pagina, "qqxyzzyq", basis) == []
    getoond = regels(pagina, basis)
    assert [pad for pad, _, _ in getoond] == ["woningen/", "bedrijfspanden/", "voertuigen/"]
    assert all("Niets gevonden" in tekst for _, tekst, _ in getoond)


@pytest.mark.parametrize("vraag, anker, tekst, niet", [
    ("B-H-07.1c", "bedrijfspanden/dreiging/#b-h-07.1c", "intrekking horeca", "Cameratoezicht"),  # a sub-item
    ("vd 4.3", "voertuigen/direct/#v-d-04.3", "Schade onderzoek voertuig", "Politie stelt bewijs veilig"),
])
def test_handelingcode_opent_bij_de_handeling(pagina, basis, vraag, anker, tekst, niet):
    """A handeling's code, however typed, puts its handeling first, shows its text (a sub-item with
    its handeling) and not the other handelingen of the actie; the link opens at the handeling."""
    assert zoek(pagina, vraag, basis)[0] == anker
    resultaat = pagina.locator(".md-search-result__item").first.locator("article").nth(1)
    assert tekst in resultaat.inner_text() and niet not in resultaat.inner_text()
    id_ = anker.split("#")[1]
    assert resultaat.locator("h2").inner_text().startswith(id_[:5].upper() + id_[5:])  # B-H-07.1c
    pagina.locator(".md-search-result__item").first.locator("a").nth(1).click()
    expect(pagina).to_have_url(re.compile(re.escape("#" + id_) + "$"))
    expect(pagina.locator(f"[id='{id_}']")).to_be_in_viewport()
    pagina.goto(basis)


@pytest.mark.parametrize("vraag", ["contact", "handelingen", "partners", "website"])
def test_inhoud_boven_paginas_over_de_site(pagina, basis, vraag):
    """Words that pages about the site (over, toegankelijkheid, downloads) share with the kader: the
    kader's content comes first, every page about the site after it (and a word only they hold
    still finds them)."""
    resultaten = zoek(pagina, vraag, basis)
    over = [i for i, r in enumerate(resultaten) if OVER_DE_SITE.match(r)]
    inhoud = [i for i, r in enumerate(resultaten) if not OVER_DE_SITE.match(r)]
    assert resultaten and (not inhoud or not over or max(inhoud) < min(over)), resultaten


def test_code_en_titel_boven_tekst(pagina, basis):
    """A word in an actie's title puts that actie above those that only have it in their text."""
    resultaten = zoek(pagina, "slachtofferhulp", basis)
    assert re.match(r"(woningen|bedrijfspanden|voertuigen)/(dreiging|nazorg)/#[wbv]-[hn]-0[14]$", resultaten[0]), resultaten


# --- the same from the file-share bundle and under the intranet's Content-Security-Policy -------------

ZOEKVRAGEN = [("driehoeksafstemming", "#w-d-05"), ("B-H-07.1c", "#b-h-07.1c"), ("pandsliutign", "pandsluiting")]


def _klassen(pagina, basis):
    """The kinds above, briefly: a compound typed as one word, a handeling code, "Bedoelde u"."""
    for vraag, verwacht in ZOEKVRAGEN:
        assert any(verwacht in r for r in zoek(pagina, vraag, basis)[:TOP]), vraag
    assert regels(pagina, basis)[0][1].strip() == "Bedoelde u: pandsluiting?"


@pytest.fixture(scope="module")
def uitgepakt(publicatie, tmp_path_factory):
    """The file-share bundle, unpacked."""
    [zip_] = (publicatie / "dist").glob("*-offline.zip")
    doel = tmp_path_factory.mktemp("share")
    with zipfile.ZipFile(zip_) as archief:
        archief.extractall(doel)
    return doel / zip_.stem


def test_offline_vanaf_een_map(browser, uitgepakt):
    """file:// (no server, the worker in an iframe): the same kinds of queries, and "Bedoelde u"
    opens the start page's file with the search."""
    context = browser.new_context(locale="nl-NL")
    pagina = context.new_page()
    basis = uitgepakt.as_uri() + "/"
    pagina.goto(basis + "index.html")
    _klassen(pagina, basis)
    href = pagina.locator(".md-search-result__list > li").first.locator("a").first.get_attribute("href")
    assert urlsplit(href).path.endswith("/index.html") and "q=pandsluiting" in href
    context.close()


def _csp() -> str:
    """The Content-Security-Policy of deploy/ as nginx sends it."""
    tekst = (ROOT / "deploy/beveiliging.conf").read_text(encoding="utf-8")
    return re.search(r'add_header Content-Security-Policy "([^"]+)"', tekst).group(1)


class _MetCsp(http.server.SimpleHTTPRequestHandler):
    def end_headers(self):
        self.send_header("Content-Security-Policy", _csp())
        self.send_header("X-Content-Type-Options", "nosniff")
        super().end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def csp_basis(site, tmp_path_factory):
    """The site served with the strict Content-Security-Policy, under a sub-path."""
    werkmap = tmp_path_factory.mktemp("csp")
    (werkmap / "kader").symlink_to(site, target_is_directory=True)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_MetCsp, directory=str(werkmap)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/kader/"
    server.shutdown()


def test_onder_strikte_csp(browser, csp_basis):
    """Under deploy/'s Content-Security-Policy: the kader's extension loads with the whole index (a
    script of the site itself), the same kinds of queries work, and nothing is refused."""
    context = browser.new_context(locale="nl-NL")
    context.add_init_script("""window.__csp = [];
        document.addEventListener("securitypolicyviolation", e => window.__csp.push(e.violatedDirective + " " + e.blockedURI))""")
    geladen: list[str] = []
    context.on("requestfinished", lambda r: geladen.append(unquote(urlsplit(r.url).path)))
    pagina = context.new_page()
    fouten: list[str] = []
    pagina.on("console", lambda m: m.type in ("error", "warning") and fouten.append(m.text))
    pagina.goto(csp_basis + "woningen/direct/")
    _klassen(pagina, csp_basis)
    assert any(re.search(r"/workers/zoekuitbreiding\.[0-9a-f]{8}\.min\.js$", p) for p in geladen), geladen
    assert pagina.evaluate("window.__csp") == [] and fouten == []
    context.close()
