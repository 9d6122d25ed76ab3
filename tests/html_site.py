"""Reading the built site's HTML with lxml: pages, links, anchors and the acties as rendered."""
from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

from lxml import html


def normaliseer(tekst: str) -> str:
    """Whitespace collapsed; WeasyPrint/browser soft hyphens removed."""
    return " ".join(tekst.replace("\u00ad", "").split())


def html_bestanden(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def lees(pad: Path):
    return html.fromstring(pad.read_bytes())


def doel_van(site: Path, pagina: Path, href: str) -> tuple[Path, str] | None:
    """The file and anchor an internal link points to, or None for external links."""
    delen = urlsplit(href)
    if delen.scheme or delen.netloc or href.startswith(("mailto:", "tel:", "javascript:")):
        return None
    pad = unquote(delen.path)
    doel = pagina if not pad else (pagina.parent / pad).resolve()
    if doel.is_dir() or pad.endswith("/"):
        doel = doel / "index.html"
    return doel, unquote(delen.fragment)


def koptekst(kop) -> str:
    """Text of a heading without its permalink sign."""
    return normaliseer("".join(t for t in kop.xpath(".//text()[not(ancestor::a[@class='headerlink'])]")))


def acties_op_pagina(boom, markeer_subpunten: bool = False) -> list[tuple[str, str, list[str]]]:
    """(anchor, heading text, handeling texts) for every h2.actie, in order, up to the next h2.

    With markeer_subpunten, sub-item texts are prefixed with "> " as in the printed edition. A
    gemeente's local arrangements ("Lokale afspraak: …") count as lines of their actie."""
    uitkomst = []
    for kop in boom.xpath("//h2[contains(concat(' ', @class, ' '), ' actie ')]"):
        teksten = []
        for broer in kop.itersiblings():
            if broer.tag in ("h1", "h2"):
                break
            teksten += [("> " if markeer_subpunten and "subpunt" in s.get("class") else "") + normaliseer(s.text_content())
                        for s in broer.xpath(".//span[contains(@class, 'handeling')]"
                                             "|self::p[contains(@class, 'lokale-afspraak')]")]
        uitkomst.append((kop.get("id"), koptekst(kop), teksten))
    return uitkomst
