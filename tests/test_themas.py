"""The theme comparison tables show every column: side by side on a desktop (1366 px), and on a phone
(390 px) still every column within the screen, readable, without scrolling the page sideways."""
from __future__ import annotations

import pytest


METEN = """() => { const t = document.querySelector('main .vergelijking table'); if (!t) return null;
  const kaders = [t, ...[...t.querySelectorAll('th, td')]].map(e => e.getBoundingClientRect());
  return {rechts: Math.max(...kaders.map(k => k.right)), links: Math.min(...kaders.map(k => k.left)),
          kolommen: t.querySelectorAll('thead th').length,
          leeg: kaders.filter(k => k.width < 10 || k.height < 10).length,
          scroll: (t.closest('.md-typeset__scrollwrap') || t.parentElement).scrollWidth
                  - (t.closest('.md-typeset__scrollwrap') || t.parentElement).clientWidth,
          pagina: document.documentElement.scrollWidth}; }"""


@pytest.mark.parametrize("breedte", [1366, 390])
def test_themavergelijking_toont_elke_kolom(basis, site, browser, breedte):
    themas = sorted(p.parent.name for p in (site / "themas").glob("*/index.html"))
    gemeten = 0
    pagina = browser.new_page(viewport={"width": breedte, "height": 900})
    for thema in themas:
        pagina.goto(basis + f"themas/{thema}/")
        maat = pagina.evaluate(METEN)
        if maat is None:
            continue
        gemeten += 1
        assert maat["scroll"] <= 1 and maat["pagina"] <= breedte, (thema, maat)
        assert maat["links"] >= 0 and maat["rechts"] <= breedte, (thema, maat)
        assert maat["leeg"] == 0, (thema, maat)
    pagina.close()
    assert gemeten >= 20
