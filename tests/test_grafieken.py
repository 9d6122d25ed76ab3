"""The Cijfers charts can be read: they fill the text column, their text is at least 12 CSS px on a
desktop and on a phone, no label overlaps another, and on a phone (390 px) the chart fits the screen:
nothing cut at the right edge, nothing to scroll sideways."""
from __future__ import annotations

import pytest


METEN = """svg => [...svg.querySelectorAll('text')].map(t => {
  const r = t.getBoundingClientRect();
  return {tekst: t.textContent, px: parseFloat(t.getAttribute('font-size')) * t.getScreenCTM().a,
          x0: r.left, y0: r.top, x1: r.right, y1: r.bottom};
})"""


def _overlappen(a: dict, b: dict) -> bool:
    return a["x0"] < b["x1"] - 0.5 and b["x0"] < a["x1"] - 0.5 and a["y0"] < b["y1"] - 0.5 and b["y0"] < a["y1"] - 0.5


@pytest.mark.parametrize("breedte", [1366, 390])
def test_grafieken_leesbaar_en_zonder_overlap(basis, browser, breedte):
    pagina = browser.new_page(viewport={"width": breedte, "height": 900})
    pagina.goto(basis + "cijfers/")
    grafieken = pagina.locator("figure.grafiek svg >> visible=true")
    assert grafieken.count() >= 5
    for i in range(grafieken.count()):
        svg = grafieken.nth(i)
        svg.scroll_into_view_if_needed()
        vak = svg.bounding_box()
        assert vak["width"] >= min(600, breedte - 60), vak  # not the 300 x 150 of an SVG without size
        teksten = svg.evaluate(METEN)
        assert teksten
        klein = [(t["tekst"], round(t["px"], 1)) for t in teksten if t["px"] < 12]
        assert klein == []
        for j, a in enumerate(teksten):
            for b in teksten[j + 1:]:
                assert not _overlappen(a, b), (a["tekst"], b["tekst"])
        kader = svg.locator("xpath=..")
        bereik = kader.evaluate("k => [k.scrollWidth, k.clientWidth]")
        assert bereik[0] >= vak["width"] - 1  # all of it reachable by scrolling
        if breedte < 600:  # a phone: all of it in view, every text inside the chart
            assert bereik[0] <= bereik[1] and vak["x"] >= 0 and vak["x"] + vak["width"] <= breedte, (bereik, vak)
            buiten = [t["tekst"] for t in teksten if t["x0"] < vak["x"] - 0.5 or t["x1"] > vak["x"] + vak["width"] + 0.5]
            assert buiten == []
    pagina.close()
