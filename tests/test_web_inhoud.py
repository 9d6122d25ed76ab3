"""The built website lists every actie and handeling of the data, and every link and anchor resolves."""
from __future__ import annotations

import json
import re

import pytest

from conftest import ROOT, SITE_URL, kopie_project, mkdocs_build
from html_site import acties_op_pagina, doel_van, html_bestanden, lees, normaliseer
from ruwe_yaml import acties, volgorde


@pytest.fixture(scope="module")
def bomen(site):
    return {pad: lees(pad) for pad in html_bestanden(site)}


def test_elke_actie_en_handeling_op_zijn_pagina_in_volgorde(site):
    """Expected from the raw YAML (ruwe_yaml), not from the model that built the pages."""
    for objecttype in volgorde("objecttypen.yaml", "objecttypen"):
        for fase in volgorde("fasen.yaml", "fasen"):
            boom = lees(site / objecttype["id"] / fase["id"] / "index.html")
            verwacht = [(a.code.lower(), f"{a.code} {normaliseer(a.titel)}", [normaliseer(r.tekst) for r in a.regels])
                        for a in acties() if (a.objecttype, a.fase) == (objecttype["id"], fase["id"])]
            assert acties_op_pagina(boom) == verwacht, (objecttype["id"], fase["id"])


def test_interne_links_en_ankers_kloppen(site, bomen):
    ids = {pad: set(boom.xpath("//@id")) for pad, boom in bomen.items()}
    kapot = []
    for pad, boom in bomen.items():
        if pad == site / "404.html":  # served for any address, so mkdocs makes its links absolute
            continue
        for element, _attr, href, _pos in boom.iterlinks():
            if element.tag not in ("a", "link", "script", "img") or href.startswith("data:"):
                continue
            doel = doel_van(site, pad, href)
            if doel is None:
                continue
            bestand, anker = doel
            if not bestand.exists():
                kapot.append(f"{pad.relative_to(site)}: {href} (bestand ontbreekt)")
            elif anker and bestand.suffix == ".html" and anker not in ids.get(bestand, set()):
                kapot.append(f"{pad.relative_to(site)}: {href} (anker ontbreekt)")
    assert kapot == []


def test_json_urls_wijzen_naar_precies_die_actie(site, kader):
    export = json.loads((site / "downloads/handelingskader.json").read_text(encoding="utf-8"))
    for objecttype in export["objecttypen"]:
        for fase in objecttype["fasen"]:
            for actie in fase["acties"]:
                assert actie["url"].startswith(SITE_URL), actie["url"]  # absolute: the site address is known
                pagina, _, anker = actie["url"].removeprefix(SITE_URL).partition("#")
                bestand = site / pagina / "index.html"
                assert bestand.exists(), actie["url"]
                secties = {a: (titel, teksten) for a, titel, teksten in acties_op_pagina(lees(bestand))}
                assert anker in secties, actie["url"]
                verwacht = [normaliseer(t) for h in actie["handelingen"] for t in [h["tekst"]] + [s["tekst"] for s in h["sub"]]]
                assert secties[anker] == (f"{actie['code']} {normaliseer(actie['titel'])}", verwacht)


def test_instrumentpagina_met_grondslag_en_wettekst(site):
    boom = lees(site / "instrumenten/pandsluiting/index.html")
    assert "artikel 174a Gemeentewet" in boom.text_content()
    assert boom.xpath("//a[starts-with(@href, 'https://wetten.overheid.nl/')]")


def test_geen_data_als_markup(tmp_path):
    """Text from data is escaped: Markdown or HTML in a handeling is shown as text, not interpreted.
    The one link is the bare web address in it, its text the address (addresses in free text are
    links, macros/sjablonen.py); the Markdown link around it stays text."""
    project = kopie_project(tmp_path / "project")
    bestand = project / "data/acties/woningen.yaml"
    tekst = bestand.read_text(encoding="utf-8").replace(
        "tekst: Signaleer risicofactoren vroegtijdig.",
        "tekst: \"Signaleer *vroeg* <script>alert(1)</script> [link](http://example.org) {{ config }} | # _x_\"", 1)
    bestand.write_text(tekst, encoding="utf-8")
    uitkomst = mkdocs_build(project, tmp_path / "site", KADER_ZONDER_PDF="1")  # the pages only
    assert uitkomst.returncode == 0, uitkomst.stderr
    boom = lees(tmp_path / "site/woningen/preventie/index.html")
    [span] = boom.xpath("//span[@id='w-p-04.1']")
    assert normaliseer(span.text_content()) == \
        "Signaleer *vroeg* <script>alert(1)</script> [link](http://example.org) {{ config }} | # _x_"
    assert not span.xpath(".//script|.//em")
    assert [(a.text_content(), a.get("href")) for a in span.iter("a")] == [("http://example.org", "http://example.org")]


