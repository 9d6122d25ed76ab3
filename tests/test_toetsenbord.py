"""What the toegankelijkheidsverklaring promises about abbreviations holds: with the keyboard alone a
reader reaches an abbreviation and sees its meaning."""
from __future__ import annotations

from html_site import lees


def test_afkorting_met_toetsenbord_bereikbaar_en_uitgelegd(basis, site, browser):
    verklaring = lees(site / "toegankelijkheid/index.html").text_content()
    assert "met het toetsenbord" in verklaring and "Afkortingen" in verklaring
    pagina = browser.new_page(viewport={"width": 1366, "height": 900})
    pagina.goto(basis + "woningen/preventie/")
    betekenis = pagina.locator("main abbr").first.get_attribute("title")
    for _ in range(80):
        pagina.keyboard.press("Tab")
        if pagina.evaluate("document.activeElement.tagName") == "ABBR":
            break
    else:
        raise AssertionError("geen afkorting bereikt met Tab")
    pagina.wait_for_function("""t => [...document.querySelectorAll('.md-tooltip2--active')]
        .some(e => e.textContent.includes(t) && getComputedStyle(e).opacity === '1')""", arg=betekenis, timeout=5000)
