"""Editions: freezing an edition, the change list against the previous one (page, Overzicht colophon,
wijzigingen.json), the labels on changed acties, earlier editions as downloads, and the editor's report
with what a change did to print (page count, sides per card, acties on another page or side).

A temporary next edition of a copy of the project carries exactly four changes: one handeling added,
one removed, one reworded and one actie moved; the real data is the first edition (nothing to compare).
"""
from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys

import jsonschema
import pdfplumber
import pytest
import yaml

from conftest import ROOT, SITE_URL, kopie_project, mkdocs_build
from html_site import lees
from macros.edities.archief import Archief
from macros.edities.drukposities import Drukposities, Kaart, lees_drukposities, vergelijk_druk
from macros.edities.verslag import samenvatting
from macros.gegevens.laden import laad
from macros.gegevens.yamlbestand import DataFout
from macros.uitgave.verslag import maak_verslag, schrijf_verslag
from macros.zoeken.uitstel import volledige_index

NIEUW = {"id": "2099-05", "naam": "Mei 2099"}
TOEGEVOEGD = ("W-D-03", "W-D-03.9", "Informeer de wijkagent over de nieuwe situatie.")
VERWIJDERD = "W-D-04.2"
VERWOORD = ("W-D-02.1", "Organiseer zo snel mogelijk een bewonersavond.")
VERPLAATST = "W-D-05"


def _schrijf(pad, data):
    pad.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")


def volgende_editie(project):
    """The four changes and a new edition id in the data of a project copy; returns the old texts."""
    kader = yaml.safe_load((project / "data/kader.yaml").read_text(encoding="utf-8"))
    kader["editie"] = NIEUW
    _schrijf(project / "data/kader.yaml", kader)
    woningen = yaml.safe_load((project / "data/acties/woningen.yaml").read_text(encoding="utf-8"))
    acties = next(f for f in woningen["fasen"] if f["fase"] == "direct")["acties"]
    per_code = {a["code"]: a for a in acties}
    code, id_, tekst = TOEGEVOEGD
    per_code[code]["handelingen"].append({"id": id_, "tekst": tekst})
    oud = {}
    for actie in acties:
        for h in actie.get("handelingen", []):
            oud[h["id"]] = h["tekst"]
            if h["id"] == VERWOORD[0]:
                h["tekst"] = VERWOORD[1]
        actie["handelingen"] = [h for h in actie.get("handelingen", []) if h["id"] != VERWIJDERD]
    acties.append(acties.pop(acties.index(per_code[VERPLAATST])))
    _schrijf(project / "data/acties/woningen.yaml", woningen)
    return oud


@pytest.fixture(scope="module")
def volgende(tmp_path_factory):
    """A project copy with the next edition (four changes), built with its PDFs."""
    project = kopie_project(tmp_path_factory.mktemp("volgende"))
    oud = volgende_editie(project)
    uitkomst = mkdocs_build(project, project / "site")
    assert uitkomst.returncode == 0, uitkomst.stderr
    return project, oud


NASLAG = ("siteadres", "themas", "partners", "instrumenten", "begrippen")  # what only the download has


def _relatief(waarde):
    if isinstance(waarde, dict):
        return {k: v.removeprefix(SITE_URL) if k == "url" else _relatief(v) for k, v in waarde.items()}
    return [_relatief(v) for v in waarde] if isinstance(waarde, list) else waarde


def editie_van(download) -> str:
    """The edition as frozen, from the JSON download: without the lists of what its ids name, the
    addresses relative to the site root, written as the download is."""
    data = json.loads(download.read_text(encoding="utf-8"))
    return json.dumps(_relatief({k: v for k, v in data.items() if k not in NASLAG}), ensure_ascii=False, indent=2)


def _html(pad):
    return lees(pad)


