"""The website in a real browser (Playwright + Debian's Chromium), served on localhost under a sub-path."""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from wcag import axe_wcag


@pytest.fixture
def pagina(browser):
    context = browser.new_context(locale="nl-NL")
    page = context.new_page()
    yield page
    context.close()


@pytest.mark.parametrize("viewport", [{"width": 1280, "height": 900}, {"width": 375, "height": 740}],
                         ids=["desktop", "telefoon"])
@pytest.mark.parametrize("objecttype,enkelvoud", [("woningen", "woning"), ("bedrijfspanden", "bedrijfspand"),
                                                  ("voertuigen", "voertuig")])
def test_direct_na_een_explosie_in_een_klik(browser, basis, objecttype, enkelvoud, viewport):
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    page.goto(basis)
    page.get_by_role("link", name=f"Direct na een explosie bij een {enkelvoud}").click()
    expect(page).to_have_url(f"{basis}{objecttype}/direct/")
    expect(page.locator("h1")).to_contain_text("Direct na een explosie")
    expect(page.locator("h2.actie").first).to_be_visible()
    context.close()




@pytest.fixture(scope="module")
def alle_paginas(site):
    return sorted(str(p.parent.relative_to(site)).replace(".", "") for p in site.rglob("index.html"))


def test_toegankelijkheid_en_privacy_op_elke_pagina(browser, basis, alle_paginas):
    """axe-core: zero WCAG 2.0/2.1 A/AA violations; every request stays on localhost; no cookies."""
    context = browser.new_context()
    verzoeken: list[str] = []
    context.on("request", lambda verzoek: verzoeken.append(verzoek.url))
    page = context.new_page()
    fouten = {}
    for pad in alle_paginas:
        page.goto(basis + (pad + "/" if pad else ""), wait_until="load")  # the requests are counted anyway
        overtredingen = axe_wcag(page)["violations"]
        if overtredingen:  # mkdocs-material's script may still be sizing the sidebars on a busy
            page.wait_for_load_state("networkidle")  # machine: what a reader gets is the settled page
            page.wait_for_timeout(500)
            overtredingen = axe_wcag(page)["violations"]
        if overtredingen:
            fouten[pad or "/"] = [(v["id"], len(v["nodes"]), v["nodes"][0]["target"]) for v in overtredingen]
    koekjes = context.cookies()
    context.close()
    assert fouten == {}
    assert koekjes == []
    extern = [u for u in verzoeken if not u.startswith(("http://127.0.0.1:", "data:", "blob:"))]
    assert len(alle_paginas) > 60 and len(verzoeken) > len(alle_paginas)
    assert extern == []


def test_toetsenbord_skiplink_en_zoeken(pagina, basis):
    pagina.goto(basis + "woningen/direct/")
    pagina.keyboard.press("Tab")
    expect(pagina.locator(":focus")).to_have_attribute("href", "#woningen-direct-na-een-explosie")
    pagina.keyboard.press("/")
    expect(pagina.locator("input.md-search__input")).to_be_focused()


def test_afdrukken_zonder_navigatie_met_codes_en_adres(pagina, basis):
    pagina.goto(basis + "woningen/direct/")
    pagina.emulate_media(media="print")
    expect(pagina.locator(".md-header")).to_be_hidden()
    expect(pagina.locator(".md-sidebar--primary")).to_be_hidden()
    expect(pagina.locator(".md-search")).to_be_hidden()
    expect(pagina.locator(".actiecode").first).to_be_visible()
    expect(pagina.locator(".alleen-print")).to_contain_text("November 2025")
    expect(pagina.locator(".alleen-print")).to_contain_text("woningen/direct/")
    assert pagina.locator("span.handeling").count() == pagina.locator("span.handeling:visible").count() > 20


def test_afkorting_als_tooltip(pagina, basis):
    pagina.goto(basis + "woningen/direct/")
    expect(pagina.locator("abbr[title='Plaats delict']").first).to_have_text("PD")
    assert pagina.evaluate("document.documentElement.lang") == "nl"


def test_themavergelijking_vinkjes_met_tekst_voor_schermlezers(pagina, basis):
    pagina.goto(basis + "themas/bestuurlijke-maatregelen/")
    verborgen = pagina.locator("td .visueel-verborgen").first
    expect(verborgen).to_have_text(re.compile("^(ja|nee)$"))
    assert verborgen.bounding_box()["width"] <= 1  # read aloud, not shown next to the tick
    expect(pagina.locator("td span[aria-hidden='true']").first).to_be_visible()


@pytest.mark.parametrize("viewport", [{"width": 1280, "height": 900}, {"width": 390, "height": 844}],
                         ids=["desktop", "telefoon"])
def test_verwijzingen_zijn_groot_genoeg_om_te_tikken(browser, basis, viewport):
    """Partner and instrument links under a handeling are at least 24 × 24 CSS px (WCAG 2.2, 2.5.8)."""
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    te_klein = []
    for pad in ["woningen/direct/", "bedrijfspanden/dreiging/", "voertuigen/nazorg/", "fasen/direct/"]:
        page.goto(basis + pad)
        maten = page.locator(".verwijzingen a").evaluate_all(
            "els => els.map(e => { const r = e.getBoundingClientRect(); return [e.textContent, r.width, r.height]; })")
        assert maten, pad
        te_klein += [(pad, tekst, b, h) for tekst, b, h in maten if b < 24 or h < 24]
    context.close()
    assert te_klein == []

