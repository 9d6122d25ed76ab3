"""Markdown extension: every abbreviation (abbr extension, tooltips from data/afkortingen.yaml) can be
reached with the keyboard. With tabindex="0" an abbreviation takes the focus, and mkdocs-material's
tooltip (content.tooltips) then shows its meaning, as it does on hover."""
from __future__ import annotations

from markdown import Extension
from markdown.treeprocessors import Treeprocessor


class Toetsenbord(Treeprocessor):
    def run(self, root):
        for afkorting in root.iter("abbr"):
            afkorting.set("tabindex", "0")


class AfkortingenExtension(Extension):
    def extendMarkdown(self, md):
        # priority 0: after the abbr extension has made its elements
        md.treeprocessors.register(Toetsenbord(md), "afkortingen_toetsenbord", 0)


def makeExtension(**kwargs):  # noqa: N802 - the name Python-Markdown looks for
    return AfkortingenExtension(**kwargs)
