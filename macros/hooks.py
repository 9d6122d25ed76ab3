"""mkdocs build hooks: load the data before anything is written, add the generated pages and the
navigation and the downloads (exports and PDFs), and give every page the abbreviation tooltips."""
from __future__ import annotations

import os

from mkdocs.structure.files import File

from macros.export import exports
from macros.site import kader_voor
from macros.webpaginas import afkortingen, markdown, navigatie, paginas


_build = {"opdracht": "build", "kader": None}  # per build: the command and the kader loaded in on_config


def on_startup(command, dirty):
    _build["opdracht"] = command  # `mkdocs serve` skips the PDFs to stay fast


def on_config(config):
    kader = _build["kader"] = kader_voor(config)  # aborts the build on bad data, before site/ is cleaned
    config["nav"] = navigatie(kader)
    config["extra"]["editie"] = f"{kader.kader.titel}, editie {kader.kader.editie.naam}"
    return config


def on_files(files, config):
    kader = _build["kader"]
    for pagina in paginas(kader):
        files.append(File.generated(config, pagina.pad, content=markdown(pagina, kader)))
    downloads = {naam: inhoud.encode("utf-8") for naam, inhoud in exports(kader).items()}
    if _build["opdracht"] != "serve" and not os.environ.get("KADER_ZONDER_PDF"):
        from macros.druk import alle_pdfs  # WeasyPrint is only imported when PDFs are made
        downloads.update(alle_pdfs(kader, config["site_url"] or ""))
    for naam, inhoud in downloads.items():
        files.append(File.generated(config, f"downloads/{naam}", content=inhoud))
    return files


def on_page_markdown(markdown_tekst, page, config, files):
    """Abbreviations from data/afkortingen.yaml become tooltips wherever they appear."""
    return f"{markdown_tekst}\n\n{afkortingen(_build['kader'])}\n"
