"""The menu as readers use it: every tab opens a page whose title is the tab's name (an overview for
the reference tabs, never one of their children), and Partners is found by name in the menu on a phone."""
from __future__ import annotations


KOPTEKST = "h => [...h.childNodes].filter(n => !n.classList?.contains('headerlink')).map(n => n.textContent).join('').trim()"


def test_elk_tabblad_opent_een_pagina_met_zijn_naam(basis, browser):
    pagina = browser.new_page(viewport={"width": 1366, "height": 900})
    pagina.goto(basis)
    tabs = pagina.locator("a.md-tabs__link").evaluate_all("as => as.map(a => [a.textContent.trim(), a.href])")
    assert len(tabs) >= 8
    for naam, href in tabs:
        pagina.goto(basis)
        pagina.locator("a.md-tabs__link", has_text=naam).first.click()
        pagina.wait_for_load_state()
        assert pagina.url == href
        assert pagina.title().startswith(f"{naam} - "), (naam, pagina.title())
        kop = pagina.locator("main h1").first.evaluate(KOPTEKST)
        if href.rstrip("/") != basis.rstrip("/"):  # the home page's heading is the kader's name
            assert kop == naam, (naam, kop)
        kinderen = pagina.locator("main li a").count()
        assert kinderen >= 2, f"{naam}: geen overzicht"


def test_partners_op_naam_te_vinden_in_het_menu_op_een_telefoon(basis, browser):
    pagina = browser.new_page(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    pagina.goto(basis)
    pagina.locator("header label[for='__drawer']").click()
    menu = pagina.locator("nav.md-nav--primary")
    menu.locator(".md-nav__container", has_text="Naslag").locator("label").first.click()  # open the section
    menu.get_by_role("link", name="Partners", exact=True).click()
    pagina.wait_for_load_state()
    assert pagina.url == basis + "partners/"
    assert pagina.locator("main h1").first.evaluate(KOPTEKST) == "Partners"
