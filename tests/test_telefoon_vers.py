"""Phone numbers in a gemeente's free text, on cases written by helpers who saw neither code nor tests
(tests/telefoon-vers/*.json: a text, and each number in it as written with the tel: link a phone
should dial). Every number is a link with that address and its text as written, on one line; no
other number (a date, time, IBAN, case number, ...) is a link. Web: the built phase pages; paper:
every PDF, each number whole on its line."""
from __future__ import annotations

import json
import shutil

import yaml

from conftest import ROOT, kopie_project, mkdocs_build
from druk_gedeeld import drukwerk_van_kader
from gelijkheid import gebroken_nummers
from html_site import lees
from macros.gegevens.lokaal import laad_uitgave
from ruwe_yaml import acties


def _plat(tekst: str) -> str:
    return " ".join(tekst.split())


# a text field is one paragraph (the checker refuses a line break): a pasted e-mail signature's
# lines are joined, as YAML folds a plain text over several lines
GEVALLEN = [{**geval, "tekst": _plat(geval["tekst"])} for bestand in sorted((ROOT / "tests/telefoon-vers").glob("*.json"))
            for geval in json.loads(bestand.read_text(encoding="utf-8"))]


def test_elk_nummer_een_link_op_een_regel_en_geen_ander_getal(tmp_path):
    project = kopie_project(tmp_path / "project")
    shutil.copytree(ROOT / "examples/gemeente-voorbeeld", project / "lokaal")
    codes = [a.code for a in acties()]
    afspraken = [{"actie": codes[i % len(codes)], "tekst": g["tekst"]} for i, g in enumerate(GEVALLEN)]
    (project / "lokaal/afspraken.yaml").write_text(
        yaml.safe_dump({"afspraken": afspraken}, allow_unicode=True, width=10**6), encoding="utf-8")
    site = tmp_path / "site"
    gebouwd = mkdocs_build(project, site, KADER_LOKAAL="lokaal", KADER_ZONDER_PDF="1")
    assert gebouwd.returncode == 0, gebouwd.stderr[-3000:]

    gezien = {}
    for pagina in site.glob("*/*/index.html"):
        for alinea in lees(pagina).find_class("lokale-afspraak"):
            tekst = _plat(alinea.text_content().split(":", 1)[1])
            gezien[tekst] = [(_plat(a.text_content()), a.get("href"), "telefoon" in a.classes)
                             for a in alinea.iter("a") if a.get("href", "").startswith("tel:")]
    fout = [(g["tekst"], gezien.get(_plat(g["tekst"])))
            for g in GEVALLEN
            if gezien.get(_plat(g["tekst"])) != [(_plat(n["zoals_geschreven"]), n["tel"], True) for n in g["nummers"]]]
    assert fout == [], f"{len(fout)} of {len(GEVALLEN)} texts: {fout[:5]}"

    nummers = {_plat(n["zoals_geschreven"]) for g in GEVALLEN for n in g["nummers"]}
    for naam, inhoud in drukwerk_van_kader(laad_uitgave(project / "data", project / "lokaal")).alles().items():
        (tmp_path / naam).write_bytes(inhoud)
        assert gebroken_nummers(tmp_path / naam, nummers) == [], naam
