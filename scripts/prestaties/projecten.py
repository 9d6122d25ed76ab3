"""The projects the benchmark builds: a copy of the project, a synthetic ten-times kader, and the
same pages as plain mkdocs-material (the Markdown the real build renders, no macros, no plugin)."""
from __future__ import annotations

import shutil
from pathlib import Path

import yaml
from mkdocs.utils.yaml import yaml_load

from macros.adressen import Adresboek, md
from macros.gegevens.lokaal import laad_uitgave

from .processen import PYTHON, meet

ROOT = Path(__file__).resolve().parent.parent.parent
EIGEN_PLUGINS = {"macros", "handelingskader"}  # what the bare build leaves out
TO_PDF_UITVOER = "downloads/site.pdf"
MARKDOWN_UIT = Path(__file__).resolve().parent / "markdown_uit.py"  # the hook that writes the Markdown


def kopie(doel: Path, data: Path | None = None) -> Path:
    for naam in ["content", "overrides", "macros"]:
        shutil.copytree(ROOT / naam, doel / naam, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(data or ROOT / "data", doel / "data")
    shutil.copy(ROOT / "mkdocs.yml", doel / "mkdocs.yml")
    return doel


def tienvoudig(doel: Path) -> Path:
    """A synthetic kader: every actie of every phase repeated ten times, with fresh codes."""
    shutil.copytree(ROOT / "data", doel)
    for bestand in (doel / "acties").glob("*.yaml"):
        data = yaml.safe_load(bestand.read_text(encoding="utf-8"))
        for fase in data["fasen"]:
            origineel, fase["acties"] = fase["acties"], []
            for _ in range(10):
                for actie in origineel:
                    fase["acties"].append(_hernummerd(actie, len(fase["acties"]) + 1))
        bestand.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return doel


def _hernummerd(actie: dict, nummer: int) -> dict:
    code = f"{actie['code'][:4]}{nummer:02d}"
    kopie_ = yaml.safe_load(yaml.safe_dump(actie))
    kopie_["code"] = code
    for h in kopie_.get("handelingen", []):
        h["id"] = code + h["id"][len(actie["code"]):]
        for s in h.get("sub", []):
            s["id"] = code + s["id"][len(actie["code"]):]
    return kopie_


def _paden(item):
    if isinstance(item, str):
        yield item
    for kind in (item.values() if isinstance(item, dict) else item if isinstance(item, list) else []):
        yield from _paden(kind)


def met_alle_paginas(nav: list, docs: Path) -> list:
    """The nav with every page of docs/ in it: a page outside the nav (partners, instrumenten,
    thema's) goes under the index.md of its folder. mkdocs-to-pdf only puts pages from the nav in
    its PDF, so this is what makes its PDF one of the whole site."""
    rest = sorted({p.relative_to(docs).as_posix() for p in docs.rglob("*.md")} - set(_paden(nav)))

    def erbij(index: str) -> list[str]:
        if not index.endswith("/index.md"):
            return []
        gevonden = [p for p in rest if p.startswith(index[:-len("index.md")])]
        for p in gevonden:
            rest.remove(p)
        return gevonden

    def aanvullen(lijst: list) -> list:
        uitkomst = []
        for item in lijst:
            if isinstance(item, str):
                uitkomst += [item, *erbij(item)]
            elif isinstance(item, list):
                uitkomst.append(aanvullen(item))
            else:
                (titel, waarde), = item.items()
                extra = erbij(waarde) if isinstance(waarde, str) else []
                uitkomst.append({titel: ([waarde, *extra] if extra else waarde) if isinstance(waarde, str)
                                 else aanvullen(waarde)})
        return uitkomst

    volledig = aanvullen(nav)
    return volledig + ([{"Overige pagina's": rest}] if rest else [])


def twaalf_paginas(k) -> list:
    """The navigation of only the object type x phase pages: the Overzicht's content."""
    return [{ot.naam: [{f.naam: md("objecttype_fase", objecttype=ot, fase=f)} for f in k.fasen]}
            for ot in k.objecttypen]


def kaal_project(volledig: Path, naam: str, to_pdf: bool = False, alleen_overzicht: bool = False) -> Path:
    """The same pages as plain mkdocs-material: a real build of `volledig` writes every page's
    Markdown as it renders it (the hook markdown_uit.py), and a config inherits the project's
    mkdocs.yml without the macros and handelingskader plugins.

    to_pdf: also the mkdocs-to-pdf plugin, writing one PDF of the whole site (every page in the nav);
    alleen_overzicht: of only the twelve object type x phase pages (the Overzicht's content).
    Returns the config file of the bare build."""
    docs = volledig / f"{naam}-content"
    schrijver = volledig / f"{naam}-markdown.yml"
    schrijver.write_text(yaml.safe_dump({"INHERIT": "mkdocs.yml", "hooks": [str(MARKDOWN_UIT)]}), encoding="utf-8")
    meet([PYTHON, "-m", "mkdocs", "build", "-q", "-f", str(schrijver), "-d", str(volledig / f"{naam}-markdownbuild")],
         volledig, env={"KADER_MARKDOWN_UIT": str(docs), "KADER_ZONDER_PDF": "1"})
    with open(volledig / "mkdocs.yml", encoding="utf-8") as bestand:
        plugins = [p for p in yaml_load(bestand)["plugins"]
                   if (next(iter(p)) if isinstance(p, dict) else p) not in EIGEN_PLUGINS]
    kader = laad_uitgave(volledig / "data")
    nav = Adresboek(kader).navigatie()
    if to_pdf:
        nav = twaalf_paginas(kader) if alleen_overzicht else met_alle_paginas(nav, docs)
        plugins.append({"to-pdf": {"output_path": TO_PDF_UITVOER, "toc_title": "Inhoud"}})
    config = volledig / f"{naam}.yml"
    config.write_text(yaml.safe_dump({"INHERIT": "mkdocs.yml", "docs_dir": docs.name, "plugins": plugins,
                                      "watch": [], "nav": nav,
                                      "extra": {"editieregel": kader.editieregel(kort=True)}},  # as the plugin
                                     allow_unicode=True, sort_keys=False),
                      encoding="utf-8")
    return config
