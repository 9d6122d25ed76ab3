"""Everything from data is inert: HTML, scripts, Jinja, Markdown links to javascript:, abbreviation
syntax and HTML comments in data are shown as the text they are, in the pages (checked in Chromium,
also in the search results), the search index, the JSON and the PDFs; a 1,900-character word wraps
instead of overflowing; invisible bidi and zero-width characters are refused by the loader; an
abbreviation that is a common word or holds regex characters breaks nothing."""
from __future__ import annotations

import json
import shutil

import pdfplumber
import pytest
import yaml

from conftest import ROOT, kopie_project, mkdocs_build
from gelijkheid import plat
from macros.gegevens.laden import laad
from macros.gegevens.yamlbestand import DataFout
from macros.zoeken.uitstel import volledige_index
from webserver import serveer
from zoekproef import zoek

LANG_WOORD = "Explosie" + "x" * 1892  # 1,900 characters without a break opportunity (texts: at most 2,000)
AANVALLEN = [
    "Meld <script>window.__gehackt = 1</script> direct",
    'Toon <img src="x" onerror="window.__gehackt = 2"> plaatje',
    "Reken {{ 7*7 }} en {% raw %} uit",
    "Klik [hier](javascript:window.__gehackt=3) nu",
    "*[ABC]: geen afkorting",
    "Lees <!-- verborgen commentaar --> verder",
    f"Woord {LANG_WOORD} einde",
]
ZICHTBAAR = [plat(t) for t in AANVALLEN]  # the texts as a reader must see them


@pytest.fixture(scope="module")
def vijandig(tmp_path_factory):
    """A copy of the project with hostile texts in the first handelingen of W-P and an actie title,
    and abbreviations that are a common word and hold regex characters; built whole (site and PDFs)."""
    werk = tmp_path_factory.mktemp("vijandig")
    project = kopie_project(werk / "project")
    bestand = project / "data/acties/woningen.yaml"
    inhoud = yaml.safe_load(bestand.read_text(encoding="utf-8"))
    handelingen = [h for actie in inhoud["fasen"][0]["acties"] for h in actie.get("handelingen", [])]
    for handeling, aanval in zip(handelingen, AANVALLEN):
        handeling["tekst"] = aanval
    inhoud["fasen"][0]["acties"][0]["titel"] = "TITEL <b>VET</b> {{ 6*7 }}"
    bestand.write_text(yaml.safe_dump(inhoud, allow_unicode=True, sort_keys=False), encoding="utf-8")
    afkortingen = project / "data/afkortingen.yaml"
    lijst = yaml.safe_load(afkortingen.read_text(encoding="utf-8"))
    sleutel = next(k for k, v in lijst.items() if isinstance(v, list))
    voorbeeld = dict(lijst[sleutel][0])
    for afkorting, betekenis in [("de", "een gewoon woord"), ("C++ (x)*", "regex-tekens [a-z]+ $1 \\1")]:
        lijst[sleutel].append({**voorbeeld, "afkorting": afkorting, "betekenis": betekenis})
    afkortingen.write_text(yaml.safe_dump(lijst, allow_unicode=True, sort_keys=False), encoding="utf-8")
    site = werk / "site"
    uitkomst = mkdocs_build(project, site)
    assert uitkomst.returncode == 0, uitkomst.stderr[-3000:]
    return site


def test_pagina_toont_de_tekst_en_voert_niets_uit(vijandig, browser, tmp_path):
    meldingen = []
    with serveer(vijandig, "intranet/kader", tmp_path) as basis:
        for breedte in (1366, 390):
            pagina = browser.new_page(viewport={"width": breedte, "height": 900})
            pagina.on("dialog", lambda d: (meldingen.append(d.message), d.dismiss()))
            pagina.goto(basis + "woningen/preventie/")
            assert pagina.evaluate("window.__gehackt") is None
            assert pagina.locator("main img[src='x'], main a[href^='javascript:'], main script:not([src])").count() == 0
            tekst = plat(pagina.locator("main").inner_text())
            for zichtbaar in ZICHTBAAR[:-1]:
                assert zichtbaar in tekst, zichtbaar
            assert "TITEL <b>VET</b> {{ 6*7 }}" in tekst and "42" not in tekst and "49" not in tekst
            assert pagina.evaluate("document.documentElement.scrollWidth") <= breedte  # the long word wraps
            gevonden = zoek(pagina, "plaatje")
            assert gevonden and pagina.evaluate("window.__gehackt") is None
            assert pagina.locator(".md-search-result img[src='x']").count() == 0
            pagina.close()
    assert meldingen == []


def test_zoekindex_en_json_bewaren_de_tekst_als_tekst(vijandig):
    index = json.loads(volledige_index(vijandig).read_text(encoding="utf-8"))
    teksten = " ".join(d["text"] + " " + d["title"] for d in index["docs"])
    assert "<script" not in teksten and "<img" not in teksten and "&lt;script&gt;" in teksten
    data = json.loads((vijandig / "downloads/handelingskader.json").read_text(encoding="utf-8"))
    alles = json.dumps(data, ensure_ascii=False)
    for aanval in AANVALLEN:
        assert json.dumps(aanval, ensure_ascii=False) in alles


@pytest.mark.parametrize("naam", ["overzicht-acties.pdf", "zakkaarten-a6.pdf", "zakkaarten-a4.pdf"])
def test_pdf_toont_de_tekst_en_het_lange_woord_blijft_binnen_de_pagina(vijandig, naam):
    with pdfplumber.open(vijandig / "downloads" / naam) as document:
        tekst = plat(" ".join((p.extract_text() or "") for p in document.pages)).replace("- ", "-")
        for pagina in document.pages:
            x0, boven, x1, onder = pagina.bbox
            for teken in pagina.chars:
                assert x0 <= teken["x0"] and teken["x1"] <= x1 and boven <= teken["top"] and teken["bottom"] <= onder
    for zichtbaar in ZICHTBAAR[:-1]:
        assert zichtbaar.replace(" ", "") in tekst.replace(" ", ""), (naam, zichtbaar)
    assert "x" * 200 in tekst.replace(" ", "")


@pytest.mark.parametrize("teken", ["\u202e", "\u2066", "\u200b", "\u200d", "\u2060", "\ufeff"])
def test_onzichtbare_tekens_worden_geweigerd(tmp_path, teken):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    bestand = data / "partners.yaml"
    tekst = bestand.read_text(encoding="utf-8")
    plaats = tekst.index("naam: ") + len("naam: ") + 2
    bestand.write_text(tekst[:plaats] + teken + tekst[plaats:], encoding="utf-8")
    regel = tekst[:plaats].count("\n") + 1
    kolom = plaats - tekst.rfind("\n", 0, plaats)
    with pytest.raises(DataFout) as fout:
        laad(data)
    [melding] = [str(m) for m in fout.value.meldingen]
    assert melding.startswith(f"data/partners.yaml:{regel}:{kolom}: onzichtbaar teken U+{ord(teken):04X}")
