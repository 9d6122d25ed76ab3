"""Web and print hold the same acties, word for word, and no actie is cut from its heading or its
lines, in every PDF."""
from __future__ import annotations

import re
import shutil

import pytest
import yaml

from conftest import kopie_project, mkdocs_build
from gelijkheid import a4_zijden, gesplitste_acties, pdf_regels, verschillen

from macros.gegevens.laden import laad

CODE = re.compile(r"^[A-Z]-[A-Z]-\d{2}\b")


def test_web_en_druk_tonen_precies_de_data(site, kader):
    assert verschillen(kader, site) == []


def test_de_controle_kan_falen(site, tmp_path):
    """Change the data in a copy; only outputs rebuilt from that data pass the check."""
    project = kopie_project(tmp_path / "project")
    bestand = project / "data/acties/woningen.yaml"
    data = yaml.safe_load(bestand.read_text(encoding="utf-8"))
    direct = next(f for f in data["fasen"] if f["fase"] == "direct")["acties"]
    direct[0]["handelingen"].append({"id": "W-D-01.5", "tekst": direct[0]["handelingen"][2]["tekst"]})  # a repeat
    del direct[1]["handelingen"][0]  # removed
    direct[3]["handelingen"][1]["tekst"] = "Politie stelt sporen veilig."  # one word edited
    bestand.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    nieuw_kader = laad(project / "data")
    nieuwe_site = tmp_path / "site"
    uitkomst = mkdocs_build(project, nieuwe_site)
    assert uitkomst.returncode == 0, uitkomst.stderr

    assert verschillen(nieuw_kader, nieuwe_site) == []
    oud = verschillen(nieuw_kader, site)
    assert {m.split(":")[0] for m in oud} == {"website woningen/direct", "overzicht-acties.pdf woningen/direct",
                                               "zakkaarten-a6.pdf woningen/direct", "zakkaarten-a4.pdf woningen/direct"}
    for naam in ["overzicht-acties.pdf", "zakkaarten-a4.pdf"]:  # print not rebuilt, web rebuilt
        shutil.copy(site / "downloads" / naam, nieuwe_site / "downloads" / naam)
    assert {m.split(" ")[0] for m in verschillen(nieuw_kader, nieuwe_site)} == {"overzicht-acties.pdf", "zakkaarten-a4.pdf"}


@pytest.mark.parametrize("naam", ["overzicht-acties.pdf", "zakkaarten-a6.pdf"])
def test_geen_actiekop_los_van_zijn_eerste_handeling(pdf, kader, naam):
    met_handelingen = {p.actie.code for p in kader.plekken() if p.actie.handelingen}
    for i, regels in enumerate(pdf_regels(pdf(naam))):
        koppen = [j for j, r in enumerate(regels) if CODE.match(r)]
        if koppen and CODE.match(regels[koppen[-1]]).group(0) in met_handelingen:
            assert any(r.startswith("•") for r in regels[koppen[-1]:]), f"pagina {i + 1}: kop zonder handeling"


def _paginas(pdf, naam) -> list[list[str]]:
    return a4_zijden(pdf(naam)) if naam == "zakkaarten-a4.pdf" else pdf_regels(pdf(naam))


@pytest.mark.parametrize("naam", ["overzicht-acties.pdf", "zakkaarten-a6.pdf", "zakkaarten-a4.pdf"])
def test_geen_actie_over_twee_paginas_of_kaartzijden(pdf, kader, naam):
    """Every actie (code, title, handelingen, sub-items) stands whole on one page or card side."""
    assert gesplitste_acties(kader, _paginas(pdf, naam)) == []

