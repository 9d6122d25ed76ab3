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
from pathlib import Path
from urllib.parse import quote

import jinja2
from markupsafe import Markup

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
    return omgeving


def html_omgeving(*mappen: Path) -> jinja2.Environment:
    """HTML (and SVG) templates from `mappen`, autoescaped."""
    return jinja2.Environment(loader=jinja2.FileSystemLoader(list(mappen)), autoescape=True, **_GEDEELD)
