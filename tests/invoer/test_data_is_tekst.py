"""Data is text, for every text field of every data and overlay file (found from the models, see
tests/velden.py): a hostile value is refused by the checker at its FILE:LINE, or the whole
publication holds it inert: no element or script of it in any page (HTML parsed, and Chromium on
the site and on the file-share build over file://), none in the search index, the value verbatim in
JSON and CSV, as its text in the PDFs and their metadata, and no file name made of it.

Control, bidirectional and invisible characters (written as YAML escapes, which the raw-file check
cannot see) and digits of other scripts in codes and phone numbers are always refused."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

import inert
import velden
from conftest import ROOT, SITE_URL, kopie_project
from webserver import serveer

MELDING = re.compile(r"^(?P<bestand>[^:\s]+):(?P<regel>\d+):(?P<kolom>\d+): (?P<tekst>\S.*)$")
PLAATSEN = velden.plaatsen()


def _project(doel: Path) -> Path:
    project = kopie_project(doel)
    shutil.copytree(velden.VOORBEELD, project / "lokaal")
    return project


def _env(project: Path, **extra) -> dict:
    return {**os.environ, "KADER_LOKAAL": str(project / "lokaal"), "NO_MKDOCS_2_WARNING": "1",
            "KADER_SITE_URL": SITE_URL, **extra}


def controleer(project: Path) -> subprocess.CompletedProcess:
    """The editor's check of data/ with the overlay, as a user runs it."""
    return subprocess.run([sys.executable, "-m", "macros.gegevens.controleer", str(project / "data")],
                          cwd=ROOT, env=_env(project), capture_output=True, text=True, timeout=120)


def _pad(project: Path, plaats: velden.Plaats) -> Path:
    return project / ("lokaal" if plaats.lokaal else "data") / plaats.bestand


def _naam(plaats: velden.Plaats) -> str:
    return f"{'lokaal' if plaats.lokaal else 'data'}/{plaats.bestand}"


def geweigerd(project: Path, uitkomst: subprocess.CompletedProcess, waarden: dict) -> set:
    """The places the checker refused at their own line; the output must be one line per problem,
    printable (no control character reaches the editor's terminal), without a traceback."""
    assert "Traceback" not in uitkomst.stderr, uitkomst.stderr[-3000:]
    assert all(t.isprintable() or t == "\n" for t in uitkomst.stdout + uitkomst.stderr), \
        repr([t for t in uitkomst.stderr if not t.isprintable() and t != "\n"][:5])
    meldingen = [MELDING.match(r) for r in uitkomst.stderr.splitlines()[1:] if not r.startswith("waarschuwing")]
    assert all(meldingen), uitkomst.stderr[-3000:]
    plekken = {(m["bestand"], int(m["regel"])) for m in meldingen}
    return {plaats for plaats, waarde in waarden.items()
            if (_naam(plaats), velden.regel_met(_pad(project, plaats), _merk(plaats))) in plekken}


def _merk(plaats: velden.Plaats) -> str:
    return f"ZQ{PLAATSEN.index(plaats)}Q"


# --- characters that are never text -------------------------------------------------------------
STUURTEKENS = ["\x1b[31m", "\u202e", "\x00", "\u200b", "\x85", "\u2028", "\x7f", "\ufeff", "\t", "\u00ad",
               "\ue000", "\r"]


@pytest.mark.parametrize("lokaal", [False, True], ids=["data", "lokaal"])
@pytest.mark.parametrize("teken", STUURTEKENS, ids=[f"U+{ord(t[0]):04X}" for t in STUURTEKENS])
def test_stuurteken_in_elk_veld_wordt_geweigerd_op_zijn_regel(tmp_path, teken, lokaal):
    project = _project(tmp_path / "p")
    waarden = {p: f"Tekst {_merk(p)} met{teken}teken" for p in PLAATSEN if p.lokaal == lokaal}
    velden.vul(project / "data", project / "lokaal", waarden, ascii_=True)
    uitkomst = controleer(project)
    assert uitkomst.returncode == 1, uitkomst.stdout
    missend = set(waarden) - geweigerd(project, uitkomst, waarden)
    assert not missend, (sorted(map(str, missend)), uitkomst.stderr[-2000:])


CIJFERS = {"volle breedte": 0xFF10, "Arabisch-Indisch": 0x0660, "wiskundig vet": 0x1D7CE, "Devanagari": 0x0966}


def _met_cijfers(project: Path, plaats: velden.Plaats, begin: int):
    data = yaml.safe_load(_pad(project, plaats).read_text(encoding="utf-8"))
    for deel in plaats.pad:
        data = data[deel] if isinstance(data, list) or deel in data else None
        if data is None:
            return None
    if not isinstance(data, str) or not re.search(r"[0-9]", data):
        return None
    return re.sub(r"[0-9]", lambda c: chr(begin + int(c[0])), data)


@pytest.mark.parametrize("schrift", list(CIJFERS))
def test_cijfers_van_andere_schriften_in_codes_worden_geweigerd(tmp_path, schrift):
    project = _project(tmp_path / "p")
    for lokaal in (False, True):
        waarden = {p: w for p in PLAATSEN if p.lokaal == lokaal and p.vorm
                   for w in [_met_cijfers(project, p, CIJFERS[schrift])] if w}
        assert waarden
        velden.vul(project / "data", project / "lokaal", waarden, ascii_=False)
        uitkomst = controleer(project)
        assert uitkomst.returncode == 1, (lokaal, uitkomst.stdout)
        plekken = {(m["bestand"], int(m["regel"])) for r in uitkomst.stderr.splitlines()
                   for m in [MELDING.match(r)] if m}
        for plaats, waarde in waarden.items():
            regel = next(i for i, r in enumerate(_pad(project, plaats).read_text(encoding="utf-8").splitlines(), 1)
                         if waarde in r)
            assert (_naam(plaats), regel) in plekken, (str(plaats), uitkomst.stderr[-2000:])
        shutil.rmtree(project / "data"), shutil.rmtree(project / "lokaal")
        shutil.copytree(ROOT / "data", project / "data"), shutil.copytree(velden.VOORBEELD, project / "lokaal")


