"""mkdocs-macros entry point: the variables and macros that hand-written pages in content/ may call.

Macros return Markdown rendered from templates in overrides/paginas/, where data is escaped.
"""
from __future__ import annotations

from functools import partial

from macros.site import kader_voor
from macros.sjablonen import render_markdown
from macros.webpaginas import relatief


def define_env(env):
    def blok(sjabloon: str) -> str:
        """Render a template block for the current page (links relative to that page)."""
        pagina = env.page.file.src_uri
        return render_markdown(sjabloon, kader=kader_voor(env.conf), rel=partial(relatief, pagina))

    env.macro(partial(blok, "_snelkeuze.md"), "snelkeuze")
    env.macro(partial(blok, "_editie.md"), "editie")
    env.macro(partial(blok, "_downloads.md"), "downloads")
