"""What the print tests (tests/test_druk_*.py) share: where the print templates are, the print stage
as the build sees it, the bookmarks and PDF/UA readings of a PDF."""
from __future__ import annotations

import dataclasses
import json
import re
import subprocess
import sys
from pathlib import Path

import fitz
import pdfplumber
import pikepdf

from conftest import ROOT, SITE_URL
from gelijkheid import bladwijzers

from macros.adressen import Adresboek
from macros.druk.documenten import Drukwerk


DRUKMAP = ROOT / "macros/druk/sjablonen"


def drukwerk(project: Path = ROOT, **anders):
    """The print stage of the project as its build sees it (macros/project.py), with the
    test's address; `anders`: fields of Drukwerk replaced."""
    return dataclasses.replace(Drukwerk.van_project(project, SITE_URL), **anders)


def drukwerk_van_kader(kader, site_url: str = "", **anders) -> Drukwerk:
    """The print stage of a loaded kader (a gemeente's edition), with the project's print templates
    and fonts; `anders`: other fields of Drukwerk."""
    return Drukwerk(Adresboek(kader), DRUKMAP, ROOT / "overrides/assets/fonts", site_url, **anders)


def bladwijzers_met_niveau(pad: Path) -> list[tuple[int, str]]:
    return [(niveau, titel) for niveau, titel, _ in bladwijzers(pad)]


def _as_integer_pikepdf(waarde):
    """pdfua 0.1.3's as_integer asks a pikepdf.Array for `is_integer`, which pikepdf 10 answers with
    an error, so the empty-heading rule (UA-14-001) is skipped on every tagged heading. Numbers arrive
    as Python ints; everything else from pikepdf is not a number."""
    return None if isinstance(waarde, pikepdf.Object) or isinstance(waarde, bool) else \
        (int(waarde) if isinstance(waarde, int) else None)


TEKENEN = {"Tj", "TJ", "'", '"', "Do", "sh", "BI"}  # what shows text or paints an image, form or shading


def _ongemarkeerd(inhoud) -> list[tuple[list, str]]:
    """The showing and painting operators of a content stream outside any marked-content sequence."""
    diepte, buiten = 0, []
    for operanden, operator in pikepdf.parse_content_stream(inhoud):
        naam = str(operator)
        diepte += {"BDC": 1, "BMC": 1, "EMC": -1}.get(naam, 0)
        if diepte == 0 and naam in TEKENEN:
            buiten.append((operanden, naam))
    return buiten


def _getagde_vormen(document: pikepdf.Pdf) -> dict[int, int]:
    """Per page (1-based): how many form XObjects it paints outside marked content, if each of them
    is tagged inside (ISO 32000-1 14.7.4.4: the form has /StructParents, all its content is marked,
    and the structure tree refers to it with marked-content references naming it as /Stm); -1 if
    anything else on the page is unmarked."""
    vormen_in_boom = set()
    te_doen = [document.Root.StructTreeRoot]
    while te_doen:
        knoop = te_doen.pop()
        if isinstance(knoop, pikepdf.Array):
            te_doen += list(knoop)
        elif isinstance(knoop, pikepdf.Dictionary):
            if knoop.get("/Type") == pikepdf.Name.MCR and "/Stm" in knoop:
                vormen_in_boom.add(knoop.Stm.objgen)
            if "/K" in knoop:
                te_doen.append(knoop.K)
    uitkomst = {}
    for nummer, pagina in enumerate(document.pages, 1):
        vormen = [pagina.Resources.XObject[operanden[0]] if naam == "Do" else None
                  for operanden, naam in _ongemarkeerd(pagina)]
        goed = all(v is not None and v.Subtype == pikepdf.Name.Form and "/StructParents" in v
                   and v.objgen in vormen_in_boom and not _ongemarkeerd(v) for v in vormen)
        uitkomst[nummer] = len(vormen) if goed else -1
    return uitkomst


def pdfua_bevindingen(pad: Path, monkeypatch) -> list[str]:
    """pdfua 0.1.3 counts painting a form XObject outside marked content as untagged (UA-01-003) even
    when the form's own content is tagged and referred to from the structure tree, as PDF allows and
    the imposed A4 sheets do (macros/druk/impositie.py): such a finding counts only if the test's own
    check of those forms fails."""
    import pdfua.rules.structure
    monkeypatch.setattr(pdfua.rules.structure, "as_integer", _as_integer_pikepdf)
    rapport = pdfua.validate(str(pad))
    assert rapport.skipped == ()
    with pikepdf.open(pad) as document:
        vormen = _getagde_vormen(document)
    return [f"{f.rule_id}: {f.message}" for f in rapport.findings if not (
        f.rule_id == "UA-01-003" and f.evidence.get("unmarked_text_operators") == 0
        and f.evidence.get("unmarked_xobjects") == vormen.get(f.location.page))]


OUTLOUD = Path(sys.executable).parent / "outloud"


def outloud_bevindingen(pdf: Path) -> list[dict]:
    """outloud's errors and warnings on a PDF (tests/test_pdf_toegankelijk.py)."""
    uitkomst = subprocess.run([str(OUTLOUD), "--json", "-", "--fail-on", "never", str(pdf)],
                              capture_output=True, text=True, timeout=300)
    assert uitkomst.returncode == 0, uitkomst.stderr[-2000:]
    [resultaat] = json.loads(uitkomst.stdout)["results"]
    assert not resultaat["error"], resultaat["error"]
    return [b for b in resultaat["findings"] if b["severity"] in ("error", "warning")]


