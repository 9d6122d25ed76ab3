"""mkdocs-macros entry point: the blocks that hand-written pages in content/ may call.

Each block is a Markdown template of the web stage rendered for the current page (links relative to
it, data escaped), from the build that the `handelingskader` plugin holds.
"""
from __future__ import annotations

from functools import partial


def define_env(env):
    def blok(sjabloon: str) -> str:
        web = env.conf.plugins["handelingskader"].bouw.web
        return web.render(sjabloon, env.page.file.src_uri)

    env.macro(partial(blok, "_snelkeuze.md"), "snelkeuze")
    env.macro(partial(blok, "_editie.md"), "editie")
    env.macro(partial(blok, "_downloads.md"), "downloads")
    env.macro(partial(blok, "_codes.md"), "codes")
    env.macro(partial(blok, "_wijzigingen.md"), "wijzigingen")
