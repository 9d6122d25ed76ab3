"""The downloads written by the real build: JSON valid against its published schema, CSV complete."""
from __future__ import annotations

import csv
import io
import json
from collections import Counter

import jsonschema
import pytest

from bron_overzicht import lees_overzicht
from conftest import SITE_URL
from dcat_ap_nl import DISTRIBUTIES, PREFIXEN, dcat_fouten, dcat_graaf, downloadlinks
from html_site import doel_van, lees
from ruwe_yaml import acties, bestand

SOORTEN = ("partners", "instrumenten", "begrippen")


@pytest.fixture(scope="module")
def export(site):
    return json.loads((site / "downloads/handelingskader.json").read_text(encoding="utf-8"))


def _eigen(deel) -> dict[str, list[str]]:
    """The references a raw actie or line declares itself, by kind (only kinds it has)."""
    return {soort: list(getattr(deel, soort)) for soort in SOORTEN if getattr(deel, soort)}


def _csv(site) -> list[dict]:
    tekst = (site / "downloads/handelingskader.csv").read_bytes().decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(tekst), delimiter=";"))


def _ruw_per_id() -> dict:
    """Every raw actie (by code) and line (by id) with the actie it belongs to."""
    return {**{a.code: (a, a) for a in acties()}, **{r.id: (a, r) for a in acties() for r in a.regels}}


def _gelinkt(site, actie, deel) -> dict[str, list[str]]:
    """The partners and instruments linked under a line, or under an actie's heading, on its page."""
    pagina = site / actie.objecttype / actie.fase / "index.html"
    boom = lees(pagina)
    if deel is actie:
        volgende = boom.xpath(f"//h2[@id='{actie.code.lower()}']")[0].getnext()
        links = volgende.xpath(".//a/@href") if "actie-verwijzingen" in volgende.get("class", "") else []
    else:
        [span] = boom.xpath(f"//span[@id='{deel.id.lower()}']")
        links = span.getparent().xpath("./span[@class='verwijzingen']//a/@href")
    uitkomst: dict[str, list[str]] = {}
    for href in links:
        doel = doel_van(site, pagina, href)[0]
        uitkomst.setdefault(doel.parent.parent.name, []).append(doel.parent.name)
    return uitkomst


