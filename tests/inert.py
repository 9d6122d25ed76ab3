"""Whether a publication holds hostile text inert: checked on the real outputs of a whole build
(site/ for a web server, offline/ for file://, the downloads), never on the code that made them.

Hostile payloads carry the attribute `data-zq` on every element they try to inject and set
`window.__zq` from every script they try to run; a marker `ZQ<n>Q` names the place they came from.
"""
from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

from lxml import html
from pypdf import PdfReader

from macros.zoeken.uitstel import volledige_index

MERK = re.compile(r"ZQ\d+Q")
INGESPOTEN = re.compile(r"<[a-z][^<>]*\b(data-zq|on[a-z]+\s*=)|<(script|iframe|img|svg|object|embed|style|base)\b", re.I)


VREEMD = {"iframe", "object", "embed", "img", "style", "base", "frame", "frameset", "applet", "video", "audio"}
URLATTRIBUTEN = {"href", "src", "action", "formaction", "xlink:href", "data", "srcdoc"}


def _elementen(boom) -> list[str]:
    """Elements a payload injected. The kader's own pages have none of these: no inline handler, style
    attribute, image, frame or style element, no inline script but mkdocs-material's JSON configuration,
    no javascript: or data: address, no <meta> outside the head."""
    fouten = []
    for element in boom.iter():
        if not isinstance(element.tag, str):
            continue
        tag = element.tag.lower()
        if tag in VREEMD or (tag == "script" and not element.get("src") and element.get("id") != "__config") \
                or (tag == "meta" and element.getparent() is not None and element.getparent().tag != "head"):
            fouten.append(f"<{tag}> {html.tostring(element, encoding='unicode')[:80]!r}")
        for naam, waarde in element.attrib.items():
            naam = naam.lower()
            if naam == "data-zq" or naam.startswith("on") or naam == "style" \
                    or (naam in URLATTRIBUTEN and re.sub(r"\s", "", waarde).lower().startswith(("javascript:", "data:", "vbscript:"))):
                fouten.append(f"<{tag} {naam}={waarde[:60]!r}>")
    return fouten


def html_fouten(map_: Path) -> list[str]:
    """Every injected element in every HTML page of a built site."""
    fouten = []
    for pad in sorted(map_.rglob("*.html")):
        boom = html.fromstring(pad.read_bytes())
        fouten += [f"{pad.relative_to(map_)}: {f}" for f in _elementen(boom)]
    return fouten


def index_fouten(site: Path) -> list[str]:
    """Markup in the search index: mkdocs-material shows its texts as HTML in the result list."""
    index = json.loads(volledige_index(site).read_text(encoding="utf-8"))
    return [f"zoekindex {d['location']}: {m.group()[:60]!r}" for d in index["docs"]
            for m in [INGESPOTEN.search(d.get("title", "") + " " + d.get("text", ""))] if m]


def _verbatim(tekst: str, waarden: dict[str, str], waar: str) -> list[str]:
    """Wherever a marker stands in `tekst`, its whole value stands there unchanged."""
    return [f"{waar}: {merk} niet letterlijk" for merk in set(MERK.findall(tekst))
            if merk in waarden and waarden[merk] not in tekst]


def _rdf_fouten(pad: Path, waarden: dict[str, str]) -> list[str]:
    """Turtle parses, and every value stands in one literal as the text it is; no marker in an IRI
    (a value that broke out of its literal would make a node or a property of its own)."""
    import rdflib
    try:
        graaf = rdflib.Graph().parse(pad, format="turtle", publicID="https://kader.example/downloads/dcat.ttl")
    except Exception as fout:  # noqa: BLE001 - any parse error is a finding
        return [f"{pad.name}: geen geldige Turtle: {str(fout)[:200]}"]
    fouten = [f"{pad.name}: {merk} in een IRI" for term in graaf.all_nodes() if not isinstance(term, rdflib.Literal)
              for merk in MERK.findall(str(term))]
    for term in graaf.all_nodes():
        if isinstance(term, rdflib.Literal):
            fouten += _verbatim(str(term), waarden, pad.name)
    return fouten


def data_fouten(downloads: Path, waarden: dict[str, str]) -> list[str]:
    """JSON, CSV and Turtle (the DCAT description) keep every value as the text it is."""
    fouten = [f for pad in sorted(downloads.glob("*.ttl")) for f in _rdf_fouten(pad, waarden)]
    for pad in sorted(downloads.glob("*.json")):
        def strings(x):
            if isinstance(x, dict):
                return [s for v in x.values() for s in strings(v)]
            if isinstance(x, list):
                return [s for v in x for s in strings(v)]
            return [x] if isinstance(x, str) else []
        for s in strings(json.loads(pad.read_text(encoding="utf-8"))):
            fouten += _verbatim(s, waarden, pad.name)
    for pad in sorted(downloads.glob("*.csv")):
        for rij in csv.reader(io.StringIO(pad.read_text(encoding="utf-8-sig")), delimiter=";"):
            for cel in rij:
                fouten += _verbatim(cel, waarden, pad.name)
    return fouten


def _plat(tekst: str) -> str:
    """Text as a PDF holds it, compared without line breaks, hyphenation, spaces and case (titles
    are set in capitals)."""
    return re.sub(r"[\s\u00ad\-‐]", "", tekst).lower()


def pdf_fouten(downloads: Path, waarden: dict[str, str]) -> list[str]:
    """Every PDF shows each value as its text (not its markup rendered) and its metadata is plain text.
    Text in the order it is painted (pypdf): columns and imposed cards side by side do not interleave."""
    fouten = []
    for pad in sorted(downloads.glob("*.pdf")):
        tekst = _plat(" ".join(p.extract_text() or "" for p in PdfReader(pad).pages))
        for merk in {m.upper() for m in re.findall(MERK.pattern, tekst, re.I)}:
            if merk in waarden and _plat(waarden[merk]) not in tekst:
                fouten.append(f"{pad.name}: {merk} niet als tekst")
        for sleutel, waarde in (PdfReader(pad).metadata or {}).items():
            fouten += _verbatim(" ".join(str(waarde).split()), waarden, f"{pad.name} {sleutel}")
    return fouten


def bestandsnaam_fouten(*mappen: Path) -> list[str]:
    """File names hold only the characters an address and every file system can carry."""
    return [str(p) for map_ in mappen for p in map_.rglob("*")
            if not re.fullmatch(r"[A-Za-z0-9._-]+", p.name)]


BROWSERSCRIPT = "() => [window.__zq, document.querySelectorAll('[data-zq]').length]"


def browser_fouten(browser, adressen: list[str]) -> list[str]:
    """Each page in Chromium: no dialog, no script of a payload ran, no element of a payload exists."""
    fouten: list[str] = []
    pagina = browser.new_page()
    pagina.on("dialog", lambda d: (fouten.append(f"dialoog {d.message!r}"), d.dismiss()))
    for adres in adressen:
        pagina.goto(adres, wait_until="load")
        gezet, elementen = pagina.evaluate(BROWSERSCRIPT)
        if gezet is not None or elementen:
            fouten.append(f"{adres}: __zq={gezet}, {elementen} ingespoten element(en)")
    pagina.close()
    return fouten
