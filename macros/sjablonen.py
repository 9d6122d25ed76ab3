"""Jinja environments for the generated pages (Markdown) and the print documents (HTML).

Everything that comes from data is escaped automatically: in Markdown every printed value passes
through `md_escape` unless it is marked safe (Markup) by the code that built it; in HTML Jinja's own
autoescaping applies.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import jinja2
from markupsafe import Markup

OVERRIDES = Path(__file__).resolve().parent.parent / "overrides"

# Characters with a meaning in Markdown or in the extensions we enable; written as HTML entities.
_MD_TEKENS = {c: f"&#{ord(c)};" for c in "&<>\\`*_[]{}|#"}
_MD_TABEL = str.maketrans(_MD_TEKENS)


def md_escape(waarde) -> str:
    """Text from data, safe to place anywhere in Markdown: it renders as exactly that text."""
    if isinstance(waarde, Markup):
        return waarde
    if waarde is None:
        return ""
    return " ".join(str(waarde).split()).translate(_MD_TABEL)


def md_link(tekst: str, url: str) -> Markup:
    return Markup(f"[{md_escape(tekst)}]({url})")


@lru_cache(maxsize=None)
def markdown_omgeving() -> jinja2.Environment:
    omgeving = jinja2.Environment(
        loader=jinja2.FileSystemLoader(OVERRIDES / "paginas"), autoescape=False, finalize=md_escape,
        undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
        auto_reload=False)
    omgeving.filters["link"] = md_link
    return omgeving


@lru_cache(maxsize=None)
def html_omgeving() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader([OVERRIDES / "druk", OVERRIDES / "paginas"]), autoescape=True,
        undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True, auto_reload=False)


def render_markdown(sjabloon: str, **context) -> str:
    return markdown_omgeving().get_template(sjabloon).render(**context)


def render_html(sjabloon: str, **context) -> Markup:
    return Markup(html_omgeving().get_template(sjabloon).render(**context))
