"""Phase pages printed from the browser (Chromium, A4), read back from the PDF Chromium makes: which
acties are cut in two across pages, and whether the printout ends with a page without an actie (only
the codes legend or the edition line)."""
from __future__ import annotations

import re
from pathlib import Path

import fitz
from playwright.sync_api import expect


def _plat(tekst: str) -> str:
    return re.sub(r"\s+", "", tekst)


def _pagina_teksten(pagina, pad: Path) -> list[str]:
    pagina.emulate_media(media="print")
    pagina.pdf(path=str(pad), format="A4")
    with fitz.open(pad) as pdf:
        return [_plat(p.get_text(sort=True)) for p in pdf]


def _gesplitst(teksten: list[str], acties: list[tuple[str, str, list[str]]]) -> list[str]:
    """The acties (code, title, lines) whose first or last line is not on the page of their code."""
    fouten = []
    for code, titel, regels in acties:
        kop = [i for i, t in enumerate(teksten) if _plat(code) + _plat(titel)[:20] in t]
        for regel in regels[:1] + regels[-1:]:
            plekken = [i for i, t in enumerate(teksten) if _plat(regel)[-30:] in t]
            if not kop or kop[0] not in plekken:
                fouten.append(f"{code} (kop op {kop}, regel {regel[:30]!r} op {plekken})")
    return fouten


def afdrukfouten(browser, basis: str, paginas: dict[str, list[tuple[str, str, list[str]]]], checklijst: bool,
                 map_: Path) -> list[str]:
    """Print every page (its path under `basis`: its acties as code, title and lines in order), with
    the checklist switched on or not; what is wrong, per page."""
    context = browser.new_context(locale="nl-NL")
    fouten = []
    for pad, acties in paginas.items():
        pagina = context.new_page()
        pagina.goto(basis + pad)
        if checklijst:
            knop = pagina.get_by_role("button", name="Checklijst gebruiken")
            knop.click()
            expect(knop).to_have_attribute("aria-pressed", "true")
        teksten = _pagina_teksten(pagina, map_ / f"{pad.replace('/', '-')}{checklijst}.pdf")
        fouten += [f"{pad}: {f}" for f in _gesplitst(teksten, acties)]
        if not re.search(r"[WBV]-[PDHN]-\d\d", teksten[-1]):
            fouten.append(f"{pad}: de laatste pagina heeft geen actie ({teksten[-1][:60]!r})")
        pagina.close()
    context.close()
    return fouten
