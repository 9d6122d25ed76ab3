"""A page per object type and phase printed from the browser (Chromium, A4), with the checklist off
and on: no actie is cut in two across pages, and the printout does not end with a page that holds
only the codes legend or the edition line. Read back from the PDF Chromium makes."""
from __future__ import annotations

import re

import pdfplumber
import pytest
from playwright.sync_api import expect

from ruwe_yaml import acties

PAGINAS = sorted({f"{a.objecttype}/{a.fase}/" for a in acties()})


def _plat(tekst: str) -> str:
    return re.sub(r"\s+", "", tekst)


def _pagina_teksten(pagina, pad) -> list[str]:
    pagina.emulate_media(media="print")
    pagina.pdf(path=str(pad), format="A4")
    with pdfplumber.open(pad) as pdf:
        return [_plat(p.extract_text() or "") for p in pdf.pages]


def _gesplitst(teksten: list[str], pad: str) -> list[str]:
    """The acties of the page whose first and last line are not on the page of their code."""
    fouten = []
    for actie in [a for a in acties() if f"{a.objecttype}/{a.fase}/" == pad]:
        regels = [r.tekst for r in actie.regels]
        kop = [i for i, t in enumerate(teksten) if _plat(actie.code) + _plat(actie.titel)[:20] in t]
        for regel in regels[:1] + regels[-1:]:
            plekken = [i for i, t in enumerate(teksten) if _plat(regel)[-30:] in t]
            if not kop or kop[0] not in plekken:
                fouten.append(f"{actie.code} (kop op {kop}, regel {regel[:30]!r} op {plekken})")
    return fouten


@pytest.mark.parametrize("checklijst", [False, True], ids=["gewoon", "checklijst"])
def test_geen_actie_over_twee_paginas(browser, basis, tmp_path, checklijst):
    context = browser.new_context(locale="nl-NL")
    fouten = []
    for pad in PAGINAS:
        pagina = context.new_page()
        pagina.goto(basis + pad)
        if checklijst:
            knop = pagina.get_by_role("button", name="Checklijst gebruiken")
            knop.click()
            expect(knop).to_have_attribute("aria-pressed", "true")
        teksten = _pagina_teksten(pagina, tmp_path / f"{pad.replace('/', '-')}{checklijst}.pdf")
        fouten += [f"{pad}: {f}" for f in _gesplitst(teksten, pad)]
        if not re.search(r"[WBV]-[PDHN]-\d\d", teksten[-1]):
            fouten.append(f"{pad}: de laatste pagina heeft geen actie ({teksten[-1][:60]!r})")
        pagina.close()
    context.close()
    assert not fouten, "\n".join(fouten)
