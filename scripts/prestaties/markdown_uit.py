"""A mkdocs hook for the benchmark only: every page's Markdown as mkdocs renders it (front matter,
macros done, tooltips added) into the folder named by KADER_MARKDOWN_UIT, so a plain mkdocs-material
build can render the same pages (projecten.kaal_project)."""
from __future__ import annotations

import os
from pathlib import Path

import yaml
from mkdocs.plugins import event_priority


@event_priority(-100)  # after the kader's plugin has added the abbreviations
def on_page_markdown(markdown, page, config, files):
    pad = Path(os.environ["KADER_MARKDOWN_UIT"]) / page.file.src_uri
    meta = {k: v for k, v in page.meta.items() if k != "render_macros"}
    kop = f"---\n{yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)}---\n\n" if meta else ""
    pad.parent.mkdir(parents=True, exist_ok=True)
    pad.write_text(kop + markdown, encoding="utf-8")
    return markdown
