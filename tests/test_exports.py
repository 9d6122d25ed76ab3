"""The downloads written by the real build: JSON valid against its published schema, CSV complete."""
from __future__ import annotations

import csv
import io
import json

import jsonschema
import pytest

from bron_overzicht import lees_overzicht


@pytest.fixture(scope="module")
def export(site):
    return json.loads((site / "downloads/handelingskader.json").read_text(encoding="utf-8"))


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
    assert list(rijen[0]) == ["objecttype", "fase", "code", "actie", "handeling", "sub", "id"]
    handelingen = [r for r in rijen if r["handeling"] and not r["sub"]]
    subs = [r for r in rijen if r["sub"]]
    zonder = [r for r in rijen if not r["handeling"]]
    assert (len(handelingen), len(subs)) == (190, 64)
    assert len({r["code"] for r in rijen}) == 88
    assert {r["code"] for r in zonder} == {p.actie.code for p in kader.plekken() if not p.actie.handelingen}
    eerste = next(r for r in rijen if r["id"] == "W-D-08.2b")
    assert eerste["objecttype"] == "Woningen" and eerste["fase"] == "Direct na een explosie"
    assert eerste["handeling"] == "Overweeg:" and eerste["sub"].startswith("Herlocatie slachtoffer")