def test_geen_externe_adressen_in_de_html(bomen, site):
    extern = [f"{p.relative_to(site)}: {u}" for p, b in bomen.items()
              for u in b.xpath("//script/@src|//link[not(@rel='canonical')]/@href|//img/@src|//iframe/@src"
                               "|//source/@src")
              if u.startswith(("http:", "https:", "//"))]
    assert extern == []


ENGELS = re.compile(r"\b(Permanent link|Header|Footer|Tabs|Home|Not found|Search|Skip to content|Back to top|"
                    r"Table of contents|Previous|Next|Copy to clipboard|Navigation|Clear|Share)\b")


def test_geen_engelse_woorden_in_de_interface(bomen, site):
    """The interface is Dutch: visible text, the page title and the title, aria-label, alt and
    placeholder attributes of every page, and the search's texts in the theme configuration."""
    gevonden = set()
    for pad, boom in bomen.items():
        teksten = [boom.findtext(".//title") or "", *boom.xpath("//body//text()[not(ancestor::script)]"),
                   *boom.xpath("//@title|//@aria-label|//@alt|//@placeholder")]
        gevonden |= {(str(pad.relative_to(site)), m.group()) for t in teksten for m in ENGELS.finditer(t)}
        for config in boom.xpath("//script[@id='__config']/text()"):
            vertalingen = json.loads(config)["translations"]
            assert vertalingen["search.result.one"] == "1 overeenkomend document"
    assert sorted(gevonden)[:10] == []


def test_webfonts_bevatten_elk_teken_van_de_paginas_en_niet_meer(site, bomen):
    """The fonts are cut to the site's characters (macros/web/lettertypen.py): every character a page
    shows is still in each font, and the files are a fraction of the project's full fonts."""
    from fontTools.ttLib import TTFont
    getoond = {ord(t) for boom in bomen.values() for t in boom.text_content() if not t.isspace()}
    for lettertype in sorted((site / "assets/fonts").glob("*.woff2")):
        tekens = set(TTFont(lettertype).getBestCmap())
        volledig = set(TTFont(ROOT / "overrides/assets/fonts" / lettertype.name).getBestCmap())
        ontbreekt = {chr(t) for t in getoond - tekens if t in volledig}
        assert ontbreekt == set(), (lettertype.name, ontbreekt)
        assert lettertype.stat().st_size < (ROOT / "overrides/assets/fonts" / lettertype.name).stat().st_size / 3


def test_webfonts_houden_namen_licentie_en_opmaakkenmerken(site, publicatie):
    """A cut font is still the same font for a browser and for its licence: the font's own name records
    (family, copyright, the OFL's licence text and address), kerning and the other layout features
    the site uses, a visible .notdef; the offline site gets the same files."""
    from fontTools.pens.boundsPen import BoundsPen
    from fontTools.ttLib import TTFont
    # what browsers apply by default (kerning, ligatures, contextual forms, marks, local forms) and
    # what kader.css asks for (font-variant-numeric: tabular-nums)
    gebruikt = {"kern", "liga", "calt", "clig", "rlig", "ccmp", "locl", "mark", "mkmk", "tnum"}
    for lettertype in sorted((site / "assets/fonts").glob("*.woff2")):
        volledig, gesneden = TTFont(ROOT / "overrides/assets/fonts" / lettertype.name), TTFont(lettertype)
        namen = {(n.nameID, n.platformID, n.langID, n.toUnicode()) for n in volledig["name"].names
                 if n.nameID < 256 and n.isUnicode()}
        assert {(n.nameID, n.platformID, n.langID, n.toUnicode()) for n in gesneden["name"].names} >= namen
        assert {0, 1, 2, 13, 14} <= {n.nameID for n in gesneden["name"].names}
        for tabel in ("GSUB", "GPOS"):
            kenmerken = {f.FeatureTag for f in gesneden[tabel].table.FeatureList.FeatureRecord}
            bron = {f.FeatureTag for f in volledig[tabel].table.FeatureList.FeatureRecord}
            # nothing else is kept; kerning, contextual forms and tabular figures always are (the
            # subsetter drops a feature left without glyphs to act on, such as ccmp here)
            assert kenmerken <= gebruikt and kenmerken >= {"kern", "calt", "tnum"} & bron, (tabel, kenmerken)
        pen = BoundsPen(gesneden.getGlyphSet())
        gesneden.getGlyphSet()[".notdef"].draw(pen)
        assert pen.bounds is not None  # a missing character shows as a box, not as nothing
        assert (publicatie / "offline/assets/fonts" / lettertype.name).read_bytes() == lettertype.read_bytes()
