"""The print stage as processes: layouts in fresh processes equal to one after the other, the cards
laid out in parts equal to one layout, and a failed or killed build that stops every print process
and leaves nothing behind."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pikepdf
import pytest

from conftest import ROOT, SITE_URL
from druk_gedeeld import TEKENEN, pdfua_bevindingen
from procesboom import levend

from macros.druk.processen import WACHTTIJD


DRUKKIND = str(ROOT / "tests" / "drukkind.py")  # a build's print stage in a fresh process
ZIJDEN_PER_DEEL_KLEIN = 6  # the real cards (24 sides) in five parts of whole cards, by their text


def _drukken(uit: Path, zijden_per_deel: int, manier: str) -> Path:
    uit.mkdir()
    env = {**os.environ, "KADER_SITE_URL": SITE_URL, "NO_MKDOCS_2_WARNING": "1"}
    uitkomst = subprocess.run([sys.executable, DRUKKIND, "drukken", str(uit), str(zijden_per_deel), manier], cwd=ROOT,
                              env=env, capture_output=True, text=True)
    assert uitkomst.returncode == 0, uitkomst.stderr
    return uit


@pytest.fixture(scope="module")
def in_delen(tmp_path_factory) -> Path:
    """Every PDF with the cards laid out in parts of about six sides (whole cards) and joined, in
    parallel (the print process and its forked children, as the build does)."""
    return _drukken(tmp_path_factory.mktemp("druk") / "delen", ZIJDEN_PER_DEEL_KLEIN, "parallel")


def test_parallel_in_verse_processen_gelijk_aan_na_elkaar(site, in_delen, tmp_path):
    """The build makes each layout in a forked child of one print process (the Overzicht beside the
    parts of the cards); one process making everything one after the other gives the same bytes, for
    the real build (one part) and for the cards in five parts."""
    namen = ["overzicht-acties.pdf", "zakkaarten-a4.pdf", "zakkaarten-a6.pdf"]
    na_elkaar = _drukken(tmp_path / "na-elkaar", 40, "na-elkaar")
    delen_na_elkaar = _drukken(tmp_path / "delen-na-elkaar", ZIJDEN_PER_DEEL_KLEIN, "na-elkaar")
    for map_, vergelijk in [(na_elkaar, site / "downloads"), (delen_na_elkaar, in_delen)]:
        assert sorted(p.name for p in map_.glob("*.pdf")) == namen
        for naam in namen:
            assert (map_ / naam).read_bytes() == (vergelijk / naam).read_bytes(), (map_.name, naam)


@pytest.mark.parametrize("koppig", [False, True], ids=["lagen-stoppen", "laag-negeert-sigterm"])
def test_mislukte_build_stopt_het_drukwerk(tmp_path, koppig):
    """A build that fails (on_build_error -> Drukopdracht.stop) does not wait for its PDFs: the print
    process and the layouts it forked stop, and leave no temporary folder behind, within a bounded
    time also when a layout does not stop when asked (it is killed after WACHTTIJD). The build's own
    process never loaded WeasyPrint: only its print process does."""
    tijdelijk = tmp_path / "tmp"
    tijdelijk.mkdir()
    env = {**os.environ, "KADER_SITE_URL": SITE_URL, "NO_MKDOCS_2_WARNING": "1", "TMPDIR": str(tijdelijk)}
    # a layout left running keeps the output open: then this times out instead of hanging
    uitkomst = subprocess.run([sys.executable, DRUKKIND, "stoppen", *(["--koppig"] if koppig else [])], cwd=ROOT, env=env,
                              capture_output=True, text=True, timeout=120)
    assert uitkomst.returncode == 0, uitkomst.stderr
    gezien = json.loads(uitkomst.stdout.strip().splitlines()[-1])
    assert len(gezien["lagen"]) >= 2  # the Overzicht and the cards were being laid out
    assert not gezien["drukproces"] and gezien["levend"] == []
    assert gezien["seconden"] < 2 * WACHTTIJD + 2
    assert gezien["weasyprint_in_build"] is False
    assert list(tijdelijk.iterdir()) == []




def test_gedode_build_laat_geen_drukprocessen_achter(tmp_path):
    """A build killed outright (SIGKILL: no handler runs) does not leave its print process and
    layouts running as orphans: each gets SIGTERM when its parent dies, stops its own layouts and
    removes its temporary folder."""
    tijdelijk = tmp_path / "tmp"
    tijdelijk.mkdir()
    env = {**os.environ, "KADER_SITE_URL": SITE_URL, "NO_MKDOCS_2_WARNING": "1", "TMPDIR": str(tijdelijk)}
    uit, fouten = tmp_path / "uit", tmp_path / "fouten"
    with uit.open("w") as stdout, fouten.open("w") as stderr:  # not pipes: the orphans would hold them open
        build = subprocess.Popen([sys.executable, DRUKKIND, "gedood"], cwd=ROOT, env=env, stdout=stdout, stderr=stderr)
        assert build.wait(timeout=120) == -9, fouten.read_text()
    processen = json.loads(uit.read_text().strip().splitlines()[-1])["processen"]
    assert len(processen) >= 3  # the print process and at least two layouts
    einde = time.monotonic() + 1  # a layout of the real data takes longer than this to finish by itself
    while any(levend(pid) for pid in processen) and time.monotonic() < einde:
        time.sleep(0.1)
    assert [pid for pid in processen if levend(pid)] == []
    assert list(tijdelijk.iterdir()) == []


def _pdf_beschrijving(pad: Path) -> dict:
    """What a reader and assistive technology get from a PDF, with pages as numbers: each page's
    text-showing operators and boxes, the bookmarks, the named destinations, the structure tree
    (types, pages, alternative texts, marked content) and whether the parent tree points every page's
    marked content back to elements on that page."""
    with pikepdf.open(pad) as document:
        nummer = {pagina.objgen: i for i, pagina in enumerate(document.pages)}

        def plek(bestemming) -> tuple:
            return nummer[bestemming[0].objgen], tuple(float(x) for x in bestemming[2:4])

        def bladwijzers(item, diepte=0) -> list:
            uit = []
            while item is not None:
                uit.append((diepte, str(item.Title), plek(item.Dest), int(item.get("/Count", 0))))
                uit += bladwijzers(item.get("/First"), diepte + 1)
                item = item.get("/Next")
            return uit

        def structuur(element, diepte=0) -> list:
            if isinstance(element, int):
                return [(diepte, "MCID", element)]
            if "/MCID" in element:
                return [(diepte, "MCR", int(element.MCID), nummer[element.Pg.objgen])]
            if element.get("/Type") == pikepdf.Name.OBJR:  # a link annotation, on its page
                return [(diepte, "OBJR", str(element.Obj.Subtype), nummer[element.Pg.objgen])]
            kinderen = element.get("/K")
            kinderen = kinderen if isinstance(kinderen, pikepdf.Array) else [] if kinderen is None else [kinderen]
            pagina = nummer[element.Pg.objgen] if "/Pg" in element else None
            return [(diepte, str(element.S), pagina, str(element.get("/Alt", "")))] + \
                [regel for kind in kinderen for regel in structuur(kind, diepte + 1)]

        namen = document.Root.Names.Dests.Names
        nums = document.Root.StructTreeRoot.ParentTree.Nums
        ouders = {int(nums[i]): nums[i + 1] for i in range(0, len(nums), 2)}
        return {
            "paginas": [(pikepdf.unparse_content_stream([op for op in pikepdf.parse_content_stream(pagina)
                                                         if str(op.operator) in TEKENEN]),
                         [float(x) for x in pagina.trimbox], [float(x) for x in pagina.mediabox])
                        for pagina in document.pages],
            "bladwijzers": bladwijzers(document.Root.Outlines.First),
            "bestemmingen": [(str(namen[i]), plek(namen[i + 1])) for i in range(0, len(namen), 2)],
            "structuur": structuur(document.Root.StructTreeRoot.K[0]),
            "oudersboom": all(nummer[e.Pg.objgen] == i for i, pagina in enumerate(document.pages)
                              if "/StructParents" in pagina  # the A4 sheets' forms carry them
                              for e in ouders[int(pagina.StructParents)] if e is not None and "/Pg" in e),
            "metadata": (str(document.Root.Lang), str(document.docinfo.Title), bytes(document.Root.Metadata.read_bytes())),
        }


def _lettertypebestanden(pad: Path) -> int:
    with pikepdf.open(pad) as document:
        return sum(1 for obj in document.objects if isinstance(obj, pikepdf.Dictionary)
                   and obj.get("/Type") == pikepdf.Name.FontDescriptor)


@pytest.mark.parametrize("naam", ["zakkaarten-a6.pdf", "zakkaarten-a4.pdf"])
def test_kaartzijden_in_delen_gelijk_aan_een_opmaak(pdf, in_delen, naam):
    """The cards laid out in five parts and joined (macros/druk/samenvoegen.py) give the reader the
    same file as one layout: every page's text and boxes, bookmarks, named destinations, structure
    tree and parent tree; so do the A4 sheets imposed from them."""
    delen, een = _pdf_beschrijving(in_delen / naam), _pdf_beschrijving(pdf(naam))
    assert een["oudersboom"]
    # each part embeds its own font subsets: more of them shows the cards were laid out in parts
    assert _lettertypebestanden(in_delen / naam) >= 3 * _lettertypebestanden(pdf(naam))
    for sleutel in een:
        assert delen[sleutel] == een[sleutel], sleutel


def test_kaartzijden_in_delen_pdfua_zonder_fouten(in_delen, monkeypatch):
    assert pdfua_bevindingen(in_delen / "zakkaarten-a6.pdf", monkeypatch) == []