# --- markup: refused, or inert in everything published -------------------------------------------
def opmaak(n: int) -> str:
    """One line of everything a renderer might take for markup."""
    return (f"ZQ{n}Q <img src=x onerror=\"window.__zq={n}\" data-zq> </title></textarea></script>"
            f"<svg onload=\"window.__zq={n}\" data-zq></svg> \"a'b {{{{ 7*7 }}}} {{% raw %}} "
            f"[l](javascript:window.__zq={n}) ![i](x.png) *[ZQ{n}Q]: afk <!-- c --> &lt;b data-zq&gt; &amp; | # _x_")


def kort(n: int) -> str:
    """The same in fewer characters than a name or title may have."""
    return f"ZQ{n}Q <img src=x onerror=window.__zq={n} data-zq>{{{{7*7}}}}[l](javascript:x)*[a]: b<!--c-->&amp;\"'"


def alinea(n: int) -> str:
    """Two paragraphs, the second raw HTML: what a folded YAML text with a blank line gives."""
    return f"ZQ{n}Q eerste alinea\n\n<img src=x onerror=\"window.__zq={n}\" data-zq>\n\n*[ZQ{n}Q]: afk"


def publiceer(project: Path, werk: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "macros.uitgave", str(werk), str(project)],
                          cwd=ROOT, env=_env(project), capture_output=True, text=True, timeout=900)


def adressen(basis: str, site: Path, offline: bool) -> list[str]:
    paginas = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))
    if offline:
        return [(site / p).as_uri() for p in paginas]
    return [basis + re.sub(r"(^|/)index\.html$", r"\1", p) for p in paginas]


def aanvaard(tmp_path: Path, reeks: tuple) -> dict:
    """Each place with the first payload of `reeks` the checker accepts there (the long payload,
    else the short one that fits a name); places that refuse them all are left out."""
    alle: dict = {}
    open_ = list(PLAATSEN)
    for n, maak in enumerate(reeks):
        for lokaal in (False, True):  # the overlay is checked only against good data
            proef = _project(tmp_path / f"proef-{n}-{lokaal}")
            waarden = {p: maak(PLAATSEN.index(p)) for p in open_ if p.lokaal == lokaal}
            velden.vul(proef / "data", proef / "lokaal", waarden)
            weg = geweigerd(proef, controleer(proef), waarden)
            alle.update({p: w for p, w in waarden.items() if p not in weg})
        open_ = [p for p in open_ if p not in alle]
    return alle


@pytest.mark.parametrize("reeks", [(opmaak, kort), (alinea,)], ids=["opmaak", "alinea"])
def test_opmaak_in_elk_veld_is_geweigerd_of_overal_tekst(tmp_path, browser, reeks):
    project = _project(tmp_path / "p")
    alle = aanvaard(tmp_path, reeks)
    velden.vul(project / "data", project / "lokaal", alle)
    uitkomst = controleer(project)
    assert uitkomst.returncode == 0, f"aanvaard per veld, maar samen geweigerd:\n{uitkomst.stderr[-3000:]}"
    if not alle:
        return
    werk = tmp_path / "werk"
    gebouwd = publiceer(project, werk)
    assert gebouwd.returncode == 0 and "Traceback" not in gebouwd.stderr, gebouwd.stderr[-3000:]
    waarden = {f"ZQ{PLAATSEN.index(p)}Q": " ".join(w.split()) for p, w in alle.items()}
    fouten = (inert.html_fouten(werk / "site") + inert.html_fouten(werk / "offline")
              + inert.index_fouten(werk / "site") + inert.index_fouten(werk / "offline")
              + inert.data_fouten(werk / "site/downloads", {f"ZQ{PLAATSEN.index(p)}Q": w for p, w in alle.items()})
              + inert.pdf_fouten(werk / "site/downloads", waarden)
              + inert.bestandsnaam_fouten(werk / "site", werk / "offline", werk / "dist"))
    with serveer(werk / "site", "intranet/kader", tmp_path) as basis:
        fouten += inert.browser_fouten(browser, adressen(basis, werk / "site", False))
    fouten += inert.browser_fouten(browser, adressen("", werk / "offline", True))
    assert not fouten, "\n".join(fouten[:40]) + f"\n({len(fouten)} in totaal; {len(alle)} velden aanvaard)"


def test_gereserveerde_namen_dekken_elke_vaste_pagina_en_map():
    """An id names a page or folder beside the site's own: those names are never an id."""
    from macros.adressen import DOWNLOADMAP, PAGINAS
    from macros.gegevens.codes import GERESERVEERD
    vast = {p.split("/")[0].removesuffix(".md") for p in PAGINAS.values() if "{" not in p.split("/")[0]}
    vast |= {p.name.removesuffix(".md") for p in (ROOT / "content").iterdir()}
    vast |= {"assets", "search", "sitemap", "404", DOWNLOADMAP}
    assert vast <= GERESERVEERD, vast - GERESERVEERD
