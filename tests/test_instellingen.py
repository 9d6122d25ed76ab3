"""Every setting is documented once, in the README's table "Instellingen": each option of the
plugin (found from its config class, so a new option is covered without editing this test), each
variable mkdocs.yml reads with !ENV, and each KADER_* variable anything in the project reads."""
from __future__ import annotations

import re

from conftest import ROOT

from macros.instellingen import KaderConfig

VARIABELE = re.compile(r"\bKADER_[A-Z_]+\b")


def _tabel() -> list[list[str]]:
    """The rows of the README's settings table, cells without their code marks."""
    tekst = (ROOT / "README.md").read_text(encoding="utf-8")
    sectie = tekst.split("\n## Instellingen\n", 1)[1].split("\n## ", 1)[0]
    regels = [r for r in sectie.splitlines() if r.startswith("| ") and not r.startswith("| ---")][1:]
    return [[cel.strip() for cel in r.strip("|").split(" | ")] for r in regels]


def _gelezen_variabelen() -> set[str]:
    bronnen = [*ROOT.glob("macros/**/*.py"), *ROOT.glob("scripts/**/*"), *ROOT.glob("tests/**/*.py"),
               ROOT / "mkdocs.yml"]
    return {v for pad in bronnen if pad.is_file() for v in VARIABELE.findall(pad.read_text(encoding="utf-8"))}


def _standaard(waarde) -> str:
    return "geen" if waarde is None else f"`{str(waarde).lower() if isinstance(waarde, bool) else waarde}`"


def test_elke_optie_met_haar_standaard():
    rijen = {rij[0].strip("`"): rij for rij in _tabel()}
    for naam, optie in KaderConfig._schema:
        assert naam in rijen, f"plugin-optie {naam} staat niet in README, Instellingen"
        assert rijen[naam][2] == _standaard(optie.default), (naam, rijen[naam][2])


def test_elke_omgevingsvariabele_en_geen_andere():
    genoemd = {v for rij in _tabel() for v in VARIABELE.findall(rij[1])}
    assert genoemd == _gelezen_variabelen()
    assert "`SOURCE_DATE_EPOCH`" in {rij[1] for rij in _tabel()}


def test_elke_env_in_mkdocs_yml_bij_haar_optie():
    """A variable that mkdocs.yml ties to an option stands in that option's row."""
    yml = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    rijen = {v: rij[0] for rij in _tabel() for v in VARIABELE.findall(rij[1])}
    for optie, variabele in re.findall(r"^\s*-?\s*(\w+): !ENV \[(KADER_[A-Z_]+)", yml, re.M):
        assert optie in rijen[variabele], (optie, variabele, rijen[variabele])
