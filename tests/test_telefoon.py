"""The pages per object type and phase on a phone (390 px wide) in Chromium: no heading grows a line
for its hidden permalink sign, a row of actie codes jumps to each actie (with a thumb and for a screen
reader), and the checklist switch shows its state in words as well as to assistive technology."""
from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import expect

from ruwe_yaml import acties

TELEFOON = {"width": 390, "height": 844}
PAGINAS = sorted({f"{a.objecttype}/{a.fase}/" for a in acties()})

# The height a heading's text takes, the heading's own height (padding excluded) and its line height.
HOOGTES = """() => [...document.querySelectorAll('h2.actie')].map(h => {
  const r = document.createRange();
  r.setStartBefore(h.firstChild);
  r.setEndBefore(h.querySelector('.headerlink'));
  const s = getComputedStyle(h);
  return [h.id, Math.round(r.getBoundingClientRect().height),
          Math.round(h.clientHeight - parseFloat(s.paddingTop) - parseFloat(s.paddingBottom)),
          parseFloat(s.lineHeight)];
})"""


@pytest.fixture(scope="module")
def telefoon(browser):
    context = browser.new_context(viewport=TELEFOON, is_mobile=True, has_touch=True, locale="nl-NL",
                                  timezone_id="Europe/Amsterdam")
    yield context
    context.close()


def test_geen_lege_regel_onder_een_kop(telefoon, basis):
    pagina = telefoon.new_page()
    te_hoog = []
    for pad in PAGINAS:
        pagina.goto(basis + pad)
        te_hoog += [f"{pad}#{i}: tekst {t}px, kop {k}px" for i, t, k, regel in pagina.evaluate(HOOGTES)
                    if k - t > regel / 2]  # a line more than its text needs
    assert not te_hoog, "\n".join(te_hoog)


def test_naar_elke_actie_met_een_duim(telefoon, basis):
    pagina = telefoon.new_page()
    pagina.goto(basis + "woningen/direct/")
    sprong = pagina.get_by_role("navigation", name="Naar een actie op deze pagina")
    codes = [a.code for a in acties() if (a.objecttype, a.fase) == ("woningen", "direct")]
    links = sprong.get_by_role("link")
    assert links.count() == len(codes)
    for i, code in enumerate(codes):
        link = links.nth(i)
        assert code in link.inner_text()
        titel = next(a.titel for a in acties() if a.code == code)
        assert code in link.evaluate("a => a.textContent") and titel in link.evaluate("a => a.textContent")
        vak = link.bounding_box()
        assert vak["height"] >= 44 and vak["width"] >= 44, (code, vak)
    links.nth(len(codes) - 1).tap()
    doel = pagina.locator(f"h2[id='{codes[-1].lower()}']")
    expect(doel).to_be_in_viewport()
    assert pagina.evaluate("location.hash") == f"#{codes[-1].lower()}"


def test_schakelaar_zegt_zijn_stand_en_datum_begint_vandaag(telefoon, basis):
    pagina = telefoon.new_page()
    pagina.clock.set_fixed_time(datetime(2025, 11, 12, 3, 12, tzinfo=ZoneInfo("Europe/Amsterdam")))
    pagina.goto(basis + "woningen/direct/")
    knop = pagina.get_by_role("button", name="Checklijst gebruiken", exact=True)
    expect(knop).to_have_attribute("aria-pressed", "false")
    expect(knop).to_contain_text("Uit")
    knop.click()
    expect(knop).to_have_attribute("aria-pressed", "true")
    expect(knop).to_contain_text("Aan")
    datum = pagina.get_by_label("Datum", exact=True)
    expect(datum).to_have_value("2025-11-12")
    datum.fill("2025-11-11")  # editable
    pagina.reload()
    expect(pagina.get_by_label("Datum", exact=True)).to_have_value("2025-11-11")


def test_fasepagina_wijst_naar_haar_pagina_en_kaart_op_papier(site):
    """Each page links to its own page of the Overzicht and its pocket card: the PDF exists and the
    named destination opens at a page that holds the first actie of that object type and phase."""
    import pikepdf
    from lxml import html
    from pypdf import PdfReader
    for pad in PAGINAS:
        boom = html.fromstring((site / pad / "index.html").read_bytes())
        links = boom.xpath("//p[@class='op-papier']/a/@href")
        assert len(links) == 2, pad
        eerste = next(a.code for a in acties() if f"{a.objecttype}/{a.fase}/" == pad)
        for link in links:
            bestand, _, doel = link.partition("#nameddest=")
            pdf = (site / pad / bestand).resolve()
            assert pdf.is_file(), (pad, link)
            with pikepdf.open(pdf) as document:
                bestemming = pikepdf.NameTree(document.Root.Names.Dests)[doel]
                bestemming = bestemming.D if isinstance(bestemming, pikepdf.Dictionary) else bestemming
                nummer = next(i for i, p in enumerate(document.pages) if p.obj.objgen == bestemming[0].objgen)
            tekst = PdfReader(pdf).pages[nummer].extract_text()
            assert eerste in tekst, (pad, link, nummer)
