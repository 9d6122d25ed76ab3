"""Jinja environments for the generated pages (Markdown) and the print documents (HTML).

Environments load templates from the folders of the project being built (never from this module's
own location) and re-read a template when it changes, so `mkdocs serve` shows an edited template.
Everything that comes from data is escaped automatically: in Markdown every printed value passes
through `md_escape` unless it is marked safe (Markup) by the code that built it; in HTML Jinja's own
autoescaping applies. What the build hands to mkdocs outside a page's Markdown (page titles and
descriptions, navigation, the site's name) mkdocs' theme prints as HTML: `html_tekst` escapes it.
No field of the data is Markdown or HTML: every value renders as exactly its characters.
"""
from __future__ import annotations

import html
import re
from pathlib import Path
from urllib.parse import quote

import jinja2
from markupsafe import Markup, escape

from .gegevens.codes import ANDER_NUMMER, EMAIL, TELEFOON_IN_TEKST, tel_uri

# Characters with a meaning in Markdown or in the extensions we enable; written as HTML entities.
_MD_TEKENS = {c: f"&#{ord(c)};" for c in "&<>\\`*_[]{}|#\""}
_MD_TABEL = str.maketrans(_MD_TEKENS)
_GEDEELD = {"undefined": jinja2.StrictUndefined, "trim_blocks": True, "lstrip_blocks": True, "auto_reload": True}


def md_escape(waarde) -> str:
    """Text from data, safe to place anywhere in Markdown: it renders as exactly that text."""
    if isinstance(waarde, Markup):
        return waarde
    if waarde is None:
        return ""
    return " ".join(str(waarde).split()).translate(_MD_TABEL)


def md_link(tekst: str, url: str) -> Markup:
    """A Markdown link; the address percent-encoded where Markdown or HTML would read a character."""
    return Markup(f"[{md_escape(tekst)}]({quote(url, safe=URL_VEILIG)})")


URL_VEILIG = ":/?#@!$&'*+,;=%~-._"  # what an address keeps as it is: no space, bracket, quote or backslash


# A web or e-mail address or a phone number inside free text (an arrangement, a handeling) or a
# contact's field: printed as a link whose text is the address or number; a web address ends before
# the punctuation that closes its sentence; a phone number (in any notation of TELEFOON_IN_TEKST)
# never breaks across a line.
_ADRES = re.compile(rf"(?<![\w.%+-])(?P<mail>{EMAIL.kern})(?![\w@])"
                    r"|(?<![\w/])(?P<web>https?://|www\.)[^\s<>\"']*[^\s<>\"'.,;:!?)]"
                    rf"|(?P<tel>{TELEFOON_IN_TEKST})")
TELEFOONKLASSE = "telefoon"  # the class that keeps a number on one line (kader.css, the print CSS)


def _link(gevonden: re.Match) -> str:
    """The link of an address _ADRES found: mailto: (a '%' in it percent-encoded, RFC 6068), tel:,
    the web address as written, https:// before one that starts with www."""
    adres, web = gevonden.group(0), gevonden.group("web")
    if gevonden.group("tel"):
        return tel_uri(adres)
    if web is None:
        return f"mailto:{quote(adres, safe='@')}"
    return f"https://{adres}" if web == "www." else adres


def adressen_in(tekst) -> list[tuple[str, str | None]]:
    """The text, its white space one space, in parts: (text, None), or (address or number, its link)."""
    tekst = " ".join(str(tekst).split())
    delen, begin = [], 0
    for gevonden in _ADRES.finditer(tekst):
        if gevonden.group("tel") and ANDER_NUMMER.search(tekst, max(0, gevonden.start() - 40), gevonden.start()):
            continue
        if gevonden.start() > begin:
            delen.append((tekst[begin:gevonden.start()], None))
        delen.append((gevonden.group(0), _link(gevonden)))
        begin = gevonden.end()
    return delen + ([(tekst[begin:], None)] if begin < len(tekst) or not delen else [])


def md_met_links(tekst) -> Markup:
    """Free text for Markdown with every web and e-mail address and phone number in it a link."""
    return Markup("".join((md_link(deel, url) + (f"{{ .{TELEFOONKLASSE} }}" if url.startswith("tel:") else ""))
                          if url else deel.translate(_MD_TABEL) for deel, url in adressen_in(tekst)))


def html_met_links(tekst) -> Markup:
    """Free text for HTML with every web and e-mail address and phone number in it a link."""
    return Markup("".join(
        Markup('<a href="{}"{}>{}</a>').format(quote(url, safe=URL_VEILIG),
                                               Markup(f' class="{TELEFOONKLASSE}"') if url.startswith("tel:") else "", deel)
        if url else escape(deel) for deel, url in adressen_in(tekst)))


def html_tekst(waarde: str) -> str:
    """Text for a place mkdocs' theme prints as HTML (body or double-quoted attribute). The
    apostrophe stays (no attribute of the theme is single-quoted; search splits on it)."""
    return " ".join(html.escape(str(waarde), quote=False).replace('"', "&quot;").split())


def html_navigatie(navigatie):
    """The navigation with every title escaped for the theme."""
    if isinstance(navigatie, list):
        return [html_navigatie(item) for item in navigatie]
    if isinstance(navigatie, dict):
        return {html_tekst(titel): html_navigatie(doel) for titel, doel in navigatie.items()}
    return navigatie


def markdown_omgeving(map_: Path) -> jinja2.Environment:
    """Markdown templates from `map_`: every value escaped for Markdown, `|link` for links."""
    omgeving = jinja2.Environment(loader=jinja2.FileSystemLoader(map_), autoescape=False, finalize=md_escape,
                                  keep_trailing_newline=True, **_GEDEELD)
    omgeving.filters["link"] = md_link
    omgeving.filters["met_links"] = md_met_links
    return omgeving


def html_omgeving(*mappen: Path) -> jinja2.Environment:
    """HTML (and SVG) templates from `mappen`, autoescaped."""
    omgeving = jinja2.Environment(loader=jinja2.FileSystemLoader(list(mappen)), autoescape=True, **_GEDEELD)
    omgeving.filters["met_links"] = html_met_links
    return omgeving
