"""The structure stays as designed: stages import only earlier stages, and only the address book
spells page paths and anchors (templates get them as functions); the code has no unused imports or
names, undefined names or other slips pyflakes finds."""
from __future__ import annotations

import ast
import io
import re
from pathlib import Path

import pyflakes.api
import pyflakes.reporter

from conftest import ROOT

MACROS = ROOT / "macros"
# stage -> the stages it may import from (besides itself and the shared modules: sjablonen, the
# settings in macros/instellingen.py and the prepared copies in macros/voorraad.py, which import no stage)
MAG_IMPORTEREN = {
    "gegevens": set(),
    "adressen": {"gegevens"},
    "export": {"gegevens", "adressen"},
    "edities": {"gegevens", "adressen", "export"},
    "web": {"gegevens", "adressen", "edities", "export"},  # export: the downloads page lists the downloads
    "project": {"gegevens", "adressen", "edities"},  # the loaded project, for every stage run alone
    "druk": {"gegevens", "adressen", "edities", "project"},
    "zoeken": {"gegevens", "adressen", "web"},
    "koppeling": {"gegevens", "adressen", "web", "druk", "export", "edities", "zoeken", "project"},
    "uitgave": {"gegevens", "adressen", "edities", "project"},
}


def _stap(pad: Path) -> str:
    return pad.relative_to(MACROS).parts[0].removesuffix(".py")


def _imports(pad: Path) -> set[str]:
    """The macros stages a module imports (absolute `macros.x` and relative `..x` imports)."""
    stappen = set()
    for knoop in ast.walk(ast.parse(pad.read_text(encoding="utf-8"))):
        if isinstance(knoop, ast.ImportFrom):
            if knoop.level == 0 and (knoop.module or "").startswith("macros."):
                stappen.add(knoop.module.split(".")[1])
            elif knoop.level >= 2 or (knoop.level == 1 and pad.parent == MACROS):
                naam = (knoop.module or "").split(".")[0]
                stappen.update({naam} if naam else {a.name for a in knoop.names})
    return stappen


def test_stappen_importeren_alleen_eerdere_stappen():
    for gedeeld in ("instellingen.py", "voorraad.py"):  # every stage may use them
        assert _imports(MACROS / gedeeld) == set(), gedeeld
    fout = []
    for pad in MACROS.rglob("*.py"):
        stap = _stap(pad)
        if stap in MAG_IMPORTEREN:
            verboden = _imports(pad) - MAG_IMPORTEREN[stap] - {stap, "sjablonen", "instellingen", "voorraad"}
            fout += [f"{pad.relative_to(ROOT)} importeert {s}" for s in sorted(verboden)]
    assert fout == []


PAD_IN_SJABLOON = re.compile(r"""["'(][\w/-]*\.md\b(?!["']\s*%\})|\.(id|code)\|lower""")


def test_sjablonen_spellen_geen_paden_of_ankers():
    """Page paths and anchors come from the address book (naar, anker), never from a template."""
    fout = []
    for pad in [*MACROS.glob("*/sjablonen/*"), ROOT / "overrides/main.html"]:
        for nummer, regel in enumerate(pad.read_text(encoding="utf-8").splitlines(), 1):
            if PAD_IN_SJABLOON.search(regel) and "{% include" not in regel:
                fout.append(f"{pad.relative_to(ROOT)}:{nummer}: {regel.strip()}")
    assert fout == []


def test_alleen_het_adresboek_spelt_paginapaden():
    """No module but the address book writes a page path with a folder ('partners/x.md'); template
    names ('partner.md') are no page paths."""
    fout = []
    for pad in MACROS.rglob("*.py"):
        if pad.name != "adressen.py" and re.search(r"""["'][\w{}-]+/[\w{}/-]*\.md["'#]""", pad.read_text(encoding="utf-8")):
            fout.append(str(pad.relative_to(ROOT)))
    assert fout == []
    assert not re.search(r"^(not_in_nav|nav):", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.M)


def test_code_zonder_slordigheden():
    """pyflakes on every Python file of the project (macros, tests, scripts): no unused import or
    variable, no undefined or redefined name."""
    uit = io.StringIO()
    aantal = pyflakes.api.checkRecursive([str(ROOT / map_) for map_ in ("macros", "tests", "scripts")],
                                         pyflakes.reporter.Reporter(uit, uit))
    assert aantal == 0, uit.getvalue()