def test_eerste_editie_zonder_wijzigingenlijst(site):
    assert (ROOT / "edities/2025-11.json").exists()
    assert not (site / "wijzigingen").exists()
    assert not (site / "downloads/wijzigingen.json").exists()
    assert not _html(site / "index.html").xpath("//*[@class='editiewijziging']")
    assert not _html(site / "woningen/direct/index.html").xpath("//*[@class='editiewijziging']")
    with pdfplumber.open(site / "downloads/overzicht-acties.pdf") as pdf:
        tekst = "\n".join(p.extract_text() for p in pdf.pages)
    assert "Wijzigingen sinds" not in tekst and "Gewijzigd in" not in tekst
    # the frozen edition is the JSON download of that edition without its registers and with relative
    # addresses, byte for byte, and is offered as a download
    assert (site / "downloads/edities/2025-11.json").read_bytes() == (ROOT / "edities/2025-11.json").read_bytes()
    assert (ROOT / "edities/2025-11.json").read_text(encoding="utf-8").rstrip("\n") == \
        editie_van(site / "downloads/handelingskader.json")


def _wijzigingen_json(site) -> dict:
    data = json.loads((site / "downloads/wijzigingen.json").read_text(encoding="utf-8"))
    schema = json.loads((site / "downloads" / data["$schema"]).read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(data, schema)
    return data


def test_precies_de_vier_wijzigingen_in_json(volgende):
    project, oud = volgende
    data = _wijzigingen_json(project / "site")
    assert (data["van"]["id"], data["naar"]["id"]) == ("2025-11", NIEUW["id"])
    alle = [(w["soort"], w["niveau"], w["code"]) for ot in data["objecttypen"] for f in ot["fasen"] for w in f["wijzigingen"]]
    assert sorted(alle) == sorted([("toegevoegd", "handeling", TOEGEVOEGD[1]), ("verwijderd", "handeling", VERWIJDERD),
                                   ("geherformuleerd", "handeling", VERWOORD[0]), ("verplaatst", "actie", VERPLAATST)])
    assert data["aantal"] == 4
    assert [(ot["id"], [f["id"] for f in ot["fasen"]]) for ot in data["objecttypen"]] == [("woningen", ["direct"])]
    verwoord = next(w for f in data["objecttypen"][0]["fasen"] for w in f["wijzigingen"] if w["soort"] == "geherformuleerd")
    stukken = [(s["soort"], s["tekst"]) for s in verwoord["woorden"]]
    # word level: the old text is the unchanged and deleted words, the new one the unchanged and inserted
    assert " ".join(t for s, t in stukken if s != "ingevoegd") == oud[VERWOORD[0]]
    assert " ".join(t for s, t in stukken if s != "verwijderd") == VERWOORD[1]
    assert ("ingevoegd", "zo snel mogelijk") in stukken
    assert all(len(t.split()) < len(VERWOORD[1].split()) for s, t in stukken if s != "gelijk")
    verplaatst = next(w for f in data["objecttypen"][0]["fasen"] for w in f["wijzigingen"] if w["soort"] == "verplaatst")
    assert verplaatst["van"]["positie"] < verplaatst["naar"]["positie"]


def test_wijzigingenpagina_woord_voor_woord(volgende):
    project, oud = volgende
    pagina = _html(project / "site/wijzigingen/index.html")
    inhoud = pagina.xpath("//article")[0]
    assert "Wijzigingen sinds editie November 2025" in inhoud.xpath(".//h1")[0].text_content()
    regels = [li.text_content() for li in inhoud.xpath(".//li[strong]")]
    assert len(regels) == 4
    assert [h.get("id") for h in inhoud.xpath(".//h3")] == [
        f"wijziging-{c.lower()}" for c in ["W-D-02", "W-D-03", "W-D-04", "W-D-05"]]
    ins = [e.text_content() for e in inhoud.xpath(".//li//ins")]
    dele = [e.text_content() for e in inhoud.xpath(".//li//del")]
    assert "[ingevoegd: zo snel mogelijk]" in ins and f"[ingevoegd: {TOEGEVOEGD[2]}]" in ins
    assert f"[verwijderd: {oud[VERWIJDERD]}]" in dele
    # the labels inside <ins>/<del> are for screen readers only
    assert all(s.get("class") == "visueel-verborgen" for s in inhoud.xpath(".//ins/span | .//del/span"))
    # linked from the home page, the downloads and the navigation
    assert _html(project / "site/index.html").xpath("//a[@href='wijzigingen/']")
    downloads = _html(project / "site/downloads/index.html")
    assert set(downloads.xpath("//article//a/@href")) >= {
        "wijzigingen.json", "wijzigingen.schema.json", "edities/2025-11.json"}
    assert _html(project / "site/uitgave/index.html").xpath("//article//a[@href='../wijzigingen/']")


def test_gewijzigde_acties_dragen_een_label(volgende):
    project, _ = volgende
    gewijzigd = {f"wijziging-{c.lower()}" for c in ["W-D-02", "W-D-03", "W-D-04", "W-D-05"]}
    gezien = {}
    for pad in (project / "site").rglob("index.html"):
        labels = {a.get("href").partition("#")[2] for a in _html(pad).xpath("//*[@class='editiewijziging']//a")}
        gezien[str(pad.parent.relative_to(project / "site"))] = labels
        assert labels <= gewijzigd | {""}, pad
    assert gezien["woningen/direct"] == gewijzigd and gezien["fasen/direct"] == gewijzigd
    assert gezien["woningen/preventie"] == set() and gezien["bedrijfspanden/direct"] == set()
    pagina = _html(project / "site/woningen/direct/index.html")
    kop = pagina.get_element_by_id("w-d-05")
    assert kop.getnext().text_content() == f"Gewijzigd in editie {NIEUW['naam']}"


def test_overzicht_met_labels_en_wijzigingen_in_colofon(volgende):
    project, oud = volgende
    with pdfplumber.open(project / "site/downloads/overzicht-acties.pdf") as pdf:
        paginas = [p.extract_text() for p in pdf.pages]
    colofon = paginas[-1]
    assert colofon.startswith("Colofon") and "Wijzigingen sinds editie November 2025" in colofon
    plat = " ".join(colofon.split())
    for tekst in [f"[ingevoegd: {TOEGEVOEGD[2]}]", f"[verwijderd: {oud[VERWIJDERD]}]", "[ingevoegd: zo snel mogelijk]",
                  f"Verplaatst (actie {VERPLAATST})"]:
        assert tekst in plat
    labels = sum(p.count(f"Gewijzigd in editie {NIEUW['naam']}") for p in paginas[:-1])
    assert labels == 4


def test_wijzigingen_en_labels_toegankelijk(volgende, browser):
    """axe-core: zero WCAG 2.1 A/AA violations on the change list and on a page with labels."""
    from wcag import axe_wcag
    project, _ = volgende
    pagina = browser.new_page()
    fouten = {}
    for pad in ("wijzigingen", "woningen/direct", ""):
        pagina.goto((project / "site" / pad / "index.html").as_uri())
        fouten[pad] = [v["id"] for v in axe_wcag(pagina)["violations"]]
    pagina.close()
    assert fouten == {"wijzigingen": [], "woningen/direct": [], "": []}


@pytest.fixture(scope="module")
def redactieverslag(volgende, tmp_path_factory):
    """The editor's report of the next edition's build, as the publication writes it beside dist/."""
    project, _ = volgende
    v = maak_verslag(project, laad(project / "data"), project / "site")
    return v, schrijf_verslag(v, tmp_path_factory.mktemp("dist"))


def test_redactieverslag(volgende, redactieverslag):
    project, _ = volgende
    _, map_ = redactieverslag
    assert sorted(p.name for p in map_.iterdir()) == ["verslag.html", "verslag.json", "verslag.txt"]
    verslag = json.loads((map_ / "verslag.json").read_text(encoding="utf-8"))
    assert verslag["editie"]["id"] == NIEUW["id"] and verslag["vorige"]["id"] == "2025-11"
    assert verslag["wijzigingen"] == {"toegevoegd": 1, "verwijderd": 1, "verplaatst": 1, "geherformuleerd": 1}
    assert not verslag["vastgelegd"]
    ruw = [a for bestand in (ROOT / "data/acties").glob("*.yaml")
           for f in yaml.safe_load(bestand.read_text(encoding="utf-8"))["fasen"] for a in f["acties"]]
    assert sum(t["acties"] for t in verslag["tellingen"]) == len(ruw)
    assert sum(t["handelingen"] for t in verslag["tellingen"]) == sum(len(a.get("handelingen", [])) for a in ruw)  # +1 -1
    pagina = _html(map_ / "verslag.html")
    assert pagina.xpath("//h1")[0].text_content().startswith("Redactieverslag, editie Mei 2099")
    assert (map_ / "verslag.txt").read_text(encoding="utf-8").startswith("Redactieverslag, editie Mei 2099 (2099-05)")
    # for the editor only: not on the site, not in its search index nor its sitemap
    assert not (project / "site/redactie").exists()
    assert not [p for p in (project / "site").rglob("*") if "redactie" in p.name or "verslag" in p.name]
    index = json.loads(volledige_index(project / "site").read_text(encoding="utf-8"))
    assert not [d for d in index["docs"] if "redactie" in d["location"]]
    assert "redactie" not in (project / "site/sitemap.xml").read_text(encoding="utf-8")


def _paginateksten(pad) -> list[str]:
    with pdfplumber.open(pad) as pdf:
        return [p.extract_text() or "" for p in pdf.pages]


def _controleer_posities(posities: Drukposities, site) -> None:
    """The positions read from the named destinations agree with the PDFs' text: each actie's code
    heads a line on its page of the Overzicht, and on its side of its card, whose footer says
    'Zijde k/n' with n the card's sides."""
    overzicht = _paginateksten(site / "downloads/overzicht-acties.pdf")
    assert posities.overzicht_paginas == len(overzicht)
    for code, pagina in posities.overzicht.items():
        assert any(r.startswith(code + " ") for r in overzicht[pagina - 1].splitlines()), (code, pagina)
    zijden = _paginateksten(site / "downloads/zakkaarten-a6.pdf")
    eerste = 0
    for kaart in posities.kaarten:
        for zijde in range(1, kaart.zijden + 1):
            assert f"Zijde {zijde}/{kaart.zijden}" in zijden[eerste + zijde - 1], (kaart.naam, zijde)
        for code, zijde in kaart.acties.items():
            assert any(r.startswith(code + " ") for r in zijden[eerste + zijde - 1].splitlines()), (code, zijde)
        eerste += kaart.zijden
    assert eerste == len(zijden)


def test_drukposities_uit_de_pdfs(site, kader):
    """Every actie of the real build on its page and side, as its PDF text shows it."""
    posities = lees_drukposities(kader, site / "downloads")
    assert len(posities.overzicht) == sum(1 for _ in kader.plekken()) == sum(len(k.acties) for k in posities.kaarten)
    assert [(k.objecttype, k.fase) for k in posities.kaarten] == [(o.id, f.id) for o in kader.objecttypen for f in kader.fasen]
    _controleer_posities(posities, site)


def test_vastgelegde_drukposities_van_de_eerste_editie(kader):
    """Recorded when 2025-11 was frozen (./scripts/publiceer, from the build's report): every actie
    of that edition, a page and a side for each."""
    archief = Archief(ROOT / "edities")
    vastgelegd = archief.druk("2025-11")
    bevroren = archief.lees("2025-11")
    codes = [a.code for ot in bevroren.objecttypen for f in ot.fasen for a in f.acties]
    assert list(vastgelegd.overzicht) == codes
    assert [c for k in vastgelegd.kaarten for c in k.acties] == codes
    assert all(k.zijden % 2 == 0 and set(k.acties.values()) <= set(range(1, k.zijden + 1)) for k in vastgelegd.kaarten)


def test_drukwerk_in_het_redactieverslag(volgende, redactieverslag):
    """The next edition against what was recorded for 2025-11: the Overzicht's pages, the sides of
    every card and exactly the acties that stand on another page or side."""
    project, _ = volgende
    v, map_ = redactieverslag
    nu, c = v.drukwerk.posities, v.drukwerk.vergelijking
    _controleer_posities(nu, project / "site")
    was = Archief(ROOT / "edities").druk("2025-11")
    assert (c.vorige, c.overzicht_was, c.overzicht_nu) == ("2025-11", was.overzicht_paginas, nu.overzicht_paginas)
    assert [(k.naam, k.was, k.nu) for k in c.kaarten] == [(k.naam, w.zijden, k.zijden) for k, w in zip(nu.kaarten, was.kaarten)]
    verwacht = {(code, "overzicht", was.overzicht[code], p) for code, p in nu.overzicht.items()
                if code in was.overzicht and was.overzicht[code] != p}
    verwacht |= {(code, "kaart", w.acties[code], z) for k, w in zip(nu.kaarten, was.kaarten)
                 for code, z in k.acties.items() if code in w.acties and w.acties[code] != z}
    assert {(s.code, s.document, s.was, s.nu) for s in c.verschoven} == verwacht
    tekst = samenvatting(v)
    assert f"vergeleken met editie 2025-11: Overzicht acties {nu.overzicht_paginas} pagina's (was {was.overzicht_paginas})" in tekst
    assert f"verschoven acties: {len(verwacht) or 'geen'}" in tekst
    html = (map_ / "verslag.html").read_text(encoding="utf-8")
    assert "Zijden per zakkaart" in html and "Verschoven acties" in html


def test_vergelijking_noemt_een_kaart_met_een_derde_zijde():
    """A reworded handeling that pushes the last acties of a card onto a third side: the card has 4
    sides instead of 2, and each actie that moved is named with its old and new side."""
    def posities(zijden, acties, pagina) -> Drukposities:
        return Drukposities(editie="2025-11", overzicht_paginas=14 + (pagina > 4), overzicht={"W-D-01": 4, "W-D-08": pagina},
                            kaarten=[Kaart(objecttype="woningen", fase="direct", naam="Woningen · Direct na een explosie",
                                           zijden=zijden, acties=acties)])
    was = posities(2, {"W-D-01": 1, "W-D-07": 2, "W-D-08": 2}, 4)
    nu = posities(4, {"W-D-01": 1, "W-D-07": 2, "W-D-08": 3, "W-D-09": 3}, 5)
    c = vergelijk_druk(was, nu)
    assert (c.overzicht_was, c.overzicht_nu) == (14, 15)
    assert [(k.naam, k.was, k.nu) for k in c.kaarten] == [("Woningen · Direct na een explosie", 2, 4)]
    assert [(s.code, s.document, s.was, s.nu) for s in c.verschoven] == [("W-D-08", "overzicht", 4, 5),
                                                                         ("W-D-08", "kaart", 2, 3)]


def _edities(project, *args):
    return subprocess.run([sys.executable, "-m", "macros.edities", *args, str(project)],
                          capture_output=True, text=True, cwd=project)


def test_publiceren_legt_vast_en_overschrijft_nooit(volgende, tmp_path):
    project, _ = volgende
    kopie = kopie_project(tmp_path / "p")
    shutil.rmtree(kopie / "data")
    shutil.copytree(project / "data", kopie / "data")
    uitkomst = _edities(kopie, "publiceer")
    assert uitkomst.returncode == 0, uitkomst.stderr
    vastgelegd = kopie / f"edities/{NIEUW['id']}.json"
    assert vastgelegd.read_text(encoding="utf-8").rstrip("\n") == \
        editie_van(project / "site/downloads/handelingskader.json")
    # the same again: nothing changes; other data under the same id: refused, the file untouched
    voor = vastgelegd.read_bytes()
    assert _edities(kopie, "publiceer").returncode == 0
    woningen = kopie / "data/acties/woningen.yaml"
    woningen.write_text(woningen.read_text(encoding="utf-8").replace(TOEGEVOEGD[2], "Iets anders."), encoding="utf-8")
    geweigerd = _edities(kopie, "publiceer")
    assert geweigerd.returncode == 1 and "nooit overschreven" in geweigerd.stderr
    assert "Traceback" not in geweigerd.stderr and vastgelegd.read_bytes() == voor
    # the change list between any two frozen editions
    lijst = _edities(kopie, "vergelijk", "2025-11", NIEUW["id"])
    assert lijst.returncode == 0 and f"naar {NIEUW['naam']}: 4" in lijst.stdout
    assert _edities(kopie, "vergelijk", "2025-11", "1999-01").returncode != 0


def test_publiceren_legt_de_drukposities_vast(volgende, redactieverslag, publicatie, tmp_path):
    """Freezing also records where the edition's acties stand on paper, from the report of the build
    of exactly that data (dist/redactie/verslag.json); never from other data, never overwritten."""
    project, _ = volgende
    v, map_ = redactieverslag
    kopie = kopie_project(tmp_path / "p")
    shutil.rmtree(kopie / "data")
    shutil.copytree(project / "data", kopie / "data")
    druk = kopie / f"edities/{NIEUW['id']}.druk.json"
    zonder = _edities(kopie, "publiceer")
    assert zonder.returncode == 0 and f"drukposities van editie {NIEUW['id']} niet vastgelegd" in zonder.stderr
    assert (kopie / f"edities/{NIEUW['id']}.json").exists() and not druk.exists()
    ander = _edities(kopie, "publiceer", "--verslag", str(publicatie / "dist/redactie/verslag.json"))
    assert ander.returncode == 0 and "van een build van andere data" in ander.stderr and not druk.exists()
    shutil.copytree(map_, kopie / "dist/redactie")
    goed = _edities(kopie, "publiceer")
    assert goed.returncode == 0 and f"drukposities van editie {NIEUW['id']} vastgelegd" in goed.stdout, goed.stderr
    assert Archief(kopie / "edities").druk(NIEUW["id"]) == v.drukwerk.posities
    voor = druk.read_bytes()
    assert _edities(kopie, "publiceer").returncode == 0 and druk.read_bytes() == voor
    # print positions without their edition are named like any stray file
    (kopie / "edities/2031-01.druk.json").write_text("{}", encoding="utf-8")
    with pytest.raises(DataFout) as fout:
        Archief(kopie / "edities").ids()
    assert [m.tekst.split(" (")[0] for m in fout.value.meldingen] == ["drukposities zonder editie 2031-01.json"]


def test_beschadigde_editie_geeft_heldere_melding(tmp_path):
    project = kopie_project(tmp_path / "p")
    volgende_editie(project)
    (project / "edities/2025-11.json").write_text('{"titel": "x",\n  "editie": }\n', encoding="utf-8")
    uitkomst = mkdocs_build(project, tmp_path / "site", KADER_ZONDER_PDF="1")
    assert uitkomst.returncode != 0
    uitvoer = uitkomst.stdout + uitkomst.stderr
    assert "edities/2025-11.json:2:13: geen geldige JSON" in uitvoer and "Traceback" not in uitvoer


# --- frozen editions are checked when read: schema, name and the checksum written when frozen ---

EDITIE = "2025-11"


def _meldingen(uitkomst) -> list[str]:
    """The lines of a run's output that are not mkdocs' progress lines (INFO)."""
    return [r for r in (uitkomst.stdout + uitkomst.stderr).splitlines() if r.strip() and not r.startswith("INFO")]


def _som(pad) -> str:
    return f"{hashlib.sha256(pad.read_bytes()).hexdigest()}  {pad.name}\n"


def _herschrijf(project, aanpassing) -> int:
    """The frozen edition changed as JSON and its checksum renewed (a hand-made file); returns the
    line of the first line that differs."""
    pad = project / f"edities/{EDITIE}.json"
    oud = pad.read_text(encoding="utf-8")
    data = json.loads(oud)
    aanpassing(data)
    nieuw = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    pad.write_text(nieuw, encoding="utf-8")
    (project / f"edities/{EDITIE}.json.sha256").write_text(_som(pad), encoding="utf-8")
    return next(i for i, (a, b) in enumerate(zip(oud.splitlines(), nieuw.splitlines()), 1) if a != b)


def _een_teken_anders(project):
    pad = project / f"edities/{EDITIE}.json"
    tekst = pad.read_text(encoding="utf-8")
    i = tekst.index('"tekst": "') + len('"tekst": "')
    pad.write_text(tekst[:i] + ("X" if tekst[i] != "X" else "Y") + tekst[i + 1:], encoding="utf-8")
    return f"edities/{EDITIE}.json:1:1: "


def _afgekapt(project):
    pad = project / f"edities/{EDITIE}.json"
    pad.write_bytes(pad.read_bytes()[:5000])
    return f"edities/{EDITIE}.json:"


def _zonder_controlebestand(project):
    (project / f"edities/{EDITIE}.json.sha256").unlink()
    return f"edities/{EDITIE}.json:1:1: "


def _verkeerd_schema(project):
    regel = _herschrijf(project, lambda d: d["objecttypen"][0]["fasen"][0]["acties"][0].update(titel=5))
    return f"edities/{EDITIE}.json:{regel}:"


def _ontbrekend_veld(project):
    _herschrijf(project, lambda d: d.pop("uitgever"))
    return f"edities/{EDITIE}.json:1:1: "


def _andere_editie_id(project):
    regel = _herschrijf(project, lambda d: d.update(editie_id="2024-05"))
    return f"edities/{EDITIE}.json:{regel}:"


def _geen_utf8(project):
    pad = project / f"edities/{EDITIE}.json"
    inhoud = pad.read_bytes()
    i = inhoud.index(b'"tekst": "') + len(b'"tekst": "')
    pad.write_bytes(inhoud[:i] + b"\xff" + inhoud[i + 1:])
    return f"edities/{EDITIE}.json:"


def _onleesbaar_controlebestand(project):
    (project / f"edities/{EDITIE}.json.sha256").write_text("klopt wel\n", encoding="utf-8")
    return f"edities/{EDITIE}.json.sha256:1:1: "


def _vreemd_bestand(project):
    shutil.copy(project / f"edities/{EDITIE}.json", project / f"edities/{EDITIE}.json.bak")
    return f"edities/{EDITIE}.json.bak:1:1: "


def _ongeldige_id(project):
    shutil.copy(project / f"edities/{EDITIE}.json", project / "edities/2025-13.json")
    return "edities/2025-13.json:1:1: "


def _controlebestand_zonder_editie(project):
    (project / "edities/2024-05.json.sha256").write_text(f"{'0' * 64}  2024-05.json\n", encoding="utf-8")
    return "edities/2024-05.json.sha256:1:1: "


BESCHADIGD = [_een_teken_anders, _afgekapt, _zonder_controlebestand, _verkeerd_schema, _ontbrekend_veld,
              _andere_editie_id, _geen_utf8, _onleesbaar_controlebestand, _vreemd_bestand, _ongeldige_id,
              _controlebestand_zonder_editie]


def test_vastgelegde_editie_heeft_een_controlebestand():
    som = ROOT / f"edities/{EDITIE}.json.sha256"
    assert som.read_text(encoding="utf-8") == _som(ROOT / f"edities/{EDITIE}.json")
    assert subprocess.run(["sha256sum", "-c", som.name], cwd=som.parent, capture_output=True).returncode == 0


@pytest.mark.parametrize("beschadig", BESCHADIGD, ids=lambda f: f.__name__.strip("_"))
def test_beschadigde_editie_stopt_de_build(beschadig, tmp_path):
    """A damaged frozen edition is never published: the build stops before it touches the previous
    site, with one line naming the file and what is wrong."""
    project = kopie_project(tmp_path / "p")
    begin = beschadig(project)
    site = tmp_path / "site"
    site.mkdir()
    (site / "vorige.html").write_text("de vorige site", encoding="utf-8")
    uitkomst = mkdocs_build(project, site, KADER_ZONDER_PDF="1")
    assert uitkomst.returncode != 0
    meldingen = _meldingen(uitkomst)
    assert len(meldingen) == 1 and meldingen[0].startswith(begin), meldingen
    assert "Traceback" not in uitkomst.stdout + uitkomst.stderr
    assert [p.name for p in site.iterdir()] == ["vorige.html"]


@pytest.mark.parametrize("beschadig", [_een_teken_anders, _afgekapt, _zonder_controlebestand, _verkeerd_schema],
                         ids=lambda f: f.__name__.strip("_"))
def test_beschadigde_editie_op_de_opdrachtregel(beschadig, tmp_path):
    project = kopie_project(tmp_path / "p")
    begin = beschadig(project)
    # publiceer writes a missing checksum itself when the data is that edition (see below)
    opdrachten = [["vergelijk", EDITIE, "data"]] + ([] if beschadig is _zonder_controlebestand else [["publiceer"]])
    for opdracht in opdrachten:
        uitkomst = _edities(project, *opdracht)
        assert uitkomst.returncode == 1, opdracht
        assert _meldingen(uitkomst) and _meldingen(uitkomst)[0].startswith(begin), (opdracht, uitkomst.stderr)
        assert "Traceback" not in uitkomst.stderr


def test_publiceren_legt_het_controlebestand_van_een_bestaande_editie_vast(tmp_path):
    """An edition frozen before the checksums: publiceer writes its checksum when the data is that
    edition, and refuses when the data differs from it."""
    project = kopie_project(tmp_path / "p")
    som = project / f"edities/{EDITIE}.json.sha256"
    som.unlink()
    uitkomst = _edities(project, "publiceer")
    assert uitkomst.returncode == 0, uitkomst.stderr
    assert som.read_bytes() == (ROOT / f"edities/{EDITIE}.json.sha256").read_bytes()
    assert _edities(project, "publiceer").returncode == 0  # the same again: nothing changes
    assert som.read_bytes() == (ROOT / f"edities/{EDITIE}.json.sha256").read_bytes()
    som.unlink()
    woningen = project / "data/acties/woningen.yaml"
    woningen.write_text(woningen.read_text(encoding="utf-8").replace("Informeer", "Informeren", 1), encoding="utf-8")
    geweigerd = _edities(project, "publiceer")
    assert geweigerd.returncode == 1 and not som.exists()
    assert "Traceback" not in geweigerd.stderr and len(_meldingen(geweigerd)) == 1


def test_nieuwe_editie_krijgt_een_controlebestand(volgende, tmp_path):
    project, _ = volgende
    kopie = kopie_project(tmp_path / "p")
    shutil.rmtree(kopie / "data")
    shutil.copytree(project / "data", kopie / "data")
    assert _edities(kopie, "publiceer").returncode == 0
    som = kopie / f"edities/{NIEUW['id']}.json.sha256"
    assert som.read_text(encoding="utf-8") == _som(kopie / f"edities/{NIEUW['id']}.json")
    assert subprocess.run(["sha256sum", "-c", som.name], cwd=som.parent, capture_output=True).returncode == 0
    # the next build reads both editions and offers both as downloads
    uitkomst = mkdocs_build(kopie, tmp_path / "site", KADER_ZONDER_PDF="1")
    assert uitkomst.returncode == 0, uitkomst.stderr
    gepubliceerd = sorted(p.name for p in (tmp_path / "site/downloads/edities").iterdir())
    assert gepubliceerd == [f"{EDITIE}.json", f"{NIEUW['id']}.json"]
