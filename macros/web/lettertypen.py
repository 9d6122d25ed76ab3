"""The site's fonts cut down to the characters its pages show (fontTools), after the build.

The Inter files cover many scripts (110-120 KB each); a page of the kader needs Dutch text, its
punctuation and the theme's symbols. Every built HTML page is read, and each web font keeps only
those characters plus printable ASCII and Latin-1 (what a reader types into the search box), with the
layout features the site uses (kerning, ligatures, tabular figures). About 5x smaller; the print
templates keep the full fonts from the project. Deterministic: the same pages give the same files.
Inter is under the SIL Open Font License, which allows this (no Reserved Font Name).
"""
from __future__ import annotations

import hashlib
import os
import shutil
from concurrent.futures import ProcessPoolExecutor
from functools import partial
from pathlib import Path

import fontTools
from fontTools import subset

ALTIJD = frozenset(range(0x20, 0x7F)) | frozenset(range(0xA0, 0x100))
KENMERKEN = ["kern", "liga", "calt", "clig", "rlig", "ccmp", "locl", "mark", "mkmk", "tnum"]
LETTERTYPEMAP = "assets/fonts"
VOORRAAD = "KADER_LETTERTYPEN"  # environment: a folder of fonts cut before (the publication's own, temporary)


def gebruikte_tekens(site: Path) -> set[int]:
    """Every character of every built page, and the ones a reader may type."""
    tekens = set(ALTIJD)
    for pagina in site.rglob("*.html"):
        tekens |= {ord(t) for t in set(pagina.read_text(encoding="utf-8", errors="ignore"))}
    return tekens


def verklein(lettertype: Path, tekens: set[int]) -> None:
    """Rewrite one WOFF2 font with only these characters."""
    opties = subset.Options()
    opties.flavor = "woff2"
    opties.layout_features = KENMERKEN
    opties.name_IDs = ["*"]  # the licence and copyright names stay
    opties.name_languages = ["*"]
    opties.notdef_outline = True
    opties.hinting = False
    font = subset.load_font(str(lettertype), opties)
    subsetter = subset.Subsetter(opties)
    subsetter.populate(unicodes=tekens)
    subsetter.subset(font)
    subset.save_font(font, str(lettertype), opties)


def _sleutel(lettertype: Path, tekens: set[int]) -> str:
    """What a cut font depends on: the font, the characters, fontTools and the options."""
    sleutel = hashlib.sha256(lettertype.read_bytes())
    sleutel.update(f"{sorted(tekens)}{fontTools.version}{KENMERKEN}".encode())
    return sleutel.hexdigest()


def verklein_lettertypen(site: Path) -> None:
    """Every web font of the site, each in its own process where there are more cores (about 1.4 s
    per font, most of it fontTools walking the font's tables). With VOORRAAD set (a folder), a font
    cut before from the same font for the same characters is taken from there: the publication's
    second build (the offline site, same pages) does not cut them again."""
    tekens = gebruikte_tekens(site)
    voorraad = Path(os.environ[VOORRAAD]) if os.environ.get(VOORRAAD) else None
    te_doen = {}
    for lettertype in sorted((site / LETTERTYPEMAP).glob("*.woff2")):
        klaar = voorraad / f"{_sleutel(lettertype, tekens)}.woff2" if voorraad else None
        if klaar and klaar.is_file():
            shutil.copyfile(klaar, lettertype)
        else:
            te_doen[lettertype] = klaar
    processen = min(len(te_doen), os.cpu_count() or 1)
    if processen < 2:
        for lettertype in te_doen:
            verklein(lettertype, tekens)
    else:
        with ProcessPoolExecutor(max_workers=processen) as pool:
            list(pool.map(partial(verklein, tekens=tekens), te_doen))
    for lettertype, klaar in te_doen.items():
        if klaar:
            shutil.copyfile(lettertype, klaar)
