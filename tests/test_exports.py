"""The downloads written by the real build: JSON valid against its published schema, CSV complete."""
from __future__ import annotations

import csv
import io
import json

import jsonschema
import pytest

from bron_overzicht import lees_overzicht
from html_site import doel_van, lees
from ruwe_yaml import acties

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
                assert a["url"] == f"{o['id']}/{f['id']}/#{a['code'].lower()}"


def test_csv_een_rij_per_handeling_en_subpunt(site, kader):
    ruw = (site / "downloads/handelingskader.csv").read_bytes()
    assert ruw.startswith(b"\xef\xbb\xbf")
    rijen = list(csv.DictReader(io.StringIO(ruw.decode("utf-8-sig")), delimiter=";"))
    assert list(rijen[0]) == ["objecttype", "fase", "code", "actie", "handeling", "sub", "id", "thema", "partners",
                              "instrumenten", "begrippen"]
    handelingen = [r for r in rijen if r["handeling"] and not r["sub"]]
    subs = [r for r in rijen if r["sub"]]
    zonder = [r for r in rijen if not r["handeling"]]
    assert (len(handelingen), len(subs)) == (190, 64)
    assert len({r["code"] for r in rijen}) == 88
    assert {r["code"] for r in zonder} == {a.code for a in acties() if not a.regels or _eigen(a)}
    eerste = next(r for r in rijen if r["id"] == "W-D-08.2b")
    assert eerste["objecttype"] == "Woningen" and eerste["fase"] == "Direct na een explosie"
    assert eerste["handeling"] == "Overweeg:" and eerste["sub"].startswith("Herlocatie slachtoffer")


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
    assert {sleutel for sleutel, (_, deel) in ruw.items() if _eigen(deel)} <= gezien


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
    from macros.export.opendata import csv_tekst
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
    kader = laad(data)
    cellen = [cel for rij in _als_spreadsheet(csv_tekst(kader)) for cel in rij]
    formules = [cel for cel in cellen if cel.startswith(FORMULE)]
    assert formules == []
    gezet = {h.tekst for a in kader.fase_acties(kader.objecttypen[0], kader.fasen[1]) for h in a.handelingen} | \
        {a.titel for a in kader.fase_acties(kader.objecttypen[0], kader.fasen[1])}
    assert set(AANVALLEN) <= gezet
    for aanval in AANVALLEN:
        assert f"'{aanval}" in cellen  # shown as text, unchanged after the apostrophe
    # the loader strips leading white space from every text; the CSV would still neutralise it
    from macros.export.opendata import veilige_cel
    assert [veilige_cel(t) for t in ("\t=1+1", "\r=1+1", "gewoon")] == ["'\t=1+1", "'\r=1+1", "gewoon"]