def test_json_valideert_tegen_gepubliceerd_schema(site, export):
    schema = json.loads((site / "downloads/handelingskader.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(export, schema)
    kapot = {**export, "objecttypen": [{"id": "woningen"}]}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(kapot, schema)


def test_json_vorm_en_kop(export):
    assert export["titel"] == "Landelijk handelingskader bij aanslagen met explosieven"
    assert export["editie"] == "November 2025"
    assert [o["naam"] for o in export["objecttypen"]] == ["Woningen", "Bedrijfspanden", "Voertuigen"]
    assert [f["naam"] for f in export["objecttypen"][0]["fasen"]] == [
        "Preventie", "Direct na een explosie", "Dreiging (herhaal)explosies", "Dagen/weken na een aanslag (nazorg)"]
    assert len(export["maatregelen"]) == 31
    assert {m["lijn"][0] for m in export["maatregelen"]} == set("123456")


def test_json_bevat_elke_handeling_van_de_uitgave(export):
    bron = [(a.titel, [(h.tekst, h.sub) for h in a.handelingen]) for a in lees_overzicht()]
    json_acties = [(a["titel"], [(h["tekst"], [s["tekst"] for s in h["sub"]]) for h in a["handelingen"]])
                   for o in export["objecttypen"] for f in o["fasen"] for a in f["acties"]]
    assert json_acties == bron


def test_json_urls_zijn_pagina_met_anker(export):
    for o in export["objecttypen"]:
        for f in o["fasen"]:
            for a in f["acties"]:
                assert a["url"] == f"{SITE_URL}{o['id']}/{f['id']}/#{a['code'].lower()}"


KOLOMMEN = ["objecttype", "fase", "code", "actie", "handeling", "sub", "id", "thema", "partners", "instrumenten",
            "begrippen", "soort", "url", "editie"]


def _verwachte_rijen() -> list[tuple]:
    """(soort, id, handeling, sub) of every row, from the raw YAML: each actie, then its lines in order."""
    rijen = []
    for a in acties():
        rijen.append(("actie", a.code, "", ""))
        rijen += [("subpunt", r.id, r.handeling.strip(), r.tekst.strip()) if r.handeling
                  else ("handeling", r.id, r.tekst.strip(), "") for r in a.regels]
    return rijen


def test_csv_een_rij_per_actie_handeling_en_subpunt(site):
    """The downloads page says what a row is; every row is exactly that, and says which (soort)."""
    ruw = (site / "downloads/handelingskader.csv").read_bytes()
    assert ruw.startswith(b"\xef\xbb\xbf")
    rijen = list(csv.DictReader(io.StringIO(ruw.decode("utf-8-sig")), delimiter=";"))
    assert list(rijen[0]) == KOLOMMEN
    assert [(r["soort"], r["id"], r["handeling"], r["sub"]) for r in rijen] == _verwachte_rijen()
    aantal = Counter(r["soort"] for r in rijen)
    assert aantal == {"actie": 88, "handeling": 190, "subpunt": 64} and len(rijen) == 342
    assert all(r["code"] == r["id"] for r in rijen if r["soort"] == "actie")
    eerste = next(r for r in rijen if r["id"] == "W-D-08.2b")
    assert eerste["objecttype"] == "Woningen" and eerste["fase"] == "Direct na een explosie"
    assert eerste["handeling"] == "Overweeg:" and eerste["sub"].startswith("Herlocatie slachtoffer")
    tekst = " ".join(lees(site / "downloads/index.html").xpath("//article")[0].text_content().split())
    assert "Eén rij per actie, per handeling en per subpunt (de kolom soort zegt welke)" in tekst


def test_csv_editie_en_webadres_van_elke_rij(site):
    """Every row names the edition and its own address: absolute under the site address, the page of
    its objecttype and phase with the anchor of the row's actie, handeling or sub-item, which exists."""
    editie = bestand("kader.yaml")["editie"]["id"]
    ankers: dict = {}
    for rij, a in zip(_csv(site), (a for a in acties() for _ in range(1 + len(a.regels)))):
        assert rij["editie"] == editie
        assert rij["url"] == f"{SITE_URL}{a.objecttype}/{a.fase}/#{rij['id'].lower()}", rij["id"]
        pagina = site / a.objecttype / a.fase / "index.html"
        ankers.setdefault(pagina, set(lees(pagina).xpath("//@id")))
        assert rij["id"].lower() in ankers[pagina], rij["id"]


def test_csv_verwijzingen_gelijk_aan_yaml_en_website(site):
    """Every row's theme and partner, instrument and term ids (separated by |) are those of the raw
    YAML, and the partners and instruments are those linked on the website; no reference is missing."""
    ruw = _ruw_per_id()
    gezien = set()
    for rij in _csv(site):
        actie, deel = ruw[rij["id"]]
        gezien.add(rij["id"])
        assert rij["thema"] == actie.thema, rij["id"]
        in_csv = {soort: rij[soort].split("|") for soort in SOORTEN if rij[soort]}
        assert in_csv == _eigen(deel), rij["id"]
        assert _gelinkt(site, actie, deel) == {k: v for k, v in in_csv.items() if k != "begrippen"}, rij["id"]
    assert gezien == set(ruw)


def test_json_verwijzingen_gelijk_aan_yaml_en_website(site, export):
    """Acties, handelingen and sub-items carry exactly the references of the raw YAML, as the website
    links them."""
    ruw = _ruw_per_id()
    gezien = set()
    for o in export["objecttypen"]:
        for f in o["fasen"]:
            for a in f["acties"]:
                for item in [a, *(d for h in a["handelingen"] for d in [h, *h["sub"]])]:
                    sleutel = item.get("id", a["code"])
                    actie, deel = ruw[sleutel]
                    in_json = {soort: item[soort] for soort in SOORTEN if item[soort]}
                    assert in_json == _eigen(deel), sleutel
                    assert _gelinkt(site, actie, deel) == {k: v for k, v in in_json.items() if k != "begrippen"}
                    gezien.add(sleutel)
    assert gezien == set(ruw)


def test_schema_eist_verwijzingen_bij_subpunten(site, export):
    schema = json.loads((site / "downloads/handelingskader.schema.json").read_text(encoding="utf-8"))
    actie = next(a for o in export["objecttypen"] for f in o["fasen"] for a in f["acties"]
                 if any(h["sub"] for h in a["handelingen"]))
    sub = next(s for h in actie["handelingen"] for s in h["sub"])
    sub_schema = {"$defs": schema["$defs"], "$ref": "#/$defs/SubExport"}
    jsonschema.validate(sub, sub_schema)
    for soort in SOORTEN:
        kapot = {k: v for k, v in sub.items() if k != soort}
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(kapot, sub_schema)


# What a spreadsheet does with a cell (LibreOffice, Excel): a cell whose text starts with one of these
# is read as a formula (tab and carriage return: Excel's DDE tricks). An apostrophe first makes it text.
FORMULE = ("=", "+", "-", "@", "\t", "\r")
AANVALLEN = ['=HYPERLINK("https://aanvaller.example","klik")', "+1+1", "-2+3", "@SUM(1;2)"]


def _als_spreadsheet(tekst: str) -> list[list[str]]:
    """The cells as a spreadsheet program gets them from the file (BOM, semicolons, quotes)."""
    return list(csv.reader(io.StringIO(tekst.removeprefix("\ufeff"), newline=""), delimiter=";"))


def test_csv_cel_die_als_formule_begint_wordt_tekst(tmp_path):
    import shutil

    import yaml

    from conftest import ROOT
    from macros.adressen import Adresboek
    from macros.export.tabel import csv_tekst
    from macros.gegevens.laden import laad
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    bestand = data / "acties/woningen.yaml"
    inhoud = yaml.safe_load(bestand.read_text(encoding="utf-8"))
    doelen = [h for actie in inhoud["fasen"][1]["acties"][:3] for h in actie["handelingen"]]
    for handeling, aanval in zip(doelen, AANVALLEN):
        handeling["tekst"] = aanval
    inhoud["fasen"][1]["acties"][3]["titel"] = AANVALLEN[0]
    bestand.write_text(yaml.safe_dump(inhoud, allow_unicode=True, sort_keys=False), encoding="utf-8")
    # the search thesaurus's 'zie' entries name words of the texts replaced here: not this test's matter
    zoekwoorden = yaml.safe_load((data / "zoekwoorden.yaml").read_text(encoding="utf-8"))
    zoekwoorden["zoekwoorden"] = [z for z in zoekwoorden["zoekwoorden"] if "zie" not in z]
    (data / "zoekwoorden.yaml").write_text(yaml.safe_dump(zoekwoorden, allow_unicode=True), encoding="utf-8")
    kader = laad(data)
    cellen = [cel for rij in _als_spreadsheet(csv_tekst(Adresboek(kader))) for cel in rij]
    formules = [cel for cel in cellen if cel.startswith(FORMULE)]
    assert formules == []
    gezet = {h.tekst for a in kader.fase_acties(kader.objecttypen[0], kader.fasen[1]) for h in a.handelingen} | \
        {a.titel for a in kader.fase_acties(kader.objecttypen[0], kader.fasen[1])}
    assert set(AANVALLEN) <= gezet
    for aanval in AANVALLEN:
        assert f"'{aanval}" in cellen  # shown as text, unchanged after the apostrophe
    # the loader strips leading white space from every text; the CSV would still neutralise it
    from macros.export.tabel import veilige_cel
    assert [veilige_cel(t) for t in ("\t=1+1", "\r=1+1", "gewoon")] == ["'\t=1+1", "'\r=1+1", "gewoon"]


# --- the JSON stands alone: what its ids name --------------------------------------------------------

def _pagina_bestaat(site, adres: str) -> bool:
    """Whether an absolute address under the site names a page of the built site (and its anchor)."""
    pad, _, anker = adres.removeprefix(SITE_URL).partition("#")
    pagina = site / pad / "index.html"
    return pagina.is_file() and (not anker or anker in lees(pagina).xpath("//@id"))


def test_json_noemt_wat_zijn_ids_noemen(site, export):
    """Themes, partners, instruments and terms as lists with id, name, abbreviation and address,
    as their YAML files have them; every id an actie names is in its list; the addresses absolute."""
    assert export["siteadres"] == SITE_URL
    verwacht = {
        "themas": [(t["id"], t["naam"], None) for t in bestand("themas.yaml")["themas"]],
        "partners": [(p["id"], p["naam"], p.get("afkorting")) for p in bestand("partners.yaml")["partners"]],
        "instrumenten": [(i["id"], i["naam"], i.get("afkorting")) for i in bestand("instrumenten.yaml")["instrumenten"]],
        "begrippen": [(b["id"], b["term"], None) for b in bestand("begrippen.yaml")["begrippen"]],
    }
    for lijst, items in verwacht.items():
        assert [(x["id"], x["naam"], x["afkorting"]) for x in export[lijst]] == items, lijst
        assert all(_pagina_bestaat(site, x["url"]) for x in export[lijst]), lijst
    wet = {i["id"]: i.get("wet_url") for i in bestand("instrumenten.yaml")["instrumenten"]}
    assert {i["id"]: i["wet_url"] for i in export["instrumenten"]} == wet
    genoemd = {soort: {x for a in acties() for deel in [a, *a.regels] for x in getattr(deel, soort)} for soort in SOORTEN}
    for soort, ids in genoemd.items():
        assert ids <= {x["id"] for x in export[soort]}, soort
    assert {a.thema for a in acties()} <= {t["id"] for t in export["themas"]}
    for o in export["objecttypen"]:
        assert all(_pagina_bestaat(site, f["url"]) and _pagina_bestaat(site, a["url"])
                   for f in o["fasen"] for a in f["acties"])


def test_schema_eist_de_lijsten(site, export):
    schema = json.loads((site / "downloads/handelingskader.schema.json").read_text(encoding="utf-8"))
    for lijst in ("themas", "partners", "instrumenten", "begrippen", "siteadres"):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate({k: v for k, v in export.items() if k != lijst}, schema)
    kapot = {**export, "partners": [{**export["partners"][0], "afkorting": 7}]}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(kapot, schema)


# --- the downloads describe themselves: Data Package and DCAT-AP-NL -----------------------------------

def test_datapackage_valideert_tegen_de_echte_csv(site):
    """frictionless validates the package with every resource, the CSV against its table schema:
    0 errors. Every column typed and described, the header exactly the schema's fields, key id."""
    from frictionless import validate
    pakket = site / "downloads/datapackage.json"
    rapport = validate(str(pakket))
    fouten = [f"{taak.name}: {fout.message}" for taak in rapport.tasks for fout in taak.errors]
    assert rapport.valid and fouten == [], fouten[:10]
    beschrijving = json.loads(pakket.read_text(encoding="utf-8"))
    bronnen = {b["path"]: b for b in beschrijving["resources"]}
    assert set(bronnen) == downloadlinks(site) - {"datapackage.json"}
    tabel = bronnen["handelingskader.csv"]["schema"]
    assert [v["name"] for v in tabel["fields"]] == KOLOMMEN
    assert all(v["type"] and len(v["description"]) > 20 for v in tabel["fields"])
    assert tabel["primaryKey"] == ["id"]
    assert next(v for v in tabel["fields"] if v["name"] == "soort")["constraints"]["enum"] == \
        ["actie", "handeling", "subpunt"]
    assert {v["name"]: v["type"] for v in tabel["fields"]}["editie"] == "yearmonth"
    assert beschrijving["version"] == bestand("kader.yaml")["editie"]["id"]
    assert beschrijving["licenses"][0]["name"] == bestand("kader.yaml")["licentie"]


def test_datapackage_vangt_een_kapotte_rij(site, tmp_path):
    """The table schema is strict enough to catch a wrong soort and a repeated id."""
    import shutil

    from frictionless import validate
    kopie = tmp_path / "downloads"
    shutil.copytree(site / "downloads", kopie)
    tekst = (kopie / "handelingskader.csv").read_text(encoding="utf-8-sig").splitlines()
    tekst[1] = tekst[1].replace(";actie;", ";hoofdstuk;")
    tekst.append(tekst[2])
    (kopie / "handelingskader.csv").write_text("\ufeff" + "\r\n".join(tekst) + "\r\n", encoding="utf-8")
    soorten = {fout.type for taak in validate(str(kopie / "datapackage.json")).tasks for fout in taak.errors}
    assert {"constraint-error", "primary-key"} <= soorten, soorten


def test_dcat_volgens_dcat_ap_nl_met_elke_download(site):
    """dcat.ttl parses; the dataset and every distribution have what DCAT-AP-NL requires; one
    distribution per download on the page but dcat.ttl itself, each URL absolute and a built file."""
    basis = f"{SITE_URL}downloads/"
    graaf = dcat_graaf(site / "downloads")
    assert dcat_fouten(graaf, site / "downloads", basis) == []
    distributies = {str(rij.adres).removeprefix(basis) for rij in graaf.query(DISTRIBUTIES)}
    assert distributies == downloadlinks(site) - {"dcat.ttl"}
    editie = bestand("kader.yaml")["editie"]["id"]
    [(titel, uitgever, gewijzigd, licentie)] = graaf.query(PREFIXEN + """
        SELECT DISTINCT ?t ?n ?m ?l WHERE { ?d a dcat:Dataset ; dct:title ?t ; dct:publisher [ foaf:name ?n ] ;
                                   dct:modified ?m ; dcat:distribution [ dct:license ?l ] }""")
    assert (str(titel), str(uitgever), str(gewijzigd)) == (
        bestand("kader.yaml")["ondertitel"], bestand("kader.yaml")["uitgever"], editie)
    assert str(licentie) == "http://creativecommons.org/publicdomain/zero/1.0/deed.nl"
    assert len(graaf.query(PREFIXEN + "SELECT ?c WHERE { ?c a dcat:Catalog ; dcat:dataset ?d ; dct:title ?t }")) == 1


@pytest.fixture(scope="module")
def zonder_adres(tmp_path_factory):
    """The pages and exports built without a site address (no PDFs)."""
    from conftest import ROOT, mkdocs_build
    doel = tmp_path_factory.mktemp("zonder-adres")
    uitkomst = mkdocs_build(ROOT, doel, KADER_SITE_URL="", KADER_ZONDER_PDF="1")
    assert uitkomst.returncode == 0, uitkomst.stderr[-3000:]
    return doel


def test_zonder_siteadres_relatief_en_gezegd(zonder_adres):
    """Without the site address the JSON says so (siteadres null) and its addresses are relative to
    the site root; dcat.ttl's resolve against its own address to the built files (the PDFs are left
    out of this build); the downloads page says which."""
    downloads = zonder_adres / "downloads"
    data = json.loads((downloads / "handelingskader.json").read_text(encoding="utf-8"))
    assert data["siteadres"] is None
    assert data["partners"][0]["url"] == f"partners/{bestand('partners.yaml')['partners'][0]['id']}/"
    assert data["objecttypen"][0]["fasen"][0]["acties"][0]["url"].startswith(f"{acties()[0].objecttype}/")
    basis = "https://ergens.example/pad/downloads/"  # wherever the file is read from
    fouten = dcat_fouten(dcat_graaf(downloads, basis + "dcat.ttl"), downloads, basis)
    assert sorted(fouten) == sorted(f"{basis}{naam}: {basis}{naam} is geen gebouwd bestand"
                                    for naam in ("overzicht-acties.pdf", "zakkaarten-a6.pdf", "zakkaarten-a4.pdf"))
    rijen = zip(_csv(zonder_adres), (a for a in acties() for _ in range(1 + len(a.regels))))
    assert all(rij["url"] == f"{a.objecttype}/{a.fase}/#{rij['id'].lower()}" for rij, a in rijen)
    tekst = " ".join(lees(downloads / "index.html").xpath("//article")[0].text_content().split())
    assert "Webadressen in de bestanden zijn relatief" in tekst