def buiten_de_boom(pad: Path) -> list[str]:
    """Marked content whose structure element hangs in no tree: neither read as content nor an
    artifact (what WeasyPrint makes of a running head). Per page or form, its MCIDs."""
    with pikepdf.open(pad) as document:
        wortel = document.Root.StructTreeRoot
        levend, stapel = set(), [wortel]
        while stapel:
            kinderen = stapel.pop().get("/K")
            for kind in kinderen if isinstance(kinderen, pikepdf.Array) else [kinderen]:
                if isinstance(kind, pikepdf.Dictionary) and "/S" in kind and kind.objgen not in levend:
                    levend.add(kind.objgen)
                    stapel.append(kind)
        return [f"rij {sleutel}, MCID {mcid}" for sleutel, rij in pikepdf.NumberTree(wortel.ParentTree).items()
                if isinstance(rij, pikepdf.Array)
                for mcid, element in enumerate(rij) if isinstance(element, pikepdf.Dictionary) and element.objgen not in levend]


A4_MIDDEN = 210 / 2 * 72 / 25.4  # the cut between a sheet's two columns of cards, in points


def onverklaarde_outloud_bevindingen(pad: Path) -> list[dict]:
    """outloud's findings on a PDF, less the two it makes of the A4 sheets' four cards to a page
    (the A6 file of the same sides gets neither):
    - TAG-002 where it joins the heads of two cards side by side into one line it reads as prose
      kept from readers: only lines across the cut between the columns;
    - PAG-001 where the cards of the three object types are alike: the same content at the same
      place on three sheets (that it is content, in the tree, `buiten_de_boom` shows).
    """
    a4 = pad.name == "zakkaarten-a4.pdf"

    def verklaard(bevinding: dict) -> bool:
        if not a4:
            return False
        if bevinding["rule"] == "TAG-002":
            return all(vak["x0"] < A4_MIDDEN < vak["x1"] for vak in bevinding["boxes"]) and \
                len(bevinding["boxes"]) == bevinding["count"]
        return bevinding["rule"] == "PAG-001" and "page numbers" not in bevinding["message"]
    return [b for b in outloud_bevindingen(pad) if not verklaard(b)]


def inhoud_zoals_gelezen(pad: Path) -> list[str]:
    """The entries of an Overzicht's contents page as its structure tree holds them (artifacts left
    out): what a screen reader reads, one string per entry ('• Preventie 3'); an entry that wraps
    goes on until its page number."""
    with pdfplumber.open(pad) as document:
        pagina = next(p for p in document.pages if (p.extract_text() or "").startswith("Inhoud"))
        inhoud = pagina.filter(lambda o: o.get("object_type") != "char" or o.get("tag") != "Artifact")
        regels: list[str] = []
        for regel in inhoud.extract_text().splitlines():
            if regels and not re.search(r" \d+$", regels[-1]):
                regels[-1] += " " + regel
            elif regel.startswith("• "):
                regels.append(regel)
        return regels


def onleesbare_inhoud(pad: Path) -> list[str]:
    """The contents entries that do not read as a title and a page number (leader dots read out, no
    number); a contents page without entries is one finding."""
    regels = inhoud_zoals_gelezen(pad)
    return [r for r in regels if not re.fullmatch(r"• [^.]+(\.[^.]+)* \d+", r)] if regels else ["geen inhoud"]


VEILIGE_RAND = 3 * 72 / 25.4  # what a cut may take off a card or page: nothing printed lies there


def buiten_de_snijrand(pad: Path) -> list[str]:
    """Text printed beyond its page or card side, or within 3 mm of where it is cut (the trim box):
    per page, the characters there (read past the page's edge, where a reader clips them off)."""
    fouten = []
    with fitz.open(pad) as document:
        for nummer, pagina in enumerate(document, 1):
            binnen = _snijkader(document, pagina) + (VEILIGE_RAND, VEILIGE_RAND, -VEILIGE_RAND, -VEILIGE_RAND)
            tekst = pagina.get_text("rawdict", flags=fitz.TEXTFLAGS_RAWDICT & ~fitz.TEXT_MEDIABOX_CLIP)
            buiten = "".join(teken["c"] for blok in tekst["blocks"] for regel in blok.get("lines", [])
                             for stuk in regel["spans"] for teken in stuk["chars"]
                             if teken["c"].strip() and not fitz.Rect(teken["bbox"]) in binnen)
            if buiten:
                fouten.append(f"pagina {nummer}: {buiten[:80]!r}")
    return fouten


def _vak(document, pagina, sleutel: str) -> list[float] | None:
    soort, waarde = document.xref_get_key(pagina.xref, sleutel)
    return [float(w) for w in waarde.strip("[]").split()] if soort == "array" else None


def _snijkader(document, pagina) -> fitz.Rect:
    """The trim box (else the media box) in PyMuPDF's coordinates: from the media box's top left, y
    down (PyMuPDF's own trimbox is wrong for a media box that does not start at 0, as with a bleed)."""
    media = _vak(document, pagina, "MediaBox")
    x0, y0, x1, y1 = _vak(document, pagina, "TrimBox") or media
    return fitz.Rect(x0 - media[0], media[3] - y1, x1 - media[0], media[3] - y0)
