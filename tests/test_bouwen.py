"""Building in place (./scripts/build → macros.uitgave.bouw): a killed build leaves the previous
site/ and dist/ complete and its leftovers are removed by the next build; two builds at once wait for
each other and never mix their outputs. Without PDFs, to keep it quick: the placing is the same."""
from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from conftest import ROOT, SITE_URL, kopie_project
from html_site import lees


def _start(project: Path, site_url: str = SITE_URL) -> subprocess.Popen:
    env = {**os.environ, "KADER_SITE_URL": site_url, "NO_MKDOCS_2_WARNING": "1", "KADER_ZONDER_PDF": "1"}
    return subprocess.Popen([sys.executable, "-m", "macros.uitgave.bouw", str(project)], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)


def _bouw(project: Path, site_url: str = SITE_URL) -> str:
    """A whole build; what it printed."""
    proces = _start(project, site_url)
    uit, fout = proces.communicate(timeout=300)
    assert proces.returncode == 0, fout
    return uit


def _hashes(map_: Path) -> dict[str, str]:
    return {p.relative_to(map_).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(map_.rglob("*")) if p.is_file()}


def _resten(project: Path) -> list[str]:
    return sorted(p.name for p in project.iterdir() if p.name.startswith(".site-"))


def test_afgebroken_build_laat_vorige_site_heel_en_de_volgende_ruimt_op(tmp_path):
    project = kopie_project(tmp_path / "project")
    for doel in ("site", "dist"):  # a previous publication (its content does not matter here)
        (project / doel / "map").mkdir(parents=True)
        (project / doel / "map/bestand.html").write_text(f"vorige {doel}", encoding="utf-8")
    vorige = {doel: _hashes(project / doel) for doel in ("site", "dist")}
    bestand = project / "data/acties/woningen.yaml"
    bestand.write_text(bestand.read_text(encoding="utf-8").replace("Houd contact met politie.",
                                                                   "Houd nauw contact met politie."), encoding="utf-8")
    for wachten in (1.5, 5.0):  # in the site build, in the offline build
        proces = _start(project)
        time.sleep(wachten)
        os.killpg(proces.pid, signal.SIGKILL)
        proces.wait()
        assert {doel: _hashes(project / doel) for doel in ("site", "dist")} == vorige, f"na {wachten} s"
    uitvoer = _bouw(project)
    assert _resten(project) == []
    assert "Houd nauw contact met politie." in (project / "site/woningen/direct/index.html").read_text(encoding="utf-8")
    # the build ends with the editor's summary: here it warns that the frozen edition was changed
    samenvatting = uitvoer[uitvoer.index("Redactieverslag"):]
    assert samenvatting.startswith("Redactieverslag, editie November 2025 (2025-11):")
    assert "Woningen · Direct na een explosie: 8 acties" in samenvatting
    assert "editie 2025-11 is al vastgelegd in edities/ maar de data wijkt ervan af" in samenvatting
    assert "Redactiesignalen:" in samenvatting and "ook op de pagina redactie/" in samenvatting


def _site_url_van(site: Path) -> set[str]:
    """The site address every page names as its canonical address (one per build)."""
    adressen = set()
    for pagina in site.rglob("index.html"):
        for href in lees(pagina).xpath("//link[@rel='canonical']/@href"):
            adressen.add(next(a for a in (SITE_URL, SITE_URL.replace("intranet", "andere")) if href.startswith(a)))
    return adressen


def test_twee_builds_tegelijk_wachten_op_elkaar_en_mengen_niet(tmp_path):
    project = kopie_project(tmp_path / "project")
    eerste, tweede = _start(project), _start(project, SITE_URL.replace("intranet", "andere"))
    uitkomsten = [p.communicate(timeout=300) for p in (eerste, tweede)]
    assert eerste.returncode == 0 and tweede.returncode == 0, uitkomsten
    assert any("wachten" in fout for _, fout in uitkomsten)
    assert len(_site_url_van(project / "site")) == 1  # every page from one build
    assert _resten(project) == []
    sommen = (project / "dist/SHA256SUMS").read_text(encoding="utf-8").split()
    for som, naam in zip(sommen[::2], sommen[1::2]):
        assert hashlib.sha256((project / "dist" / naam).read_bytes()).hexdigest() == som


def test_een_link_naar_niets_stopt_de_publicatie(tmp_path):
    """The publication's builds are strict for real: a hand-written page linking to a page that does
    not exist stops it with mkdocs' warning (under --quiet mkdocs counted no warnings, and a broken
    link on the editors' page went unnoticed)."""
    project = kopie_project(tmp_path / "project")
    pagina = project / "content/over.md"
    pagina.write_text(pagina.read_text(encoding="utf-8") + "\n[Weg](bestaat-niet.md)\n", encoding="utf-8")
    env = {**os.environ, "KADER_SITE_URL": SITE_URL, "NO_MKDOCS_2_WARNING": "1"}
    uitkomst = subprocess.run([sys.executable, "-m", "macros.uitgave", str(tmp_path / "uit"), str(project)],
                              cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert uitkomst.returncode != 0
    assert "bestaat-niet.md" in uitkomst.stderr and "strict" in uitkomst.stderr
    assert "INFO" not in uitkomst.stderr
