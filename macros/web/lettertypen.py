"""The site's fonts cut down to the characters its pages show, after the build.

The Inter files cover many scripts (110-120 KB each); a page of the kader needs Dutch text, its
punctuation and the theme's symbols. Every built HTML page is read, and each web font keeps only
those characters plus printable ASCII and Latin-1 (what a reader types into the search box), with the
layout features the site uses (kerning, ligatures, tabular figures) and its name records (the
licence and copyright stay). About 6x smaller; the print templates keep the full fonts from the
project. Deterministic: the same pages give the same files.

HarfBuzz's subsetter (uharfbuzz) does the cutting (fontTools' subsetter was slower, walking the font's
tables); fontTools unpacks and packs the WOFF2 files. A font cut for the same characters is read from
the last copies (macros/voorraad.py). Its cost: docs/prestaties.md.
Inter is under the SIL Open Font License, which allows this (no Reserved Font Name).
"""
from __future__ import annotations

import hashlib
import io
from pathlib import Path

import uharfbuzz as hb
from fontTools.ttLib import woff2

from ..voorraad import bewaard, versies

ALTIJD = frozenset(range(0x20, 0x7F)) | frozenset(range(0xA0, 0x100))
KENMERKEN = ("kern", "liga", "calt", "clig", "rlig", "ccmp", "locl", "mark", "mkmk", "tnum")
LETTERTYPEMAP = "assets/fonts"
NAAMRECORDS = range(0, 256)  # the font's own names (family, copyright, licence: 0-255), not its feature names
TAALCODES = range(0, 0x10000)  # every language of those names


def gebruikte_tekens(site: Path) -> set[int]:
    """Every character of every built page, and the ones a reader may type."""
    tekens = set(ALTIJD)
    for pagina in site.rglob("*.html"):
        tekens |= {ord(t) for t in set(pagina.read_text(encoding="utf-8", errors="ignore"))}
    return tekens


def _tag(kenmerk: str) -> int:
    return int.from_bytes(kenmerk.encode("ascii"), "big")


def _snijopdracht(tekens: set[int]) -> hb.SubsetInput:
    """What stays: these characters, the site's layout features, the names; no hinting (the web)."""
    opdracht = hb.SubsetInput()
    for teken in sorted(tekens):
        opdracht.unicode_set.add(teken)
    opdracht.layout_feature_tag_set.clear()
    for kenmerk in KENMERKEN:
        opdracht.layout_feature_tag_set.add(_tag(kenmerk))
    for soort, waarden in ((hb.SubsetInputSets.NAME_ID, NAAMRECORDS), (hb.SubsetInputSets.NAME_LANG_ID, TAALCODES)):
        opdracht.sets(soort).add_range(waarden.start, waarden.stop - 1)
    opdracht.flags = hb.SubsetFlags.NO_HINTING | hb.SubsetFlags.NOTDEF_OUTLINE
    return opdracht


def verklein(lettertype: Path, tekens: set[int]) -> None:
    """Rewrite one WOFF2 font with only these characters (and what _snijopdracht keeps)."""
    bron = lettertype.read_bytes()
    sleutel = hashlib.sha256(b"|".join([bron, Path(__file__).read_bytes(), ",".join(map(str, sorted(tekens))).encode(),
                                        versies("uharfbuzz", "fonttools", "brotli").encode()])).hexdigest()
    lettertype.write_bytes(bewaard(f"lettertype-{lettertype.stem}", sleutel, lambda: _gesneden(bron, tekens, lettertype.name), houd=4))


def _gesneden(bron: bytes, tekens: set[int], naam: str) -> bytes:
    sfnt = io.BytesIO()
    woff2.decompress(io.BytesIO(bron), sfnt)
    gesneden = hb.subset(hb.Face(sfnt.getvalue()), _snijopdracht(tekens))
    if gesneden is None:
        raise ValueError(f"{naam}: HarfBuzz kon dit lettertype niet verkleinen")
    uit = io.BytesIO()
    woff2.compress(io.BytesIO(gesneden.blob.data), uit)
    return uit.getvalue()


def verklein_lettertypen(site: Path) -> None:
    """Every web font of the site, cut to the characters of its pages."""
    tekens = gebruikte_tekens(site)  # the same for every font
    for lettertype in sorted((site / LETTERTYPEMAP).glob("*.woff2")):
        verklein(lettertype, tekens)
